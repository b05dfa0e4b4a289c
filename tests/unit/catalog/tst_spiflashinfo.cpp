// Import of the Cloner's spiflashinfo.cfg: the 59 fields land where the spec says (8.5), a record
// becomes the same chip as our hand-written spinor.json entry, the SFC TLV built from an imported
// record is the vendor's byte for byte (WT prj008, spec 3.9.3), and bad records are skipped with the
// reason while the rest of the file imports.

#include "catalogtestutil.h"
#include "core/catalog/catalog.h"
#include "core/catalog/clonerini.h"
#include "core/catalog/jsonreader.h"
#include "core/catalog/spiflashinfo.h"
#include "core/protocol/config.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTest>

using namespace oc;
using namespace oc::catalog;

namespace {

// Records as they appear in the Cloner 2.5.43 configs/spiflashinfo.cfg (and in WT's copy).
const char Gd25q127[] =
    "GD25Q127CSIG,0xc84018,16777216,256,32768,0x60,1,0,200,5,5,20,20,0x03,0,3,0,0x6b,8,3,5,"
    "0x02,0,3,0,0x32,0,3,5,0x52,0,3,0,0x06,0,0,0,0xb7,0,0,0,0x31,1,1,1,1,0,0x35,1,1,1,1,0,"
    "0x05,0,1,0,1,0";
const char W25q128jvsm[] =
    "W25Q128JVSM,0xef7018,16777216,256,32768,0x60,1,0,120,3,5,10,50,0x03,0,3,0,0x6b,8,3,5,"
    "0x02,0,3,0,0x32,0,3,5,0x52,0,3,0,0x06,0,0,0,-1,-1,-1,-1,0x31,1,1,1,1,0,0x35,1,1,1,"
    "1,0,0x05,0,1,0,1,0";

QByteArray fileWith(const QByteArrayList &records, int count)
{
    QByteArray text;
    for (int i = 0; i < records.size(); ++i)
        text += "[norkey" + QByteArray::number(i) + "]\nvalue=\"" + records[i] + "\"\n\n";
    return text + "[spinor]\ncount=" + QByteArray::number(count) + "\n";
}

} // namespace

class TestSpiFlashInfo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fieldsLandWhereTheSpecSays()
    {
        const auto r = parseSpiFlashRecord(QLatin1String(W25q128jvsm), QStringLiteral("test"));
        QVERIFY(r.ok());
        const proto::SpiNorChip &c = r->chip;
        QCOMPARE(c.name, QStringLiteral("W25Q128JVSM"));
        QCOMPARE(c.jedecId, 0xEF7018u);
        QCOMPARE(c.chipSize, 16777216u);
        QCOMPARE(c.eraseSize, 32768u);
        QCOMPARE(c.busyTimeMs, 120u);
        QCOMPARE(c.tSHSL_WR, 50u);
        QCOMPARE(c.readQuad.cmd, quint16(0x6B));
        QCOMPARE(c.readQuad.dummy, quint8(8));
        QCOMPARE(c.readQuad.transferMode, quint8(5));
        QCOMPARE(c.sectorErase.cmd, quint16(0x52));
        QVERIFY(c.en4byte.isDisabled());
        QCOMPARE(c.en4byte.transferMode, quint8(0xFF));
        QCOMPARE(c.quadSet.cmd, quint16(0x31));
        QCOMPARE(c.busy.cmd, quint16(0x05));
        QCOMPARE(c.busy.length, quint8(1));
    }

    // The spec's 8.5 example is our built-in GD25Q127CSIG record: importing it gives the same chip.
    void matchesBuiltInRecord()
    {
        const auto catalog = Catalog::loadRoots({QLatin1String(Catalog::BuiltinRoot)});
        QVERIFY(catalog.ok());
        const FlashRecord *builtin = catalog->flashDatabase().byName(QStringLiteral("GD25Q127CSIG"));
        QVERIFY(builtin);
        const auto imported = parseSpiFlashRecord(QLatin1String(Gd25q127), QStringLiteral("test"));
        QVERIFY(imported.ok());
        proto::SfcConfig a, b;
        a.chip = builtin->chip;
        b.chip = imported->chip;
        QCOMPARE(proto::encodeSpiFlashInfo(b).toHex(), proto::encodeSpiFlashInfo(a).toHex());
    }

    // WT prj008 blob #2 rebuilt from the imported record plus the decoded spi_param / partitions.
    void buildsTheVendorSfcBlob()
    {
        auto record = parseSpiFlashRecord(QLatin1String(W25q128jvsm), QStringLiteral("test"));
        QVERIFY(record.ok());
        proto::BurnerProfile burner;
        burner.spiParam = proto::SpiParamVariant::Wt28;
        burner.paramOffset = 0x6800;
        proto::SfcConfig sfc;
        sfc.spi.eraseBlockSize = 0x8000;
        sfc.spi.erase = proto::SpiEraseMode::AllPartitions;
        sfc.spi.sfcFrequency = 50000000;
        sfc.chip = record->chip;
        sfc.partitions = {{QStringLiteral("uboot"), 0, 0x40000},
                          {QStringLiteral("kernel"), 0x40000, 0x280000},
                          {QStringLiteral("rootfs"), 0x2C0000, 0xFFFFFFFF},
                          {QStringLiteral("all"), 0, 0xFFFFFFFF}};
        proto::PolicyParams policy;
        policy.useSfcNor = true;
        // WT's bundled prj008 blob #2 (tests/data/spiflash/README.md): 976 bytes, known by its SHA-256.
        const QByteArray built =
            proto::buildNorConfigBlob(burner, proto::DebugParams{}, policy, sfc, std::nullopt);
        QCOMPARE(built.size(), qsizetype(976));
        QCOMPARE(QCryptographicHash::hash(built, QCryptographicHash::Sha256).toHex(),
                 QByteArray("880d0afa53223b655d53c32fbd00d647862dd63f83b96993ef2b99879968cb31"));
    }

    void badRecordsAreSkippedWithTheReason()
    {
        const QByteArray shortRecord = "SHORT,0x123456,16777216";
        const QByteArray badNumber = QByteArray(W25q128jvsm).replace("0x52,0,3,0", "0x52,zero,3,0");
        // Sector erase 0x52 erases 32 KiB, the record says 64 KiB: our database rules reject it.
        const QByteArray inconsistent = QByteArray(Gd25q127)
                                            .replace("GD25Q127CSIG", "BROKEN")
                                            .replace("16777216,256,32768", "16777216,256,65536");
        const QByteArray duplicate = QByteArray(Gd25q127).replace("0xc84018", "0xc84019");
        const auto ini = ClonerIni::parse(
            fileWith({Gd25q127, shortRecord, badNumber, inconsistent, duplicate, W25q128jvsm}, 6),
            QStringLiteral("spiflashinfo.cfg"));
        QVERIFY(ini.ok());
        const auto imported = importSpiFlashInfo(*ini);
        QVERIFY(imported.ok());
        QCOMPARE(imported->records.size(), 2);
        QCOMPARE(imported->records[1].chip.name, QStringLiteral("W25Q128JVSM"));
        QCOMPARE(imported->skipped.size(), 4);
        QVERIFY2(imported->skipped[0].contains(
                     QLatin1String("spiflashinfo.cfg:5: [norkey1] value (norkey1): 3 fields")),
                 qPrintable(imported->skipped[0]));
        QVERIFY2(imported->skipped[1].contains(QLatin1String("field 31 (\"zero\") is not a number")),
                 qPrintable(imported->skipped[1]));
        QVERIFY2(imported->skipped[2].contains(QLatin1String("BROKEN (JEDEC 0x0C84018")) ||
                     imported->skipped[2].contains(QLatin1String("eraseSize")),
                 qPrintable(imported->skipped[2]));
        QVERIFY2(imported->skipped[3].contains(QLatin1String("came earlier")),
                 qPrintable(imported->skipped[3]));
    }

    void hugeCountIsRejectedNotAllocated()
    {
        const auto ini = ClonerIni::parse(fileWith({Gd25q127}, 100000), QStringLiteral("spiflashinfo.cfg"));
        QVERIFY(ini.ok());
        const auto imported = importSpiFlashInfo(*ini);
        QVERIFY(!imported.ok());
        QCOMPARE(imported.error().message,
                 QStringLiteral("spiflashinfo.cfg:5: [spinor] count: 100000 is outside 0 .. 1024"));
    }

    // Imported records round-trip through the spinor.json format and the catalog's own loader.
    void roundTripsThroughSpinorJson()
    {
        auto record = parseSpiFlashRecord(QLatin1String(W25q128jvsm), QStringLiteral("spiflashinfo.cfg:3"));
        QVERIFY(record.ok());
        JsonReader reader(QStringLiteral("spinor.json"));
        QStringList warnings;
        const QJsonObject root{{QStringLiteral("schema"), CatalogSchema},
                               {QStringLiteral("chips"), QJsonArray{flashRecordToJson(*record)}}};
        const QList<FlashRecord> parsed = FlashDatabase::parse(reader, root, warnings);
        QVERIFY2(reader.ok(), qPrintable(reader.errors().join(QLatin1Char('\n'))));
        QCOMPARE(parsed.size(), 1);
        proto::SfcConfig a, b;
        a.chip = record->chip;
        b.chip = parsed[0].chip;
        QCOMPARE(proto::encodeSpiFlashInfo(b), proto::encodeSpiFlashInfo(a));
        QCOMPARE(parsed[0].evidence.note, QStringLiteral("Ingenic USB Cloner spiflashinfo.cfg:3"));
    }
};

QTEST_GUILESS_MAIN(TestSpiFlashInfo)
#include "tst_spiflashinfo.moc"
