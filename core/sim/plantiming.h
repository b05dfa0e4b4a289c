#pragma once

// The device-bound minimum time of a flashing plan under a timing model (spec 6.15): the sum of
// every transfer time and every piece of device work the plan causes, with a host that adds no
// time of its own. Benchmarks divide wall time by it; a session against a VirtualBoard whose host
// waits exactly until each doneAt takes this long.
//
// The plan is described by its shape (sizes and switches), not by core/flash's FlashPlan: the sim
// layer sits below flash.

#include "simconfig.h"
#include "timingmodel.h"

namespace oc::sim {

struct PlanShape
{
    enum class Medium : quint8 { Nor, Emmc };
    enum class InitErase : quint8 {
        None,
        Blocks, // spi_erase 1 / mmc_erase 2: initEraseBytes in eraseUnit steps (eMMC: one range)
        Whole,  // spi_erase 2 chip-erase command / mmc_erase 1 erase-all
    };

    // Sequence A (0 bytes everywhere: the board is already in the burner)
    qint64 ginfoBytes = 0;
    qint64 splBytes = 0;
    qint64 burnerBytes = 0;
    bool sendD2i = true;

    // Sequence B/C/D
    int configBlobs = 2;    // UPDATE_CFG + bulk + GET_ACK each
    qint64 configBytes = 0; // total blob bytes
    bool flashInfo = true;  // GET_FLASH_INFO
    bool init = true;
    Medium medium = Medium::Nor;
    quint64 capacity = 16 * MiB;
    quint32 pageSize = 256;       // NOR page program unit
    quint32 eraseUnit = 32 * KiB; // bytes one erase command covers (the opcode's size)
    InitErase initErase = InitErase::None;
    quint64 initEraseBytes = 0;
    qint64 writeBytes = 0;
    qint64 writeChunk = 64 * KiB;
    quint64 lazyEraseBytes = 0; // erased on first touch during the writes (spi_erase 0)
    bool transferDataCheck = true;
    bool writeBackCheck = true;
    qint64 readBytes = 0; // READ chunks (dump or verification pass)
    qint64 readChunk = 1 * MiB;
    bool reboot = true;
};

SimDuration minimumDuration(const TimingModel &timing, const PlanShape &plan);

} // namespace oc::sim
