// The SPI NOR database: the shipped records against the spec's worked examples (8.5 GD25Q127CSIG,
// 3.9.3 W25Q128JVSM), JEDEC lookups and their errors, collisions and user overrides.

#include "catalogtestutil.h"
#include "core/catalog/catalog.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace oc;
using namespace oc::catalog;

namespace {

// The spec's 59-field spiflashinfo.cfg record [8.5], decoded independently of the catalog's JSON
// reader by the field table of 8.5.
const char Gd25q127cRecord[] =
    "GD25Q127CSIG,0xc84018,16777216,256,32768,0x60,1,0,200,5,5,20,20,0x03,0,3,0,0x6b,8,3,5,"
    "0x02,0,3,0,0x32,0,3,5,0x52,0,3,0,0x06,0,0,0,0xb7,0,0,0,0x31,1,1,1,1,0,0x35,1,1,1,1,0,"
    "0x05,0,1,0,1,0";

proto::SpiNorChip decodeCfgRecord(const QString &record)
{
    const QStringList f = record.split(QLatin1Char(','));
    Q_ASSERT(f.size() == 59);
    auto n = [&](int field) {
        return f[field - 1].toLongLong(nullptr, 0);
    };
    auto cmd = [&](int first) {
        return proto::CmdInfo{quint16(n(first)), quint8(n(first + 1)), quint8(n(first + 2)),
                              quint8(n(first + 3))};
    };
    auto st = [&](int first) {
        return proto::StInfo{quint16(n(first)),    quint8(n(first + 1)), quint8(n(first + 2)),
                             quint8(n(first + 3)), quint8(n(first + 4)), quint8(n(first + 5))};
    };
    proto::SpiNorChip c;
    c.name = f[0];
    c.jedecId = quint32(n(2));
    c.chipSize = quint32(n(3));
    c.pageSize = quint32(n(4));
    c.eraseSize = quint32(n(5));
    c.chipEraseCmd = quint8(n(6));
    c.quadOpsMode = quint16(n(7));
    c.addrOpsMode = quint16(n(8));
    c.busyTimeMs = quint32(n(9));
    c.tCHSH = quint32(n(10));
    c.tSLCH = quint32(n(11));
    c.tSHSL_RD = quint32(n(12));
    c.tSHSL_WR = quint32(n(13));
    c.readStandard = cmd(14);
    c.readQuad = cmd(18);
    c.writeStandard = cmd(22);
    c.writeQuad = cmd(26);
    c.sectorErase = cmd(30);
    c.wrEn = cmd(34);
    c.en4byte = cmd(38);
    c.quadSet = st(42);
    c.quadGet = st(48);
    c.busy = st(54);
    return c;
}

void compareCmd(const proto::CmdInfo &actual, const proto::CmdInfo &expected)
{
    QCOMPARE(actual.cmd, expected.cmd);
    QCOMPARE(actual.dummy, expected.dummy);
    QCOMPARE(actual.addrBytes, expected.addrBytes);
    QCOMPARE(actual.transferMode, expected.transferMode);
}

void compareSt(const proto::StInfo &actual, const proto::StInfo &expected)
{
    QCOMPARE(actual.cmd, expected.cmd);
    QCOMPARE(actual.bitShift, expected.bitShift);
    QCOMPARE(actual.mask, expected.mask);
    QCOMPARE(actual.value, expected.value);
    QCOMPARE(actual.length, expected.length);
    QCOMPARE(actual.dummy, expected.dummy);
}

QJsonObject recordJson(const QString &name)
{
    const QJsonArray chips =
        test::builtinJson(QStringLiteral("spinor.json")).value(QStringLiteral("chips")).toArray();
    for (const QJsonValue &v : chips) {
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject();
    }
    return {};
}

} // namespace

class TestFlashDatabase : public QObject
{
    Q_OBJECT

private:
    std::optional<Catalog> m_catalog;
    const FlashDatabase &db() const { return m_catalog->flashDatabase(); }

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv(Catalog::EnvironmentVariable);
        Result<Catalog> loaded = Catalog::load();
        if (!loaded)
            QFAIL(qPrintable(loaded.error().message));
        m_catalog = std::move(loaded).value();
    }

    void gd25q127cEqualsSpecRecordFieldByField()
    {
        const proto::SpiNorChip expected = decodeCfgRecord(QLatin1String(Gd25q127cRecord));
        const auto found = db().lookup(0xC84018);
        QVERIFY(found.ok());
        const proto::SpiNorChip &c = *found;
        QCOMPARE(c.name, expected.name);
        QCOMPARE(c.jedecId, expected.jedecId);
        QCOMPARE(c.chipSize, expected.chipSize);
        QCOMPARE(c.pageSize, expected.pageSize);
        QCOMPARE(c.eraseSize, expected.eraseSize);
        QCOMPARE(c.chipEraseCmd, expected.chipEraseCmd);
        QCOMPARE(c.quadOpsMode, expected.quadOpsMode);
        QCOMPARE(c.addrOpsMode, expected.addrOpsMode);
        QCOMPARE(c.busyTimeMs, expected.busyTimeMs);
        QCOMPARE(c.tCHSH, expected.tCHSH);
        QCOMPARE(c.tSLCH, expected.tSLCH);
        QCOMPARE(c.tSHSL_RD, expected.tSHSL_RD);
        QCOMPARE(c.tSHSL_WR, expected.tSHSL_WR);
        compareCmd(c.readStandard, expected.readStandard);
        compareCmd(c.readQuad, expected.readQuad);
        compareCmd(c.writeStandard, expected.writeStandard);
        compareCmd(c.writeQuad, expected.writeQuad);
        compareCmd(c.sectorErase, expected.sectorErase);
        compareCmd(c.wrEn, expected.wrEn);
        compareCmd(c.en4byte, expected.en4byte);
        compareSt(c.quadSet, expected.quadSet);
        compareSt(c.quadGet, expected.quadGet);
        compareSt(c.busy, expected.busy);
        QCOMPARE(c.miniReadQuadTransferMode, std::nullopt);
        QCOMPARE(db().candidates(0xC84018).constFirst()->evidence.mark, EvidenceMark::Confirmed);
    }

    // Spec 3.9.3: W25Q128JVSM as carried by WT's prj008 NOR blob.
    void w25q128jvsmEqualsWorkedExample()
    {
        const auto found = db().lookup(0xEF7018);
        QVERIFY(found.ok());
        const proto::SpiNorChip &c = *found;
        QCOMPARE(c.name, QStringLiteral("W25Q128JVSM"));
        compareCmd(c.readStandard, {0x03, 0, 3, 0});
        compareCmd(c.readQuad, {0x6B, 8, 3, 5});
        compareCmd(c.writeStandard, {0x02, 0, 3, 0});
        compareCmd(c.writeQuad, {0x32, 0, 3, 5});
        compareCmd(c.sectorErase, {0x52, 0, 3, 0});
        compareCmd(c.wrEn, {0x06, 0, 0, 0});
        QVERIFY(c.en4byte.isDisabled());
        compareCmd(c.en4byte, {0xFFFF, 0xFF, 0xFF, 0xFF}); // FF FF FF FF FF 00
        compareSt(c.quadSet, {0x31, 1, 1, 1, 1, 0});
        compareSt(c.quadGet, {0x35, 1, 1, 1, 1, 0});
        compareSt(c.busy, {0x05, 0, 1, 0, 1, 0});
        QCOMPARE(c.quadOpsMode, quint16(1));
        QCOMPARE(c.addrOpsMode, quint16(0));
        QCOMPARE(c.tCHSH, 3u);
        QCOMPARE(c.tSLCH, 5u);
        QCOMPARE(c.tSHSL_RD, 10u);
        QCOMPARE(c.tSHSL_WR, 50u);
        QCOMPARE(c.chipSize, 0x01000000u);
        QCOMPARE(c.pageSize, 256u);
        QCOMPARE(c.eraseSize, 0x8000u);
        QCOMPARE(c.chipEraseCmd, quint8(0x60));
        // Spec 3.9.3 says the mini copy's read_quad mode is 6; the WT prj008 blob itself has 5 (byte
        // 0x39A), the same as the main copy, so the record carries no override (docs/spec-notes.md).
        QCOMPARE(c.miniReadQuadTransferMode, std::nullopt);
        QCOMPARE(c.busyTimeMs, 120u); // spec 8.5 field 9 for W25Q128JV
    }

    void requiredPartsArePresent()
    {
        const std::pair<quint32, const char *> parts[] = {
            {0xC84018, "GD25Q127CSIG"}, {0xC84017, "GD25Q64C"},   {0xC84019, "GD25Q256D"},
            {0xEF4017, "W25Q64JV"},     {0xEF4018, "W25Q128JV"},  {0xEF7018, "W25Q128JVSM"},
            {0xEF4019, "W25Q256JV"},    {0x0B4018, "XT25F128B"},  {0x204017, "XM25QH64C"},
            {0x204018, "XM25QH128C"},   {0xC22017, "MX25L6433F"}, {0xC22018, "MX25L12835F"},
            {0xC22019, "MX25L25645G"},  {0x1C7018, "EN25QH128A"}, {0x5E4017, "ZB25VQ64"},
            {0x5E4018, "ZB25VQ128"},    {0xA14018, "FM25Q128"},   {0x684018, "BY25Q128AS"},
            {0x852018, "PY25Q128HA"},
        };
        for (const auto &[jedec, name] : parts) {
            const auto found = db().lookup(jedec);
            QVERIFY2(found.ok(), name);
            QCOMPARE(found->name, QLatin1String(name));
            QCOMPARE(found->chipSize, 1u << (jedec & 0xFF)); // capacity code = log2(size)
            const quint8 addressBytes = found->chipSize > 16 * 1024 * 1024 ? 4 : 3;
            QCOMPARE(found->readStandard.addrBytes, addressBytes);
            QVERIFY(!db().candidates(jedec).constFirst()->evidence.note.isEmpty());
        }
        QCOMPARE(db().lookup(0xEF4019)->en4byte.cmd, quint16(0xB7));
        QCOMPARE(db().lookup(0xC22018)->writeQuad.cmd, quint16(0x38)); // Macronix 4PP
        QVERIFY(db().collisions().isEmpty());
    }

    void aliasesAndNames()
    {
        const FlashRecord *record = db().byName(QStringLiteral("gd25q128c"));
        QVERIFY(record);
        QCOMPARE(record->chip.name, QStringLiteral("GD25Q127CSIG"));
        QCOMPARE(db().byName(QStringLiteral("NO-SUCH-PART")), nullptr);
    }

    void unknownIdsAreErrors()
    {
        for (quint32 id : {0u, 0xFFFFFFu, 0x123456u}) {
            const auto found = db().lookup(id);
            QVERIFY(!found.ok());
            QCOMPARE(found.error().code, ErrorCode::UnknownFlash);
        }
        QVERIFY(db().lookup(0).error().message.contains(QLatin1String("no SPI NOR chip answered")));
        QVERIFY(db().lookup(0x123456).error().message.contains(QLatin1String("0x123456")));
        QVERIFY(db().lookup(0x123456).error().message.contains(QLatin1String("spinor.json")));
    }

    // A user record with a colliding id is preferred and the collision is reported; a record with the
    // name of a built-in one replaces it.
    void userRecordsOverrideAndCollide()
    {
        QTemporaryDir dir;
        QJsonObject clone = recordJson(QStringLiteral("XT25F128B"));
        clone[QStringLiteral("name")] = QStringLiteral("XT25F128F");
        clone[QStringLiteral("busyTimeMs")] = 700;
        QJsonObject replaced = recordJson(QStringLiteral("W25Q64JV"));
        replaced[QStringLiteral("busyTimeMs")] = 99;
        test::writeJson(dir.filePath(QStringLiteral("spinor.json")),
                        QJsonObject{{QStringLiteral("schema"), 1},
                                    {QStringLiteral("chips"), QJsonArray{clone, replaced}}});
        const auto loaded = Catalog::loadRoots({QLatin1String(Catalog::BuiltinRoot), dir.path()});
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
        const FlashDatabase &userDb = loaded->flashDatabase();
        QCOMPARE(userDb.lookup(0x0B4018)->name, QStringLiteral("XT25F128F"));
        QCOMPARE(userDb.candidates(0x0B4018).size(), 2);
        QCOMPARE(userDb.lookup(0xEF4017)->busyTimeMs, 99u);
        QCOMPARE(userDb.records().size(), db().records().size() + 1);
        QCOMPARE(loaded->warnings().size(), 1);
        QVERIFY(loaded->warnings().constFirst().contains(QLatin1String("0x0B4018")));
        QVERIFY(loaded->warnings().constFirst().contains(QLatin1String("XT25F128F")));
    }

    void capacityCodeMismatchWarns()
    {
        QTemporaryDir dir;
        QJsonObject record = recordJson(QStringLiteral("GD25Q64C"));
        record[QStringLiteral("name")] = QStringLiteral("ODD8M");
        record[QStringLiteral("jedec")] = QStringLiteral("0x123418"); // code 0x18 = 16 MiB, record says 8 MiB
        test::writeJson(
            dir.filePath(QStringLiteral("spinor.json")),
            QJsonObject{{QStringLiteral("schema"), 1}, {QStringLiteral("chips"), QJsonArray{record}}});
        const auto loaded = Catalog::loadRoots({dir.path()});
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->warnings().size(), 1);
        QVERIFY2(
            loaded->warnings().constFirst().contains(QLatin1String(
                "chips[0]: the JEDEC capacity code 0x18 suggests 16777216 bytes, the record says 8388608")),
            qPrintable(loaded->warnings().constFirst()));
        QCOMPARE(loaded->flashDatabase().lookup(0x123418)->name, QStringLiteral("ODD8M"));
    }
};

QTEST_GUILESS_MAIN(TestFlashDatabase)
#include "tst_flashdatabase.moc"
