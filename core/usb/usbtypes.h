#pragma once

#include <QString>
#include <QtGlobal>

#include <chrono>

namespace oc {

using Milliseconds = std::chrono::milliseconds;

// One USB SETUP packet as it goes on the wire (bmRequestType, bRequest, wValue, wIndex, wLength).
struct ControlSetup
{
    quint8 requestType = 0;
    quint8 request = 0;
    quint16 value = 0;
    quint16 index = 0;
    quint16 length = 0;

    bool isIn() const { return requestType & 0x80; }
    bool operator==(const ControlSetup &) const = default;
};

constexpr quint8 BulkOutEndpoint = 0x01;
constexpr quint8 BulkInEndpoint = 0x81;

// Identity of a board on the bus. The port path ("1-4.2") is stable across re-enumeration of the
// same physical port, so a board that reboots into the ROM again keeps its row.
struct UsbDeviceId
{
    quint8 bus = 0;
    QString portPath; // "<bus>-<port>[.<port>...]"
    quint16 vid = 0;
    quint16 pid = 0;
    quint8 address = 0;     // changes on every enumeration; informational only
    bool isVirtual = false; // an OpenCloner virtual board (its serial string says so)

    bool sameSlot(const UsbDeviceId &other) const { return portPath == other.portPath; }
    bool operator==(const UsbDeviceId &) const = default;
};

} // namespace oc
