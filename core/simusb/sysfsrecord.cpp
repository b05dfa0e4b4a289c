#include "sysfsrecord.h"

#include <QRegularExpression>

#include <algorithm>

namespace oc::sim {

namespace {

constexpr int UsbDeviceMajor = 189; // Linux usb_device character devices
constexpr int MaxDepth = 7;

quint16 le16(const QByteArray &bytes, int offset)
{
    if (bytes.size() < offset + 2)
        return 0;
    return quint16(quint8(bytes[offset]) | quint8(bytes[offset + 1]) << 8);
}

quint8 byteAt(const QByteArray &bytes, int offset)
{
    return bytes.size() > offset ? quint8(bytes[offset]) : 0;
}

QString hex4(quint16 value)
{
    return QStringLiteral("%1").arg(value, 4, 16, QLatin1Char('0'));
}

// "devpath" attribute: the ports below the root hub joined by dots; "0" for a root hub.
QString devpathOf(const QString &name)
{
    const qsizetype dash = name.indexOf(QLatin1Char('-'));
    return dash < 0 ? QStringLiteral("0") : name.mid(dash + 1);
}

} // namespace

bool SysfsRecord::parsePortPath(const QString &portPath, quint8 *bus, QList<int> *ports)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{1,3})-([0-9]{1,3}(?:\\.[0-9]{1,3})*)$"));
    const QRegularExpressionMatch match = pattern.match(portPath);
    if (!match.hasMatch())
        return false;
    const int busNumber = match.captured(1).toInt();
    QList<int> numbers;
    for (const QString &part : match.captured(2).split(QLatin1Char('.')))
        numbers.append(part.toInt());
    const bool valid = busNumber >= 1 && busNumber <= 255 && numbers.size() <= MaxDepth &&
                       std::all_of(numbers.begin(), numbers.end(), [](int n) { return n >= 1 && n <= 255; });
    if (valid) {
        *bus = quint8(busNumber);
        *ports = numbers;
    }
    return valid;
}

QStringList SysfsRecord::hubNames(const QString &portPath)
{
    quint8 bus = 0;
    QList<int> ports;
    if (!parsePortPath(portPath, &bus, &ports))
        return {};
    QStringList names{QStringLiteral("usb%1").arg(bus)};
    QString name = QString::number(bus) + QLatin1Char('-');
    for (qsizetype i = 0; i + 1 < ports.size(); ++i) {
        name += (i > 0 ? QStringLiteral(".") : QString()) + QString::number(ports[i]);
        names.append(name);
    }
    return names;
}

QString SysfsRecord::devicePath(const QString &name)
{
    QString path = QStringLiteral("/devices/opencloner-sim");
    if (name.startsWith(QLatin1String("usb")))
        return path + QLatin1Char('/') + name;
    const QStringList hubs = hubNames(name);
    for (const QString &hub : hubs)
        path += QLatin1Char('/') + hub;
    return path + QLatin1Char('/') + name;
}

QString SysfsRecord::charDevLink(quint8 bus, quint8 devnum)
{
    return QStringLiteral("/sys/dev/char/%1:%2").arg(UsbDeviceMajor).arg((bus - 1) * 128 + devnum - 1);
}

QString SysfsRecord::nodePath(quint8 bus, quint8 devnum)
{
    return QStringLiteral("/dev/bus/usb/%1/%2")
        .arg(bus, 3, 10, QLatin1Char('0'))
        .arg(devnum, 3, 10, QLatin1Char('0'));
}

QString SysfsRecord::record(const Device &device)
{
    const QByteArray &d = device.descriptors;
    const QString node = nodePath(device.bus, device.devnum).mid(5); // without "/dev/"
    const int minor = (device.bus - 1) * 128 + device.devnum - 1;
    // sysfs attributes end with a newline, except empty ones (an unconfigured bConfigurationValue).
    const auto attribute = [](const QString &key, const QString &value) {
        return value.isEmpty() ? QStringLiteral("A: %1=\n").arg(key)
                               : QStringLiteral("A: %1=%2\\n\n").arg(key, value);
    };
    QString text = QStringLiteral("P: %1\nN: %2\n").arg(devicePath(device.name), node);
    text += QStringLiteral("E: SUBSYSTEM=usb\nE: DEVTYPE=usb_device\nE: DRIVER=usb\n");
    text += QStringLiteral("E: DEVNAME=/dev/%1\n").arg(node);
    text += QStringLiteral("E: BUSNUM=%1\n").arg(device.bus, 3, 10, QLatin1Char('0'));
    text += QStringLiteral("E: DEVNUM=%1\n").arg(device.devnum, 3, 10, QLatin1Char('0'));
    text += QStringLiteral("E: PRODUCT=%1/%2/%3\n")
                .arg(le16(d, 8), 0, 16)
                .arg(le16(d, 10), 0, 16)
                .arg(le16(d, 12), 0, 16);
    text += attribute(QStringLiteral("busnum"), QString::number(device.bus));
    text += attribute(QStringLiteral("devnum"), QString::number(device.devnum));
    text += attribute(QStringLiteral("devpath"), devpathOf(device.name));
    text += attribute(QStringLiteral("speed"), QString::number(device.speedMbps));
    text += attribute(QStringLiteral("idVendor"), hex4(le16(d, 8)));
    text += attribute(QStringLiteral("idProduct"), hex4(le16(d, 10)));
    text += attribute(QStringLiteral("bcdDevice"), hex4(le16(d, 12)));
    text += attribute(QStringLiteral("bDeviceClass"),
                      QStringLiteral("%1").arg(byteAt(d, 4), 2, 16, QLatin1Char('0')));
    text += attribute(QStringLiteral("bMaxPacketSize0"), QString::number(byteAt(d, 7)));
    text += attribute(QStringLiteral("bNumConfigurations"), QString::number(byteAt(d, 17)));
    text += attribute(QStringLiteral("bConfigurationValue"),
                      device.configuration > 0 ? QString::number(device.configuration) : QString());
    text += attribute(QStringLiteral("dev"), QStringLiteral("%1:%2").arg(UsbDeviceMajor).arg(minor));
    text += QStringLiteral("H: descriptors=%1\n").arg(QString::fromLatin1(d.toHex().toUpper()));
    return text;
}

QByteArray SysfsRecord::hubDescriptors(bool rootHub)
{
    // Device: USB 2.0, class 9 (hub), protocol 1 (single TT), EP0 64 bytes, one configuration.
    QByteArray device = QByteArray::fromHex("12010002090001406b1d0200000100000001");
    if (!rootHub) {
        device[8] = char(0xE3); // 05e3:0610, a common external USB 2.0 hub
        device[9] = char(0x05);
        device[10] = char(0x10);
        device[11] = char(0x06);
    }
    // Configuration: one interface (class 9) with its interrupt status endpoint 0x81.
    const QByteArray configuration = QByteArray::fromHex("09021900010100e000"
                                                         "090400000109000000"
                                                         "0705810304000c");
    return device + configuration;
}

} // namespace oc::sim
