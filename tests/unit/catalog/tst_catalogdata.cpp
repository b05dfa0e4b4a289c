// The shipped catalog data against the protocol specification: every file loads, every chip of
// spec 7.1/7.2 is present with its addresses, d2i length and burner build, the ginfo values of the
// observed boards match spec 3.10, and the lookups the engine relies on work.

#include "catalogtestutil.h"
#include "core/catalog/catalog.h"
#include "core/protocol/wire.h"

#include <QDir>
#include <QTest>

using namespace oc;
using namespace oc::catalog;

namespace {

constexpr quint32 None = 0;

struct SpecRow
{
    const char *chip;
    quint16 pid;     // first ROM PID candidate (VID is 0xA108 for all)
    const char *rom; // "" = unknown
    quint32 ginfo, spl, d2i, stage2;
    quint32 maxSpl;
    const char *burnerId;
    int cpuInfoLength;
    proto::CommandLayout layout;
    quint32 paramOffset; // 0 = none
};

using proto::CommandLayout;
constexpr quint32 Ti = 0x80001000, Ts = 0x80001800, S2 = 0x80100000;

// Spec 7.1 (addresses, d2i, ROM ids), 7.2 (burner id, layout, param_offset) and the maximum SPL sizes
// of 7.1 / the K1 configs named in each chip file's evidence.
const SpecRow SpecTable[] = {
    {"t20", 0xC309, "T 2 0 V ", Ti, Ts, 0x4000, S2, 26624, "BOOTx1520", 8, CommandLayout::B, 0x6400},
    {"t21", 0xC309, "", Ti, Ts, 0x7000, S2, 26624, "BOOTx1830", 8, CommandLayout::B, 0x6400},
    {"t23", 0xC309, "", Ti, Ts, 0x7000, S2, 26624, "BOOTx1830", 8, CommandLayout::B, 0x6400},
    {"t30", 0xC309, "", Ti, Ts, 0x7000, S2, 26624, "BOOTx1830", 8, CommandLayout::B, 0x6400},
    {"t31", 0xC309, "T 3 1 V ", Ti, Ts, 0x7000, S2, 26624, "BOOTx1830", 8, CommandLayout::B, 0x6800},
    {"t40", 0xC309, "", Ti, Ts, 0x7000, S2, 18432, "X2500", 8, CommandLayout::B, None},
    {"t41", 0xC309, "T 3 1 V ", Ti, Ts, 0x7000, S2, 18432, "X2580", 8, CommandLayout::B, 0x5800},
    {"a1", 0xC309, "", Ti, Ts, 0x7000, S2, 18432, "A1", 8, CommandLayout::A, 0x5800},
    {"c100", 0xC309, "", Ti, Ts, 0x7000, S2, 18432, "X2500", 8, CommandLayout::B, None},
    {"x2600", 0xEAEF, "", Ti, Ts, None, S2, 22528, "X2600", 8, CommandLayout::B, 0x5800},
    {"x1000", 0x1000, "X1000_v1", 0xF4001000, 0xF4001800, None, S2, 15360, "BOOTx1000", 8, CommandLayout::B,
     0x3C00},
    {"x1520", 0xC309, "", Ti, Ts, 0x7000, S2, 15360, "BOOTx1520", 8, CommandLayout::B, 0x3C00},
    {"x1021", 0xC309, "", Ti, Ts, 0x7000, S2, 22528, "BOOTx1021", 8, CommandLayout::B, 0x6800},
    {"x1521", 0xC309, "", Ti, Ts, 0x7000, S2, 22528, "BOOTx1521", 8, CommandLayout::B, 0x6800},
    {"x1600", 0xEAEF, "", Ti, Ts, 0x7000, S2, 22528, "BOOTx1600", 8, CommandLayout::B, 0x5800},
    {"x1630", 0xC309, "", Ti, Ts, 0x7000, S2, 26624, "BOOTx1630", 8, CommandLayout::B, 0x6800},
    {"x1830", 0xC309, "", Ti, Ts, 0x7000, S2, 26624, "BOOTx1830", 8, CommandLayout::B, 0x6800},
    {"x1800", 0xC309, "", Ti, Ts, 0x4000, S2, 28672, "BOOTx1800", 8, CommandLayout::B, 0x6400},
    {"x2000", 0xEAEF, "", 0xB2401000, 0xB2401800, None, S2, 24576, "X2000_V12", 5, CommandLayout::A, 0x5800},
    {"x2500", 0xEAEF, "", Ti, Ts, 0x7000, S2, 18432, "X2500", 8, CommandLayout::B, 0x5800},
    {"x2580", 0xEAEF, "", Ti, Ts, 0x7000, S2, 18432, "X2580", 8, CommandLayout::B, 0x5800},
    {"jz4775", 0x4775, "", 0xF4000800, 0xF4001000, None, S2, 12288, "BOOT4775", 8, CommandLayout::B, None},
    {"m200", 0x4785, "", Ti, Ts, 0x7000, S2, 28672, "BOOT4785", 8, CommandLayout::B, 0x3C00},
    {"jz4780", 0x4780, "", 0xF4000800, 0xF4001000, None, S2, 12288, "BOOT4780", 8, CommandLayout::B, None},
};

// Variant directory names of spec 7.1 that share a row with another chip.
const std::pair<const char *, const char *> SpecAliases[] = {
    {"t30a", "t30"},    {"t30nl", "t30"},    {"t30x", "t30"},   {"t31a", "t31"},    {"t31nl", "t31"},
    {"t31x", "t31"},    {"a1_n_ne_x", "a1"}, {"a1_nt_a", "a1"}, {"ad100", "x2600"}, {"x1500", "x1000"},
    {"x2100", "x2000"}, {"m210", "x2000"},   {"m300", "x2000"}, {"m150", "jz4775"}, {"m200s", "m200"},
};

} // namespace

class TestCatalogData : public QObject
{
    Q_OBJECT

private:
    std::optional<Catalog> m_catalog;

    const Catalog &catalog() const { return *m_catalog; }

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv(Catalog::EnvironmentVariable);
        Result<Catalog> loaded = Catalog::load();
        if (!loaded)
            QFAIL(qPrintable(loaded.error().message));
        m_catalog = std::move(loaded).value();
    }

    void builtinDataLoadsWithoutWarnings()
    {
        QCOMPARE(catalog().warnings(), QStringList());
        QCOMPARE(catalog().roots(), QStringList{QStringLiteral("<built-in>")});
    }

    // Every JSON file in the source tree is compiled into the resource and loaded.
    void everySourceFileIsShipped()
    {
        const QString root = QStringLiteral(OPENCLONER_SOURCE_DIR "/boards");
        const QStringList chipFiles =
            QDir(root + QStringLiteral("/chips")).entryList({QStringLiteral("*.json")});
        const QStringList boardFiles =
            QDir(root + QStringLiteral("/boards")).entryList({QStringLiteral("*.json")});
        QVERIFY(chipFiles.size() >= 24);
        QCOMPARE(catalog().chips().size(), chipFiles.size());
        QCOMPARE(catalog().boards().size(), boardFiles.size());
        for (const QString &file : chipFiles)
            QVERIFY2(catalog().chip(QFileInfo(file).completeBaseName()), qPrintable(file));
        for (const QString &file : boardFiles)
            QVERIFY2(catalog().board(QFileInfo(file).completeBaseName()), qPrintable(file));
        QVERIFY(catalog().flashDatabase().records().size() >= 19);
    }

    void specChipTable_data()
    {
        QTest::addColumn<int>("row");
        for (int i = 0; i < int(std::size(SpecTable)); ++i)
            QTest::newRow(SpecTable[i].chip) << i;
    }

    void specChipTable()
    {
        QFETCH(int, row);
        const SpecRow &spec = SpecTable[row];
        const ChipProfile *chip = catalog().chip(QLatin1String(spec.chip));
        QVERIFY(chip);
        QCOMPARE(chip->name, QLatin1String(spec.chip));
        QVERIFY(!chip->usbIds.isEmpty());
        QCOMPARE(chip->usbIds.constFirst(), (UsbId{0xA108, spec.pid}));
        QCOMPARE(chip->boot.romCpuInfo, QByteArray(spec.rom));
        QCOMPARE(chip->boot.ginfoAddr, spec.ginfo);
        QCOMPARE(chip->boot.splAddr, spec.spl);
        QCOMPARE(chip->boot.stage2Addr, spec.stage2);
        QCOMPARE(chip->boot.d2iLen.has_value(), spec.d2i != None);
        if (spec.d2i != None)
            QCOMPARE(*chip->boot.d2iLen, spec.d2i);
        QCOMPARE(chip->ginfoCapacity(), 0x800u);
        QCOMPARE(chip->maxSplSize, spec.maxSpl);
        QCOMPARE(chip->burner.idString, QByteArray(spec.burnerId));
        QCOMPARE(chip->burner.cpuInfoLength, spec.cpuInfoLength);
        QCOMPARE(chip->burner.layout, spec.layout);
        QCOMPARE(chip->burner.paramOffset, spec.paramOffset);
        // Layout A burners buffer read-back in 512 KiB [5.6].
        QCOMPARE(chip->burner.maxChunk, spec.layout == CommandLayout::A ? 512 * 1024 : 1024 * 1024);
        // Uncertain values carry a mark; unknown ROM strings are always marked.
        if (QByteArray(spec.rom).isEmpty())
            QCOMPARE(chip->evidenceFor(QStringLiteral("rom.cpuInfo")).mark, EvidenceMark::Unknown);
    }

    void observedBurnerBuilds()
    {
        using namespace proto;
        const ChipProfile *t20 = catalog().chip(QStringLiteral("t20"));
        const ChipProfile *t41 = catalog().chip(QStringLiteral("t41"));
        const ChipProfile *a1 = catalog().chip(QStringLiteral("a1"));
        for (const ChipProfile *chip : {t20, t41}) {
            QCOMPARE(chip->burner.debugLayout, DebugLayout::K1Size20);
            QCOMPARE(chip->burner.policyLayout, PolicyLayout::K1Size164);
            QCOMPARE(chip->burner.spiParam, SpiParamVariant::Vendor24);
            QCOMPARE(chip->evidenceFor(QStringLiteral("burner.layout")).mark, EvidenceMark::Confirmed);
        }
        QCOMPARE(a1->burner.policyLayout, PolicyLayout::A1Size172);
        QCOMPARE(a1->burner.spiParam, SpiParamVariant::A1Size20);
        QCOMPARE(a1->evidenceFor(QStringLiteral("burner.layout")).mark, EvidenceMark::Inferred);
        QVERIFY(t20->start1OneShot);
        QVERIFY(!catalog().chip(QStringLiteral("x1000"))->start1OneShot);
        QVERIFY(catalog().chip(QStringLiteral("x2000"))->residentSpl);
    }

    void variantNamesResolve()
    {
        for (const auto &[alias, chip] : SpecAliases) {
            const ChipProfile *found = catalog().chip(QLatin1String(alias));
            QVERIFY2(found, alias);
            QCOMPARE(found->name, QLatin1String(chip));
        }
        QCOMPARE(catalog().chip(QStringLiteral("t99")), nullptr);
    }

    void lookupByUsbIdAndRomString()
    {
        QStringList c309;
        for (const ChipProfile *chip : catalog().chipsByUsbId(0xA108, 0xC309))
            c309.append(chip->name);
        for (const char *name : {"t20", "t21", "t31", "t41", "x1520"})
            QVERIFY2(c309.contains(QLatin1String(name)), name);
        // Confirmed ids are listed before guesses.
        QCOMPARE(catalog().chipsByUsbId(0xA108, 0xC309).constFirst()->evidenceFor(QStringLiteral("usb")).mark,
                 EvidenceMark::Confirmed);
        QStringList x1000;
        for (const ChipProfile *chip : catalog().chipsByUsbId(0xA108, 0x1000))
            x1000.append(chip->name);
        QCOMPARE(x1000, (QStringList{QStringLiteral("x1000"), QStringLiteral("x1520")}));
        QVERIFY(catalog().chipsByUsbId(0x1234, 0x5678).isEmpty());

        QStringList t31String;
        for (const ChipProfile *chip : catalog().chipsByRomString(QByteArrayLiteral("T 3 1 V ")))
            t31String.append(chip->name);
        QCOMPARE(t31String, (QStringList{QStringLiteral("t31"), QStringLiteral("t41")}));
        QCOMPARE(catalog().chipsByRomString(QByteArrayLiteral("T 2 0 V ")).size(), 1);
        QVERIFY(catalog().knownUsbIds().contains(UsbId{0xA108, 0xEAEF}));
    }

    void romAndBurnerMatching()
    {
        const ChipProfile *t20 = catalog().chip(QStringLiteral("t20"));
        QVERIFY(t20->matchesRomString(QByteArrayLiteral("T 2 0 V ")));
        QVERIFY(!t20->matchesRomString(QByteArrayLiteral("T 3 1 V ")));
        QVERIFY(t20->matchesBurnerId(QByteArrayLiteral("BOOTx152"))); // 8 bytes of "BOOTx1520" [3.3]
        QVERIFY(!t20->matchesBurnerId(QByteArrayLiteral("BOOTx183")));
        QVERIFY(catalog().chip(QStringLiteral("t41"))->matchesBurnerId(QByteArray("X2580\0\0\0", 8)));
        const ChipProfile *x2000 = catalog().chip(QStringLiteral("x2000"));
        QVERIFY(x2000->matchesBurnerId(QByteArrayLiteral("X2000")));
        QVERIFY(x2000->matchesBurnerId(QByteArrayLiteral("X2100")));
        QVERIFY(!x2000->matchesBurnerId(QByteArrayLiteral("X2500")));
        QVERIFY(!x2000->matchesBurnerId(QByteArray("\0\0\0\0\0", 5)));
        // Unknown ROM string: any answer is accepted (and logged by the engine).
        QVERIFY(catalog().chip(QStringLiteral("t21"))->matchesRomString(QByteArrayLiteral("T 2 1 V ")));
    }

    // FIDB values of the observed boards [3.10].
    void observedGinfoValues_data()
    {
        QTest::addColumn<QString>("board");
        QTest::addColumn<quint32>("ddrFreq");
        QTest::addColumn<quint32>("uartPins");
        QTest::addColumn<QList<quint32>>("gpio"); // port, func, pins per group
        QTest::newRow("OBS-T20") << QStringLiteral("t20-nor") << 400000000u << 0x00800000u
                                 << QList<quint32>{0, 0x11, 0x19800000};
        QTest::newRow("OBS-T41") << QStringLiteral("t41-nor") << 400000000u << 0x00800000u
                                 << QList<quint32>{0, 1, 0x1F800000, 0, 1, 0xE0700000};
        QTest::newRow("prj008 NOR") << QStringLiteral("t31-nor") << 250000000u << 0x01800000u
                                    << QList<quint32>{0, 0, 0x19800000};
        QTest::newRow("prj008 eMMC") << QStringLiteral("t31-emmc") << 250000000u << 0x01800000u
                                     << QList<quint32>{1, 0, 0x3F};
    }

    void observedGinfoValues()
    {
        QFETCH(QString, board);
        QFETCH(quint32, ddrFreq);
        QFETCH(quint32, uartPins);
        QFETCH(QList<quint32>, gpio);
        const proto::GlobalInfo &g = catalog().board(board)->globalInfo;
        QCOMPARE(g.extal, 24000000u);
        QCOMPARE(g.cpuFreq, 800000000u);
        QCOMPARE(g.ddrFreq, ddrFreq);
        QCOMPARE(g.ddrDiv, 0u);
        QCOMPARE(g.uartIndex, 1u);
        QCOMPARE(g.baudRate, 115200u);
        QCOMPARE(g.uartGpio.port, 1u);
        QCOMPARE(g.uartGpio.func, 0u);
        QCOMPARE(g.uartGpio.pins, uartPins);
        QCOMPARE(g.gpio.size() * 3, gpio.size());
        for (int i = 0; i < g.gpio.size(); ++i) {
            QCOMPARE(g.gpio[i].port, gpio[3 * i]);
            QCOMPARE(g.gpio[i].func, gpio[3 * i + 1]);
            QCOMPARE(g.gpio[i].pins, gpio[3 * i + 2]);
        }
    }

    void requiredBoardsAndTheirDefaults()
    {
        for (const char *name :
             {"t31-nor", "t31-emmc", "t20-nor", "t20-emmc", "t41-nor", "a1-nor", "x2000-nor"}) {
            const BoardProfile *board = catalog().board(QLatin1String(name));
            QVERIFY2(board, name);
            const ChipProfile &chip = catalog().chipOf(*board);
            QVERIFY(board->chunkSize <= quint32(chip.burner.maxChunk));
            QVERIFY(board->debug.transferDataCheck);
            QVERIFY(board->forceReset);
            if (board->storage == StorageKind::Nor) {
                QCOMPARE(board->chunkSize % board->spi.eraseBlockSize, 0u);
                QVERIFY(
                    validatePartitions(board->partitions, board->capacity, board->spi.eraseBlockSize).ok());
                QCOMPARE(board->ops(), proto::OpsSfcNor);
                QVERIFY(board->policy().useSfcNor);
            }
        }
        const BoardProfile *emmc = catalog().board(QStringLiteral("t31-emmc"));
        QCOMPARE(emmc->ops(), 0x00020000u);
        QVERIFY(emmc->policy().useMmc[0] && !emmc->policy().useSfcNor);
        QCOMPARE(emmc->mmc.erase, proto::MmcEraseMode::None);
        QCOMPARE(catalog().board(QStringLiteral("t41-nor"))->ddrType, std::optional<qint32>(0x00820082));
        QCOMPARE(catalog().board(QStringLiteral("a1-nor"))->ddrType, std::optional<qint32>(0x00840084));
        QCOMPARE(catalog().board(QStringLiteral("t20-nor"))->ddrType, std::nullopt);
        QCOMPARE(catalog().board(QStringLiteral("a1-nor"))->vendorFiles.dir, QStringLiteral("a1_n_ne_x"));
        QCOMPARE(catalog().board(QStringLiteral("t31-nor"))->vendorFiles.dir, QStringLiteral("t31"));
        QCOMPARE(catalog().board(QStringLiteral("a1-nor"))->spi.sfcFrequency, 50000000u);
        QCOMPARE(catalog().boardsForChip(QStringLiteral("t31x")).size(), 2);
    }

    // The vendor reader's table [5.9 C5]: one read-write "full" partition, MTD_D_MODE.
    void defaultPartitionTableAndSfcConfig()
    {
        const BoardProfile *board = catalog().board(QStringLiteral("t20-nor"));
        QCOMPARE(board->partitions.size(), 1);
        const proto::NorPartition &full = board->partitions.constFirst();
        QCOMPARE(full.name, QStringLiteral("full"));
        QCOMPARE(full.offset, 0u);
        QCOMPARE(full.size, 0xFFFFFFFFu);
        QVERIFY(!full.readOnly);
        QCOMPARE(full.mode, proto::PartitionMode::MtdD);
        const auto chip = catalog().flashDatabase().lookup(0xC84018);
        QVERIFY(chip.ok());
        const proto::SfcConfig sfc = board->sfcConfig(*chip);
        QCOMPARE(sfc.chip.name, QStringLiteral("GD25Q127CSIG"));
        QCOMPARE(sfc.fsEraseSize, board->spi.eraseBlockSize);
        QCOMPARE(sfc.partitions.size(), 1);
        QCOMPARE(sfc.spi.erase, proto::SpiEraseMode::Partition);
    }
};

QTEST_GUILESS_MAIN(TestCatalogData)
#include "tst_catalogdata.moc"
