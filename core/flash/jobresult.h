#pragma once

#include "../util/result.h"
#include "../util/stage.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <optional>

namespace oc {

// Where a job left the board, so the user always knows what to do next.
enum class BoardState : quint8 {
    Untouched,    // nothing was sent beyond identification
    InRom,        // still in the boot ROM (SPL may have run)
    BurnerIdle,   // the burner runs and waits for commands; flash as described by `flashState`
    Rebooted,     // REBOOT (or the profile's POWEROFF) sent; the board left the bus
    Gone,         // the board left the bus unexpectedly
    Unresponsive, // the board stopped answering: power-cycle it
};

const char *boardStateName(BoardState state);

struct JobResult
{
    bool ok = false;
    Error error; // valid when !ok
    std::optional<Stage> failedStage;
    BoardState boardState = BoardState::Untouched;
    QString flashState;  // "unchanged", "written 0x0-0x120000 of the image", ...
    QByteArray romId;    // GET_CPU_INFO in the ROM
    QByteArray burnerId; // GET_CPU_INFO of the burner
    quint32 jedecId = 0;
    QString flashName;
    quint64 flashSize =
        0;             // bytes: the NOR chip's size from its JEDEC record, or the eMMC's declared capacity
    quint64 bytes = 0; // bytes written / read / verified
    double seconds = 0;
    double cpuSeconds = 0; // CPU time of the job's worker thread (the host's cost of this board)
    int retries = 0;
};

} // namespace oc

Q_DECLARE_METATYPE(oc::JobResult)
