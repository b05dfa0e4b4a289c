#pragma once

#include "recordingfile.h"
#include "usbtransport.h"

#include <memory>

namespace oc {

// Serves a recording back: each call must ask for exactly what the next recorded transfer asked
// (same kind, setup or endpoint, length and OUT data); it then gets the recorded IN data and result
// or error, immediately (recorded durations are not re-enacted). Any divergence - a different
// request, a request past the end, IN data the recording kept only as a hash - is an
// ErrorCode::Internal error naming the transfer index and both requests; the position does not
// advance, so the same divergence is reported again.
//
// Threading: one thread at a time, like any UsbTransport.
class ReplayTransport final : public UsbTransport
{
public:
    ReplayTransport(QList<TransferRecord> transfers, UsbDeviceId device);
    explicit ReplayTransport(Recording recording);
    static Result<std::unique_ptr<ReplayTransport>> fromFile(const QString &path);

    Result<int> control(const ControlSetup &setup, std::span<quint8> data, Milliseconds timeout) override;
    Result<int> bulk(quint8 endpoint, std::span<quint8> data, Milliseconds timeout) override;
    UsbDeviceId deviceId() const override { return m_device; }

    qsizetype position() const { return m_position; }
    qsizetype size() const { return m_transfers.size(); }
    bool atEnd() const { return m_position == m_transfers.size(); }

private:
    Result<int> serve(const TransferRecord &request, std::span<quint8> data);

    QList<TransferRecord> m_transfers;
    UsbDeviceId m_device;
    qsizetype m_position = 0;
};

} // namespace oc
