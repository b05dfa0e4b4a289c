// VendorFiles: the search order (Cloner installation, per-chip folder, flat folder), and the errors a
// user sees for missing, empty, oversized or wrong files, each naming the paths and what to do.

#include "catalogtestutil.h"
#include "core/catalog/catalog.h"
#include "core/catalog/vendorfiles.h"
#include "core/protocol/config.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace oc;
using namespace oc::catalog;

namespace {

QByteArray noise(int size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray bytes(size, '\0');
    for (char &c : bytes)
        c = char(generator.bounded(256));
    return bytes;
}

} // namespace

class TestVendorFiles : public QObject
{
    Q_OBJECT

private:
    std::optional<Catalog> m_catalog;
    QTemporaryDir m_dir;
    const ChipProfile *m_chip = nullptr;
    const BoardProfile *m_board = nullptr;

    // Vendor-looking files: arbitrary bytes of plausible sizes, and a ginfo with a non-marker RDD.
    QByteArray spl(quint32 seed = 1) const { return noise(10092, seed); }
    QByteArray burner(quint32 seed = 2) const { return noise(390480, seed); }
    QByteArray ginfo() const { return proto::buildGinfo(m_board->globalInfo, noise(196, 3)); }

    QString path(const QString &relative) const { return m_dir.filePath(relative); }

    void writeSet(const QString &folder)
    {
        const QString prefix = folder.isEmpty() ? QString() : folder + QLatin1Char('/');
        test::writeBytes(path(prefix + QStringLiteral("spl.bin")), spl());
        test::writeBytes(path(prefix + QStringLiteral("uboot.bin")), burner());
        test::writeBytes(path(prefix + QStringLiteral("ginfo.bin")), ginfo());
    }

    QString locateError() const
    {
        const auto found = VendorFiles::locate(m_dir.path(), *m_chip, *m_board);
        if (found.ok())
            return QString();
        return found.error().code == ErrorCode::InputFile ? found.error().message
                                                          : QStringLiteral("wrong code");
    }

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv(Catalog::EnvironmentVariable);
        auto loaded = Catalog::load();
        QVERIFY(loaded.ok());
        m_catalog = std::move(loaded).value();
        m_board = m_catalog->board(QStringLiteral("t31-nor"));
        m_chip = &m_catalog->chipOf(*m_board);
    }

    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
    }

    void candidatesInSearchOrder()
    {
        const QStringList expected = {path(QStringLiteral("firmwares/t31/spl.bin")),
                                      path(QStringLiteral("t31/spl.bin")), path(QStringLiteral("spl.bin"))};
        QCOMPARE(VendorFiles::candidates(m_dir.path(), QStringLiteral("t31"), QStringLiteral("spl.bin")),
                 expected);
    }

    void clonerInstallationWinsThenChipFolderThenFlat()
    {
        writeSet(QStringLiteral("firmwares/t31"));
        writeSet(QStringLiteral("t31"));
        writeSet(QString());
        auto found = VendorFiles::locate(m_dir.path(), *m_chip, *m_board);
        QVERIFY(found.ok());
        QCOMPARE(found->splPath, path(QStringLiteral("firmwares/t31/spl.bin")));
        QCOMPARE(found->burnerPath, path(QStringLiteral("firmwares/t31/uboot.bin")));
        QCOMPARE(found->ginfoPath, path(QStringLiteral("firmwares/t31/ginfo.bin")));
        QCOMPARE(found->spl, spl());
        QCOMPARE(found->burner, burner());
        QCOMPARE(found->ginfo, ginfo());
        QVERIFY(!found->placeholder);

        QVERIFY(QFile::remove(path(QStringLiteral("firmwares/t31/spl.bin"))));
        QVERIFY(QFile::remove(path(QStringLiteral("firmwares/t31/ginfo.bin"))));
        QVERIFY(QFile::remove(path(QStringLiteral("t31/ginfo.bin"))));
        found = VendorFiles::locate(m_dir.path(), *m_chip, *m_board);
        QVERIFY(found.ok());
        QCOMPARE(found->splPath, path(QStringLiteral("t31/spl.bin")));
        QCOMPARE(found->burnerPath, path(QStringLiteral("firmwares/t31/uboot.bin"))); // searched per file
        QCOMPARE(found->ginfoPath, path(QStringLiteral("ginfo.bin")));
    }

    void boardVendorDirectoryIsUsed()
    {
        const BoardProfile *a1 = m_catalog->board(QStringLiteral("a1-nor"));
        test::writeBytes(path(QStringLiteral("firmwares/a1_n_ne_x/spl.bin")), spl());
        test::writeBytes(path(QStringLiteral("firmwares/a1_n_ne_x/uboot.bin")), burner());
        test::writeBytes(path(QStringLiteral("firmwares/a1_n_ne_x/ginfo.bin")),
                         proto::buildGinfo(a1->globalInfo, noise(184, 4)));
        const auto found = VendorFiles::locate(m_dir.path(), m_catalog->chipOf(*a1), *a1);
        QVERIFY2(found.ok(), found.ok() ? "" : qPrintable(found.error().message));
        QVERIFY(found->splPath.endsWith(QLatin1String("firmwares/a1_n_ne_x/spl.bin")));
    }

    void missingFileListsEveryPathTried()
    {
        const QString error = locateError();
        QVERIFY2(error.startsWith(
                     QLatin1String("SPL file spl.bin for chip t31 (board t31-nor) not found. Tried:")),
                 qPrintable(error));
        const qsizetype first =
            error.indexOf(QDir::toNativeSeparators(path(QStringLiteral("firmwares/t31/spl.bin"))));
        const qsizetype second =
            error.indexOf(QDir::toNativeSeparators(path(QStringLiteral("t31/spl.bin"))), first + 1);
        const qsizetype third =
            error.indexOf(QDir::toNativeSeparators(path(QStringLiteral("spl.bin"))), second + 1);
        QVERIFY(first > 0 && second > first && third > second);
        QVERIFY(error.contains(QLatin1String("firmwares/t31/ of your own Ingenic USB Cloner installation")));
        QVERIFY(error.contains(QLatin1String("OpenCloner does not ship vendor files")));

        writeSet(QString());
        QVERIFY(QFile::remove(path(QStringLiteral("ginfo.bin"))));
        QVERIFY2(locateError().contains(
                     QLatin1String("ginfo file ginfo.bin for chip t31 (board t31-nor) not found")),
                 qPrintable(locateError()));
        QVERIFY(locateError().contains(QLatin1String("Save the ginfo your vendor tool sends")));
    }

    void emptyFile()
    {
        writeSet(QString());
        test::writeBytes(path(QStringLiteral("uboot.bin")), QByteArray());
        QVERIFY2(
            locateError().contains(QLatin1String("uboot.bin (burner for chip t31 (board t31-nor)) is empty")),
            qPrintable(locateError()));
    }

    void sizeLimits_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("size");
        QTest::addColumn<QString>("expected");
        QTest::newRow("SPL above the T31 maximum")
            << QStringLiteral("spl.bin") << 26625
            << QStringLiteral("is 26625 bytes, but a SPL for chip t31 (board "
                              "t31-nor) has 1024 to 26624 bytes");
        QTest::newRow("tiny SPL") << QStringLiteral("spl.bin") << 100 << QStringLiteral("is 100 bytes");
        QTest::newRow("burner below 64 KiB")
            << QStringLiteral("uboot.bin") << 65535 << QStringLiteral("has 65536 to 4194304 bytes");
        QTest::newRow("burner above 4 MiB")
            << QStringLiteral("uboot.bin") << 4194305 << QStringLiteral("is 4194305 bytes");
        QTest::newRow("ginfo beyond 0x800")
            << QStringLiteral("ginfo.bin") << 2049 << QStringLiteral("has 192 to 2048 bytes");
    }

    void sizeLimits()
    {
        QFETCH(QString, file);
        QFETCH(int, size);
        QFETCH(QString, expected);
        writeSet(QString());
        QByteArray data = noise(size, 5);
        if (file == QLatin1String("ginfo.bin"))
            data.replace(0, 4, "FIDB");
        test::writeBytes(path(file), data);
        const QString error = locateError();
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(error.contains(QDir::toNativeSeparators(path(file))));
        QVERIFY(error.contains(QLatin1String("not the right file")));
    }

    void ginfoMustStartWithFidb()
    {
        writeSet(QString());
        test::writeBytes(path(QStringLiteral("ginfo.bin")), noise(396, 6));
        QVERIFY2(locateError().contains(QLatin1String("does not start with a FIDB (global_info) entry")),
                 qPrintable(locateError()));
    }

    void missingDirectory()
    {
        const auto found = VendorFiles::locate(path(QStringLiteral("nowhere")), *m_chip, *m_board);
        QVERIFY(!found.ok());
        QCOMPARE(found.error().code, ErrorCode::InputFile);
        QVERIFY(found.error().message.contains(QLatin1String("does not exist")));
    }
};

QTEST_GUILESS_MAIN(TestVendorFiles)
#include "tst_vendorfiles.moc"
