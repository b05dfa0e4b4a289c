#include "simtransport.h"

#include "../util/logging.h"

#include <cstring>
#include <thread>

namespace oc::sim {

SimTransport::SimTransport(std::shared_ptr<DeviceModel> model, std::shared_ptr<std::recursive_mutex> mutex,
                           UsbDeviceId id)
    : m_model(std::move(model))
    , m_mutex(std::move(mutex))
    , m_id(std::move(id))
    , m_now([] { return SimClock::now(); })
    , m_sleepUntil([](SimTime t) { std::this_thread::sleep_until(t); })
{
    m_id.isVirtual = true;
    std::lock_guard lock(*m_mutex);
    m_generation = m_model->attachGeneration();
    m_gone = !m_model->isAttached();
}

void SimTransport::setClock(std::function<SimTime()> now, std::function<void(SimTime)> sleepUntil)
{
    m_now = std::move(now);
    m_sleepUntil = std::move(sleepUntil);
}

// Called with the mutex held.
bool SimTransport::stale() const
{
    return m_gone || m_model->attachGeneration() != m_generation || !m_model->isAttached();
}

void SimTransport::waitFor(SimTime doneAt, SimTime submitted, Milliseconds timeout)
{
    const SimTime limit = submitted + timeout;
    const SimTime until = std::min(doneAt, limit);
    if (until > m_now())
        m_sleepUntil(until);
}

Error SimTransport::failure(TransferStatus status, const QString &what, Milliseconds timeout, int moved,
                            int capacity) const
{
    const QString at = moved > 0 ? QStringLiteral(" at byte %1").arg(moved) : QString();
    Error error;
    switch (status) {
    case TransferStatus::Timeout:
        error =
            makeError(ErrorCode::Timeout,
                      QStringLiteral("%1: timed out after %2 ms%3").arg(what).arg(timeout.count()).arg(at));
        break;
    case TransferStatus::Stall:
        error = makeError(ErrorCode::Stall, QStringLiteral("%1: stalled").arg(what));
        break;
    case TransferStatus::NoDevice:
        error =
            makeError(ErrorCode::Disconnected, QStringLiteral("%1: the device left the bus%2").arg(what, at));
        break;
    case TransferStatus::Overflow:
        error = makeError(
            ErrorCode::Transfer,
            QStringLiteral("%1: overflow (the device sent more than %2 bytes)").arg(what).arg(capacity));
        break;
    case TransferStatus::Ok:
        error = makeError(ErrorCode::Internal, QStringLiteral("%1: no error").arg(what));
        break;
    }
    error.offset = moved;
    return error;
}

Result<int> SimTransport::control(const ControlSetup &setup, std::span<quint8> data, Milliseconds timeout)
{
    const QString what = QStringLiteral("control 0x%1/0x%2")
                             .arg(setup.requestType, 2, 16, QLatin1Char('0'))
                             .arg(setup.request, 2, 16, QLatin1Char('0'));
    const SimTime submitted = m_now();
    Reply reply;
    {
        std::lock_guard lock(*m_mutex);
        if (stale()) {
            m_gone = true;
            return failure(TransferStatus::NoDevice, what, timeout, 0, 0);
        }
        const QByteArray out = setup.isIn()
                                   ? QByteArray()
                                   : QByteArray(reinterpret_cast<const char *>(data.data()),
                                                qsizetype(std::min<size_t>(data.size(), setup.length)));
        reply = m_model->control(setup, out, submitted, timeout);
    }
    waitFor(reply.doneAt, submitted, timeout);
    qCDebug(lcUsb).noquote() << "sim" << m_id.portPath << what << "->" << int(reply.status);
    if (reply.status != TransferStatus::Ok) {
        std::lock_guard lock(*m_mutex);
        if (reply.status == TransferStatus::Timeout)
            m_model->cancelPending(std::max(reply.doneAt, m_now()));
        if (reply.status == TransferStatus::NoDevice)
            m_gone = true;
        return failure(reply.status, what, timeout, 0, int(data.size()));
    }
    if (!setup.isIn())
        return reply.accepted;
    if (size_t(reply.data.size()) > data.size())
        return failure(TransferStatus::Overflow, what, timeout, 0, int(data.size()));
    std::memcpy(data.data(), reply.data.constData(), size_t(reply.data.size()));
    return int(reply.data.size());
}

Result<int> SimTransport::bulk(quint8 endpoint, std::span<quint8> data, Milliseconds timeout)
{
    const bool in = endpoint & 0x80;
    const QString what = QStringLiteral("bulk %1 0x%2")
                             .arg(in ? QStringLiteral("IN") : QStringLiteral("OUT"))
                             .arg(endpoint, 2, 16, QLatin1Char('0'));
    const SimTime submitted = m_now();
    Reply reply;
    {
        std::lock_guard lock(*m_mutex);
        if (stale()) {
            m_gone = true;
            return failure(TransferStatus::NoDevice, what, timeout, 0, 0);
        }
        if (in) {
            reply = m_model->bulkIn(endpoint, int(data.size()), submitted, timeout);
        } else {
            const QByteArray out(reinterpret_cast<const char *>(data.data()), qsizetype(data.size()));
            reply = m_model->bulkOut(endpoint, out, true, submitted, timeout);
        }
    }
    waitFor(reply.doneAt, submitted, timeout);
    const int moved = in ? int(std::min<size_t>(size_t(reply.data.size()), data.size())) : reply.accepted;
    if (in)
        std::memcpy(data.data(), reply.data.constData(), size_t(moved));
    if (reply.status != TransferStatus::Ok) {
        std::lock_guard lock(*m_mutex);
        if (reply.status == TransferStatus::Timeout)
            m_model->cancelPending(std::max(reply.doneAt, m_now()));
        if (reply.status == TransferStatus::NoDevice)
            m_gone = true;
        return failure(reply.status, what, timeout, moved, int(data.size()));
    }
    return moved;
}

} // namespace oc::sim
