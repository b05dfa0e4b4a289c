// The firmware file's facts, computed off the GUI thread: SHA-256 of plain images; one streaming pass
// over gzip / xz / zstd / bzip2 images (compressed here with libarchive, independently of the code
// under test) giving their unpacked size; damaged streams; tarballs in disguise; OpenCloner packages
// (made with core/package's writer) with their steps; cancellation; the newest request wins.

#include "compressutil.h"
#include "uitestutil.h"

#include "ui/firmwareinspector.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using oc::ui::FileCheck;
using oc::ui::FirmwareInfo;

namespace {

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestFirmwareInspector : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    oc::CancelToken m_notCancelled;
    QList<int> m_progress;
    FirmwareInfo inspect(const QString &path)
    {
        m_progress.clear();
        return oc::ui::inspectFirmware(path, m_notCancelled, [this](int p) { m_progress << p; });
    }

private Q_SLOTS:
    void plainImage()
    {
        const QString path = m_dir.filePath(QStringLiteral("fw.bin"));
        const QByteArray data = oc::ui::test::writeImage(path, 3 * 1024 * 1024 + 17);
        const FirmwareInfo info = inspect(path);
        QVERIFY(info.isUsable());
        QCOMPARE(info.check.kind, FileCheck::Kind::Image);
        QCOMPARE(info.imagePath, path);
        QCOMPARE(info.imageSize, qint64(data.size()));
        QCOMPARE(info.fileSha256, sha256(data));
        QCOMPARE(info.imageSha256, sha256(data));
        QCOMPARE(m_progress.last(), 100);
        QVERIFY(std::is_sorted(m_progress.cbegin(), m_progress.cend()));
    }

    void compressed_data()
    {
        QTest::addColumn<int>("filter");
        QTest::addColumn<QString>("name");
        QTest::newRow("gzip") << int(ARCHIVE_FILTER_GZIP) << "fw.img.gz";
        QTest::newRow("xz") << int(ARCHIVE_FILTER_XZ) << "fw.img.xz";
        QTest::newRow("zstd") << int(ARCHIVE_FILTER_ZSTD) << "fw.img.zst";
        QTest::newRow("bzip2") << int(ARCHIVE_FILTER_BZIP2) << "fw.img.bz2";
    }

    void compressed()
    {
        QFETCH(int, filter);
        QFETCH(QString, name);
        QByteArray data(2 * 1024 * 1024 + 5, '\0');
        for (int i = 0; i < data.size(); ++i)
            data[i] = char((i * 7 + i / 4096) & 0xff);
        const QString path = m_dir.filePath(name);
        QVERIFY(oc::ui::test::compressFile(path, data, filter));
        const FirmwareInfo info = inspect(path);
        QVERIFY2(!info.error, qPrintable(info.error ? info.error->message : QString()));
        QVERIFY(info.isUsable());
        QCOMPARE(info.check.kind, FileCheck::Kind::CompressedImage);
        QCOMPARE(info.imagePath, path); // the engine streams it; nothing is unpacked to disk
        QCOMPARE(info.imageSize, qint64(data.size()));
        QCOMPARE(info.imageSha256, sha256(data));
        QCOMPARE(info.fileSha256, sha256(readAll(path)));
        QVERIFY(m_progress.contains(-1)); // busy: the unpacked size is not known before the pass
    }

    void damagedStream()
    {
        const QString whole = m_dir.filePath(QStringLiteral("whole.xz"));
        QVERIFY(oc::ui::test::compressFile(whole, QByteArray(512 * 1024, '\x5a'), ARCHIVE_FILTER_XZ));
        const QString path = m_dir.filePath(QStringLiteral("cut.img.xz"));
        QFile cut(path);
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(readAll(whole).left(60));
        cut.close();
        const FirmwareInfo info = inspect(path);
        QVERIFY(info.error);
        QCOMPARE(info.error->code, oc::ErrorCode::InputFile);
        QVERIFY(!info.isUsable());
    }

    void tarballIsAnArchive()
    {
        const QString path = m_dir.filePath(QStringLiteral("images.tar.gz"));
        QVERIFY(oc::ui::test::compressFile(path, QByteArray(4096, '\x11'), ARCHIVE_FILTER_GZIP, true));
        const FirmwareInfo info = inspect(path);
        QCOMPARE(info.check.kind, FileCheck::Kind::Archive);
        QVERIFY(!info.isUsable());
    }

    void package()
    {
        const QString uboot = m_dir.filePath(QStringLiteral("uboot.bin"));
        const QString kernel = m_dir.filePath(QStringLiteral("kernel.bin"));
        const QByteArray a = oc::ui::test::writeImage(uboot, 64 * 1024, 3);
        const QByteArray b = oc::ui::test::writeImage(kernel, 200 * 1024, 4);
        const QString path = m_dir.filePath(QStringLiteral("release.zip"));
        QVERIFY(oc::ui::test::writeTestPackage(path, QStringLiteral("t31"), QStringLiteral("t31-nor"),
                                               {{uboot, 0}, {kernel, 0x40000}}));
        const FirmwareInfo info = inspect(path);
        QVERIFY2(!info.error, qPrintable(info.error ? info.error->message : QString()));
        QVERIFY(info.isUsable());
        QCOMPARE(info.check.kind, FileCheck::Kind::Package);
        QVERIFY(info.package);
        QCOMPARE(info.package->manifest.steps.size(), 2);
        QCOMPARE(info.package->manifest.boards, QStringList{QStringLiteral("t31-nor")});
        QCOMPARE(info.imageSize, qint64(a.size() + b.size()));
        QCOMPARE(info.imagePath, path);
        QCOMPARE(m_progress.last(), 100);
    }

    void cancelled()
    {
        const QString path = m_dir.filePath(QStringLiteral("big.bin"));
        oc::ui::test::writeImage(path, 4 * 1024 * 1024);
        oc::CancelToken cancel;
        cancel.cancel();
        const FirmwareInfo info = oc::ui::inspectFirmware(path, cancel, [](int) {});
        QVERIFY(info.error);
        QCOMPARE(info.error->code, oc::ErrorCode::Cancelled);
    }

    void newestRequestWins()
    {
        const QString first = m_dir.filePath(QStringLiteral("first.bin"));
        const QString second = m_dir.filePath(QStringLiteral("second.bin"));
        oc::ui::test::writeImage(first, 8 * 1024 * 1024, 1);
        const QByteArray data = oc::ui::test::writeImage(second, 64 * 1024, 2);
        oc::ui::FirmwareInspector inspector;
        QSignalSpy finished(&inspector, &oc::ui::FirmwareInspector::finished);
        inspector.inspect(first);
        inspector.inspect(second);
        QVERIFY(finished.wait(10000));
        QTest::qWait(50);
        QCOMPARE(finished.size(), 1);
        const auto info = finished.first().first().value<FirmwareInfo>();
        QCOMPARE(info.check.path, second);
        QCOMPARE(info.imageSha256, sha256(data));
    }
};

QTEST_GUILESS_MAIN(TestFirmwareInspector)
#include "tst_firmwareinspector.moc"
