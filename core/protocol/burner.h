#pragma once

// Host side of the stage-2 burner: Sequences B, C, D [5.8-5.10] with the ordering rules O1-O13 and the
// retry policy of [5.4]. Every operation is a strict synchronous sequence on one transport, so no
// control transfer ever overlaps a WRITE or READ bulk (O4).
//
// Threading: one Burner is used by one thread at a time, like its transport. It keeps references to
// `usb`, `cancel` and `observer` (both may be null), which must outlive it; profile and timeouts are
// copied. Cancellation is checked before each chunk, between retries and between GET_ACK tries.
//
// Guards (ErrorCode::Internal, nothing sent): GET_FLASH_INFO unless the last blob started with ILOP
// (O5); INIT twice or before any configuration (O6, O7); SFC WRITE/READ before a successful INIT
// (the burner would hang); eFuse ops (O12).

#include "../usb/usbtransport.h"
#include "../util/cancel.h"
#include "../util/observer.h"
#include "params.h"
#include "timeouts.h"

#include <QByteArray>
#include <QDateTime>

#include <functional>
#include <span>

namespace oc::proto {

class Burner
{
public:
    static constexpr int MaxChunkRetries = 3; // [5.4]

    Burner(UsbTransport &usb, const BurnerProfile &profile, const Timeouts &timeouts,
           const CancelToken *cancel, SessionObserver *observer);

    // UPDATE_CFG with the blob length, the blob as one bulk OUT of exactly that length (no ZLP), then
    // GET_ACK, which must be 0. An ack of -16 (blob not received) gets the bulk once more, never a
    // second UPDATE_CFG [5.4].
    Status sendConfig(const QByteArray &blob);

    // GET_FLASH_INFO (3 bytes) -> JEDEC id (manufacturer << 16 | type << 8 | capacity). Returns the
    // raw id, including 0 and 0xFFFFFF (no chip answered): the caller decides [5.5].
    Result<quint32> readFlashId();

    // INIT, then GET_ACK repeated on Timeout until `deadline` (Timeouts::initDeadline); ack must be 0.
    Status init(Milliseconds deadline);

    // One WRITE chunk: command (profile layout, partition 0, crc = JAMCRC(chunk)), bulk OUT, GET_ACK
    // repeated on Timeout until `ackDeadline`. Retried up to MaxChunkRetries times on ack -22, -104,
    // -16, or a bulk OUT that timed out or moved fewer bytes; other acks -> ErrorCode::DeviceError with
    // Error::ack set. Every error carries Error::offset = `offset` and context such as
    // "WRITE at 0x00120000 (64 KiB)". offset + size must stay below 4 GiB, size <= profile.maxChunk.
    Status write(quint64 offset, std::span<const quint8> chunk, quint32 ops, Milliseconds ackDeadline);

    // One READ chunk into `out` (its size is the length): command, GET_CRC, bulk IN of exactly that
    // length (only when the GET_CRC ack allows it: K1 ack >= 0, ICU ack == 0), JAMCRC compare when
    // `checkCrc` (needs transfer_data_chk = 1 in the configuration), trailing GET_ACK == 0. Retried up
    // to MaxChunkRetries times on a negative GET_CRC ack, CRC mismatch, or a bulk IN timeout / short.
    Status read(quint64 offset, std::span<quint8> out, quint32 ops, bool checkCrc);

    // SYNC_TIME (wValue 1 like the vendor host) with `when`, then GET_ACK; a non-zero ack (no RTC) is
    // DeviceError, which callers may treat as a warning.
    Status syncTime(const QDateTime &when);

    // REBOOT. The board resets and leaves the bus, so errors of the transfer are logged and ignored
    // (O11); always succeeds. Nothing may be sent afterwards.
    Status reboot();
    // POWEROFF: the same for boards whose profile powers them off at the end (vendor [info]
    // power_off): the SoC resets with a "power off" tag and leaves the bus.
    Status powerOff();

    // One GET_ACK (4 bytes) with `timeout`.
    Result<qint32> getAck(Milliseconds timeout);

    int retriesUsed() const { return m_retries; } // chunk retries so far, for reports

private:
    struct Attempt; // outcome of one try of a chunk
    Attempt writeOnce(const QByteArray &command, std::span<const quint8> chunk, quint32 ops,
                      Milliseconds ackDeadline);
    Attempt readOnce(const QByteArray &command, std::span<quint8> out, quint32 ops, bool checkCrc);
    Status runWithRetries(const QString &what, quint64 offset, const std::function<Attempt()> &once);
    Result<qint32> pollAck(Milliseconds deadline);
    Status reset(quint8 request, const char *name);
    Status sendCommand(quint8 request, const QByteArray &block, quint16 value = 0);
    Status checkChunk(quint64 offset, qsizetype size, quint32 ops) const;
    Status checkCancelled(const QString &where) const;
    void log(LogLevel level, const QString &text) const;

    UsbTransport &m_usb;
    BurnerProfile m_profile;
    Timeouts m_timeouts;
    const CancelToken *m_cancel;
    SessionObserver *m_observer;
    int m_retries = 0;
    bool m_configSent = false;
    bool m_lastBlobStartsWithPolicy = false;
    bool m_initSent = false;
    bool m_initOk = false;
};

} // namespace oc::proto
