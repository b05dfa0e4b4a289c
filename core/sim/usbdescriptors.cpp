#include "usbdescriptors.h"

namespace oc::sim {

namespace {

constexpr quint8 DescDevice = 1;
constexpr quint8 DescConfiguration = 2;
constexpr quint8 DescString = 3;
constexpr quint8 DescQualifier = 6;

QByteArray deviceDescriptor(quint16 vid, quint16 pid, quint8 iSerial)
{
    const quint8 d[18] = {
        18,          DescDevice,       0x00, 0x02, 0x00, 0x00, 0x00,    64, quint8(vid), quint8(vid >> 8),
        quint8(pid), quint8(pid >> 8), 0x00, 0x01, 1,    2,    iSerial, 1};
    return QByteArray(reinterpret_cast<const char *>(d), sizeof d);
}

// Configuration 1: one vendor interface with bulk 0x01 OUT and 0x81 IN; 32 bytes in total.
QByteArray configurationDescriptor(int packetSize, quint8 iInterface)
{
    const quint8 lo = quint8(packetSize), hi = quint8(packetSize >> 8);
    const quint8 d[32] = {9,          DescConfiguration,
                          32,         0,
                          1,          1,
                          0,          0x80,
                          0xFA, // configuration
                          9,          4,
                          0,          0,
                          2,          0xFF,
                          0x00,       0x00,
                          iInterface, // interface 0
                          7,          5,
                          0x01,       0x02,
                          lo,         hi,
                          0, // EP 0x01 bulk OUT
                          7,          5,
                          0x81,       0x02,
                          lo,         hi,
                          0}; // EP 0x81 bulk IN
    return QByteArray(reinterpret_cast<const char *>(d), sizeof d);
}

QByteArray qualifierDescriptor()
{
    const quint8 d[10] = {10, DescQualifier, 0x00, 0x02, 0x00, 0x00, 0x00, 64, 1, 0};
    return QByteArray(reinterpret_cast<const char *>(d), sizeof d);
}

// String 2 of the ROM: bLength 0x26, U+00C3 U+0009 (the PID bytes C3 09 as characters), then
// " USB Boot Device". The ROM sends 46 bytes: 8 bytes of whatever follows in ROM.
QByteArray romProductString(bool quirk)
{
    QString text;
    text.append(QChar(0x00C3));
    text.append(QChar(0x0009));
    text.append(QStringLiteral(" USB Boot Device"));
    QByteArray s = stringDescriptor(text);
    if (quirk)
        s.append(8, '\0');
    return s;
}

} // namespace

QByteArray stringDescriptor(const QString &text)
{
    QByteArray s;
    s.append(char(2 + 2 * text.size()));
    s.append(char(DescString));
    for (QChar c : text) {
        s.append(char(c.unicode() & 0xFF));
        s.append(char(c.unicode() >> 8));
    }
    return s;
}

UsbDescriptors romDescriptors(const SimBoardConfig &config)
{
    UsbDescriptors set;
    const bool exact = config.exactDescriptors;
    set.device = deviceDescriptor(config.vid, config.pid, exact ? 0 : 3);
    set.configuration = configurationDescriptor(config.bulkPacketSize(), 0);
    set.strings.insert(0, QByteArray::fromHex("04030904"));
    set.strings.insert(1, stringDescriptor(QStringLiteral("Ingenic")));
    set.strings.insert(2, romProductString(config.romString2Quirk));
    if (!exact)
        set.strings.insert(
            3, stringDescriptor(QStringLiteral("OpenCloner-Virtual-%1").arg(config.serialNumber)));
    set.speedMbps = config.highSpeed ? 480 : 12;
    return set;
}

UsbDescriptors burnerDescriptors(const SimBoardConfig &config)
{
    UsbDescriptors set;
    set.device = deviceDescriptor(0xA108, config.burnerPid, 0);
    set.configuration = configurationDescriptor(config.bulkPacketSize(), 3);
    set.strings.insert(0, QByteArray::fromHex("04030904"));
    set.strings.insert(1, stringDescriptor(QStringLiteral("Ingenic")));
    set.strings.insert(2, stringDescriptor(QStringLiteral("Ingenic Burner"))); // product text inferred
    set.strings.insert(3, stringDescriptor(QStringLiteral("INGENIC VENDOR BURNNER")));
    set.speedMbps = config.highSpeed ? 480 : 12;
    return set;
}

std::optional<QByteArray> getDescriptor(const UsbDescriptors &set, quint16 wValue, quint16 wLength)
{
    const quint8 type = quint8(wValue >> 8);
    const quint8 index = quint8(wValue);
    QByteArray answer;
    if (type == DescDevice && index == 0)
        answer = set.device;
    else if (type == DescConfiguration && index == 0)
        answer = set.configuration;
    else if (type == DescQualifier && index == 0)
        answer = qualifierDescriptor();
    else if (type == DescString && set.strings.contains(index))
        answer = set.strings.value(index);
    else
        return std::nullopt;
    return answer.left(wLength);
}

} // namespace oc::sim
