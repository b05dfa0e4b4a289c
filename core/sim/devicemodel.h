#pragma once

#include "../usb/usbtypes.h"

#include <QByteArray>
#include <QMap>

#include <chrono>
#include <functional>

namespace oc::sim {

// Time on the emulated bus. The model never sleeps: callers pass the host's submission time and
// wait themselves until the reply's doneAt (SimTransport sleeps; the umockdev bridge delays the
// URB reap). With the "none" timing model every doneAt equals the submission time.
using SimClock = std::chrono::steady_clock;
using SimTime = SimClock::time_point;
using SimDuration = std::chrono::nanoseconds;

enum class TransferStatus : quint8 {
    Ok,       // completed (possibly short: see Reply::data / Reply::accepted)
    Stall,    // EP0 or endpoint STALL (LIBUSB_ERROR_PIPE)
    Timeout,  // not completed within the host's timeout; doneAt = submission + timeout
    NoDevice, // the device is not (or no longer) on the bus
    Overflow, // the device sent more than the host asked for (LIBUSB_ERROR_OVERFLOW)
};

struct Reply
{
    TransferStatus status = TransferStatus::Ok;
    QByteArray data;  // IN transfers: the bytes delivered to the host
    int accepted = 0; // OUT transfers: bytes the device took
    SimTime doneAt{}; // when the host sees the completion
};

// The raw descriptors a virtual device presents to the bus (what the kernel would cache).
struct UsbDescriptors
{
    QByteArray device;                // 18 bytes
    QByteArray configuration;         // full configuration descriptor set (wTotalLength bytes)
    QMap<quint8, QByteArray> strings; // index -> the exact bytes the device answers (quirks included)
    int speedMbps = 480;
};

// The device side of one emulated USB device. Implemented by VirtualBoard; driven by SimTransport
// (in-process) and by the umockdev bridge (real libusb path).
//
// Threading: calls into one model are serialised by the caller (one host thread, or the bridge's
// ioctl thread). Attachment callbacks are invoked synchronously from inside a call (REBOOT,
// disconnect fault) or from advance().
class DeviceModel
{
public:
    virtual ~DeviceModel() = default;

    // A control transfer whose SETUP the host submits at `now`. OUT data (setup.length bytes, or
    // fewer if the host sends a short data stage) is in `outData`.
    virtual Reply control(const ControlSetup &setup, const QByteArray &outData, SimTime now,
                          SimDuration timeout) = 0;

    // One piece of a bulk OUT transfer on `endpoint` (the bridge passes one URB at a time, the
    // in-process transport the whole buffer). `endOfTransfer` is true for the last piece; a
    // piece shorter than a multiple of the max packet size ends the transfer on the device side.
    virtual Reply bulkOut(quint8 endpoint, const QByteArray &data, bool endOfTransfer, SimTime now,
                          SimDuration timeout) = 0;

    // One piece of a bulk IN transfer: up to `length` bytes.
    virtual Reply bulkIn(quint8 endpoint, int length, SimTime now, SimDuration timeout) = 0;

    // The host gave up on a transfer it submitted (timeout / cancel: usbfs DISCARDURB).
    virtual void cancelPending(SimTime now) { Q_UNUSED(now) }

    // Lets time pass without host traffic (busy work completes, reset / re-attach delays elapse).
    virtual void advance(SimTime now) { Q_UNUSED(now) }

    virtual UsbDescriptors descriptors() const = 0;
    virtual bool isAttached() const = 0;

    // Called with true when the device (re-)appears on the bus and false when it leaves
    // (REBOOT, POWEROFF, unplug or a disconnect fault).
    void setAttachmentCallback(std::function<void(bool attached)> callback)
    {
        m_onAttach = std::move(callback);
    }

    // Counts arrivals on the bus. A handle opened at one generation is stale after the next
    // arrival (a re-enumerated device is a new libusb device): SimTransport compares it.
    int attachGeneration() const { return m_attachGeneration; }

protected:
    void notifyAttached(bool attached)
    {
        if (attached)
            ++m_attachGeneration;
        if (m_onAttach)
            m_onAttach(attached);
    }

private:
    std::function<void(bool)> m_onAttach;
    int m_attachGeneration = 0;
};

} // namespace oc::sim
