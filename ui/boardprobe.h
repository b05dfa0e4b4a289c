#pragma once

#include "core/usb/deviceprovider.h"

#include <QByteArray>
#include <QMetaType>
#include <QStringList>

namespace oc::catalog {
class Catalog;
}

namespace oc::ui {

// Who a board is, from its GET_CPU_INFO answer (spec 5.11): the boot ROM of one or more chips, a
// burner left running by an earlier session, a board busy in its SPL, or no answer at all.
struct ProbeResult
{
    enum class Kind : quint8 {
        Rom,         // the boot ROM answered; `chips` are the chips whose ROM gives that answer
        ResidentSpl, // an SPL's own USB loop ("ingenic")
        Burner,      // a burner from an earlier session: power-cycle before writing
        Busy,        // no answer in time: the SPL or burner is working, or the board hung
        Unknown,     // an answer no known chip gives
        Failed,      // could not open or ask the board (permissions, gone): see `error`
    };
    Kind kind = Kind::Failed;
    QByteArray answer;
    QStringList chips; // candidate chip names, best first
    Error error;       // Busy / Failed

    bool identifiesOneChip() const { return kind == Kind::Rom && chips.size() == 1; }
};

// Opens the board, asks GET_CPU_INFO (1 s timeout) and closes it. `catalog` may be null (not loaded
// yet): then `chips` stays empty. Blocking, at most about one second: call it on a worker thread.
ProbeResult probeBoard(DeviceProvider &provider, const UsbDeviceId &device, const catalog::Catalog *catalog);

// Chip names that may enumerate with this board's USB id (no I/O).
QStringList chipsForUsbId(const catalog::Catalog &catalog, const UsbDeviceId &device);

} // namespace oc::ui

Q_DECLARE_METATYPE(oc::ui::ProbeResult)
