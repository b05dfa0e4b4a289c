#pragma once

#include "../util/result.h"
#include "usbtypes.h"

#include <QList>

#include <optional>

struct libusb_device;

namespace oc {

class LibusbContext;

// Lists Ingenic USB-boot devices [spec 7.3]: vendor 0xA108 with the boot ROM / burner product ids
// c309, eaef, 1000, 4775, 4780, 4785.
//
// Performs no device I/O: libusb answers from its cache (descriptors, topology), so listing is
// cheap enough for the GUI thread and never disturbs a board in the middle of a transfer. For the
// same reason isVirtual is always false here; LibusbTransport::deviceId() has the real value.
class DeviceEnumerator
{
public:
    static constexpr quint16 IngenicVendorId = 0xA108;

    static bool isIngenicBootDevice(quint16 vid, quint16 pid);
    static QList<quint16> bootProductIds();

    // The Ingenic boot devices on the bus, ordered by port path. Thread-safe.
    static Result<QList<UsbDeviceId>> list(LibusbContext &context);

    // Identity of a libusb device: bus, port path "<bus>-<p1>.<p2>...", address, vid/pid.
    // nullopt for root hubs (no port path).
    static std::optional<UsbDeviceId> describe(libusb_device *device);
};

} // namespace oc
