#pragma once

#include "../util/result.h"
#include "usbtypes.h"

#include <span>

namespace oc {

// The only way protocol code talks to a board. Implementations: LibusbTransport (real libusb),
// SimTransport (in-process virtual board), RecordingTransport / ReplayTransport (the choke point
// that records and replays every transfer).
//
// Contract for every call:
//  - synchronous; returns within `timeout` plus a small constant, never blocks forever;
//  - one thread uses a transport at a time (the protocol requires strict ordering anyway);
//  - errors are mapped to ErrorCode: Timeout, Stall, Disconnected, AccessDenied, Transfer;
//    the message names the request or endpoint, e.g. "control 0xc0/0x00: timed out after 500 ms";
//  - a partial bulk transfer that then fails reports the bytes moved in Error::offset.
class UsbTransport
{
public:
    virtual ~UsbTransport() = default;

    // Control transfer. For an IN setup (bmRequestType bit 7) `data` receives up to setup.length
    // bytes and the count is returned; for OUT, `data` (setup.length bytes) is sent and the
    // count sent is returned. A device that answers more bytes than `data` holds gives a
    // Transfer error ("overflow"); fewer bytes is not an error here: callers check the count.
    virtual Result<int> control(const ControlSetup &setup, std::span<quint8> data, Milliseconds timeout) = 0;

    // Bulk transfer on `endpoint` (0x01 OUT, 0x81 IN). Returns the bytes moved. Never sends a
    // zero-length packet after a transfer whose length is a multiple of the packet size.
    virtual Result<int> bulk(quint8 endpoint, std::span<quint8> data, Milliseconds timeout) = 0;

    // Which board this is. Valid for the transport's whole life.
    virtual UsbDeviceId deviceId() const = 0;

    // Convenience wrappers over control()/bulk().
    Result<int> controlIn(quint8 request, quint16 value, quint16 index, std::span<quint8> data,
                          Milliseconds timeout);
    Status controlOut(quint8 request, quint16 value, quint16 index, std::span<const quint8> data,
                      Milliseconds timeout);
    Status bulkOut(std::span<const quint8> data, Milliseconds timeout); // exact length or error
    Status bulkIn(std::span<quint8> data, Milliseconds timeout);        // exact length or error
};

} // namespace oc
