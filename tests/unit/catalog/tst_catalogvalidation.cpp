// Validation at load: broken user files give ErrorCode::Profile errors that name the file, the JSON
// path and what to do; overrides and the environment variable work. Each case starts from a shipped
// (valid) file and breaks exactly one thing.

#include "catalogtestutil.h"
#include "core/catalog/catalog.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace oc;
using namespace oc::catalog;

namespace {

QJsonObject partition(const QString &name, qint64 offset, qint64 size)
{
    return {
        {QStringLiteral("name"), name}, {QStringLiteral("offset"), offset}, {QStringLiteral("size"), size}};
}

} // namespace

class TestCatalogValidation : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString userPath(const QString &relative) const { return m_dir.filePath(relative); }

    // Loads built-ins + the user directory; returns the error message ("" if it loaded).
    QString loadError() const
    {
        const auto loaded = Catalog::loadRoots({QLatin1String(Catalog::BuiltinRoot), m_dir.path()});
        if (loaded.ok())
            return QString();
        if (loaded.error().code != ErrorCode::Profile)
            return QStringLiteral("wrong error code");
        return loaded.error().message;
    }

    void writeBoard(const QString &name, const QJsonObject &board)
    {
        test::writeJson(userPath(QStringLiteral("boards/%1.json").arg(name)), board);
    }

    static QJsonObject t31Nor() { return test::builtinJson(QStringLiteral("boards/t31-nor.json")); }

private Q_SLOTS:
    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
    }

    void validUserDirectoryLoads()
    {
        writeBoard(QStringLiteral("t31-nor"), t31Nor());
        QCOMPARE(loadError(), QString());
    }

    void malformedJson()
    {
        test::writeBytes(userPath(QStringLiteral("boards/t31-nor.json")),
                         "{\n  \"schema\": 1,\n  \"name\": \"t31-nor\"\n  \"chip\": \"t31\"\n}\n");
        const QString error = loadError();
        QVERIFY2(error.contains(QLatin1String("t31-nor.json: (document): malformed JSON at line 4")),
                 qPrintable(error));
    }

    void missingKey()
    {
        QJsonObject board = t31Nor();
        board.remove(QStringLiteral("chunkSize"));
        writeBoard(QStringLiteral("t31-nor"), board);
        const QString error = loadError();
        QVERIFY2(error.contains(QLatin1String("t31-nor.json: chunkSize: missing; this key is required")),
                 qPrintable(error));
    }

    void wrongTypes()
    {
        QJsonObject board = t31Nor();
        QJsonObject debug = board.value(QStringLiteral("debug")).toObject();
        debug[QStringLiteral("log")] = QStringLiteral("yes");
        board[QStringLiteral("debug")] = debug;
        QJsonObject info = board.value(QStringLiteral("globalInfo")).toObject();
        info[QStringLiteral("extal")] = true;
        board[QStringLiteral("globalInfo")] = info;
        writeBoard(QStringLiteral("t31-nor"), board);
        const QString error = loadError();
        QVERIFY2(error.contains(QLatin1String("debug.log: expected true or false, found a string")),
                 qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("globalInfo.extal: expected an integer")), qPrintable(error));
        QVERIFY(error.contains(QLatin1String("found a boolean")));
        QVERIFY(error.startsWith(QLatin1String("the board catalog has 2 problem(s)")));
    }

    void unknownKeyAndOutOfRange()
    {
        QJsonObject board = t31Nor();
        board[QStringLiteral("chunksize")] = 65536;
        QJsonObject info = board.value(QStringLiteral("globalInfo")).toObject();
        info[QStringLiteral("uartIndex")] = 99;
        board[QStringLiteral("globalInfo")] = info;
        writeBoard(QStringLiteral("t31-nor"), board);
        const QString error = loadError();
        QVERIFY2(
            error.contains(QLatin1String("t31-nor.json: chunksize: unknown key; remove it or use one of:")),
            qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("globalInfo.uartIndex: 99 is out of range; allowed 0 ... 15")),
                 qPrintable(error));
    }

    void overlappingPartitions()
    {
        QJsonObject board = t31Nor();
        board[QStringLiteral("partitions")] =
            QJsonArray{partition(QStringLiteral("uboot"), 0, 0x40000),
                       partition(QStringLiteral("kernel"), 0x30000, 0x300000)};
        writeBoard(QStringLiteral("t31-nor"), board);
        const QString error = loadError();
        QVERIFY2(error.contains(QLatin1String(
                     "partitions[1].offset: partition \"kernel\" (0x30000 .. 0x330000) overlaps "
                     "\"uboot\" (0x0 .. 0x40000)")),
                 qPrintable(error));
    }

    void partitionRules()
    {
        QJsonObject board = t31Nor();
        board[QStringLiteral("storage")] = QJsonObject{{QStringLiteral("kind"), QStringLiteral("nor")},
                                                       {QStringLiteral("capacity"), 0x1000000}};
        board[QStringLiteral("partitions")] =
            QJsonArray{partition(QStringLiteral("boot"), 0, 0x41000),
                       partition(QStringLiteral("boot"), 0x80000, 0x10000),
                       partition(QStringLiteral("data"), 0xF00000, 0x200000)};
        writeBoard(QStringLiteral("t31-nor"), board);
        const QString error = loadError();
        QVERIFY2(error.contains(QLatin1String(
                     "partitions[0].size: 0x41000 is not a multiple of the erase block size 0x8000")),
                 qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("partitions[1].name: duplicate name \"boot\"")),
                 qPrintable(error));
        QVERIFY2(error.contains(QLatin1String(
                     "partitions[2].size: partition \"data\" (0xF00000 .. 0x1100000) ends beyond "
                     "the 0x1000000-byte chip")),
                 qPrintable(error));
        // The same rules are available to the engine for the detected chip.
        const Status s = validatePartitions({{QStringLiteral("all"), 0, 0xFFFFFFFF}}, 0x800000, 0x8000);
        QVERIFY(s.ok());
        QVERIFY(!validatePartitions({}, 0, 0x8000).ok());
    }

    void unknownChipReference()
    {
        QJsonObject board = t31Nor();
        board[QStringLiteral("name")] = QStringLiteral("t99-nor");
        board[QStringLiteral("chip")] = QStringLiteral("t99");
        writeBoard(QStringLiteral("t99-nor"), board);
        const QString error = loadError();
        QVERIFY2(
            error.contains(QLatin1String("t99-nor.json: chip: unknown chip \"t99\"; use one of: a1, c100")),
            qPrintable(error));
        QVERIFY(error.contains(QLatin1String("add chips/t99.json")));
    }

    void chunkSizeRules()
    {
        QJsonObject board = t31Nor();
        board[QStringLiteral("chunkSize")] = 40960;
        writeBoard(QStringLiteral("t31-nor"), board);
        QVERIFY2(loadError().contains(
                     QLatin1String("chunkSize: 0xA000 is not a multiple of 0x8000 (spi.eraseBlockSize)")),
                 qPrintable(loadError()));
        board[QStringLiteral("chunkSize")] = 2 * 1024 * 1024;
        writeBoard(QStringLiteral("t31-nor"), board);
        QVERIFY2(loadError().contains(QLatin1String("chunkSize: 0x200000 is out of range")),
                 qPrintable(loadError()));
        // 1 MiB is fine for the K1 T31 burner but not for the Layout A A1 burner's 512 KiB buffer.
        QJsonObject a1 = test::builtinJson(QStringLiteral("boards/a1-nor.json"));
        a1[QStringLiteral("chunkSize")] = 1024 * 1024;
        writeBoard(QStringLiteral("t31-nor"), t31Nor());
        writeBoard(QStringLiteral("a1-nor"), a1);
        QVERIFY2(loadError().contains(
                     QLatin1String("a1-nor.json: chunkSize: 0x100000 exceeds the 0x80000 bytes the a1 "
                                   "burner can buffer")),
                 qPrintable(loadError()));
    }

    void spiParamFieldsTheBurnerLacks()
    {
        QJsonObject board = t31Nor();
        QJsonObject spi = board.value(QStringLiteral("spi")).toObject();
        spi[QStringLiteral("paramOffset")] = 0x6800;
        board[QStringLiteral("spi")] = spi;
        writeBoard(QStringLiteral("t31-nor"), board);
        QVERIFY2(loadError().contains(
                     QLatin1String("spi.paramOffset: the t31 burner's spi_param (vendor-24) has no "
                                   "param_offset field")),
                 qPrintable(loadError()));
        // T40 defines no parameter offset: download_params would have nowhere to go.
        QJsonObject t40 = t31Nor();
        t40[QStringLiteral("name")] = QStringLiteral("t40-nor");
        t40[QStringLiteral("chip")] = QStringLiteral("t40");
        spi.remove(QStringLiteral("paramOffset"));
        spi[QStringLiteral("downloadParams")] = true;
        t40[QStringLiteral("spi")] = spi;
        writeBoard(QStringLiteral("t31-nor"), t31Nor());
        writeBoard(QStringLiteral("t40-nor"), t40);
        QVERIFY2(loadError().contains(
                     QLatin1String("t40-nor.json: spi.downloadParams: the t40 burner defines no NOR "
                                   "parameter offset")),
                 qPrintable(loadError()));
    }

    void storageSpecificKeys()
    {
        QJsonObject emmc = test::builtinJson(QStringLiteral("boards/t31-emmc.json"));
        emmc[QStringLiteral("partitions")] = t31Nor().value(QStringLiteral("partitions"));
        writeBoard(QStringLiteral("t31-emmc"), emmc);
        QVERIFY2(loadError().contains(QLatin1String("t31-emmc.json: partitions: unknown key")),
                 qPrintable(loadError()));
    }

    void nameMustMatchFile()
    {
        writeBoard(QStringLiteral("my-board"), t31Nor());
        QVERIFY2(loadError().contains(
                     QLatin1String("my-board.json: name: \"t31-nor\" does not match the file name")),
                 qPrintable(loadError()));
    }

    void duplicateChipNames()
    {
        QJsonObject chip = test::builtinJson(QStringLiteral("chips/t31.json"));
        chip[QStringLiteral("name")] = QStringLiteral("t32");
        chip[QStringLiteral("aliases")] = QJsonArray{QStringLiteral("t31x")};
        test::writeJson(userPath(QStringLiteral("chips/t32.json")), chip);
        const QString error = loadError();
        QVERIFY2(error.contains(QLatin1String("t32.json: aliases: \"t31x\" also names chip \"t31\"")),
                 qPrintable(error));
    }

    void brokenChipProfile()
    {
        QJsonObject chip = test::builtinJson(QStringLiteral("chips/t31.json"));
        QJsonObject rom = chip.value(QStringLiteral("rom")).toObject();
        rom[QStringLiteral("cpuInfo")] = QStringLiteral("T31");
        chip[QStringLiteral("rom")] = rom;
        QJsonObject burner = chip.value(QStringLiteral("burner")).toObject();
        burner[QStringLiteral("layout")] = QStringLiteral("C");
        burner.remove(QStringLiteral("paramOffset"));
        chip[QStringLiteral("burner")] = burner;
        chip[QStringLiteral("schema")] = 2;
        test::writeJson(userPath(QStringLiteral("chips/t31.json")), chip);
        const QString error = loadError();
        QVERIFY2(error.contains(QLatin1String(
                     "t31.json: rom.cpuInfo: \"T31\" must be exactly 8 printable ASCII characters")),
                 qPrintable(error));
        QVERIFY(
            error.contains(QLatin1String("t31.json: burner.layout: \"C\" is not allowed; use one of: A, B")));
        QVERIFY(error.contains(QLatin1String("t31.json: burner.paramOffset: missing")));
        QVERIFY(error.contains(
            QLatin1String("t31.json: schema: unsupported schema 2; this OpenCloner reads schema 1")));
    }

    void brokenFlashRecord()
    {
        const QJsonArray chips =
            test::builtinJson(QStringLiteral("spinor.json")).value(QStringLiteral("chips")).toArray();
        QJsonObject record = chips.at(0).toObject(); // GD25Q127CSIG
        record[QStringLiteral("name")] = QStringLiteral("TEST256");
        record[QStringLiteral("jedec")] = QStringLiteral("0x123419");
        record[QStringLiteral("size")] = 32 * 1024 * 1024; // still 3 address bytes
        record[QStringLiteral("sectorErase")] = QJsonArray{QStringLiteral("0x20"), 0, 4, 0};
        record[QStringLiteral("busy")] = QJsonValue::Null;
        test::writeJson(
            userPath(QStringLiteral("spinor.json")),
            QJsonObject{{QStringLiteral("schema"), 1}, {QStringLiteral("chips"), QJsonArray{record}}});
        const QString error = loadError();
        QVERIFY2(error.contains(QLatin1String(
                     "spinor.json: chips[0].readStandard: 3 address bytes; a 33554432-byte part "
                     "needs 4")),
                 qPrintable(error));
        QVERIFY(error.contains(
            QLatin1String("chips[0].eraseSize: 32768 but sector erase 0x20 erases 4096 bytes")));
        QVERIFY(error.contains(QLatin1String("chips[0].busy: the burner polls this register")));
    }

    void userOverrideReplacesBuiltin()
    {
        QJsonObject board = t31Nor();
        board[QStringLiteral("chunkSize")] = 65536;
        writeBoard(QStringLiteral("t31-nor"), board);
        const auto loaded = Catalog::loadRoots({QLatin1String(Catalog::BuiltinRoot), m_dir.path()});
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->board(QStringLiteral("t31-nor"))->chunkSize, 65536u);
        QCOMPARE(loaded->warnings().size(), 1);
        QVERIFY(loaded->warnings().constFirst().endsWith(
            QLatin1String("overrides <built-in>/boards/t31-nor.json")));
    }

    void environmentDirectoryIsLoaded()
    {
        QJsonObject board = t31Nor();
        board[QStringLiteral("name")] = QStringLiteral("t31-custom");
        board[QStringLiteral("chip")] = QStringLiteral("t31x"); // aliases resolve to the chip
        writeBoard(QStringLiteral("t31-custom"), board);
        qputenv(Catalog::EnvironmentVariable, m_dir.path().toLocal8Bit());
        const auto loaded = Catalog::load();
        const QStringList dirs = Catalog::userDirs({QStringLiteral("/extra")});
        qunsetenv(Catalog::EnvironmentVariable);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
        QCOMPARE(loaded->board(QStringLiteral("t31-custom"))->chip, QStringLiteral("t31"));
        QCOMPARE(dirs, (QStringList{m_dir.path(), QStringLiteral("/extra")}));
        QCOMPARE(loaded->roots().size(), 2);
    }

    void missingRootIsAnError()
    {
        const auto loaded = Catalog::loadRoots({m_dir.filePath(QStringLiteral("does-not-exist"))});
        QVERIFY(!loaded.ok());
        QVERIFY(loaded.error().message.contains(QLatin1String("does-not-exist: not a directory")));
    }
};

QTEST_GUILESS_MAIN(TestCatalogValidation)
#include "tst_catalogvalidation.moc"
