// RecordingTransport and ReplayTransport: a session recorded over a small in-test transport
// replays identically from memory and from a JSON Lines file; divergence is reported precisely.
#include "core/usb/recordingtransport.h"
#include "core/usb/replaytransport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace oc;
using namespace std::chrono_literals;

namespace {

std::span<quint8> span(QByteArray &bytes)
{
    return {reinterpret_cast<quint8 *>(bytes.data()), size_t(bytes.size())};
}

// A tiny device: GET_CPU_INFO-like control IN, a control OUT that is stored, a stalled request,
// bulk OUT into a FIFO that bulk IN drains; bulk IN on an empty FIFO times out; an armed bulk OUT
// fails after 100 bytes.
class EchoTransport final : public UsbTransport
{
public:
    Result<int> control(const ControlSetup &setup, std::span<quint8> data, Milliseconds timeout) override
    {
        if (setup.request == 0x42)
            return makeError(ErrorCode::Stall, QStringLiteral("control 0xc0/0x42: stalled (pipe error)"));
        if (setup.isIn()) {
            const QByteArray info = QByteArrayLiteral("T 3 1 V ");
            std::copy_n(info.constData(), qMin<qsizetype>(setup.length, info.size()), data.data());
            return int(qMin<qsizetype>(setup.length, info.size()));
        }
        m_stored = QByteArray(reinterpret_cast<const char *>(data.data()), setup.length);
        Q_UNUSED(timeout)
        return int(setup.length);
    }

    Result<int> bulk(quint8 endpoint, std::span<quint8> data, Milliseconds timeout) override
    {
        if (endpoint == BulkOutEndpoint) {
            if (m_failNextOut) {
                m_failNextOut = false;
                Error error = makeError(ErrorCode::Disconnected,
                                        QStringLiteral("bulk OUT 0x01: device left the bus at byte 100"));
                error.offset = 100;
                return error;
            }
            m_fifo.append(reinterpret_cast<const char *>(data.data()), qsizetype(data.size()));
            return int(data.size());
        }
        if (m_fifo.isEmpty()) {
            Error error = makeError(
                ErrorCode::Timeout,
                QStringLiteral("bulk IN 0x81: timed out after %1 ms at byte 0").arg(timeout.count()));
            error.offset = 0;
            return error;
        }
        const qsizetype count = qMin<qsizetype>(m_fifo.size(), qsizetype(data.size()));
        std::copy_n(m_fifo.constData(), count, data.data());
        m_fifo.remove(0, count);
        return int(count);
    }

    UsbDeviceId deviceId() const override
    {
        return UsbDeviceId{1, QStringLiteral("1-4.2"), 0xA108, 0xC309, 7, false};
    }

    void failNextOut() { m_failNextOut = true; }

private:
    QByteArray m_fifo;
    QByteArray m_stored;
    bool m_failNextOut = false;
};

QByteArray pattern(qsizetype size, char seed)
{
    QByteArray bytes(size, '\0');
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(seed + i * 7);
    return bytes;
}

QString outcome(const Result<int> &result, const QByteArray &data)
{
    if (!result)
        return QStringLiteral("error %1 \"%2\" at %3")
            .arg(QLatin1String(errorCodeName(result.error().code)), result.error().message)
            .arg(result.error().offset);
    return QStringLiteral("%1: %2").arg(*result).arg(QString::fromLatin1(data.left(*result).toHex()));
}

// One session; `bigIn` reads 64 KiB back (its IN payload is large).
QStringList runSession(UsbTransport &transport, EchoTransport *device, bool bigIn)
{
    QStringList outcomes;
    QByteArray info(8, '\0');
    outcomes << outcome(transport.control({0xC0, 0x00, 0, 0, 8}, span(info), 500ms), info);
    QByteArray command = pattern(40, 'A');
    outcomes << outcome(transport.control({0x40, 0x12, 0, 0, 40}, span(command), 500ms), command);
    QByteArray none(8, '\0');
    outcomes << outcome(transport.control({0xC0, 0x42, 0, 0, 8}, span(none), 500ms), none);
    QByteArray payload = pattern(bigIn ? 65536 : 600, 'a');
    outcomes << outcome(transport.bulk(BulkOutEndpoint, span(payload), 5000ms), payload);
    QByteArray echo(payload.size(), '\0');
    outcomes << outcome(transport.bulk(BulkInEndpoint, span(echo), 5000ms), echo);
    QByteArray empty(512, '\0');
    outcomes << outcome(transport.bulk(BulkInEndpoint, span(empty), 100ms), empty);
    if (device)
        device->failNextOut();
    QByteArray lost = pattern(4096, 'z');
    outcomes << outcome(transport.bulk(BulkOutEndpoint, span(lost), 5000ms), lost);
    return outcomes;
}

} // namespace

class TestRecordReplay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsEveryTransfer()
    {
        auto device = std::make_unique<EchoTransport>();
        EchoTransport *raw = device.get();
        RecordingTransport recorder(std::move(device));
        runSession(recorder, raw, false);
        const QList<TransferRecord> records = recorder.records();
        QCOMPARE(records.size(), 7);
        QCOMPARE(recorder.count(), 7);

        QCOMPARE(records[0].kind, TransferRecord::Kind::Control);
        QCOMPARE(records[0].setup, (ControlSetup{0xC0, 0x00, 0, 0, 8}));
        QCOMPARE(records[0].in.bytes, QByteArrayLiteral("T 3 1 V "));
        QCOMPARE(records[0].transferred, 8);
        QCOMPARE(records[1].out.bytes, pattern(40, 'A'));
        QCOMPARE(records[1].in.length, 0);
        QCOMPARE(records[2].error->code, ErrorCode::Stall);

        QCOMPARE(records[3].kind, TransferRecord::Kind::Bulk);
        QCOMPARE(records[3].endpoint, BulkOutEndpoint);
        QCOMPARE(records[3].length, 600);
        QCOMPARE(records[3].out.bytes, pattern(600, 'a'));
        QCOMPARE(records[4].in.bytes, pattern(600, 'a'));
        QCOMPARE(records[5].error->code, ErrorCode::Timeout);
        QCOMPARE(records[5].timeout, 100ms);
        QCOMPARE(records[6].error->code, ErrorCode::Disconnected);
        QCOMPARE(records[6].error->offset, 100);
        QCOMPARE(records[6].transferred, 100);
        QCOMPARE(recorder.deviceId().portPath, QStringLiteral("1-4.2"));
    }

    void replayFromMemoryMatchesTheLiveSession()
    {
        auto device = std::make_unique<EchoTransport>();
        EchoTransport *raw = device.get();
        RecordingTransport recorder(std::move(device));
        const QStringList live = runSession(recorder, raw, true);

        ReplayTransport replay(recorder.records(), recorder.deviceId());
        QCOMPARE(runSession(replay, nullptr, true), live);
        QVERIFY(replay.atEnd());
        QCOMPARE(replay.deviceId(), recorder.deviceId());
    }

    void replayFromFileKeepsSmallPayloadsExactly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("session.jsonl"));
        auto device = std::make_unique<EchoTransport>();
        EchoTransport *raw = device.get();
        auto recorder = RecordingTransport::create(std::move(device), {path, 4096, false});
        QVERIFY(recorder);
        const QStringList live = runSession(**recorder, raw, false);
        QVERIFY((*recorder)->records().isEmpty()); // keepInMemory = false
        QCOMPARE((*recorder)->count(), 7);
        QVERIFY(!(*recorder)->fileError());

        auto replay = ReplayTransport::fromFile(path);
        QVERIFY(replay);
        QCOMPARE((*replay)->size(), 7);
        QCOMPARE((*replay)->deviceId(), raw->deviceId());
        QCOMPARE(runSession(**replay, nullptr, false), live);
    }

    void hugePayloadsAreHashedInTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.jsonl"));
        auto device = std::make_unique<EchoTransport>();
        EchoTransport *raw = device.get();
        auto recorder = RecordingTransport::create(std::move(device), {path, 1024, true});
        QVERIFY(recorder);
        runSession(**recorder, raw, true);

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QVERIFY(lines[0].contains("\"format\":\"opencloner-usb-recording\""));
        QVERIFY(lines[4].contains("\"out\":{\"len\":65536,\"sha256\":\""));
        QVERIFY(lines[1].contains("\"in\":\"5420332031205620\"")); // "T 3 1 V "

        auto loaded = RecordingFile::load(path);
        QVERIFY(loaded);
        const TransferRecord &bigOut = loaded->transfers[3];
        QVERIFY(!bigOut.out.isComplete());
        QCOMPARE(bigOut.out.sha256, (*recorder)->records()[3].out.sha256);

        // OUT data is still checked through its hash; IN data that was hashed cannot be served.
        ReplayTransport replay(std::move(*loaded));
        QByteArray info(8, '\0');
        QVERIFY(replay.control({0xC0, 0x00, 0, 0, 8}, span(info), 500ms));
        QByteArray command = pattern(40, 'A');
        QVERIFY(replay.control({0x40, 0x12, 0, 0, 40}, span(command), 500ms));
        QByteArray none(8, '\0');
        QCOMPARE(replay.control({0xC0, 0x42, 0, 0, 8}, span(none), 500ms).error().code, ErrorCode::Stall);
        QByteArray payload = pattern(65536, 'a');
        QCOMPARE(*replay.bulk(BulkOutEndpoint, span(payload), 5000ms), 65536);
        QByteArray echo(65536, '\0');
        const auto hashed = replay.bulk(BulkInEndpoint, span(echo), 5000ms);
        QCOMPARE(hashed.error().code, ErrorCode::Internal);
        QVERIFY2(hashed.error().message.contains(QLatin1String("transfer #4")),
                 qPrintable(hashed.error().message));
        QVERIFY(hashed.error().message.contains(QLatin1String("only the hash")));
    }

    void divergenceNamesTheTransferAndBothRequests()
    {
        auto device = std::make_unique<EchoTransport>();
        EchoTransport *raw = device.get();
        RecordingTransport recorder(std::move(device));
        runSession(recorder, raw, false);
        ReplayTransport replay(recorder.records(), recorder.deviceId());

        QByteArray info(8, '\0');
        QVERIFY(replay.control({0xC0, 0x00, 0, 0, 8}, span(info), 500ms));
        QByteArray other = pattern(40, 'B'); // same setup, different data stage
        const auto diverged = replay.control({0x40, 0x12, 0, 0, 40}, span(other), 500ms);
        QVERIFY(!diverged);
        QCOMPARE(diverged.error().code, ErrorCode::Internal);
        const QString message = diverged.error().message;
        QVERIFY2(message.startsWith(QLatin1String("replay diverged at transfer #1: expected control 40/12")),
                 qPrintable(message));
        QVERIFY(message.contains(QString::fromLatin1(pattern(40, 'A').toHex())));
        QVERIFY(message.contains(QLatin1String("; got control 40/12")));
        QVERIFY(message.contains(QString::fromLatin1(pattern(40, 'B').toHex())));
        QCOMPARE(replay.position(), 1); // a divergence does not advance

        QByteArray wrongEndpoint(600, '\0');
        QVERIFY(!replay.bulk(BulkInEndpoint, span(wrongEndpoint), 500ms));
        QCOMPARE(replay.position(), 1);
    }

    void replayPastTheEndIsAnError()
    {
        ReplayTransport replay({}, UsbDeviceId{});
        QByteArray info(8, '\0');
        const auto result = replay.control({0xC0, 0x00, 0, 0, 8}, span(info), 500ms);
        QCOMPARE(result.error().code, ErrorCode::Internal);
        QCOMPARE(result.error().message,
                 QStringLiteral(
                     "replay diverged at transfer #0: the recording ends after 0 transfers; got control "
                     "c0/00 wValue 0x0000 wIndex 0x0000 wLength 8"));
    }

    void unreadableFilesAreInputFileErrors()
    {
        QTemporaryDir dir;
        QCOMPARE(ReplayTransport::fromFile(dir.filePath(QStringLiteral("missing.jsonl"))).error().code,
                 ErrorCode::InputFile);
        const QString path = dir.filePath(QStringLiteral("bad.jsonl"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\":\"opencloner-usb-recording\",\"version\":1,\"device\":{}}\n{\"type\":"
                   "\"bulk\",\"out\":\"zz\"}\n");
        file.close();
        const auto loaded = RecordingFile::load(path);
        QCOMPARE(loaded.error().code, ErrorCode::InputFile);
        QVERIFY2(loaded.error().message.contains(QLatin1String("line 2")),
                 qPrintable(loaded.error().message));

        auto recorder =
            RecordingTransport::create(std::make_unique<EchoTransport>(),
                                       {dir.filePath(QStringLiteral("no/such/dir.jsonl")), 4096, true});
        QCOMPARE(recorder.error().code, ErrorCode::InputFile);
    }
};

QTEST_GUILESS_MAIN(TestRecordReplay)
#include "tst_recordreplay.moc"
