#pragma once

#include "../util/result.h"
#include "usbtypes.h"

#include <QByteArray>
#include <QJsonObject>

#include <chrono>
#include <optional>
#include <span>

namespace oc {

// A payload as recorded: the exact bytes, or - when it came from a file that truncated it - only its
// length and SHA-256. In memory, RecordingTransport always keeps exact bytes.
struct RecordedPayload
{
    QByteArray bytes;  // exact bytes when isComplete()
    qint64 length = 0; // bytes on the wire
    QByteArray sha256; // raw 32-byte digest; empty for an empty payload

    static RecordedPayload fromBytes(QByteArray bytes);
    bool isComplete() const { return bytes.size() == length; }
    bool matches(std::span<const quint8> data) const;
    QString describe() const; // "8 bytes 5420322030205620" or "1048576 bytes sha256 3f2a..."
};

// One transfer that passed the choke point (architecture rule 2): what was asked and what happened.
struct TransferRecord
{
    enum class Kind : quint8 { Control, Bulk };

    Kind kind = Kind::Control;
    ControlSetup setup;  // Control only
    quint8 endpoint = 0; // Bulk only (0x01 OUT, 0x81 IN)
    qint64 length = 0;   // bytes asked for: wLength, or the bulk buffer size
    Milliseconds timeout{0};
    RecordedPayload out; // data sent (control OUT data stage, bulk OUT)
    RecordedPayload in;  // data received (control IN, bulk IN; partial data of a failed IN)
    int transferred = 0; // the count the transport returned (on error: Error::offset if known)
    std::optional<Error> error;
    std::chrono::microseconds duration{0};

    bool isIn() const;
    // The request only (what a replay must match): "control c0/19 wValue 0x0000 wIndex 0x0000
    // wLength 8" or "bulk OUT 0x01 1048576 bytes sha256 ...".
    QString describeRequest() const;
    // True when `other` asks the device for the same thing (kind, setup or endpoint, length, OUT data).
    bool sameRequest(const TransferRecord &other) const;

    // One JSON Lines object. Payloads longer than `inlineLimit` bytes are written as
    // {"len": N, "sha256": "..."}; shorter ones as hex. A negative limit keeps everything.
    QJsonObject toJson(qint64 inlineLimit) const;
    static Result<TransferRecord> fromJson(const QJsonObject &object);
};

} // namespace oc
