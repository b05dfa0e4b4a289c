#pragma once

#include "usbtransport.h"

#include <memory>

struct libusb_device_handle;

namespace oc {

class LibusbContext;

// UsbTransport over a real libusb device handle (spec 5.1).
//
// open() finds the device by its slot (bus + port path; and vendor, when the id names one), opens
// it, selects configuration 1 only if libusb reports configuration 0, detaches a kernel driver
// from interface 0 if one is bound, and claims interface 0. It never calls libusb_clear_halt,
// libusb_reset_device or libusb_set_interface_alt_setting: the boot ROM stalls those requests.
//
// Transfers are synchronous libusb calls bounded by the given timeout (which must be > 0: libusb
// treats 0 as "forever"). No zero-length packet is ever sent. A failed bulk transfer reports the
// bytes moved before the failure in Error::offset and in its message ("... at byte N").
//
// deviceId().isVirtual: only when the cached device descriptor names a serial string
// (iSerialNumber != 0) is that string read, once, in open(); an OpenCloner virtual board's serial
// starts with "OpenCloner-Virtual". A real Ingenic ROM has iSerialNumber 0 and never sees the
// request.
//
// Threading: one thread at a time (UsbTransport contract); the object may move between threads.
// The transport keeps its LibusbContext alive.
class LibusbTransport final : public UsbTransport
{
public:
    static Result<std::unique_ptr<LibusbTransport>> open(std::shared_ptr<LibusbContext> context,
                                                         const UsbDeviceId &id);
    ~LibusbTransport() override; // releases interface 0 and closes the handle

    Result<int> control(const ControlSetup &setup, std::span<quint8> data, Milliseconds timeout) override;
    Result<int> bulk(quint8 endpoint, std::span<quint8> data, Milliseconds timeout) override;
    UsbDeviceId deviceId() const override { return m_id; }

    static constexpr const char *VirtualSerialPrefix = "OpenCloner-Virtual";

private:
    LibusbTransport(std::shared_ptr<LibusbContext> context, libusb_device_handle *handle, UsbDeviceId id);
    Status claim();
    bool hasVirtualSerial();

    std::shared_ptr<LibusbContext> m_context;
    libusb_device_handle *m_handle = nullptr;
    UsbDeviceId m_id;
    bool m_claimed = false;
};

} // namespace oc
