#include "deviceenumerator.h"

#include "libusbcontext.h"
#include "usberror.h"

#include <libusb.h>

#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace oc {

namespace {
// [spec 7.3] the vendor's udev rules and platforms.cfg [usb]; d002 (adb) is not a boot device.
constexpr std::array<quint16, 6> BootProductIds = {0xC309, 0xEAEF, 0x1000, 0x4775, 0x4780, 0x4785};

// "1-2" before "1-10": bus and port numbers compare as numbers.
QList<int> portNumbers(const QString &portPath)
{
    QList<int> numbers;
    for (const QString &part : portPath.split(QRegularExpression(QStringLiteral("[-.]"))))
        numbers.append(part.toInt());
    return numbers;
}
} // namespace

bool DeviceEnumerator::isIngenicBootDevice(quint16 vid, quint16 pid)
{
    return vid == IngenicVendorId &&
           std::find(BootProductIds.begin(), BootProductIds.end(), pid) != BootProductIds.end();
}

QList<quint16> DeviceEnumerator::bootProductIds()
{
    return QList<quint16>(BootProductIds.begin(), BootProductIds.end());
}

std::optional<UsbDeviceId> DeviceEnumerator::describe(libusb_device *device)
{
    std::array<uint8_t, 8> ports{}; // USB 3 allows a depth of 7
    const int depth = libusb_get_port_numbers(device, ports.data(), int(ports.size()));
    if (depth <= 0)
        return std::nullopt;
    libusb_device_descriptor descriptor{};
    if (libusb_get_device_descriptor(device, &descriptor) != LIBUSB_SUCCESS)
        return std::nullopt;

    UsbDeviceId id;
    id.bus = libusb_get_bus_number(device);
    id.address = libusb_get_device_address(device);
    id.vid = descriptor.idVendor;
    id.pid = descriptor.idProduct;
    id.portPath = QString::number(id.bus) + QLatin1Char('-');
    for (int i = 0; i < depth; ++i) {
        if (i > 0)
            id.portPath += QLatin1Char('.');
        id.portPath += QString::number(ports[size_t(i)]);
    }
    return id;
}

Result<QList<UsbDeviceId>> DeviceEnumerator::list(LibusbContext &context)
{
    libusb_device **devices = nullptr;
    const ssize_t count = libusb_get_device_list(context.handle(), &devices);
    if (count < 0)
        return libusbError(int(count), QStringLiteral("listing USB devices"));

    QList<UsbDeviceId> found;
    for (ssize_t i = 0; i < count; ++i) {
        const auto id = describe(devices[i]);
        if (id && isIngenicBootDevice(id->vid, id->pid))
            found.append(*id);
    }
    libusb_free_device_list(devices, 1);
    std::sort(found.begin(), found.end(), [](const UsbDeviceId &a, const UsbDeviceId &b) {
        return portNumbers(a.portPath) < portNumbers(b.portPath);
    });
    return found;
}

} // namespace oc
