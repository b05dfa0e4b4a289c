// Burner against scripted wire sequences: Sequence C of spec 5.9 (T20 read, shortened to 64 KiB
// chunks), the WRITE pipeline of 5.8, the retry rules of 5.4 and the host guards of 5.2.
#include "core/protocol/burner.h"
#include "core/protocol/command.h"
#include "core/protocol/crc.h"
#include "core/protocol/wire.h"
#include "wirescript.h"

#include <QTest>

using namespace oc;
using namespace oc::proto;
using oc::test::WireScript;

namespace {
constexpr const char *UpdateCfgSetup = "40 14 00 00 00 00 28 00";
constexpr const char *InitSetup = "40 11 00 00 00 00 00 00";
constexpr const char *WriteSetup = "40 12 00 00 00 00 28 00";
constexpr const char *ReadSetup = "40 13 00 00 00 00 28 00";
constexpr const char *FlashInfoSetup = "C0 26 00 00 00 00 03 00";
constexpr const char *RebootSetup = "40 16 00 00 00 00 00 00";

BurnerProfile k1()
{
    BurnerProfile p;
    p.idString = "BOOTx1520";
    return p;
}

QByteArray pattern(int size, int seed)
{
    QByteArray data(size, '\0');
    for (int i = 0; i < size; ++i)
        data[i] = char((i * 31 + seed) & 0xFF);
    return data;
}

std::span<const quint8> bytesOf(const QByteArray &data)
{
    return {reinterpret_cast<const quint8 *>(data.constData()), size_t(data.size())};
}

QByteArray policyBlob()
{
    QByteArray blob = QByteArray::fromHex("49 4C 4F 50 A4 00 00 00") + QByteArray(164, '\0');
    blob[8 + 0x14] = 1;
    return blob;
}

QByteArray writeCommand(quint64 offset, const QByteArray &data, CommandLayout layout = CommandLayout::B)
{
    return encodeTransferCommand(layout, {0, offset, quint64(data.size()), OpsSfcNor, jamcrc(bytesOf(data))});
}

QByteArray readCommand(quint64 offset, quint64 length)
{
    return encodeTransferCommand(CommandLayout::B, {0, offset, length, OpsSfcNor, 0});
}

// Sends a config blob and INIT through the script, so later chunks pass the host guards.
void scriptConfiguredAndInited(WireScript &s)
{
    const QByteArray cfg = policyBlob();
    s.control(UpdateCfgSetup, encodeUpdateCfgCommand(quint32(cfg.size()))).bulkOut(cfg).getAck(0);
    s.control(InitSetup).getAck(0);
}

Status configureAndInit(Burner &burner)
{
    OC_TRY(burner.sendConfig(policyBlob()));
    return burner.init(Milliseconds(1000));
}

class LogCollector : public SessionObserver
{
public:
    void log(LogLevel level, const QString &text) override { lines.append({level, text}); }
    QList<std::pair<LogLevel, QString>> lines;
};

QString messageOf(const Status &s)
{
    return s.ok() ? QString() : s.error().message;
}
} // namespace

class TestBurner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void t20ReadSequence()
    {
        // Spec 5.9 rows C2-C14 (two 64 KiB chunks instead of sixteen 1 MiB ones).
        const QByteArray blob2 = pattern(972, 9);
        const QByteArray chunk0 = QByteArray(65536, '\xFF'), chunk1 = pattern(65536, 1);
        WireScript s;
        s.control(UpdateCfgSetup, QByteArray::fromHex("AC000000") + QByteArray(36, '\0')) // C2
            .bulkOut(policyBlob())
            .getAck(0)                                                // C3
            .control(FlashInfoSetup, QByteArray::fromHex("18 40 C8")) // C4
            .control(UpdateCfgSetup, encodeUpdateCfgCommand(972))
            .bulkOut(blob2)     // C5
            .getAck(0)          // C6
            .control(InitSetup) // C7
            .getAckTimeout()    // C8: held while INIT works
            .getAck(0)
            .control(ReadSetup, readCommand(0, 65536)) // C9
            .getCrc(0, 0x215481B1)                     // C10 (observed value)
            .bulkIn(chunk0)                            // C11
            .getAck(0)                                 // C13
            .control(ReadSetup, readCommand(65536, 65536))
            .getCrc(0, jamcrc(bytesOf(chunk1)))
            .bulkIn(chunk1)
            .getAck(0)
            .controlFails(RebootSetup, ErrorCode::Disconnected); // C14
        auto usb = s.transport();
        Burner burner(*usb, k1(), Timeouts{}, nullptr, nullptr);

        QVERIFY(burner.sendConfig(policyBlob()).ok());
        auto id = burner.readFlashId();
        QVERIFY(id.ok());
        QCOMPARE(*id, 0xC84018u);
        QVERIFY(burner.sendConfig(blob2).ok());
        QVERIFY(burner.init(Milliseconds(10000)).ok());
        std::vector<quint8> out(65536);
        QVERIFY2(burner.read(0, out, OpsSfcNor, true).ok(), "first chunk");
        QVERIFY(std::all_of(out.begin(), out.end(), [](quint8 b) { return b == 0xFF; }));
        const Status second = burner.read(65536, out, OpsSfcNor, true);
        QVERIFY2(second.ok(), qPrintable(messageOf(second)));
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(out.data()), 65536), chunk1);
        QVERIFY(burner.reboot().ok()); // O11: the disconnect is expected
        QVERIFY(usb->atEnd());
        QCOMPARE(burner.retriesUsed(), 0);
    }

    void writeChunk()
    {
        // Spec 5.8 B10-B12; the command is the Layout B WRITE of 3.1 for this payload.
        const QByteArray data(65536, '\xFF');
        WireScript s;
        scriptConfiguredAndInited(s);
        s.control(WriteSetup, QByteArray::fromHex("0000000000000000 0000010000000000 0000010000000000"
                                                  "00000600B1815421 0000000000000000"))
            .bulkOut(data)
            .getAckTimeout() // held while the burner programs
            .getAck(0);
        auto usb = s.transport();
        Burner burner(*usb, k1(), Timeouts{}, nullptr, nullptr);
        QVERIFY(configureAndInit(burner).ok());
        const Status st = burner.write(0x10000, bytesOf(data), OpsSfcNor, Milliseconds(10000));
        QVERIFY2(st.ok(), qPrintable(messageOf(st)));
        QVERIFY(usb->atEnd());
    }

    void layoutAWrite()
    {
        const QByteArray data = pattern(4096, 3);
        BurnerProfile icu = k1();
        icu.layout = CommandLayout::A;
        icu.generation = BurnerGeneration::Icu;
        WireScript s;
        scriptConfiguredAndInited(s);
        s.control(WriteSetup, writeCommand(0x20000, data, CommandLayout::A)).bulkOut(data).getAck(0);
        auto usb = s.transport();
        Burner burner(*usb, icu, Timeouts{}, nullptr, nullptr);
        QVERIFY(configureAndInit(burner).ok());
        const Status st = burner.write(0x20000, bytesOf(data), OpsSfcNor, Milliseconds(10000));
        QVERIFY2(st.ok(), qPrintable(messageOf(st)));
    }

    void writeRetriesOnCrcMismatchAndCancelledBulk()
    {
        const QByteArray data = pattern(32768, 5);
        const QByteArray cmd = writeCommand(0x8000, data);
        WireScript s;
        scriptConfiguredAndInited(s);
        s.control(WriteSetup, cmd)
            .bulkOut(data)
            .getAck(AckInval) // payload CRC mismatch
            .control(WriteSetup, cmd)
            .bulkOut(data)
            .getAck(AckConnReset) // bulk cancelled
            .control(WriteSetup, cmd)
            .bulkOut(data)
            .failLast(ErrorCode::Timeout, 512) // bulk stuck
            .control(WriteSetup, cmd)
            .bulkOut(data)
            .getAck(0);
        auto usb = s.transport();
        LogCollector log;
        Burner burner(*usb, k1(), Timeouts{}, nullptr, &log);
        QVERIFY(configureAndInit(burner).ok());
        const Status st = burner.write(0x8000, bytesOf(data), OpsSfcNor, Milliseconds(10000));
        QVERIFY2(st.ok(), qPrintable(messageOf(st)));
        QVERIFY(usb->atEnd());
        QCOMPARE(burner.retriesUsed(), 3);
        QCOMPARE(log.lines.size(), 3);
        QCOMPARE(log.lines.first().first, LogLevel::Warning);
        QVERIFY2(log.lines.first().second.startsWith(QStringLiteral(
                     "WRITE at 0x00008000 (32 KiB): EINVAL (-22): payload CRC mismatch; retry 1 of 3")),
                 qPrintable(log.lines.first().second));
    }

    void writeGivesUpAfterThreeRetries()
    {
        const QByteArray data = pattern(4096, 6);
        const QByteArray cmd = writeCommand(0, data);
        WireScript s;
        scriptConfiguredAndInited(s);
        for (int i = 0; i < 4; ++i)
            s.control(WriteSetup, cmd).bulkOut(data).getAck(AckInval);
        auto usb = s.transport();
        Burner burner(*usb, k1(), Timeouts{}, nullptr, nullptr);
        QVERIFY(configureAndInit(burner).ok());
        const Status st = burner.write(0, bytesOf(data), OpsSfcNor, Milliseconds(10000));
        QCOMPARE(st.error().code, ErrorCode::DeviceError);
        QCOMPARE(st.error().ack, std::optional<int>(AckInval));
        QVERIFY2(st.error().message.contains(QStringLiteral("after 4 attempts")),
                 qPrintable(st.error().message));
        QVERIFY(usb->atEnd());
    }

    void readBackMismatchIsFinal()
    {
        const QByteArray data = pattern(65536, 7);
        WireScript s;
        scriptConfiguredAndInited(s);
        s.control(WriteSetup, writeCommand(0x120000, data)).bulkOut(data).getAck(AckPerm);
        auto usb = s.transport();
        Burner burner(*usb, k1(), Timeouts{}, nullptr, nullptr);
        QVERIFY(configureAndInit(burner).ok());
        const Status st = burner.write(0x120000, bytesOf(data), OpsSfcNor, Milliseconds(10000));
        QCOMPARE(st.error().code, ErrorCode::DeviceError);
        QCOMPARE(st.error().ack, std::optional<int>(-1));
        QCOMPARE(st.error().offset, qint64(0x120000));
        QCOMPARE(st.error().message,
                 QStringLiteral("WRITE at 0x00120000 (64 KiB): EPERM (-1): read-back mismatch"));
        QCOMPARE(burner.retriesUsed(), 0);
        QVERIFY(usb->atEnd());
    }

    void outOfPartitionAfterCompleteBulkIsFinal()
    {
        const QByteArray data = pattern(4096, 8);
        WireScript s;
        scriptConfiguredAndInited(s);
        s.control(WriteSetup, writeCommand(0, data)).bulkOut(data).getAck(AckIo);
        auto usb = s.transport();
        Burner burner(*usb, k1(), Timeouts{}, nullptr, nullptr);
        QVERIFY(configureAndInit(burner).ok());
        const Status st = burner.write(0, bytesOf(data), OpsSfcNor, Milliseconds(10000));
        QCOMPARE(st.error().ack, std::optional<int>(-5));
        QVERIFY(st.error().message.contains(QStringLiteral("EIO (-5): out of partition")));
    }

    void writeAckDeadline()
    {
        const QByteArray data = pattern(4096, 9);
        WireScript s;
        scriptConfiguredAndInited(s);
        s.control(WriteSetup, writeCommand(0, data)).bulkOut(data).getAckTimeout();
        auto usb = s.transport();
        Burner burner(*usb, k1(), Timeouts{}, nullptr, nullptr);
        QVERIFY(configureAndInit(burner).ok());
        const Status st = burner.write(0, bytesOf(data), OpsSfcNor, Milliseconds(0));
        QCOMPARE(st.error().code, ErrorCode::Timeout);
        QCOMPARE(st.error().offset, qint64(0));
        QVERIFY(usb->atEnd());
    }

    void readRetries()
    {
        // 5.4: negative GET_CRC ack -> no bulk IN (O9), retry; CRC mismatch -> retry; bulk IN timeout ->
        // retry.
        const QByteArray data = pattern(65536, 10);
        const quint32 crc = jamcrc(bytesOf(data));
        const QByteArray cmd = readCommand(0x40000, 65536);
        QByteArray corrupted = data;
        corrupted[100] = char(corrupted[100] ^ 0x10);
        WireScript s;
        scriptConfiguredAndInited(s);
        s.control(ReadSetup, cmd)
            .getCrc(AckIo, 0)
            .control(ReadSetup, cmd)
            .getCrc(0, crc)
            .bulkIn(corrupted)
            .control(ReadSetup, cmd)
            .getCrc(0, crc)
            .bulkIn(data)
            .failLast(ErrorCode::Timeout, 0)
            .control(ReadSetup, cmd)
            .getCrc(0, crc)
            .bulkIn(data)
            .getAck(0);
        auto usb = s.transport();
        Burner burner(*usb, k1(), Timeouts{}, nullptr, nullptr);
        QVERIFY(configureAndInit(burner).ok());
        std::vector<quint8> out(65536);
        const Status st = burner.read(0x40000, out, OpsSfcNor, true);
        QVERIFY2(st.ok(), qPrintable(messageOf(st)));
        QCOMPARE(burner.retriesUsed(), 3);
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(out.data()), 65536), data);
        QVERIFY(usb->atEnd());
    }

    void readWithoutCrcCheckTakesStaleCrc()
    {
        // transfer_data_chk = 0: GET_CRC returns a stale crc, which must not be compared (spec 4).
        const QByteArray data = pattern(512, 11);
        WireScript s;
        scriptConfiguredAndInited(s);
        s.control(ReadSetup, readCommand(0, 512)).getCrc(0, 0xDEADBEEF).bulkIn(data).getAck(0);
        auto usb = s.transport();
        Burner burner(*usb, k1(), Timeouts{}, nullptr, nullptr);
        QVERIFY(configureAndInit(burner).ok());
        std::vector<quint8> out(512);
        QVERIFY(burner.read(0, out, OpsSfcNor, false).ok());
    }

    void icuNeedsZeroCrcAck()
    {
        // ICU queues the bulk IN only for ack == 0 (2.4.2): a positive ack means no data will come.
        BurnerProfile icu = k1();
        icu.generation = BurnerGeneration::Icu;
        WireScript s;
        scriptConfiguredAndInited(s);
        s.control(ReadSetup, readCommand(0, 512)).getCrc(1, 0);
        auto usb = s.transport();
        Burner burner(*usb, icu, Timeouts{}, nullptr, nullptr);
        QVERIFY(configureAndInit(burner).ok());
        std::vector<quint8> out(512);
        const Status st = burner.read(0, out, OpsSfcNor, true);
        QCOMPARE(st.error().code, ErrorCode::DeviceError);
        QVERIFY(usb->atEnd());
    }

    void configNotReceivedGetsBulkAgain()
    {
        // 5.4: ack -16 after UPDATE_CFG -> send the blob again, never a second UPDATE_CFG.
        const QByteArray blob = policyBlob();
        WireScript s;
        s.control(UpdateCfgSetup, encodeUpdateCfgCommand(172))
            .bulkOut(blob)
            .getAck(AckBusy)
            .bulkOut(blob)
            .getAck(0);
        auto usb = s.transport();
        Burner burner(*usb, k1(), Timeouts{}, nullptr, nullptr);
        QVERIFY(burner.sendConfig(blob).ok());
        QVERIFY(usb->atEnd());
    }

    void configRejected()
    {
        const QByteArray blob = policyBlob();
        WireScript s;
        s.control(UpdateCfgSetup, encodeUpdateCfgCommand(172)).bulkOut(blob).getAck(AckIo);
        auto usb = s.transport();
        Burner burner(*usb, k1(), Timeouts{}, nullptr, nullptr);
        const Status st = burner.sendConfig(blob);
        QCOMPARE(st.error().code, ErrorCode::DeviceError);
        QCOMPARE(st.error().ack, std::optional<int>(-5));
    }

    void initFailureNamesTheAck()
    {
        WireScript s;
        const QByteArray cfg = policyBlob();
        s.control(UpdateCfgSetup, encodeUpdateCfgCommand(172))
            .bulkOut(cfg)
            .getAck(0)
            .control(InitSetup)
            .getAck(AckInval);
        auto usb = s.transport();
        Burner burner(*usb, k1(), Timeouts{}, nullptr, nullptr);
        QVERIFY(burner.sendConfig(cfg).ok());
        const Status st = burner.init(Milliseconds(1000));
        QCOMPARE(st.error().ack, std::optional<int>(-22));
        QVERIFY(st.error().message.startsWith(QStringLiteral("INIT: EINVAL (-22)")));
        // INIT is one-shot even after a failure (O7): the burner would ignore a second one.
        QCOMPARE(burner.init(Milliseconds(1000)).error().code, ErrorCode::Internal);
        // ...and SFC access after a failed INIT would hang the burner.
        std::vector<quint8> out(512);
        QCOMPARE(burner.read(0, out, OpsSfcNor, true).error().code, ErrorCode::Internal);
        QVERIFY(usb->atEnd());
    }

    void guardsSendNothing()
    {
        WireScript s;
        auto usb = s.transport();
        Burner burner(*usb, k1(), Timeouts{}, nullptr, nullptr);
        QCOMPARE(burner.readFlashId().error().code, ErrorCode::Internal);            // O5: no ILOP blob yet
        QCOMPARE(burner.init(Milliseconds(1000)).error().code, ErrorCode::Internal); // O6
        const QByteArray data(512, '\0');
        QCOMPARE(burner.write(0, bytesOf(data), OpsSfcNor, Milliseconds(1000)).error().code,
                 ErrorCode::Internal);
        QCOMPARE(burner.write(0, bytesOf(data), makeOps(Medium::Efuse, 0), Milliseconds(1000)).error().code,
                 ErrorCode::Internal); // O12
        QCOMPARE(burner.write(0, {}, opsMmc(0), Milliseconds(1000)).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(burner.write(0xFFFFFF00, bytesOf(data), opsMmc(0), Milliseconds(1000)).error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(usb->position(), 0);
    }

    void flashInfoNeedsPolicyFirst()
    {
        // A blob that starts with GBD makes GET_FLASH_INFO destructive (O5): refused.
        QByteArray blob = QByteArray::fromHex("00474244 14000000") + QByteArray(20, '\x01');
        WireScript s;
        s.control(UpdateCfgSetup, encodeUpdateCfgCommand(quint32(blob.size()))).bulkOut(blob).getAck(0);
        auto usb = s.transport();
        Burner burner(*usb, k1(), Timeouts{}, nullptr, nullptr);
        QVERIFY(burner.sendConfig(blob).ok());
        QCOMPARE(burner.readFlashId().error().code, ErrorCode::Internal);
        QVERIFY(usb->atEnd());
    }

    void syncTime()
    {
        const QDateTime when(QDate(2024, 5, 17), QTime(8, 30, 0));
        WireScript s;
        s.control("40 15 01 00 00 00 28 00", encodeRtcTime(when)).getAck(0);
        auto usb = s.transport();
        Burner burner(*usb, k1(), Timeouts{}, nullptr, nullptr);
        QVERIFY(burner.syncTime(when).ok());
        QVERIFY(usb->atEnd());
    }

    void cancelBetweenChunks()
    {
        CancelToken cancel;
        WireScript s;
        scriptConfiguredAndInited(s);
        auto usb = s.transport();
        Burner burner(*usb, k1(), Timeouts{}, &cancel, nullptr);
        QVERIFY(configureAndInit(burner).ok());
        cancel.cancel();
        const QByteArray data(512, '\0');
        const Status st = burner.write(0x1000, bytesOf(data), OpsSfcNor, Milliseconds(1000));
        QCOMPARE(st.error().code, ErrorCode::Cancelled);
        QCOMPARE(st.error().offset, qint64(0x1000));
        QVERIFY(usb->atEnd());
    }
};

QTEST_GUILESS_MAIN(TestBurner)
#include "tst_burner.moc"
