// Every kind of path the window sorts when it is dropped or chosen, accepted and refused, and the
// drag payloads (several files, a web link, no file at all).

#include "compressutil.h"
#include "uitestutil.h"

#include "ui/fileclassifier.h"

#include <QDir>
#include <QMimeData>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using oc::ui::FileCheck;
using oc::ui::FileClassifier;

class TestFileClassifier : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    void write(const QString &name, const QByteArray &data)
    {
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(data);
    }

private Q_SLOTS:
    void classify_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("compression");
        const QByteArray binary =
            QByteArray("\x27\x05\x19\x56", 4) + QByteArray(4096, '\0') + QByteArray(1000, '\xff');
        QTest::newRow("bin") << "fw.bin" << binary << int(FileCheck::Kind::Image) << QString();
        QTest::newRow("img") << "fw.img" << binary << int(FileCheck::Kind::Image) << QString();
        QTest::newRow("no extension") << "firmware" << binary << int(FileCheck::Kind::Image) << QString();
        QTest::newRow("erased image")
            << "blank.bin" << QByteArray(8192, '\xff') << int(FileCheck::Kind::Image) << QString();
        QTest::newRow("gzip") << "fw.img.gz" << QByteArray("\x1f\x8b\x08\x00rest", 8)
                              << int(FileCheck::Kind::CompressedImage) << "gzip";
        QTest::newRow("xz") << "fw.img.xz" << QByteArray("\xfd\x37\x7a\x58\x5a\x00rest", 10)
                            << int(FileCheck::Kind::CompressedImage) << "xz";
        QTest::newRow("zstd") << "fw.img.zst" << QByteArray("\x28\xb5\x2f\xfdrest", 8)
                              << int(FileCheck::Kind::CompressedImage) << "zstd";
        QTest::newRow("bzip2") << "fw.img.bz2" << QByteArray("BZh91AY&SY")
                               << int(FileCheck::Kind::CompressedImage) << "bzip2";
        // A damaged zip is taken for a package: loading it says what is wrong with it.
        QTest::newRow("damaged zip") << "bundle.zip" << QByteArray("PK\x03\x04\x14\x00", 6) + binary
                                     << int(FileCheck::Kind::Package) << QString();
        QTest::newRow("cloner bundle")
            << "bundle.ingenic" << binary << int(FileCheck::Kind::ClonerBundle) << QString();
        QTest::newRow("damaged cloner bundle")
            << "old.ingenic" << QByteArray("PK\x03\x04\x14\x00", 6) + binary
            << int(FileCheck::Kind::ClonerBundle) << QString();
        QByteArray tar(1024, '\0');
        tar.replace(257, 5, "ustar");
        QTest::newRow("tar") << "images.tar" << tar << int(FileCheck::Kind::Archive) << QString();
        QTest::newRow("7z") << "images.7z" << QByteArray("7z\xbc\xaf\x27\x1c", 6) + binary
                            << int(FileCheck::Kind::Archive) << QString();
        QTest::newRow("text") << "README.txt" << QByteArray("Flash this with the Cloner.\nThen reboot.\n")
                              << int(FileCheck::Kind::TextFile) << QString();
        QTest::newRow("cfg") << "t31.cfg" << QByteArray("[board]\nname=t31\r\nspl=1\n")
                             << int(FileCheck::Kind::TextFile) << QString();
        QTest::newRow("utf8 text") << "说明.txt" << QString::fromUtf8("固件说明\n").toUtf8()
                                   << int(FileCheck::Kind::TextFile) << QString();
        QTest::newRow("empty") << "empty.bin" << QByteArray() << int(FileCheck::Kind::EmptyFile) << QString();
    }

    void classify()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(int, kind);
        QFETCH(QString, compression);
        write(name, content);
        const FileCheck check = FileClassifier::classify(path(name));
        QCOMPARE(int(check.kind), kind);
        QCOMPARE(check.compression, compression);
        QCOMPARE(check.size, qint64(content.size()));
        const QList<int> accepted = {int(FileCheck::Kind::Image), int(FileCheck::Kind::CompressedImage),
                                     int(FileCheck::Kind::Package), int(FileCheck::Kind::ClonerBundle)};
        QCOMPARE(check.isAccepted(), accepted.contains(kind));
        QVERIFY(!FileClassifier::message(check).isEmpty());
    }

    void foldersAndMissing()
    {
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("plain/sub")));
        QCOMPARE(FileClassifier::classify(path("plain")).kind, FileCheck::Kind::Folder);
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("cloner-2.5.43/configs")));
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("cloner-2.5.43/firmwares/t31")));
        write("cloner-2.5.43/configs/platforms.cfg", "[platforms]\n");
        const FileCheck cloner = FileClassifier::classify(path("cloner-2.5.43"));
        QCOMPARE(cloner.kind, FileCheck::Kind::VendorFolder);
        QVERIFY(cloner.importable);
        QVERIFY(cloner.isAccepted());
        QVERIFY(!cloner.isFirmware());
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("vendor/t31")));
        write("vendor/t31/spl.bin", QByteArray(2048, '\x01'));
        const FileCheck vendor = FileClassifier::classify(path("vendor"));
        QCOMPARE(vendor.kind, FileCheck::Kind::VendorFolder);
        QVERIFY(!vendor.importable);
        QCOMPARE(FileClassifier::classify(path("nothing-here.bin")).kind, FileCheck::Kind::Missing);
        QVERIFY(QFile::link(path("nothing-here.bin"), path("dangling.bin")));
        QCOMPARE(FileClassifier::classify(path("dangling.bin")).kind, FileCheck::Kind::Unreadable);
        QCOMPARE(FileClassifier::classify(QStringLiteral("/dev/null")).kind, FileCheck::Kind::Unreadable);
    }

    void package()
    {
        write("part.bin", QByteArray(4096, '\x42'));
        QVERIFY(oc::ui::test::writeTestPackage(path("release.zip"), QStringLiteral("t31"),
                                               QStringLiteral("t31-nor"), {{path("part.bin"), 0}}));
        const FileCheck check = FileClassifier::classify(path("release.zip"));
        QCOMPARE(check.kind, FileCheck::Kind::Package);
        QVERIFY(check.isFirmware());
        QVERIFY(FileClassifier::message(check).contains(QStringLiteral("OpenCloner package")));
    }

    void zipWithoutManifestIsABundle()
    {
        write("inner.cfg", "[platforms]\n");
        QVERIFY(oc::ui::test::writeZip(
            path("cloner.zip"), {{QStringLiteral("cloner/configs/platforms.cfg"), path("inner.cfg")}}));
        QCOMPARE(FileClassifier::classify(path("cloner.zip")).kind, FileCheck::Kind::ClonerBundle);
    }

    void unreadableFile()
    {
        write("secret.bin", QByteArray(64, '\x01'));
        QFile::setPermissions(path("secret.bin"), QFileDevice::WriteOwner);
        QFile probe(path("secret.bin"));
        if (probe.open(QIODevice::ReadOnly))
            QSKIP("running as root: file permissions do not stop reading");
        QCOMPARE(FileClassifier::classify(path("secret.bin")).kind, FileCheck::Kind::Unreadable);
    }

    void payloads()
    {
        QMimeData none;
        none.setText(QStringLiteral("just some text"));
        auto p = FileClassifier::payload(&none);
        QVERIFY(p.refusal);
        QCOMPARE(p.refusal->kind, FileCheck::Kind::Nothing);
        QCOMPARE(FileClassifier::payload(nullptr).refusal->kind, FileCheck::Kind::Nothing);

        QMimeData several;
        several.setUrls({QUrl::fromLocalFile(path("a.bin")), QUrl::fromLocalFile(path("b.bin"))});
        p = FileClassifier::payload(&several);
        QCOMPARE(p.refusal->kind, FileCheck::Kind::SeveralFiles);
        QVERIFY(FileClassifier::message(*p.refusal).contains(QLatin1Char('2')));

        QMimeData web;
        web.setUrls({QUrl(QStringLiteral("https://example.com/fw.bin"))});
        p = FileClassifier::payload(&web);
        QCOMPARE(p.refusal->kind, FileCheck::Kind::RemoteUrl);
        QVERIFY(FileClassifier::message(*p.refusal).contains(QStringLiteral("example.com")));

        QMimeData one;
        one.setUrls({QUrl::fromLocalFile(path("fw.bin"))});
        p = FileClassifier::payload(&one);
        QVERIFY(!p.refusal);
        QCOMPARE(p.path, path("fw.bin"));
    }
};

QTEST_GUILESS_MAIN(TestFileClassifier)
#include "tst_fileclassifier.moc"
