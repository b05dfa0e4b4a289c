// BootRom against scripted wire sequences: Sequence A of spec 5.7 with the T20 values (rows 1-16,
// setup bytes as printed there), stage classification of 5.11, and the failure paths of 5.3 / 5.5.
#include "core/protocol/bootrom.h"
#include "core/protocol/wire.h"
#include "wirescript.h"

#include <QTest>

using namespace oc;
using namespace oc::proto;
using oc::test::WireScript;

namespace {
BootParams t20Boot()
{
    BootParams boot; // spec 7.1, row t20
    boot.romCpuInfo = QByteArray("T 2 0 V ");
    boot.ginfoAddr = 0x80001000;
    boot.splAddr = 0x80001800;
    boot.stage2Addr = 0x80100000;
    boot.d2iLen = 0x4000;
    return boot;
}

BurnerProfile t20Burner()
{
    BurnerProfile burner; // spec 7.2, row t20
    burner.idString = "BOOTx1520";
    return burner;
}

Timeouts fastPolls()
{
    Timeouts t;
    t.pollInterval = Milliseconds(1);
    return t;
}

QByteArray pattern(int size, char seed)
{
    QByteArray data(size, '\0');
    for (int i = 0; i < size; ++i)
        data[i] = char(seed + i * 7);
    return data;
}
} // namespace

class TestBootRom : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void t20SequenceA()
    {
        // Sizes as observed in OBS-T20: ginfo 396, SPL 10,176, uboot 390,480 bytes.
        const QByteArray ginfo = pattern(396, 1), spl = pattern(10176, 2), uboot = pattern(390480, 3);
        WireScript s;
        s.control("C0 00 00 00 00 00 08 00", "T 2 0 V ")                 // 1 GET_CPU_INFO
            .control("40 01 00 80 00 10 00 00")                          // 2 SET_DATA_ADDR 0x80001000
            .control("40 02 00 00 8C 01 00 00")                          // 3 SET_DATA_LEN 396
            .bulkOut(ginfo)                                              // 4
            .control("40 01 00 80 00 18 00 00")                          // 5 SET_DATA_ADDR 0x80001800
            .control("40 02 00 00 C0 27 00 00")                          // 6 SET_DATA_LEN 10176
            .bulkOut(spl)                                                // 7
            .control("40 02 00 00 00 40 00 00")                          // 8 SET_DATA_LEN d2i 0x4000
            .control("40 04 00 80 00 18 00 00")                          // 9 PROGRAM_START1 0x80001800
            .controlFails("C0 00 00 00 00 00 08 00", ErrorCode::Timeout) // 10: SPL still running
            .controlFails("C0 00 00 00 00 00 08 00", ErrorCode::Timeout)
            .control("C0 00 00 00 00 00 08 00", "T 2 0 V ")
            .control("40 01 10 80 00 00 00 00") // 11 SET_DATA_ADDR 0x80100000
            .control("40 02 05 00 50 F5 00 00") // 12 SET_DATA_LEN 390480 = 0x0005F550
            .bulkOut(uboot)                     // 13
            .control("40 03 00 00 00 00 00 00") // 14 FLUSH_CACHES
            .control("40 05 10 80 00 00 00 00") // 15 PROGRAM_START2 0x80100000
            .controlFails("C0 00 00 00 00 00 08 00", ErrorCode::Timeout) // 16: burner booting
            .control("C0 00 00 00 00 00 08 00", "BOOTx152");
        auto usb = s.transport();
        BootRom rom(*usb, t20Boot(), t20Burner(), fastPolls(), nullptr);

        auto probe = rom.probe();
        QVERIFY2(probe.ok(), qPrintable(probe.ok() ? QString() : probe.error().message));
        QCOMPARE(probe->stage, DeviceStage::Rom);
        QCOMPARE(probe->cpuInfo, QByteArray("T 2 0 V "));
        QList<std::pair<qint64, qint64>> progress;
        const auto record = [&](qint64 done, qint64 total) {
            progress.append({done, total});
        };
        const Status spl1 = rom.loadSpl(ginfo, spl, record);
        QVERIFY2(spl1.ok(), qPrintable(spl1.ok() ? QString() : spl1.error().message));
        QCOMPARE(progress.last(), std::make_pair(qint64(10572), qint64(10572)));
        QVERIFY(rom.waitForRom().ok());
        QVERIFY(rom.loadBurner(uboot, record).ok());
        QCOMPARE(progress.last(), std::make_pair(qint64(390480), qint64(390480)));
        const auto burner = rom.waitForBurner();
        QVERIFY2(burner.ok(), qPrintable(burner.ok() ? QString() : burner.error().message));
        QCOMPARE(*burner, QByteArray("BOOTx152"));
        QVERIFY(usb->atEnd());
    }

    void withoutLengthsAndD2i()
    {
        // X1000-like chip: no d2i_len, and a board cfg with boot_stage_send_length = 0 (5.7 notes).
        BootParams boot;
        boot.romCpuInfo = QByteArray("X1000_v1");
        boot.ginfoAddr = 0xF4001000;
        boot.splAddr = 0xF4001800;
        boot.sendLengthBeforeBulk = false;
        WireScript s;
        s.control("40 01 00 F4 00 10 00 00")
            .bulkOut("GI")
            .control("40 01 00 F4 00 18 00 00")
            .bulkOut("SPL")
            .control("40 04 00 F4 00 18 00 00");
        auto usb = s.transport();
        BootRom rom(*usb, boot, t20Burner(), fastPolls(), nullptr);
        const Status st = rom.loadSpl("GI", "SPL");
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().message));
        QVERIFY(usb->atEnd());
    }

    void classification_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<int>("stage");
        QTest::newRow("rom") << QByteArray("T 2 0 V ") << int(DeviceStage::Rom);
        QTest::newRow("rom alias") << QByteArray("T 2 1 V ") << int(DeviceStage::Rom);
        QTest::newRow("burner") << QByteArray("BOOTx152") << int(DeviceStage::Burner);
        QTest::newRow("resident") << QByteArray("ingenic\0", 8) << int(DeviceStage::ResidentSpl);
        QTest::newRow("other rom") << QByteArray("T 3 1 V ") << int(DeviceStage::Unknown);
        QTest::newRow("other burner") << QByteArray("BOOTx183") << int(DeviceStage::Unknown);
    }
    void classification()
    {
        QFETCH(QByteArray, answer);
        QFETCH(int, stage);
        BootParams boot = t20Boot();
        boot.romAliases = {QByteArray("T 2 1 V ")};
        WireScript s;
        s.control("C0 00 00 00 00 00 08 00", answer);
        auto usb = s.transport();
        BootRom rom(*usb, boot, t20Burner(), fastPolls(), nullptr);
        auto probe = rom.probe();
        QVERIFY(probe.ok());
        QCOMPARE(int(probe->stage), stage);
        QCOMPARE(probe->cpuInfo, answer);
    }

    void unknownRomStringTakesAnyRom()
    {
        BootParams boot = t20Boot();
        boot.romCpuInfo.clear(); // chips whose ROM answer is not known (spec Q3)
        WireScript s;
        s.control("C0 00 00 00 00 00 08 00", "T 2 3 V ");
        auto usb = s.transport();
        BootRom rom(*usb, boot, t20Burner(), fastPolls(), nullptr);
        QCOMPARE(rom.probe()->stage, DeviceStage::Rom);
    }

    // X2000: the burner is asked for 5 bytes ("X2000"), the probe for 8. A ROM answer that merely starts
    // with the burner's 5 characters ("X2000_v1") is not a running burner.
    void shortBurnerIdDoesNotSwallowTheRom()
    {
        BootParams boot = t20Boot();
        boot.romCpuInfo.clear();
        BurnerProfile burner = t20Burner();
        burner.idString = "X2000";
        burner.cpuInfoLength = 5;
        WireScript s;
        s.control("C0 00 00 00 00 00 08 00", "X2000_v1");
        s.control("C0 00 00 00 00 00 08 00", QByteArray("X2000\0\0\0", 8));
        auto usb = s.transport();
        BootRom rom(*usb, boot, burner, fastPolls(), nullptr);
        QCOMPARE(rom.probe()->stage, DeviceStage::Rom);
        QCOMPARE(rom.probe()->stage, DeviceStage::Burner);
    }

    // A chip whose ROM string is not in its profile (spec Q3): after the SPL, the ROM must answer what
    // it answered before; anything else is still a mismatch.
    void unknownRomStringMustAnswerTheSameAfterTheSpl()
    {
        BootParams boot = t20Boot();
        boot.romCpuInfo.clear();
        WireScript s;
        s.control("C0 00 00 00 00 00 08 00", "X2000_v1");
        s.control("C0 00 00 00 00 00 08 00", "X2000_v1");
        s.control("C0 00 00 00 00 00 08 00", "X1000_v1");
        auto usb = s.transport();
        BootRom rom(*usb, boot, t20Burner(), fastPolls(), nullptr);
        QCOMPARE(rom.probe()->stage, DeviceStage::Rom);
        QVERIFY(rom.waitForRom().ok());
        const Status other = rom.waitForRom();
        QCOMPARE(other.error().code, ErrorCode::ChipMismatch);
        QVERIFY2(other.error().message.contains(QStringLiteral("'X2000_v1'")),
                 qPrintable(other.error().message));
    }

    void probePassesTimeoutOn()
    {
        WireScript s;
        s.controlFails("C0 00 00 00 00 00 08 00", ErrorCode::Timeout);
        auto usb = s.transport();
        BootRom rom(*usb, t20Boot(), t20Burner(), fastPolls(), nullptr);
        auto probe = rom.probe();
        QVERIFY(!probe.ok());
        QCOMPARE(probe.error().code, ErrorCode::Timeout);
    }

    void wrongRomAfterSpl()
    {
        WireScript s;
        s.control("C0 00 00 00 00 00 08 00", "T 3 1 V ");
        auto usb = s.transport();
        BootRom rom(*usb, t20Boot(), t20Burner(), fastPolls(), nullptr);
        const Status st = rom.waitForRom();
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, ErrorCode::ChipMismatch);
        QVERIFY2(st.error().message.contains(
                     QStringLiteral("board answered 'T 3 1 V ', profile expects 'T 2 0 V '")),
                 qPrintable(st.error().message));
    }

    void wrongBurnerIsPrintable()
    {
        WireScript s;
        s.control("C0 00 00 00 00 00 08 00", QByteArray("X2580\0\0\0", 8));
        auto usb = s.transport();
        BootRom rom(*usb, t20Boot(), t20Burner(), fastPolls(), nullptr);
        const auto st = rom.waitForBurner();
        QCOMPARE(st.error().code, ErrorCode::ChipMismatch);
        QVERIFY2(st.error().message.contains(
                     QStringLiteral("board answered 'X2580\\0\\0\\0', profile expects 'BOOTx152'")),
                 qPrintable(st.error().message));
    }

    void burnerIdUpToNulWithinLength()
    {
        // X2000 configs ask 5 bytes (cpu_info_length = 5, spec 2.4.2 / 7.2).
        BurnerProfile burner;
        burner.idString = "X2000_V12";
        burner.cpuInfoLength = 5;
        WireScript s;
        s.control("C0 00 00 00 00 00 05 00", "X2000");
        auto usb = s.transport();
        BootRom rom(*usb, t20Boot(), burner, fastPolls(), nullptr);
        QVERIFY(rom.waitForBurner().ok());
        QVERIFY(burnerIdMatches(QByteArray("X2580\0\0\0", 8), BurnerProfile{"X2580"}));
        QVERIFY(!burnerIdMatches(QByteArray("X2580\0\0\0", 8), BurnerProfile{"X2500"}));
        QVERIFY(!burnerIdMatches(QByteArray("BOOT\0\0\0\0", 8), BurnerProfile{"BOOTx1520"}));
    }

    void splWaitGivesUp()
    {
        Timeouts t = fastPolls();
        t.splDeadline = Milliseconds(0);
        WireScript s;
        s.controlFails("C0 00 00 00 00 00 08 00", ErrorCode::Timeout);
        auto usb = s.transport();
        BootRom rom(*usb, t20Boot(), t20Burner(), t, nullptr);
        const Status st = rom.waitForRom();
        QCOMPARE(st.error().code, ErrorCode::Timeout);
        QVERIFY(usb->atEnd());
    }

    void stallIsNotPolledAway()
    {
        WireScript s;
        s.controlFails("C0 00 00 00 00 00 08 00", ErrorCode::Stall);
        auto usb = s.transport();
        BootRom rom(*usb, t20Boot(), t20Burner(), fastPolls(), nullptr);
        QCOMPARE(rom.waitForBurner().error().code, ErrorCode::Stall);
    }

    void cancelledBeforeAnyTransfer()
    {
        CancelToken cancel;
        cancel.cancel();
        WireScript s; // nothing may be sent
        auto usb = s.transport();
        BootRom rom(*usb, t20Boot(), t20Burner(), fastPolls(), &cancel);
        QCOMPARE(rom.loadSpl("G", "S").error().code, ErrorCode::Cancelled);
        QCOMPARE(rom.waitForRom().error().code, ErrorCode::Cancelled);
        QCOMPARE(rom.loadBurner("B").error().code, ErrorCode::Cancelled);
        QCOMPARE(usb->position(), 0);
    }

    void start1IsNotRetried()
    {
        WireScript s;
        s.control("40 01 00 80 00 10 00 00")
            .control("40 02 00 00 01 00 00 00")
            .bulkOut("G")
            .control("40 01 00 80 00 18 00 00")
            .control("40 02 00 00 01 00 00 00")
            .bulkOut("S")
            .control("40 02 00 00 00 40 00 00")
            .controlFails("40 04 00 80 00 18 00 00", ErrorCode::Timeout);
        auto usb = s.transport();
        BootRom rom(*usb, t20Boot(), t20Burner(), fastPolls(), nullptr);
        const Status st = rom.loadSpl("G", "S");
        QCOMPARE(st.error().code, ErrorCode::Timeout);
        QVERIFY2(st.error().message.startsWith(QStringLiteral("PROGRAM_START1 0x80001800")),
                 qPrintable(st.error().message));
        QVERIFY(usb->atEnd());
    }

    void ginfoMustFitBelowSpl()
    {
        WireScript s;
        auto usb = s.transport();
        BootRom rom(*usb, t20Boot(), t20Burner(), fastPolls(), nullptr);
        QCOMPARE(rom.loadSpl(QByteArray(0x801, '\0'), "S").error().code, ErrorCode::InvalidArgument);
        QCOMPARE(usb->position(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBootRom)
#include "tst_bootrom.moc"
