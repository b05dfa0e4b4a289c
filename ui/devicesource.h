#pragma once

#include "core/usb/deviceprovider.h"

#include <QObject>

#include <memory>

namespace oc::ui {

// Where the window's boards come from: the real USB bus (UsbDeviceSource) or the in-process virtual
// bus (VirtualDeviceSource, for demos, training and every ui test). The window keeps one row per
// (source, port path); a board that re-enumerates on the same port keeps its row.
//
// Threading: lives in and signals on the GUI thread. provider() is thread-safe (jobs and probes use it
// from worker threads).
class DeviceSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Stable short id used in row keys and settings ("usb", "virtual").
    virtual QString sourceId() const = 0;
    virtual bool isVirtual() const = 0;
    virtual std::shared_ptr<DeviceProvider> provider() const = 0;
    // Boards on the bus now, ordered by port path.
    virtual QList<UsbDeviceId> devices() const = 0;
    // Starts watching; reports the boards already present through deviceArrived().
    virtual void start() = 0;
    // Empty when the source works; otherwise why it cannot see boards (shown to the user).
    virtual QString unavailableReason() const { return QString(); }

Q_SIGNALS:
    void deviceArrived(const oc::UsbDeviceId &device);
    void deviceLeft(const oc::UsbDeviceId &device);
};

} // namespace oc::ui
