// Import of a synthetic Ingenic USB Cloner installation (clonertree.h, built at test time, no vendor
// files): every profile becomes a board that the catalog loads; the generated ginfo equals the vendor's
// bytes and a ginfo.bin, where one exists, gives the same; and broken or hostile inputs (missing files,
// malformed INI, a 0-byte spl.bin, a huge policy count, bundle entries with ../, links or absolute
// paths) give clear errors and change nothing on disk.

#include "catalogtestutil.h"
#include "clonertree.h"
#include "core/catalog/boardjson.h"
#include "core/catalog/clonerimport.h"
#include "core/catalog/importstore.h"
#include "core/catalog/vendorfiles.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>

using namespace oc;
using namespace oc::catalog;
using oc::catalog::test::CfgBoard;
using oc::catalog::test::ClonerTree;

namespace {

struct ZipEntry
{
    QByteArray path;
    QByteArray data;
    bool symlink = false;
};

// A zip written with libarchive, entry names as given (hostile ones included).
void writeZip(const QString &file, const QList<ZipEntry> &entries)
{
    struct archive *a = archive_write_new();
    archive_write_set_format_zip(a);
    QVERIFY(archive_write_open_filename(a, QFile::encodeName(file).constData()) == ARCHIVE_OK);
    for (const ZipEntry &e : entries) {
        struct archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname(entry, e.path.constData());
        archive_entry_set_filetype(entry, e.symlink ? AE_IFLNK : AE_IFREG);
        archive_entry_set_perm(entry, 0644);
        if (e.symlink)
            archive_entry_set_symlink(entry, e.data.constData());
        archive_entry_set_size(entry, e.symlink ? 0 : e.data.size());
        archive_write_header(a, entry);
        if (!e.symlink)
            archive_write_data(a, e.data.constData(), size_t(e.data.size()));
        archive_entry_free(entry);
    }
    archive_write_close(a);
    archive_write_free(a);
}

// Every file of an installation as zip entries below `prefix`.
QList<ZipEntry> entriesOf(const QString &root, const QByteArray &prefix)
{
    QList<ZipEntry> entries;
    const auto files = ClonerTree::snapshot(root);
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (QFileInfo(QDir(root).filePath(it.key())).isFile())
            entries.append({prefix + it.key().toUtf8(), test::readAll(QDir(root).filePath(it.key()))});
    }
    return entries;
}

} // namespace

class TestClonerImport : public QObject
{
    Q_OBJECT

private:
    std::optional<Catalog> m_catalog;
    std::unique_ptr<QTemporaryDir> m_dir;

    QString path(const QString &relative) const { return m_dir->filePath(relative); }

    ClonerTree tree(const QString &name = QStringLiteral("cloner")) const { return ClonerTree(path(name)); }

    // An installation with the shared files, the t31x chip and exactly one board.
    ClonerTree singleBoard(const CfgBoard &board) const
    {
        ClonerTree t = tree();
        t.addCommon();
        t.addChip(*m_catalog, QStringLiteral("t31x"));
        t.write(QStringLiteral("0_Firmware_Root/uboot.bin"), ClonerTree::noise(65536, 3));
        t.write(QStringLiteral("configs/t31x/only.cfg"), board.text());
        return t;
    }

    // Imports through the store; on failure checks that neither the installation nor the store
    // changed, and returns the message.
    QString failedImport(const QString &source)
    {
        const QString store = path(QStringLiteral("store"));
        const auto installBefore = ClonerTree::snapshot(path(QStringLiteral("cloner")));
        const auto storeBefore = ClonerTree::snapshot(store);
        const bool storeExisted = QFileInfo::exists(store);
        ImportStore importStore(store);
        const auto result = importStore.importAndSave(*m_catalog, source);
        if (result.ok())
            return QStringLiteral("(imported)");
        if (ClonerTree::snapshot(path(QStringLiteral("cloner"))) != installBefore)
            return QStringLiteral("(the installation changed)");
        if (ClonerTree::snapshot(store) != storeBefore || QFileInfo::exists(store) != storeExisted)
            return QStringLiteral("(the store changed)");
        return result.error().message;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto catalog = Catalog::loadRoots({QLatin1String(Catalog::BuiltinRoot)});
        QVERIFY(catalog.ok());
        m_catalog = std::move(catalog).value();
    }

    void init() { m_dir = std::make_unique<QTemporaryDir>(); }

    void importsEveryBoard()
    {
        const ClonerTree t = tree();
        t.addStandard(*m_catalog);
        const auto before = ClonerTree::snapshot(t.root());
        const auto imported = ClonerImporter(*m_catalog).importFolder(t.root());
        QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error().message));
        QCOMPARE(ClonerTree::snapshot(t.root()), before); // nothing written into the vendor's folder
        QVERIFY2(imported->skipped.isEmpty(), qPrintable(imported->skipped.value(0).reason));
        QCOMPARE(imported->version, QStringLiteral("2.5.43"));
        QStringList names;
        for (const ImportedBoard &b : imported->boards)
            names << b.board.name;
        QCOMPARE(names, (QStringList{"t20_sfc_nor_reader_16mb", "t31x_mmc_ddr2_linux", "t31x_sfc_nor_writer",
                                     "t41n_sfc_nor_ddr3_linux"}));
        QCOMPARE(imported->flash.size(), 2);
        QCOMPARE(imported->flash[1].chip.jedecId, 0x5A4018u);
    }

    void boardFieldsFollowTheCfg()
    {
        const ClonerTree t = tree();
        t.addStandard(*m_catalog);
        const auto imported = ClonerImporter(*m_catalog).importFolder(t.root());
        QVERIFY(imported.ok());
        const BoardProfile &writer = imported->boards[2].board;
        QCOMPARE(writer.chip, QStringLiteral("t31"));
        QCOMPARE(writer.vendorFiles.dir, QStringLiteral("t31x"));
        QCOMPARE(writer.vendorFiles.root, t.root());
        QCOMPARE(writer.storage, StorageKind::Nor);
        QCOMPARE(writer.chunkSize, 65536u);
        QCOMPARE(writer.spi.eraseBlockSize, 32768u);
        QCOMPARE(writer.partitions.size(), 3);
        QCOMPARE(writer.partitions[2].size, PartitionToEnd);
        QCOMPARE(writer.globalInfo.cpuFreq, 576000000u);
        QCOMPARE(writer.steps.size(), 2); // policy2 is disabled
        QCOMPARE(writer.steps[0], (BoardStep{StepKind::Write, QStringLiteral("uboot"), 0, 0,
                                             t.path(QStringLiteral("0_Firmware_Root/uboot.bin"))}));
        QCOMPARE(writer.steps[1].path, t.path(QStringLiteral("0_Firmware_Root/kernel.bin")));
        QCOMPARE(writer.steps[1].offset, 0x40000u);
        const BoardProfile &reader = imported->boards[0].board;
        QCOMPARE(reader.steps[1], (BoardStep{StepKind::Read, QStringLiteral("FW1"), 0x100000, 0x100000,
                                             t.path(QStringLiteral("tmp/2.bin"))}));
        QCOMPARE(reader.evidenceFor(QStringLiteral("steps")).mark, EvidenceMark::Inferred);
        const BoardProfile &emmc = imported->boards[1].board;
        QCOMPARE(emmc.storage, StorageKind::Emmc);
        QCOMPARE(emmc.mmcSlot, 0);
        QCOMPARE(emmc.mmc.erase, proto::MmcEraseMode::All);
        QCOMPARE(emmc.globalInfo.gpio.size(), 1);
        QCOMPARE(emmc.globalInfo.gpio[0].pins, 0x3Fu); // msc0 pins: ginfo follows the medium
        const ImportedBoard &t41 = imported->boards[3];
        QCOMPARE(t41.board.steps.size(), 3);
        QVERIFY(t41.board.steps[0].path.isEmpty());
        QCOMPARE(t41.warnings.size(), 3);
        QVERIFY(t41.warnings[0].contains(QLatin1String("policy0 \"uboot\" names no file yet")));
        QCOMPARE(t41.board.ddrType, std::optional<qint32>(0x00820082));
        QCOMPARE(t41.board.spi.downloadParams, 1u);
        QCOMPARE(t41.board.spi.erase, proto::SpiEraseMode::AllPartitions);
    }

    // The generated ginfo is the vendor's (golden blobs of tests/data/ginfo); with a ginfo.bin next
    // to the loaders, VendorFiles picks the file and it gives the same bytes.
    void ginfoIsTheVendorsAndMatchesAFile_data()
    {
        QTest::addColumn<int>("board");
        QTest::addColumn<QString>("golden");
        QTest::addColumn<QString>("chipDir");
        // SHA-256 of the observed vendor blobs (tests/data/ginfo/README.md; the blobs are not stored)
        QTest::newRow("t20") << 0 << "39bf885272c5b69c688b1284382982671016f76cf661b9bbc2fe758d24b9bcd5"
                             << "t20";
        QTest::newRow("t41n") << 3 << "6d1e7d2dabdbed8462f730891a564462f45237c5f3bd9c0bf4d162a7d8c6df3d"
                              << "t41";
    }

    void ginfoIsTheVendorsAndMatchesAFile()
    {
        QFETCH(int, board);
        QFETCH(QString, golden);
        QFETCH(QString, chipDir);
        const ClonerTree t = tree();
        t.addStandard(*m_catalog);
        const auto imported = ClonerImporter(*m_catalog).importFolder(t.root());
        QVERIFY(imported.ok());
        const BoardProfile &b = imported->boards[board].board;
        QVERIFY(b.origin && b.origin->ginfoVerified);
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(b.ginfo, QCryptographicHash::Sha256).toHex()),
                 golden);
        const ChipProfile &chip = *m_catalog->chip(b.chip);
        auto generated = VendorFiles::locate(t.root(), chip, b);
        QVERIFY2(generated.ok(), generated.ok() ? "" : qPrintable(generated.error().message));
        QVERIFY(generated->ginfoPath.startsWith(QLatin1String("<generated")));
        QVERIFY(generated->placeholder);
        t.write(QStringLiteral("firmwares/%1/ginfo.bin").arg(chipDir), b.ginfo); // the vendor's bytes
        auto fromFile = VendorFiles::locate(t.root(), chip, b);
        QVERIFY(fromFile.ok());
        QCOMPARE(fromFile->ginfoPath, t.path(QStringLiteral("firmwares/%1/ginfo.bin").arg(chipDir)));
        QCOMPARE(fromFile->ginfo, generated->ginfo);
    }

    // Saved profiles load through the catalog like hand-written ones, unchanged.
    void savedProfilesLoad()
    {
        const ClonerTree t = tree();
        t.addStandard(*m_catalog);
        ImportStore store(path(QStringLiteral("store")));
        const auto imported = store.importAndSave(*m_catalog, t.root());
        QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error().message));
        const auto catalog = Catalog::loadRoots({QLatin1String(Catalog::BuiltinRoot), store.dir()});
        QVERIFY2(catalog.ok(), catalog.ok() ? "" : qPrintable(catalog.error().message));
        for (const ImportedBoard &b : imported->boards) {
            const BoardProfile *loaded = catalog->board(b.board.name);
            QVERIFY(loaded);
            QCOMPARE(boardToJson(*loaded), boardToJson(b.board));
        }
        QVERIFY(catalog->flashDatabase().byName(QStringLiteral("ZZ25Q128TEST")));
        QCOMPARE(catalog->flashDatabase().lookup(0x5A4018)->name, QStringLiteral("ZZ25Q128TEST"));
        QCOMPARE(store.boardsFrom(t.root()).size(), 4);
    }

    void reimportReplacesAndDrops()
    {
        const ClonerTree t = tree();
        t.addStandard(*m_catalog);
        ImportStore store(path(QStringLiteral("store")));
        QVERIFY(store.importAndSave(*m_catalog, t.root()).ok());
        QVERIFY(QFile::remove(t.path(QStringLiteral("configs/t31x/t31x_mmc_ddr2_linux.cfg"))));
        CfgBoard changed = ClonerTree::t31xWriter();
        changed.info.replace(QStringLiteral("576000000"), QStringLiteral("600000000"));
        t.write(QStringLiteral("configs/t31x/t31x_sfc_nor_writer.cfg"), changed.text());
        const auto again = store.importAndSave(*m_catalog, t.root());
        QVERIFY(again.ok());
        QVERIFY(!QFileInfo::exists(store.dir() + QStringLiteral("/boards/t31x_mmc_ddr2_linux.json")));
        const auto catalog = Catalog::loadRoots({QLatin1String(Catalog::BuiltinRoot), store.dir()});
        QVERIFY(catalog.ok());
        QVERIFY(!catalog->board(QStringLiteral("t31x_mmc_ddr2_linux")));
        QCOMPARE(catalog->board(QStringLiteral("t31x_sfc_nor_writer"))->globalInfo.cpuFreq, 600000000u);
    }

    void brokenInputs_data()
    {
        QTest::addColumn<QString>("defect");
        QTest::addColumn<QString>("message");
        QTest::newRow("zero-byte spl") << "spl0"
                                       << "firmwares/t31x/spl.bin is empty (0 bytes)";
        QTest::newRow("missing burner") << "noburner"
                                        << "firmwares/t31x/uboot.bin is missing";
        QTest::newRow("malformed ini")
            << "ini"
            << "configs/t31x/only.cfg:2: \"bank8 1\" is neither [section] nor key=value";
        QTest::newRow("huge policy count")
            << "count"
            << "configs/t31x/only.cfg:33: [policy] policy_count: 100000 is outside 0 .. 64";
        QTest::newRow("missing chip config") << "chipcfg"
                                             << "firmwares/t31x/config.cfg is missing";
        QTest::newRow("nand") << "nand"
                              << "SFC NAND is not supported: OpenCloner writes SFC NOR and eMMC";
    }

    void brokenInputs()
    {
        QFETCH(QString, defect);
        QFETCH(QString, message);
        CfgBoard board = ClonerTree::t31xWriter();
        board.policies.resize(1);
        board.policies[0].attribute = QStringLiteral("./0_Firmware_Root/uboot.bin");
        if (defect == QLatin1String("ini"))
            board.ddr.replace(QStringLiteral("bank8=1"), QStringLiteral("bank8 1"));
        if (defect == QLatin1String("count"))
            board.policyCount = QStringLiteral("100000");
        if (defect == QLatin1String("nand"))
            board.policies[0].ops = QStringLiteral("13,6,1");
        const ClonerTree t = singleBoard(board);
        if (defect == QLatin1String("spl0"))
            t.write(QStringLiteral("firmwares/t31x/spl.bin"), QByteArray());
        if (defect == QLatin1String("noburner"))
            QFile::remove(t.path(QStringLiteral("firmwares/t31x/uboot.bin")));
        if (defect == QLatin1String("chipcfg"))
            QFile::remove(t.path(QStringLiteral("firmwares/t31x/config.cfg")));
        const QString error = failedImport(t.root());
        QVERIFY2(error.startsWith(QLatin1String("no board profile of ")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("\nconfigs/t31x/only.cfg")), qPrintable(error));
        QVERIFY2(error.contains(QDir::toNativeSeparators(message)) || error.contains(message),
                 qPrintable(error));
    }

    // One bad profile is skipped with its reason; the good ones are imported.
    void badBoardIsSkippedOthersImport()
    {
        const ClonerTree t = tree();
        t.addStandard(*m_catalog);
        CfgBoard bad = ClonerTree::t31xWriter();
        bad.policyCount = QStringLiteral("100000");
        t.write(QStringLiteral("configs/t31x/broken.cfg"), bad.text());
        t.write(QStringLiteral("configs/A1NE-read/reader.cfg"), ClonerTree::t20Reader().text());
        const auto imported = ClonerImporter(*m_catalog).importFolder(t.root());
        QVERIFY(imported.ok());
        QCOMPARE(imported->boards.size(), 4);
        QCOMPARE(imported->skipped.size(), 2);
        QCOMPARE(imported->skipped[0].config, QStringLiteral("configs/A1NE-read/reader.cfg"));
        QVERIFY(imported->skipped[0].reason.contains(QLatin1String("no chip profile for \"A1NE-read\"")));
        QCOMPARE(imported->skipped[1].config, QStringLiteral("configs/t31x/broken.cfg"));
        QVERIFY(
            imported->skipped[1].reason.contains(QLatin1String("policy_count: 100000 is outside 0 .. 64")));
    }

    // A policy image that is nowhere to be found keeps its step without a file, and the warning says
    // exactly which file and where it was looked for.
    void missingImageIsNamed()
    {
        CfgBoard board = ClonerTree::t31xWriter();
        board.policies[0].attribute = QStringLiteral("/home/x/cloner/0_Firmware_Root/missing.bin");
        const ClonerTree t = singleBoard(board);
        const auto imported = ClonerImporter(*m_catalog).importFolder(t.root());
        QVERIFY(imported.ok());
        const ImportedBoard &b = imported->boards[0];
        QVERIFY(b.board.steps[0].path.isEmpty());
        QCOMPARE(b.board.steps[0].label, QStringLiteral("uboot"));
        QVERIFY2(b.warnings[0].startsWith(
                     QLatin1String("policy0 \"uboot\": file /home/x/cloner/0_Firmware_Root/missing.bin "
                                   "not found (tried ")),
                 qPrintable(b.warnings[0]));
        QVERIFY(b.warnings[0].contains(
            QDir::toNativeSeparators(t.path(QStringLiteral("0_Firmware_Root/missing.bin")))));
    }

    void missingDdrPartImportsWithoutGinfo()
    {
        const ClonerTree t = tree();
        t.addStandard(*m_catalog);
        QFile::remove(t.path(QStringLiteral("ddrs/DDR3/DDR3_W631GU6NG.cfg")));
        const auto imported = ClonerImporter(*m_catalog).importFolder(t.root());
        QVERIFY(imported.ok());
        const ImportedBoard &t41 = imported->boards[3];
        QVERIFY(t41.board.ginfo.isEmpty());
        QVERIFY(t41.warnings.last().contains(QLatin1String("ddrs/DDR3/DDR3_W631GU6NG.cfg is missing")));
        QVERIFY(t41.warnings.last().contains(QLatin1String("put the vendor's ginfo.bin")));
    }

    void notAnInstallation()
    {
        QDir().mkpath(path(QStringLiteral("cloner/random")));
        QVERIFY(failedImport(path(QStringLiteral("cloner")))
                    .contains(QLatin1String("is not an Ingenic USB Cloner installation")));
    }

    void bundleImports()
    {
        const ClonerTree t = tree(QStringLiteral("src"));
        t.addStandard(*m_catalog);
        const QString bundle = path(QStringLiteral("vendor.ingenic"));
        writeZip(bundle, entriesOf(t.root(), "cloner-2.5.43/"));
        ImportStore store(path(QStringLiteral("store")));
        const auto imported = store.importAndSave(*m_catalog, bundle);
        QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error().message));
        QCOMPARE(imported->boards.size(), 4);
        QCOMPARE(imported->source, QFileInfo(bundle).absoluteFilePath());
        QVERIFY(imported->root.startsWith(store.dir() + QStringLiteral("/bundles/vendor-")));
        QVERIFY(imported->boards[2].board.steps[0].path.startsWith(imported->root));
        QVERIFY(Catalog::loadRoots({QLatin1String(Catalog::BuiltinRoot), store.dir()}).ok());
        QVERIFY(store.importAndSave(*m_catalog, bundle).ok()); // again: replaces the unpacked copy
        QCOMPARE(QDir(store.dir() + QStringLiteral("/bundles"))
                     .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                     .size(),
                 1);
    }

    void hostileBundles_data()
    {
        QTest::addColumn<QByteArray>("entry");
        QTest::addColumn<bool>("symlink");
        QTest::addColumn<QString>("message");
        QTest::newRow("dot-dot") << QByteArray("cloner/../../evil.cfg") << false
                                 << "climbs out of the bundle";
        QTest::newRow("absolute") << QByteArray("/etc/evil.cfg") << false << "has an absolute path";
        QTest::newRow("drive") << QByteArray("C:\\evil.cfg") << false << "has an absolute path";
        QTest::newRow("backslash dot-dot") << QByteArray("cloner\\..\\..\\evil.cfg") << false << "climbs out";
        QTest::newRow("symlink") << QByteArray("cloner/configs/link") << true << "is a link";
    }

    void hostileBundles()
    {
        QFETCH(QByteArray, entry);
        QFETCH(bool, symlink);
        QFETCH(QString, message);
        const ClonerTree t = tree(QStringLiteral("src"));
        t.addStandard(*m_catalog);
        QList<ZipEntry> entries = entriesOf(t.root(), "cloner/");
        entries.append({entry, symlink ? QByteArray("/etc/passwd") : QByteArray("[x]\n"), symlink});
        const QString bundle = path(QStringLiteral("hostile.zip"));
        writeZip(bundle, entries);
        const QString error = failedImport(bundle);
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("evil.cfg"))));
    }

    // A bundle whose content cannot be imported leaves no unpacked folder behind.
    void bundleWithoutBoardsLeavesNothing()
    {
        const QString bundle = path(QStringLiteral("empty.zip"));
        writeZip(bundle, {{"cloner/configs/readme.txt", "x"}, {"cloner/firmwares/readme.txt", "y"}});
        const QString error = failedImport(bundle);
        QVERIFY2(error.contains(QLatin1String("configs/ has no board .cfg files")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestClonerImport)
#include "tst_clonerimport.moc"
