#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace oc::sim {

// The sysfs side of an emulated USB device as the Linux kernel would present it, in umockdev's
// record format (umockdev_testbed_add_from_string): libusb enumerates from these attributes and
// reads its descriptor cache from "descriptors" (device + configuration descriptors, as the kernel
// caches them). Pure functions; no umockdev calls.
//
// Layout: /sys/devices/opencloner-sim/usb<bus>/<bus>-<p1>/<bus>-<p1>.<p2>, i.e. every port-path
// prefix is a hub, as on real hardware; libusb derives the port numbers from those names.
class SysfsRecord
{
public:
    struct Device
    {
        quint8 bus = 1;
        quint8 devnum = 1;
        QString name;           // sysfs name: "usb1" (root hub), "1-4", "1-4.2"
        QByteArray descriptors; // device descriptor (18 bytes) followed by the configuration set
        int speedMbps = 480;
        int configuration = 1; // bConfigurationValue (0: unconfigured)
    };

    // "1-4.2" -> bus 1, ports {4, 2}; false for anything else (bus 1..255, ports 1..255, depth <= 7).
    static bool parsePortPath(const QString &portPath, quint8 *bus, QList<int> *ports);
    // The hubs above a device, outermost first: "1-4.2" -> {"usb1", "1-4"}.
    static QStringList hubNames(const QString &portPath);
    // "/devices/opencloner-sim/usb1/1-4/1-4.2" ("/sys" is prepended by umockdev).
    static QString devicePath(const QString &name);
    // "/dev/bus/usb/001/005"
    static QString nodePath(quint8 bus, quint8 devnum);
    // "/sys/dev/char/189:<minor>": the link from the device number to the device's sysfs entry.
    static QString charDevLink(quint8 bus, quint8 devnum);

    // The full record (P:, N:, E:, A:, H: lines) for add_from_string.
    static QString record(const Device &device);
    // Device + configuration descriptors of a USB 2.0 hub (root hub: Linux Foundation 1d6b:0002).
    static QByteArray hubDescriptors(bool rootHub);
};

} // namespace oc::sim
