#include "burner.h"

#include "../util/logging.h"
#include "command.h"
#include "crc.h"
#include "lebytes.h"
#include "wire.h"

#include <QElapsedTimer>

namespace oc::proto {

struct Burner::Attempt
{
    enum Kind { Done, Retry, Fail } kind = Done;
    Error error; // Retry: why this try failed; Fail: the final error
};

namespace {

QString hex32(quint64 value)
{
    return QStringLiteral("0x%1").arg(value, 8, 16, QLatin1Char('0'));
}

QString sizeText(qint64 bytes)
{
    if (bytes >= (1 << 20) && bytes % (1 << 20) == 0)
        return QStringLiteral("%1 MiB").arg(bytes >> 20);
    if (bytes >= 1024 && bytes % 1024 == 0)
        return QStringLiteral("%1 KiB").arg(bytes >> 10);
    return QStringLiteral("%1 bytes").arg(bytes);
}

Medium mediumOf(quint32 ops)
{
    return Medium(ops >> 16);
}

// What an ack means after a WRITE / READ of `ops` [2.4.3, 5.4].
QString chunkAckMeaning(qint32 ack, quint32 ops, bool isWrite)
{
    const bool mmc = mediumOf(ops) == Medium::Mmc;
    switch (ack) {
    case AckPerm:
        if (mmc)
            return QStringLiteral("eMMC init failed or the card is write-protected");
        return isWrite ? QStringLiteral("read-back mismatch") : QStringLiteral("read error");
    case AckIo:
        if (mmc)
            return QStringLiteral("eMMC block transfer failed or read-back mismatch");
        return QStringLiteral("out of partition, beyond the chip, or I/O error");
    case AckBusy:
        return QStringLiteral("data not processed");
    case AckNoDev:
        return QStringLiteral("no device (no eMMC card in the slot?)");
    case AckInval:
        return isWrite ? QStringLiteral("payload CRC mismatch")
                       : QStringLiteral("invalid request for this medium");
    case AckNoSys:
        return QStringLiteral("the burner has no module for ops 0x%1 (wrong ops or burner)")
            .arg(ops, 8, 16, QLatin1Char('0'));
    case AckConnReset:
        return QStringLiteral("bulk cancelled by a SETUP");
    case AckTimedOut:
        return QStringLiteral("the burner timed out");
    }
    return QStringLiteral("unexpected status");
}

QString initAckMeaning(qint32 ack)
{
    switch (ack) {
    case AckInval:
        return QStringLiteral("the configuration lacks the storage or policy TLV");
    case AckNoSys:
        return QStringLiteral("the burner has no module for the configured storage");
    case AckNoDev:
        return QStringLiteral("no eMMC card in the slot");
    case AckPerm:
        return QStringLiteral("eMMC init failed or the card is write-protected");
    case AckIo:
        return QStringLiteral("eMMC erase failed");
    }
    return QStringLiteral("unexpected status");
}

Error deviceError(qint32 ack, const QString &meaning)
{
    Error error = makeError(ErrorCode::DeviceError, QStringLiteral("%1: %2").arg(ackText(ack), meaning));
    error.ack = ack;
    return error;
}

Error internalError(const QString &message)
{
    return makeError(ErrorCode::Internal, message);
}

bool retryableTransport(ErrorCode code)
{
    return code == ErrorCode::Timeout || code == ErrorCode::Transfer;
}

} // namespace

Burner::Burner(UsbTransport &usb, const BurnerProfile &profile, const Timeouts &timeouts,
               const CancelToken *cancel, SessionObserver *observer)
    : m_usb(usb)
    , m_profile(profile)
    , m_timeouts(timeouts)
    , m_cancel(cancel)
    , m_observer(observer)
{}

Status Burner::sendConfig(const QByteArray &blob)
{
    const QString what = QStringLiteral("UPDATE_CFG (%1 bytes)").arg(blob.size());
    if (blob.isEmpty() || blob.size() > ArgsBufferSize)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1: blob must be 1 byte to 1 MiB").arg(what));
    OC_TRY(checkCancelled(what));
    OC_TRY_CTX(sendCommand(UpdateCfg, encodeUpdateCfgCommand(quint32(blob.size()))), what);
    const std::span<const quint8> bytes(reinterpret_cast<const quint8 *>(blob.constData()),
                                        size_t(blob.size()));
    OC_TRY_CTX(m_usb.bulkOut(bytes, m_timeouts.configBulk), what);
    // Recorded as soon as the bulk went out: the burner now holds this blob at args offset 0.
    m_configSent = true;
    m_lastBlobStartsWithPolicy = blob.size() >= 4 && detail::getLe<quint32>(blob, 0) == MagicPolicy;
    auto ack = getAck(m_timeouts.burnerIdle);
    if (ack && *ack == AckBusy) {
        log(LogLevel::Warning,
            QStringLiteral("%1: EBUSY after the bulk, sending the blob once more").arg(what));
        OC_TRY_CTX(m_usb.bulkOut(bytes, m_timeouts.configBulk), what);
        ack = getAck(m_timeouts.burnerIdle);
    }
    if (!ack)
        return std::move(ack).error().withContext(what);
    if (*ack != AckOk)
        return deviceError(*ack, QStringLiteral("the burner rejected the configuration")).withContext(what);
    return {};
}

Result<quint32> Burner::readFlashId()
{
    if (!m_lastBlobStartsWithPolicy) {
        return internalError(QStringLiteral("GET_FLASH_INFO needs a configuration blob that starts with ILOP "
                                            "first (rule O5); the burner would destroy its configuration"));
    }
    quint8 id[FlashInfoLength] = {};
    auto got = m_usb.controlIn(GetFlashInfo, 0, 0, id, m_timeouts.burnerIdle);
    if (!got)
        return std::move(got).error().withContext(QStringLiteral("GET_FLASH_INFO"));
    if (*got != FlashInfoLength) {
        return makeError(
            ErrorCode::Transfer,
            QStringLiteral("GET_FLASH_INFO: short answer, %1 of %2 bytes").arg(*got).arg(FlashInfoLength));
    }
    return quint32(id[2]) << 16 | quint32(id[1]) << 8 | id[0];
}

Status Burner::init(Milliseconds deadline)
{
    if (m_initSent)
        return internalError(
            QStringLiteral("INIT was already sent to this burner; it is one-shot (rule O7)"));
    if (!m_configSent)
        return internalError(QStringLiteral("INIT before any configuration would fail for good (rule O6)"));
    OC_TRY(checkCancelled(QStringLiteral("before INIT")));
    m_initSent = true; // from here on the burner counts it, whatever happens on the wire
    OC_TRY_CTX(m_usb.controlOut(Init, 0, 0, {}, m_timeouts.burnerIdle), QStringLiteral("INIT"));
    auto ack = pollAck(deadline);
    if (!ack)
        return std::move(ack).error().withContext(QStringLiteral("INIT"));
    if (*ack != AckOk)
        return deviceError(*ack, initAckMeaning(*ack)).withContext(QStringLiteral("INIT"));
    m_initOk = true;
    return {};
}

Status Burner::write(quint64 offset, std::span<const quint8> chunk, quint32 ops, Milliseconds ackDeadline)
{
    const QString what =
        QStringLiteral("WRITE at %1 (%2)").arg(hex32(offset), sizeText(qint64(chunk.size())));
    if (auto ok = checkChunk(offset, qsizetype(chunk.size()), ops); !ok)
        return std::move(ok).error().withContext(what).atOffset(qint64(offset));
    const TransferCommand command{0, offset, chunk.size(), ops, jamcrc(chunk)};
    const QByteArray block = encodeTransferCommand(m_profile.layout, command);
    return runWithRetries(what, offset, [&] { return writeOnce(block, chunk, ops, ackDeadline); });
}

Status Burner::read(quint64 offset, std::span<quint8> out, quint32 ops, bool checkCrc)
{
    const QString what = QStringLiteral("READ at %1 (%2)").arg(hex32(offset), sizeText(qint64(out.size())));
    if (auto ok = checkChunk(offset, qsizetype(out.size()), ops); !ok)
        return std::move(ok).error().withContext(what).atOffset(qint64(offset));
    const TransferCommand command{0, offset, out.size(), ops, 0};
    const QByteArray block = encodeTransferCommand(m_profile.layout, command);
    return runWithRetries(what, offset, [&] { return readOnce(block, out, ops, checkCrc); });
}

Status Burner::runWithRetries(const QString &what, quint64 offset, const std::function<Attempt()> &once)
{
    for (int attempt = 0;; ++attempt) {
        if (auto ok = checkCancelled(what); !ok)
            return std::move(ok).error().atOffset(qint64(offset));
        Attempt result = once();
        if (result.kind == Attempt::Done)
            return {};
        if (result.kind == Attempt::Retry && attempt < MaxChunkRetries) {
            ++m_retries;
            log(LogLevel::Warning, QStringLiteral("%1: %2; retry %3 of %4")
                                       .arg(what, result.error.message)
                                       .arg(attempt + 1)
                                       .arg(MaxChunkRetries));
            continue;
        }
        if (result.kind == Attempt::Retry)
            result.error.message += QStringLiteral(" (after %1 attempts)").arg(attempt + 1);
        return std::move(result.error).withContext(what).atOffset(qint64(offset));
    }
}

Burner::Attempt Burner::writeOnce(const QByteArray &command, std::span<const quint8> chunk, quint32 ops,
                                  Milliseconds ackDeadline)
{
    if (auto sent = sendCommand(Write, command); !sent)
        return {Attempt::Fail, std::move(sent).error()};
    // O4: nothing may reach EP0 until this bulk has ended, or the burner cancels it.
    if (auto bulk = m_usb.bulkOut(chunk, m_timeouts.writeBulk(qint64(chunk.size()))); !bulk) {
        Error error = std::move(bulk).error();
        const auto kind = retryableTransport(error.code) ? Attempt::Retry : Attempt::Fail;
        return {kind, std::move(error)};
    }
    auto ack = pollAck(ackDeadline);
    if (!ack)
        return {Attempt::Fail, std::move(ack).error()};
    switch (*ack) {
    case AckOk:
        return {};
    case AckInval:
    case AckConnReset:
    case AckBusy:
        return {Attempt::Retry, deviceError(*ack, chunkAckMeaning(*ack, ops, true))};
    default:
        return {Attempt::Fail, deviceError(*ack, chunkAckMeaning(*ack, ops, true))};
    }
}

Burner::Attempt Burner::readOnce(const QByteArray &command, std::span<quint8> out, quint32 ops, bool checkCrc)
{
    if (auto sent = sendCommand(Read, command); !sent)
        return {Attempt::Fail, std::move(sent).error()};
    quint8 reply[CrcReplyLength] = {};
    auto got = m_usb.controlIn(GetCrc, 0, 0, reply, m_timeouts.getCrc(qint64(out.size())));
    if (!got)
        return {Attempt::Fail, std::move(got).error().withContext(QStringLiteral("GET_CRC"))};
    if (*got != CrcReplyLength) {
        return {
            Attempt::Fail,
            makeError(ErrorCode::Transfer,
                      QStringLiteral("GET_CRC: short answer, %1 of %2 bytes").arg(*got).arg(CrcReplyLength))};
    }
    const qint32 crcAck = qFromLittleEndian<qint32>(reply);
    const quint32 crc = qFromLittleEndian<quint32>(reply + 4);
    // O9: the burner queues the bulk IN only for these acks; asking anyway would just time out.
    const bool queued = m_profile.generation == BurnerGeneration::K1 ? crcAck >= 0 : crcAck == 0;
    if (!queued) {
        const auto kind = crcAck < 0 ? Attempt::Retry : Attempt::Fail;
        return {
            kind,
            deviceError(crcAck, chunkAckMeaning(crcAck, ops, false)).withContext(QStringLiteral("GET_CRC"))};
    }
    if (auto bulk = m_usb.bulkIn(out, m_timeouts.readBulk(qint64(out.size()))); !bulk) {
        Error error = std::move(bulk).error();
        const auto kind = retryableTransport(error.code) ? Attempt::Retry : Attempt::Fail;
        return {kind, std::move(error)};
    }
    if (checkCrc && jamcrc(out) != crc) {
        return {Attempt::Retry,
                makeError(ErrorCode::Transfer,
                          QStringLiteral("CRC mismatch: data has 0x%1, the burner computed 0x%2")
                              .arg(jamcrc(out), 8, 16, QLatin1Char('0'))
                              .arg(crc, 8, 16, QLatin1Char('0')))};
    }
    auto ack = getAck(m_timeouts.burnerIdle);
    if (!ack)
        return {Attempt::Fail, std::move(ack).error()};
    if (*ack != AckOk)
        return {Attempt::Fail, deviceError(*ack, chunkAckMeaning(*ack, ops, false))};
    return {};
}

Status Burner::syncTime(const QDateTime &when)
{
    OC_TRY_CTX(sendCommand(SyncTime, encodeRtcTime(when), 1), QStringLiteral("SYNC_TIME"));
    auto ack = getAck(m_timeouts.burnerIdle);
    if (!ack)
        return std::move(ack).error().withContext(QStringLiteral("SYNC_TIME"));
    if (*ack != AckOk)
        return deviceError(*ack, QStringLiteral("the burner could not set its RTC"))
            .withContext(QStringLiteral("SYNC_TIME"));
    return {};
}

Status Burner::reboot()
{
    return reset(Reboot, "REBOOT");
}

Status Burner::powerOff()
{
    return reset(PowerOff, "POWEROFF");
}

Status Burner::reset(quint8 request, const char *name)
{
    auto sent = m_usb.controlOut(request, 0, 0, {}, m_timeouts.reboot);
    if (!sent) {
        // O11: the SoC resets right after (or instead of) the status stage.
        qCDebug(lcProtocol).noquote() << name << ":" << sent.error().message << "(ignored: the board resets)";
    }
    return {};
}

Result<qint32> Burner::getAck(Milliseconds timeout)
{
    quint8 reply[AckReplyLength] = {};
    auto got = m_usb.controlIn(GetAck, 0, 0, reply, timeout);
    if (!got)
        return std::move(got).error().withContext(QStringLiteral("GET_ACK"));
    if (*got != AckReplyLength) {
        return makeError(
            ErrorCode::Transfer,
            QStringLiteral("GET_ACK: short answer, %1 of %2 bytes").arg(*got).arg(AckReplyLength));
    }
    return qFromLittleEndian<qint32>(reply);
}

// O10: while the burner erases / programs / reads, EP0 is NAKed; a timed-out GET_ACK is retried
// (it has no completion-time effect, [5.3]) until the deadline.
Result<qint32> Burner::pollAck(Milliseconds deadline)
{
    QElapsedTimer clock;
    clock.start();
    for (int tries = 1;; ++tries) {
        const Milliseconds left = deadline - Milliseconds(clock.elapsed());
        auto ack = getAck(std::clamp(left, Milliseconds(1), m_timeouts.ackTry));
        if (ack || ack.error().code != ErrorCode::Timeout)
            return ack;
        if (Milliseconds(clock.elapsed()) >= deadline) {
            return makeError(ErrorCode::Timeout,
                             QStringLiteral("GET_ACK: the burner stayed busy for more than %1 ms "
                                            "(%2 tries)")
                                 .arg(deadline.count())
                                 .arg(tries));
        }
        OC_TRY(checkCancelled(QStringLiteral("while waiting for the burner")));
    }
}

Status Burner::sendCommand(quint8 request, const QByteArray &block, quint16 value)
{
    const std::span<const quint8> bytes(reinterpret_cast<const quint8 *>(block.constData()),
                                        size_t(block.size()));
    return m_usb.controlOut(request, value, 0, bytes, m_timeouts.burnerIdle);
}

Status Burner::checkChunk(quint64 offset, qsizetype size, quint32 ops) const
{
    if (size <= 0)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("a chunk must not be empty"));
    const qsizetype limit = qMin<qsizetype>(m_profile.maxChunk, MaxChunkSize);
    if (size > limit)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("chunk larger than %1").arg(sizeText(limit)));
    if (offset + quint64(size) > (quint64(1) << 32))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the burner addresses only the first 4 GiB"));
    const Medium medium = mediumOf(ops);
    if (medium == Medium::Efuse)
        return internalError(QStringLiteral("eFuse operations are never sent (rule O12)"));
    if (medium == Medium::SpiSfc && !m_initOk)
        return internalError(QStringLiteral("SFC access before a successful INIT would hang the burner"));
    return {};
}

Status Burner::checkCancelled(const QString &where) const
{
    if (m_cancel && m_cancel->isCancelled())
        return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled: %1").arg(where));
    return {};
}

void Burner::log(LogLevel level, const QString &text) const
{
    qCInfo(lcProtocol).noquote() << text;
    if (m_observer)
        m_observer->log(level, text);
}

} // namespace oc::proto
