// Board configuration: storage spec parser, chip presets (spec 7.1 / 7.2), timing model parser and
// the device-bound minimum of a plan.

#include "core/sim/plantiming.h"
#include "core/sim/simconfig.h"
#include "core/sim/timingmodel.h"
#include "core/sim/usbdescriptors.h"

#include <QTest>

using namespace oc::sim;
using namespace std::chrono_literals;

class TestSimConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void storageSpecs()
    {
        const auto gd = StorageSpec::parse(QStringLiteral("nor:16M:0xc84018"));
        QVERIFY(gd.ok());
        QVERIFY(gd->nor && !gd->emmc);
        QCOMPARE(gd->nor->capacity, 16 * MiB);
        QCOMPARE(gd->nor->jedecId, 0xC84018u);
        QCOMPARE(gd->nor->pageSize, 256u);
        const auto wb = StorageSpec::parse(QStringLiteral("nor:32M:0xef4019"));
        QCOMPARE(wb->nor->capacity, 32 * MiB);
        QCOMPARE(wb->nor->jedecId, 0xEF4019u);
        const auto mmc = StorageSpec::parse(QStringLiteral("emmc:4G"));
        QVERIFY(mmc->emmc && !mmc->nor);
        QCOMPARE(mmc->emmc->capacity, 4 * GiB);
        QCOMPARE(mmc->emmc->erasedValue, quint8(0));
        QVERIFY(mmc->emmc->present && !mmc->emmc->writeProtected);
        QCOMPARE(mmc->toString(), QStringLiteral("emmc:4G"));
        QCOMPARE(gd->toString(), QStringLiteral("nor:16M:0xc84018"));
    }

    void storageOptions()
    {
        const auto spec = StorageSpec::parse(QStringLiteral(
            "nor:8M:page=512:sr1=0x1c:locked+emmc:1G:erased=0xff:wp:slot=1:image=/tmp/a:b.img"));
        QVERIFY2(spec.ok(), spec.ok() ? "" : qPrintable(spec.error().message));
        QCOMPARE(spec->nor->jedecId, 0xEF4017u); // default id: capacity code = log2(8 MiB)
        QCOMPARE(spec->nor->pageSize, 512u);
        QCOMPARE(spec->nor->statusRegister1, quint8(0x1C));
        QVERIFY(spec->nor->statusLocked);
        QCOMPARE(spec->emmc->erasedValue, quint8(0xFF));
        QVERIFY(spec->emmc->writeProtected);
        QCOMPARE(spec->emmc->slot, 1);
        QCOMPARE(spec->emmc->imagePath, QStringLiteral("/tmp/a:b.img"));
    }

    void storageErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("kind") << "nand:1G"
                              << "unknown storage kind 'nand'";
        QTest::newRow("size") << "nor:12M"
                              << "power of two";
        QTest::newRow("id") << "nor:16M:0x1234567"
                            << "3 bytes";
        QTest::newRow("emmc size") << "emmc:1000"
                                   << "multiple of 512";
        QTest::newRow("key") << "emmc:1G:fast"
                             << "unknown eMMC key 'fast'";
        QTest::newRow("twice") << "nor:16M+nor:8M"
                               << "more than one NOR";
    }
    void storageErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        const auto spec = StorageSpec::parse(text);
        QVERIFY(!spec.ok());
        QVERIFY2(spec.error().message.contains(mentions), qPrintable(spec.error().message));
    }

    void presetsFromTheChipTables()
    {
        const auto t20 = SimBoardConfig::preset(QStringLiteral("t20"));
        QVERIFY(t20.ok());
        QCOMPARE(t20->romCpuInfoBytes(), QByteArray("T 2 0 V "));
        QCOMPARE(t20->expectedD2i, std::optional<quint32>(0x4000));
        QCOMPARE(t20->burnerCpuInfo, QByteArray("BOOTx1520"));
        QCOMPARE(t20->layout, oc::proto::CommandLayout::B);
        QCOMPARE(t20->paramOffset, 0x6400u);
        QVERIFY(t20->oneShotStart1);
        const auto t41 = SimBoardConfig::preset(QStringLiteral("t41"));
        QCOMPARE(t41->romCpuInfoBytes(), QByteArray("T 3 1 V "));
        QCOMPARE(t41->burnerCpuInfo, QByteArray("X2580"));
        QCOMPARE(t41->splMax, 18 * 1024u);
        const auto x1000 = SimBoardConfig::preset(QStringLiteral("X1500")); // alias, any case
        QCOMPARE(x1000->chip, QStringLiteral("x1000"));
        QCOMPARE(x1000->pid, quint16(0x1000));
        QCOMPARE(x1000->ginfoAddr, 0xF4001000u);
        QVERIFY(!x1000->expectedD2i);
        QVERIFY(!x1000->oneShotStart1);
        QVERIFY(x1000->residentCapable);
        const auto x2000 = SimBoardConfig::preset(QStringLiteral("x2000"));
        QCOMPARE(x2000->layout, oc::proto::CommandLayout::A);
        QCOMPARE(x2000->pid, quint16(0xEAEF));
        QCOMPARE(x2000->splAddr, 0xB2401800u);
        const auto a1 = SimBoardConfig::preset(QStringLiteral("a1_nt_a"));
        QCOMPARE(a1->policyLayout, oc::proto::PolicyLayout::A1Size172);
        QCOMPARE(a1->spiParam, oc::proto::SpiParamVariant::A1Size20);
        for (const QString &name : SimBoardConfig::presetNames())
            QCOMPARE(SimBoardConfig::preset(name)->romCpuInfoBytes().size(), 8);
        QVERIFY(SimBoardConfig::presetNames().contains(QStringLiteral("m200")));
        const auto unknown = SimBoardConfig::preset(QStringLiteral("t99"));
        QVERIFY(!unknown.ok());
        QVERIFY(unknown.error().message.contains(QStringLiteral("t31")));
    }

    void romDescriptorBytes()
    {
        SimBoardConfig config;
        config.exactDescriptors = true;
        const UsbDescriptors exact = romDescriptors(config);
        QCOMPARE(exact.device.toHex(), QByteArray("12010002000000400"
                                                  "8a109c3000101020001"));
        QCOMPARE(exact.configuration.toHex(), QByteArray("09022000010100"
                                                         "80fa"
                                                         "090400000"
                                                         "2ff000000"
                                                         "07050102000200"
                                                         "07058102000200"));
        QCOMPARE(exact.strings.value(0).toHex(), QByteArray("04030904"));
        QCOMPARE(exact.strings.value(1), QByteArray("\x10\x03I\0n\0g\0e\0n\0i\0c\0", 16));
        const QByteArray s2 = exact.strings.value(2);
        QCOMPARE(s2.size(), 46); // bLength 38 answered with 46 bytes
        QCOMPARE(quint8(s2[0]), quint8(0x26));
        QCOMPARE(s2.mid(2, 4).toHex(), QByteArray("c3000900"));
        QVERIFY(!exact.strings.contains(3));
        config.exactDescriptors = false;
        config.serialNumber = 7;
        const UsbDescriptors marked = romDescriptors(config);
        QCOMPARE(quint8(marked.device[16]), quint8(3));
        QCOMPARE(marked.strings.value(3), stringDescriptor(QStringLiteral("OpenCloner-Virtual-7")));
    }

    void timingParse()
    {
        QCOMPARE(TimingModel::parse(QStringLiteral("none"))->kind(), TimingKind::None);
        const auto fast = TimingModel::parse(QStringLiteral("realistic:0.05"));
        QVERIFY(fast.ok());
        QCOMPARE(fast->scale(), 0.05);
        QCOMPARE(fast->splRun(), SimDuration(55ms));
        QVERIFY(!TimingModel::parse(QStringLiteral("realistic:2")).ok());
        QVERIFY(!TimingModel::parse(QStringLiteral("fast")).ok());
        QCOMPARE(TimingModel::none().splRun(), SimDuration::zero());
    }

    void realisticFigures()
    {
        const TimingModel t = TimingModel::realistic();
        QCOMPARE(t.controlRtt(), SimDuration(250us));
        // 390,480 B at 1.85 MB/s = 211 ms (observed on T20)
        QCOMPARE(std::chrono::duration_cast<std::chrono::milliseconds>(t.romBulk(390480)).count(), 211);
        QCOMPARE(t.crc(MiB), SimDuration(10ms));
        QCOMPARE(t.norErase(0, 16 * MiB), SimDuration(40s));
        QCOMPARE(t.norErase(0, 32 * MiB), SimDuration(80s));
        QCOMPARE(t.norErase(32 * KiB, 16 * MiB), SimDuration(120ms));
        QCOMPARE(t.norPageProgram(256), SimDuration(400us) + SimDuration(40960ns));
        QCOMPARE(t.emmcErase(GiB), SimDuration(2500ms));
        TimingModel slow = t;
        slow.eraseFactor = 4;
        slow.useMaxTimes = true;
        QCOMPARE(slow.norErase(4 * KiB, 16 * MiB), SimDuration(1600ms));
    }

    void minimumOfAReadPlan()
    {
        // The derived figure of 6.15: a full 16 MiB read in 1 MiB chunks ~ 3.5 s of device time.
        PlanShape read;
        read.configBytes = 172 + 972;
        read.readBytes = 16 * MiB;
        read.readChunk = MiB;
        read.reboot = true;
        const auto d = std::chrono::duration<double>(minimumDuration(TimingModel::realistic(), read)).count();
        QVERIFY2(d > 3.3 && d < 3.8, qPrintable(QString::number(d)));
        QCOMPARE(minimumDuration(TimingModel::none(), read), SimDuration::zero());
        // Halving the scale halves the minimum.
        const auto half = minimumDuration(TimingModel::realistic(0.5), read);
        QVERIFY(std::abs(std::chrono::duration<double>(half).count() * 2 - d) < 0.001);
    }
};

QTEST_GUILESS_MAIN(TestSimConfig)
#include "tst_simconfig.moc"
