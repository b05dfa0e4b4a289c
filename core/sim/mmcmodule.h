#pragma once

#include "burnerwire.h"
#include "burnerwork.h"
#include "emmc.h"
#include "simconfig.h"
#include "timingmodel.h"

#include <optional>

namespace oc::sim {

// The burner's MMC module (spec 6.8 step 5, 6.9 eMMC paragraph, 6.10): card init on the policy's
// slot with the erase modes of mmc_param, block writes with the DDR-type patch of block 0 and a
// CRC read-back compare, block reads. The card (which may be absent from the board, or sit on
// another slot) answers only on its own slot. Lives for one burner boot.
class MmcModule
{
public:
    MmcModule(const SimBoardConfig &config, const TimingModel &timing, Emmc *card);

    BurnerWork init(const wire::MmcParam &param, int slot);

    struct WriteJob
    {
        wire::Command cmd;
        bool writeBack = false;
        std::optional<qint32> ddrType; // K1: patched at 0x4400 + 128 of block 0 when > 0
    };
    BurnerWork write(const WriteJob &job, QByteArray &buf);
    BurnerWork read(const wire::Command &cmd, QByteArray &buf);

private:
    // The card on `slot`, re-initialised as the burner does before each transfer: ack -19 (no card)
    // or -1 (init failure / write-protected) in `ack`, nullptr then.
    Emmc *cardOn(int slot, qint32 *ack) const;

    const SimBoardConfig &m_config;
    const TimingModel &m_timing;
    Emmc *m_card;
};

} // namespace oc::sim
