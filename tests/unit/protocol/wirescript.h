#pragma once

// Test helper: builds the exact transfer list a spec sequence prescribes, for ReplayTransport. The
// replay rejects any request that differs from the next scripted one (setup bytes, endpoint, length,
// OUT data), so a test that completes proves the host sent exactly the scripted sequence.

#include "core/usb/replaytransport.h"

#include <QByteArray>
#include <QtEndian>

namespace oc::test {

class WireScript
{
public:
    // Control transfer given by its 8 setup bytes as the spec prints them ("C0 00 00 00 00 00 08 00").
    // OUT: `data` is the expected data stage. IN: `data` is what the device answers.
    WireScript &control(const char *setupHex, const QByteArray &data = {})
    {
        TransferRecord r;
        r.setup = setupOf(setupHex);
        r.length = r.setup.length;
        if (r.setup.isIn()) {
            r.in = RecordedPayload::fromBytes(data);
            r.transferred = int(data.size());
        } else {
            r.out = RecordedPayload::fromBytes(data);
            r.transferred = int(data.size());
        }
        m_records.append(r);
        return *this;
    }
    // A control transfer that fails with `code` (e.g. Timeout while the device is busy).
    WireScript &controlFails(const char *setupHex, ErrorCode code, const QByteArray &outData = {})
    {
        control(setupHex, outData);
        TransferRecord &r = m_records.last();
        r.in = RecordedPayload::fromBytes({});
        r.transferred = 0;
        r.error = makeError(code, QStringLiteral("scripted failure"));
        return *this;
    }
    WireScript &bulkOut(const QByteArray &data)
    {
        TransferRecord r;
        r.kind = TransferRecord::Kind::Bulk;
        r.endpoint = BulkOutEndpoint;
        r.length = data.size();
        r.out = RecordedPayload::fromBytes(data);
        r.transferred = int(data.size());
        m_records.append(r);
        return *this;
    }
    WireScript &bulkIn(const QByteArray &data)
    {
        TransferRecord r;
        r.kind = TransferRecord::Kind::Bulk;
        r.endpoint = BulkInEndpoint;
        r.length = data.size();
        r.in = RecordedPayload::fromBytes(data);
        r.transferred = int(data.size());
        m_records.append(r);
        return *this;
    }
    // Makes the last scripted transfer fail with `code` after moving `moved` bytes.
    WireScript &failLast(ErrorCode code, int moved = 0)
    {
        TransferRecord &r = m_records.last();
        r.transferred = moved;
        Error error = makeError(code, QStringLiteral("scripted failure"));
        error.offset = moved;
        r.error = error;
        return *this;
    }

    // Burner shorthands [1.6, 3.3].
    WireScript &getAck(qint32 ack) { return control("C0 10 00 00 00 00 04 00", le32(ack)); }
    WireScript &getAckTimeout() { return controlFails("C0 10 00 00 00 00 04 00", ErrorCode::Timeout); }
    WireScript &getCrc(qint32 ack, quint32 crc)
    {
        return control("C0 19 00 00 00 00 08 00", le32(ack) + le32(qint32(crc)));
    }

    QList<TransferRecord> records() const { return m_records; }
    std::unique_ptr<ReplayTransport> transport() const
    {
        return std::make_unique<ReplayTransport>(
            m_records, UsbDeviceId{1, QStringLiteral("1-1"), 0xA108, 0xC309, 5, true});
    }

    static QByteArray le32(qint32 value)
    {
        QByteArray bytes(4, '\0');
        qToLittleEndian<qint32>(value, bytes.data());
        return bytes;
    }
    static ControlSetup setupOf(const char *setupHex)
    {
        const QByteArray b = QByteArray::fromHex(QByteArray(setupHex));
        Q_ASSERT(b.size() == 8);
        const auto *p = reinterpret_cast<const uchar *>(b.constData());
        return ControlSetup{p[0], p[1], qFromLittleEndian<quint16>(p + 2), qFromLittleEndian<quint16>(p + 4),
                            qFromLittleEndian<quint16>(p + 6)};
    }

private:
    QList<TransferRecord> m_records;
};

} // namespace oc::test
