#pragma once

#include "burnerwire.h"
#include "burnerwork.h"
#include "norflash.h"
#include "simconfig.h"
#include "timingmodel.h"

#include <optional>

namespace oc::sim {

// The burner's SFC NOR module (spec 6.8 step 4, 6.9, 6.10, 3.12): configuration copied from the
// host's TLV at INIT and trusted blindly (geometry, erase opcode, page size, partitions), the
// erase-at-INIT modes, the lazy-erase tracker, rounding to the erase block, the offset-0 parameter
// block patch, programming, read-back compare and reads. Works on the physical NorFlash (which may
// be absent: then nothing answers, reads give zeros). Lives for one burner boot.
class SfcNorModule
{
public:
    SfcNorModule(const SimBoardConfig &config, const TimingModel &timing, NorFlash *chip);

    bool isConfigured() const { return m_configured; }
    qint64 lazyKey() const { return m_lazyKey; }
    const wire::NorInfo &info() const { return m_info; }

    // INIT with the SFC TLV at args[storageOffset]; ack 0 even when an erase failed.
    BurnerWork init(const QByteArray &args, qint64 storageOffset, bool useSfcNor);

    struct WriteJob
    {
        wire::Command cmd;
        bool writeBack = false;
        std::optional<qint32> ddrType; // K1: DDR TLV value, patched at offset 128 when > 0
        int powerLossPage = -1;        // power_loss fault: page of this chunk being programmed
    };
    // Steps 5-10 of the WRITE pipeline on `buf` (the shared WRITE/READ buffer).
    BurnerWork write(const WriteJob &job, QByteArray &buf);
    // READ: `length` bytes from `offset` into buf[0..length), no partition check.
    BurnerWork read(quint64 offset, qint64 length, QByteArray &buf);

private:
    struct Partition
    {
        int index = -1;
        quint64 offset = 0;
        quint64 size = 0;
        const wire::NorPartition *entry = nullptr;
    };
    std::optional<Partition> findPartition(quint64 offset, quint64 length) const;
    bool eraseSteps(quint64 start, quint64 length, SimDuration &busy);
    void lazyErase(const Partition &part, quint64 offset, quint64 length, SimDuration &busy);
    BurnerWork readBack(quint64 offset, quint64 len, const QByteArray &buf, BurnerWork work);
    void eraseAtInit(SimDuration &busy);
    void patchParameterBlock(QByteArray &buf, std::optional<qint32> ddrType) const;
    std::optional<SimDuration> program(quint64 offset, const QByteArray &buf, quint64 length,
                                       int powerLossPage, SimDuration &busy);

    const SimBoardConfig &m_config;
    const TimingModel &m_timing;
    NorFlash *m_chip;
    bool m_configured = false;
    wire::SpiParam m_spi;
    wire::NorInfo m_info;
    qint64 m_lazyKey = -1;
    quint64 m_readbackSize = 0; // K1: allocated at the first write-back chunk
};

} // namespace oc::sim
