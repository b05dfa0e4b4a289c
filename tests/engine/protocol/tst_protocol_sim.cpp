// The host protocol layer against the virtual board: BootRom and Burner drive a VirtualBoard
// (T20 preset) through SimTransport, every transfer recorded by RecordingTransport. Asserts the
// exact control-transfer fields of Sequence A against the T20 vendor sequence of spec 5.7 (rows
// 1-16), the burner-phase request order and rule O4 of 5.2, and a NOR write/read round trip,
// including the retry paths of 5.4 driven by the board's fault injection (6.14).
//
// The board runs on a virtual clock: transfers that the board holds or lets time out advance it
// instead of sleeping, so even the realistic timing model runs in milliseconds.
#include "core/protocol/bootrom.h"
#include "core/protocol/burner.h"
#include "core/protocol/config.h"
#include "core/protocol/wire.h"
#include "core/sim/simtransport.h"
#include "core/sim/virtualboard.h"
#include "core/usb/recordingtransport.h"

#include <QRandomGenerator>
#include <QTest>

using namespace oc;
using namespace oc::proto;

namespace {

struct Rig
{
    std::shared_ptr<sim::VirtualBoard> board;
    std::shared_ptr<sim::SimTime> clock;
    std::unique_ptr<RecordingTransport> usb;
};

Rig makeRig(const QString &faults = {}, sim::TimingModel timing = sim::TimingModel::none(), bool emmc = false)
{
    auto config = sim::SimBoardConfig::preset(QStringLiteral("t20"));
    Q_ASSERT(config.ok());
    config->storage.nor->jedecId = 0xC84018; // GD25Q127C, as in OBS-T20
    if (emmc)
        config->storage.emmc = sim::EmmcSpec{}; // 4 GiB card on msc0
    auto plan = sim::FaultPlan::parse(faults);
    Q_ASSERT(plan.ok());
    Rig rig;
    rig.clock = std::make_shared<sim::SimTime>(sim::SimClock::now());
    rig.board = std::make_shared<sim::VirtualBoard>(*config, timing, *plan);
    rig.board->plug(*rig.clock);
    auto transport =
        std::make_unique<sim::SimTransport>(rig.board, std::make_shared<std::recursive_mutex>(),
                                            UsbDeviceId{1, QStringLiteral("1-1"), 0xA108, 0xC309, 2, true});
    auto clock = rig.clock;
    transport->setClock([clock] { return *clock; },
                        [clock](sim::SimTime t) { *clock = std::max(*clock, t); });
    rig.usb = std::make_unique<RecordingTransport>(std::move(transport));
    return rig;
}

// Host-side profiles for T20 from spec 7.1 / 7.2.
BootParams t20Boot()
{
    BootParams boot;
    boot.romCpuInfo = QByteArray("T 2 0 V ");
    boot.d2iLen = 0x4000;
    return boot;
}

BurnerProfile t20Burner()
{
    BurnerProfile burner;
    burner.idString = "BOOTx1520";
    burner.layout = CommandLayout::B;
    burner.spiParam = SpiParamVariant::Vendor24;
    burner.paramOffset = 0x6400;
    return burner;
}

Timeouts fastPolls()
{
    Timeouts t;
    t.pollInterval = Milliseconds(1);
    return t;
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray data(size, '\0');
    QRandomGenerator rng(seed);
    rng.fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

// OBS-T20 sizes: ginfo 396 (FIDB with the OBS-T20 values + a 196-byte RDD), SPL 10,176, uboot 390,480.
QByteArray t20Ginfo()
{
    GlobalInfo info;
    info.uartGpio = {1, 0, 0x00800000};
    info.gpio = {{0, 0x11, 0x19800000}};
    return buildGinfo(info, randomBytes(196, 7));
}

struct Images
{
    QByteArray ginfo = t20Ginfo();
    QByteArray spl = randomBytes(10176, 1);
    QByteArray uboot = randomBytes(390480, 2);
};

Status boot(Rig &rig, const Images &images)
{
    BootRom rom(*rig.usb, t20Boot(), t20Burner(), fastPolls(), nullptr);
    auto probe = rom.probe();
    if (!probe)
        return std::move(probe).error();
    if (probe->stage != DeviceStage::Rom)
        return makeError(ErrorCode::ChipMismatch, QStringLiteral("not in the ROM"));
    OC_TRY(rom.loadSpl(images.ginfo, images.spl));
    OC_TRY(rom.waitForRom());
    OC_TRY(rom.loadBurner(images.uboot));
    auto burnerId = rom.waitForBurner();
    if (!burnerId)
        return std::move(burnerId).error();
    if (*burnerId != QByteArray("BOOTx152"))
        return makeError(ErrorCode::ChipMismatch, QStringLiteral("burner answered %1").arg(QString::fromLatin1(*burnerId)));
    return {};
}

// The chip record of the GD25Q127C as the host would take it from its database.
SfcConfig gd25Config()
{
    SfcConfig sfc;
    sfc.spi.erase = SpiEraseMode::Partition; // lazy: erase what is written (MTD_D_MODE partition)
    sfc.spi.eraseBlockSize = 0x8000;
    SpiNorChip &c = sfc.chip;
    c.name = QStringLiteral("GD25Q127CSIG");
    c.jedecId = 0xC84018;
    c.readStandard = {0x03, 0, 3, 0};
    c.readQuad = {0x6B, 8, 3, 5};
    c.writeStandard = {0x02, 0, 3, 0};
    c.writeQuad = {0x32, 0, 3, 5};
    c.sectorErase = {0x52, 0, 3, 0};
    c.wrEn = {0x06, 0, 0, 0};
    c.quadSet = {0x31, 1, 1, 1, 1, 0};
    c.quadGet = {0x35, 1, 1, 1, 1, 0};
    c.busy = {0x05, 0, 1, 0, 1, 0};
    c.quadOpsMode = 1;
    c.chipSize = 16u << 20;
    c.pageSize = 256;
    c.eraseSize = 0x8000;
    sfc.partitions = {{QStringLiteral("full"), 0, 0xFFFFFFFF, false, PartitionMode::MtdD}};
    return sfc;
}

Status configure(Burner &burner)
{
    PolicyParams policy;
    policy.useSfcNor = true;
    OC_TRY(burner.sendConfig(buildPolicyBlob(t20Burner(), policy)));
    auto id = burner.readFlashId();
    if (!id)
        return std::move(id).error();
    if (*id != 0xC84018)
        return makeError(ErrorCode::UnknownFlash,
                         QStringLiteral("JEDEC 0x%1").arg(*id, 6, 16, QLatin1Char('0')));
    OC_TRY(burner.sendConfig(
        buildNorConfigBlob(t20Burner(), DebugParams{}, policy, gd25Config(), std::nullopt)));
    return burner.init(Timeouts{}.initDeadline(InitWork::None));
}

std::span<const quint8> bytesOf(const QByteArray &data)
{
    return {reinterpret_cast<const quint8 *>(data.constData()), size_t(data.size())};
}

QList<ControlSetup> controlSetups(const QList<TransferRecord> &records, qsizetype from = 0)
{
    QList<ControlSetup> setups;
    for (qsizetype i = from; i < records.size(); ++i) {
        if (records.at(i).kind == TransferRecord::Kind::Control)
            setups.append(records.at(i).setup);
    }
    return setups;
}

// Spec 5.7, rows 1-16 with the T20 values (ginfo 396 B, SPL 10,176 B, uboot 390,480 B, d2i 0x4000):
// bmRequestType, bRequest, wValue, wIndex, wLength. Rows 4, 7 and 13 are the bulk uploads.
const QList<ControlSetup> T20SequenceA = {
    {0xC0, 0x00, 0x0000, 0x0000, 8}, // 1 GET_CPU_INFO
    {0x40, 0x01, 0x8000, 0x1000, 0}, // 2 SET_DATA_ADDR ginfo 0x80001000
    {0x40, 0x02, 0x0000, 0x018C, 0}, // 3 SET_DATA_LEN 396
    {0x40, 0x01, 0x8000, 0x1800, 0}, // 5 SET_DATA_ADDR spl 0x80001800
    {0x40, 0x02, 0x0000, 0x27C0, 0}, // 6 SET_DATA_LEN 10176
    {0x40, 0x02, 0x0000, 0x4000, 0}, // 8 SET_DATA_LEN d2i 0x4000
    {0x40, 0x04, 0x8000, 0x1800, 0}, // 9 PROGRAM_START1 0x80001800
    {0xC0, 0x00, 0x0000, 0x0000, 8}, // 10 GET_CPU_INFO: ROM again
    {0x40, 0x01, 0x8010, 0x0000, 0}, // 11 SET_DATA_ADDR 0x80100000
    {0x40, 0x02, 0x0005, 0xF550, 0}, // 12 SET_DATA_LEN 390480
    {0x40, 0x03, 0x0000, 0x0000, 0}, // 14 FLUSH_CACHES
    {0x40, 0x05, 0x8010, 0x0000, 0}, // 15 PROGRAM_START2 0x80100000
    {0xC0, 0x00, 0x0000, 0x0000, 8}, // 16 GET_CPU_INFO: burner
};

char *describe(const QList<ControlSetup> &setups)
{
    QStringList rows;
    for (const ControlSetup &s : setups) {
        rows << QStringLiteral("%1/%2 %3 %4 %5")
                    .arg(s.requestType, 2, 16, QLatin1Char('0'))
                    .arg(s.request, 2, 16, QLatin1Char('0'))
                    .arg(s.value, 4, 16, QLatin1Char('0'))
                    .arg(s.index, 4, 16, QLatin1Char('0'))
                    .arg(s.length);
    }
    return qstrdup(qPrintable(rows.join(QStringLiteral("; "))));
}

} // namespace

namespace QTest {
template<>
char *toString(const QList<ControlSetup> &setups)
{
    return describe(setups);
}
} // namespace QTest

class TestProtocolSim : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void t20BootSequenceIsVendorExact();
    void realisticTimingKeepsTheSequence();
    void norWriteReadRoundTrip();
    void writeRetriesCorruptedPayload();
    void readRetriesCorruptedData();
    void readBackMismatchIsReported();
    void disconnectDuringWrite();
    void emmcRoundTrip();
};

void TestProtocolSim::t20BootSequenceIsVendorExact()
{
    Rig rig = makeRig();
    const Images images;
    const Status st = boot(rig, images);
    QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
    QCOMPARE(rig.board->state(), sim::BoardState::Burner);

    const QList<TransferRecord> records = rig.usb->records();
    QCOMPARE(controlSetups(records), T20SequenceA);
    // The IN answers of rows 1, 10 and 16, and the three uploads (rows 4, 7, 13) byte for byte.
    QList<QByteArray> answers;
    QList<TransferRecord> bulks;
    for (const TransferRecord &r : records) {
        QVERIFY2(!r.error, qPrintable(r.describeRequest()));
        if (r.kind == TransferRecord::Kind::Bulk)
            bulks.append(r);
        else if (r.setup.request == GetCpuInfo)
            answers.append(r.in.bytes);
    }
    QCOMPARE(answers, (QList<QByteArray>{"T 2 0 V ", "T 2 0 V ", "BOOTx152"}));
    QCOMPARE(bulks.size(), 3);
    QCOMPARE(bulks.at(0).endpoint, BulkOutEndpoint);
    QCOMPARE(bulks.at(0).out.bytes, images.ginfo);
    QCOMPARE(bulks.at(1).out.bytes, images.spl);
    QCOMPARE(bulks.at(2).out.bytes, images.uboot);
    QCOMPARE(records.at(3).kind, TransferRecord::Kind::Bulk); // row 4 right after row 3
    QCOMPARE(records.at(6).kind, TransferRecord::Kind::Bulk); // row 7 right after row 6
}

void TestProtocolSim::realisticTimingKeepsTheSequence()
{
    // With the spec's timing (SPL 1.1 s, burner boot 150 ms) the waits of rows 10 and 16 need
    // several polls; collapsing repeated polls gives the vendor sequence again.
    Rig rig = makeRig({}, sim::TimingModel::realistic());
    const sim::SimTime start = *rig.clock;
    const Status st = boot(rig, Images{});
    QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
    const QList<TransferRecord> records = rig.usb->records();
    QList<ControlSetup> collapsed;
    int timedOutPolls = 0;
    for (const TransferRecord &r : records) {
        if (r.kind != TransferRecord::Kind::Control)
            continue;
        if (r.error) {
            QCOMPARE(r.error->code, ErrorCode::Timeout);
            QCOMPARE(r.setup.request, quint8(GetCpuInfo));
            ++timedOutPolls;
            continue;
        }
        collapsed.append(r.setup);
    }
    QCOMPARE(collapsed, T20SequenceA);
    QVERIFY(timedOutPolls >= 2); // the SPL keeps EP0 silent for 1.1 s, tries last 500 ms
    QVERIFY(*rig.clock - start >= std::chrono::milliseconds(1100));
}

void TestProtocolSim::norWriteReadRoundTrip()
{
    Rig rig = makeRig();
    QVERIFY(boot(rig, Images{}).ok());
    const qsizetype bootRecords = rig.usb->count();
    Burner burner(*rig.usb, t20Burner(), Timeouts{}, nullptr, nullptr);
    const Status configured = configure(burner);
    QVERIFY2(configured.ok(), qPrintable(configured.ok() ? QString() : configured.error().message));

    const QByteArray image = randomBytes(3 * 65536, 42);
    const quint64 base = 0x20000;
    const Timeouts timeouts;
    for (int i = 0; i < 3; ++i) {
        const QByteArray chunk = image.mid(i * 65536, 65536);
        const Status st = burner.write(base + quint64(i) * 65536, bytesOf(chunk), OpsSfcNor,
                                       timeouts.writeAckDeadline(65536, 256, 65536, 0x8000, true));
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
    }
    QCOMPARE(rig.board->nor()->peek(base, image.size()), image);
    QCOMPARE(rig.board->nor()->peek(0, base), QByteArray(int(base), '\xFF')); // nothing else touched

    QByteArray readBack(image.size(), '\0');
    std::span<quint8> out(reinterpret_cast<quint8 *>(readBack.data()), size_t(readBack.size()));
    for (int i = 0; i < 3; ++i) {
        const Status st =
            burner.read(base + quint64(i) * 65536, out.subspan(size_t(i) * 65536, 65536), OpsSfcNor, true);
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
    }
    QCOMPARE(readBack, image);
    QCOMPARE(burner.retriesUsed(), 0);
    QVERIFY(burner.reboot().ok());
    rig.board->advance(*rig.clock + std::chrono::seconds(2));
    QVERIFY(!rig.board->isAttached());

    // Burner phase: request order of Sequences B/C, and rule O4 (no control transfer between a
    // WRITE and its bulk OUT, or between GET_CRC and its bulk IN).
    const QList<TransferRecord> records = rig.usb->records();
    QList<quint8> requests;
    for (const ControlSetup &s : controlSetups(records, bootRecords))
        requests.append(s.request);
    const QList<quint8> expected = {UpdateCfg, GetAck, GetFlashInfo, UpdateCfg, GetAck, Init,
                                    GetAck,    Write,  GetAck,       Write,     GetAck, Write,
                                    GetAck,    Read,   GetCrc,       GetAck,    Read,   GetCrc,
                                    GetAck,    Read,   GetCrc,       GetAck,    Reboot};
    QCOMPARE(requests, expected);
    for (qsizetype i = bootRecords; i < records.size(); ++i) {
        const TransferRecord &r = records.at(i);
        if (r.kind != TransferRecord::Kind::Control)
            continue;
        if (r.setup.request == Write || r.setup.request == UpdateCfg) {
            QCOMPARE(r.setup, (ControlSetup{0x40, r.setup.request, 0, 0, 40}));
            QCOMPARE(records.at(i + 1).kind, TransferRecord::Kind::Bulk);
            QCOMPARE(records.at(i + 1).endpoint, BulkOutEndpoint);
        }
        if (r.setup.request == GetCrc) {
            QCOMPARE(r.setup, (ControlSetup{0xC0, GetCrc, 0, 0, 8}));
            QCOMPARE(records.at(i + 1).kind, TransferRecord::Kind::Bulk);
            QCOMPARE(records.at(i + 1).endpoint, BulkInEndpoint);
            QCOMPARE(records.at(i + 1).length, 65536);
        }
        if (r.setup.request == GetFlashInfo)
            QCOMPARE(r.setup, (ControlSetup{0xC0, GetFlashInfo, 0, 0, 3}));
    }
}

void TestProtocolSim::writeRetriesCorruptedPayload()
{
    // 6.14 crc_corrupt_out: a bit flips on the link, the burner answers -22, the host resends (5.4).
    Rig rig = makeRig(QStringLiteral("crc_corrupt_out@write:chunk=1:bit=9"));
    QVERIFY(boot(rig, Images{}).ok());
    Burner burner(*rig.usb, t20Burner(), Timeouts{}, nullptr, nullptr);
    QVERIFY(configure(burner).ok());
    const QByteArray image = randomBytes(2 * 32768, 5);
    for (int i = 0; i < 2; ++i) {
        const Status st = burner.write(quint64(i) * 32768, bytesOf(image.mid(i * 32768, 32768)), OpsSfcNor,
                                       Milliseconds(30000));
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
    }
    QCOMPARE(burner.retriesUsed(), 1);
    QCOMPARE(rig.board->nor()->peek(0, image.size()), image);
}

void TestProtocolSim::readRetriesCorruptedData()
{
    // 6.14 crc_corrupt_in: data flips after the burner computed its CRC; JAMCRC catches it (5.5 #7).
    Rig rig = makeRig(QStringLiteral("crc_corrupt_in@read:chunk=0:bit=3"));
    QVERIFY(boot(rig, Images{}).ok());
    Burner burner(*rig.usb, t20Burner(), Timeouts{}, nullptr, nullptr);
    QVERIFY(configure(burner).ok());
    const QByteArray content = randomBytes(65536, 9);
    rig.board->nor()->poke(0x100000, content);
    QByteArray readBack(65536, '\0');
    const Status st = burner.read(
        0x100000, std::span<quint8>(reinterpret_cast<quint8 *>(readBack.data()), 65536), OpsSfcNor, true);
    QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
    QCOMPARE(burner.retriesUsed(), 1);
    QCOMPARE(readBack, content);
}

void TestProtocolSim::readBackMismatchIsReported()
{
    // 6.14 program_fail: bits stuck at 1; write_back_chk makes the burner answer -1, which a retry
    // cannot fix (5.4): DeviceError with the ack, the flash offset and a readable message.
    Rig rig = makeRig(QStringLiteral("program_fail:start=0x130000:end=0x130010"));
    QVERIFY(boot(rig, Images{}).ok());
    Burner burner(*rig.usb, t20Burner(), Timeouts{}, nullptr, nullptr);
    QVERIFY(configure(burner).ok());
    const QByteArray chunk(65536, '\0');
    const Status st = burner.write(0x120000, bytesOf(chunk), OpsSfcNor, Milliseconds(30000));
    QVERIFY(st.ok()); // outside the stuck range
    const Status bad = burner.write(0x130000, bytesOf(chunk), OpsSfcNor, Milliseconds(30000));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, ErrorCode::DeviceError);
    QCOMPARE(bad.error().ack, std::optional<int>(AckPerm));
    QCOMPARE(bad.error().offset, qint64(0x130000));
    QCOMPARE(bad.error().message,
             QStringLiteral("WRITE at 0x00130000 (64 KiB): EPERM (-1): read-back mismatch"));
    QCOMPARE(burner.retriesUsed(), 0);
}

void TestProtocolSim::disconnectDuringWrite()
{
    Rig rig = makeRig(QStringLiteral("disconnect@write:chunk=1"));
    QVERIFY(boot(rig, Images{}).ok());
    Burner burner(*rig.usb, t20Burner(), Timeouts{}, nullptr, nullptr);
    QVERIFY(configure(burner).ok());
    const QByteArray chunk = randomBytes(32768, 3);
    QVERIFY(burner.write(0, bytesOf(chunk), OpsSfcNor, Milliseconds(30000)).ok());
    const Status st = burner.write(0x8000, bytesOf(chunk), OpsSfcNor, Milliseconds(30000));
    QVERIFY(!st.ok());
    QCOMPARE(st.error().code, ErrorCode::Disconnected);
    QCOMPARE(st.error().offset, qint64(0x8000));
    QVERIFY2(st.error().message.startsWith(QStringLiteral("WRITE at 0x00008000 (32 KiB)")),
             qPrintable(st.error().message));
}

void TestProtocolSim::emmcRoundTrip()
{
    // Sequence D (5.10): ILOP {use_mmc0}, then GBD + CMM + ILOP, INIT, WRITE / READ with ops 0x00020000.
    Rig rig = makeRig({}, sim::TimingModel::none(), true);
    QVERIFY(boot(rig, Images{}).ok());
    Burner burner(*rig.usb, t20Burner(), Timeouts{}, nullptr, nullptr);
    PolicyParams policy;
    policy.useMmc[0] = true;
    QVERIFY(burner.sendConfig(buildPolicyBlob(t20Burner(), policy)).ok());
    QVERIFY(burner.sendConfig(buildMmcConfigBlob(t20Burner(), DebugParams{}, policy, MmcConfig{})).ok());
    const Status init = burner.init(Timeouts{}.initDeadline(InitWork::None));
    QVERIFY2(init.ok(), qPrintable(init.ok() ? QString() : init.error().message));
    const QByteArray data = randomBytes(2 * 4096, 77);
    for (int i = 0; i < 2; ++i) {
        const Status st = burner.write(0x100000 + quint64(i) * 4096, bytesOf(data.mid(i * 4096, 4096)),
                                       opsMmc(0), Milliseconds(30000));
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
    }
    QCOMPARE(rig.board->emmc()->array().read(0x100000, data.size()), data);
    QByteArray readBack(data.size(), '\0');
    const Status st = burner.read(
        0x100000, std::span<quint8>(reinterpret_cast<quint8 *>(readBack.data()), 8192), opsMmc(0), true);
    QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
    QCOMPARE(readBack, data);
    QCOMPARE(burner.retriesUsed(), 0);
}

QTEST_GUILESS_MAIN(TestProtocolSim)
#include "tst_protocol_sim.moc"
