#pragma once

#include "../usb/usbtransport.h"
#include "devicemodel.h"

#include <functional>
#include <memory>
#include <mutex>

namespace oc::sim {

// The in-process transport over a DeviceModel (normally a VirtualBoard): passes whole buffers,
// then sleeps in real time until the reply's doneAt (never longer than the host timeout), so a
// realistic timing model shows real durations. Maps TransferStatus to ErrorCode (Timeout, Stall,
// Disconnected, Transfer for overflow) with messages such as
// "control 0xc0/0x19: timed out after 5000 ms" or "bulk OUT 0x01: timed out after 5000 ms at byte 131072".
// After a timeout it tells the model the host gave up (cancelPending), as libusb does.
//
// Threading: one thread uses a transport at a time (UsbTransport contract); the model is shared
// with the bus (hotplug polling) and other handles, so every model call holds `mutex`; sleeping
// happens outside it. A handle becomes stale once the device leaves the bus: after it re-appears
// (a new enumeration) calls keep failing with Disconnected, as with a real libusb handle.
class SimTransport : public UsbTransport
{
public:
    SimTransport(std::shared_ptr<DeviceModel> model, std::shared_ptr<std::recursive_mutex> mutex,
                 UsbDeviceId id);

    Result<int> control(const ControlSetup &setup, std::span<quint8> data, Milliseconds timeout) override;
    Result<int> bulk(quint8 endpoint, std::span<quint8> data, Milliseconds timeout) override;
    UsbDeviceId deviceId() const override { return m_id; }

    // Replaces real time (tests): `now` gives the submission time, `sleepUntil` waits for doneAt.
    void setClock(std::function<SimTime()> now, std::function<void(SimTime)> sleepUntil);

private:
    bool stale() const;
    void waitFor(SimTime doneAt, SimTime submitted, Milliseconds timeout);
    Error failure(TransferStatus status, const QString &what, Milliseconds timeout, int moved,
                  int capacity) const;

    std::shared_ptr<DeviceModel> m_model;
    std::shared_ptr<std::recursive_mutex> m_mutex;
    UsbDeviceId m_id;
    int m_generation = 0;
    bool m_gone = false;
    std::function<SimTime()> m_now;
    std::function<void(SimTime)> m_sleepUntil;
};

} // namespace oc::sim
