#include "recordingtransport.h"

#include "../util/logging.h"

#include <QElapsedTimer>

namespace oc {

namespace {

QByteArray bytesOf(std::span<const quint8> data, qsizetype count)
{
    count = qBound<qsizetype>(0, count, qsizetype(data.size()));
    return QByteArray(reinterpret_cast<const char *>(data.data()), count);
}

// Fills in what happened: the count (or the error and the bytes moved before it) and the IN data.
void finish(TransferRecord &record, const Result<int> &result, std::span<const quint8> data,
            const QElapsedTimer &timer)
{
    record.duration = std::chrono::microseconds(timer.nsecsElapsed() / 1000);
    if (result) {
        record.transferred = *result;
    } else {
        record.error = result.error();
        record.transferred = result.error().offset > 0 ? int(result.error().offset) : 0;
    }
    if (record.isIn())
        record.in = RecordedPayload::fromBytes(bytesOf(data, record.transferred));
}

} // namespace

Result<std::unique_ptr<RecordingTransport>> RecordingTransport::create(std::unique_ptr<UsbTransport> inner,
                                                                       Options options)
{
    std::unique_ptr<RecordingTransport> transport(
        new RecordingTransport(std::move(inner), std::move(options)));
    if (!transport->m_options.filePath.isEmpty())
        OC_TRY(transport->m_file.create(transport->m_options.filePath, transport->deviceId()));
    return transport;
}

RecordingTransport::RecordingTransport(std::unique_ptr<UsbTransport> inner)
    : RecordingTransport(std::move(inner), Options{})
{}

RecordingTransport::RecordingTransport(std::unique_ptr<UsbTransport> inner, Options options)
    : m_inner(std::move(inner))
    , m_options(std::move(options))
{
    Q_ASSERT(m_inner);
}

Result<int> RecordingTransport::control(const ControlSetup &setup, std::span<quint8> data,
                                        Milliseconds timeout)
{
    TransferRecord record;
    record.setup = setup;
    record.length = setup.length;
    record.timeout = timeout;
    if (!setup.isIn())
        record.out = RecordedPayload::fromBytes(bytesOf(data, qMin<qsizetype>(data.size(), setup.length)));
    QElapsedTimer timer;
    timer.start();
    Result<int> result = m_inner->control(setup, data, timeout);
    finish(record, result, data, timer);
    store(std::move(record));
    return result;
}

Result<int> RecordingTransport::bulk(quint8 endpoint, std::span<quint8> data, Milliseconds timeout)
{
    TransferRecord record;
    record.kind = TransferRecord::Kind::Bulk;
    record.endpoint = endpoint;
    record.length = qint64(data.size());
    record.timeout = timeout;
    if (!record.isIn())
        record.out = RecordedPayload::fromBytes(bytesOf(data, qsizetype(data.size())));
    QElapsedTimer timer;
    timer.start();
    Result<int> result = m_inner->bulk(endpoint, data, timeout);
    finish(record, result, data, timer);
    store(std::move(record));
    return result;
}

UsbDeviceId RecordingTransport::deviceId() const
{
    return m_inner->deviceId();
}

void RecordingTransport::store(TransferRecord record)
{
    QMutexLocker locker(&m_mutex);
    ++m_count;
    if (m_file.isOpen() && !m_fileError) {
        if (Status written = m_file.append(record, m_options.inlineLimit); !written) {
            m_fileError = written.error();
            qCWarning(lcUsb).noquote() << "recording stopped:" << written.error().message;
        }
    }
    if (m_options.keepInMemory)
        m_records.append(std::move(record));
}

QList<TransferRecord> RecordingTransport::records() const
{
    QMutexLocker locker(&m_mutex);
    return m_records;
}

qsizetype RecordingTransport::count() const
{
    QMutexLocker locker(&m_mutex);
    return m_count;
}

std::optional<Error> RecordingTransport::fileError() const
{
    QMutexLocker locker(&m_mutex);
    return m_fileError;
}

} // namespace oc
