#include "replaytransport.h"

#include <algorithm>

namespace oc {

namespace {

QByteArray bytesOf(std::span<const quint8> data, qsizetype count)
{
    return QByteArray(reinterpret_cast<const char *>(data.data()), qMin<qsizetype>(count, data.size()));
}

Error divergence(qsizetype index, const QString &why)
{
    return makeError(ErrorCode::Internal,
                     QStringLiteral("replay diverged at transfer #%1: %2").arg(index).arg(why));
}

} // namespace

ReplayTransport::ReplayTransport(QList<TransferRecord> transfers, UsbDeviceId device)
    : m_transfers(std::move(transfers))
    , m_device(std::move(device))
{}

ReplayTransport::ReplayTransport(Recording recording)
    : ReplayTransport(std::move(recording.transfers), std::move(recording.device))
{}

Result<std::unique_ptr<ReplayTransport>> ReplayTransport::fromFile(const QString &path)
{
    auto recording = RecordingFile::load(path);
    if (!recording)
        return std::move(recording).error();
    return std::make_unique<ReplayTransport>(std::move(*recording));
}

Result<int> ReplayTransport::control(const ControlSetup &setup, std::span<quint8> data, Milliseconds timeout)
{
    TransferRecord request;
    request.setup = setup;
    request.length = setup.length;
    request.timeout = timeout;
    if (!setup.isIn())
        request.out = RecordedPayload::fromBytes(bytesOf(data, setup.length));
    return serve(request, data);
}

Result<int> ReplayTransport::bulk(quint8 endpoint, std::span<quint8> data, Milliseconds timeout)
{
    TransferRecord request;
    request.kind = TransferRecord::Kind::Bulk;
    request.endpoint = endpoint;
    request.length = qint64(data.size());
    request.timeout = timeout;
    if (!request.isIn())
        request.out = RecordedPayload::fromBytes(bytesOf(data, qsizetype(data.size())));
    return serve(request, data);
}

Result<int> ReplayTransport::serve(const TransferRecord &request, std::span<quint8> data)
{
    if (atEnd()) {
        return divergence(m_position, QStringLiteral("the recording ends after %1 transfers; got %2")
                                          .arg(m_transfers.size())
                                          .arg(request.describeRequest()));
    }
    const TransferRecord &expected = m_transfers.at(m_position);
    if (!expected.sameRequest(request)) {
        return divergence(
            m_position,
            QStringLiteral("expected %1; got %2").arg(expected.describeRequest(), request.describeRequest()));
    }
    if (expected.isIn()) {
        if (!expected.in.isComplete()) {
            return divergence(m_position,
                              QStringLiteral("the recording kept only the hash of the %1 IN bytes of "
                                             "%2; record with a larger inline limit to replay it")
                                  .arg(expected.in.length)
                                  .arg(expected.describeRequest()));
        }
        const qsizetype count = qMin<qsizetype>(expected.in.bytes.size(), qsizetype(data.size()));
        std::copy_n(reinterpret_cast<const quint8 *>(expected.in.bytes.constData()), count, data.data());
    }
    ++m_position;
    if (expected.error)
        return *expected.error;
    return expected.transferred;
}

} // namespace oc
