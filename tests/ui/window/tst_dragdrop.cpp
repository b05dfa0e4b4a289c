// Drag and drop on the whole window: every accepted kind (plain image, compressed image, a vendor
// folder that is offered as the vendor files) and every refused kind (folder, text, empty, missing,
// unreadable, archive, several files, a web link, no file at all), each with a clear message, and a
// refused drop never replaces the firmware already chosen.

#include "compressutil.h"
#include "windowfixture.h"

#include "tests/unit/catalog/clonertree.h"

#include "ui/appsettings.h"
#include "ui/boardlistmodel.h"
#include "ui/boardpicker.h"
#include "ui/fileclassifier.h"
#include "ui/firmwarepanel.h"
#include "ui/operationpanel.h"
#include "ui/station.h"

#include <QDir>
#include <QLineEdit>

using namespace oc::ui;
using oc::ui::test::WindowFixture;

namespace {

void writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
}

} // namespace

class TestDragDrop : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_store;
    std::unique_ptr<WindowFixture> m_f;
    QString m_good;

    FirmwarePanel *panel() const { return m_f->window->firmwarePanel(); }
    // Drops `mime`; waits for the inspection if one starts; returns the message shown.
    QString dropAndWait(QMimeData *mime)
    {
        if (!WindowFixture::drop(m_f->window.get(), mime))
            return QStringLiteral("<drop not accepted>");
        QTest::qWait(20);
        if (!QTest::qWaitFor([&] { return !panel()->isInspecting(); }, 10000))
            return QStringLiteral("<inspection did not end>");
        QTest::qWait(20);
        return panel()->message();
    }
    QString dropPath(const QString &path)
    {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        return dropAndWait(&mime);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Imported profiles go to a store of this test's own (Catalog::load reads it too).
        qputenv("OPENCLONER_IMPORT_DIR", QFile::encodeName(m_store.path()));
        m_f = std::make_unique<WindowFixture>();
        QVERIFY(m_f->waitForCatalog());
        m_good = m_f->path(QStringLiteral("good.bin"));
        QVERIFY(!oc::ui::test::writeImage(m_good, 96 * 1024).isEmpty());
    }

    void dropsLandAnywhere()
    {
        // No child takes drops for itself: a file dropped on a text field still goes to the window.
        for (QWidget *child : m_f->window->findChildren<QWidget *>())
            QVERIFY2(!child->acceptDrops(), qPrintable(child->metaObject()->className() +
                                                       QStringLiteral(" ") + child->objectName()));
        QVERIFY(m_f->window->acceptDrops());
    }

    void plainImage()
    {
        QCOMPARE(dropPath(m_good), QString());
        QVERIFY(panel()->firmware());
        QCOMPARE(panel()->firmware()->imagePath, m_good);
        QCOMPARE(panel()->firmware()->imageSize, qint64(96 * 1024));
        QCOMPARE(panel()->recentFiles().first(), m_good);
        QCOMPARE(m_f->window->settings().recentFiles().first(), m_good);
    }

    void compressedImage()
    {
        const QString path = m_f->path(QStringLiteral("packed.img.gz"));
        const QByteArray data(300 * 1024, '\x42');
        QVERIFY(oc::ui::test::compressFile(path, data, ARCHIVE_FILTER_GZIP));
        QCOMPARE(dropPath(path), QString());
        QCOMPARE(panel()->firmware()->check.kind, FileCheck::Kind::CompressedImage);
        QCOMPARE(panel()->firmware()->imageSize, qint64(data.size()));
        QCOMPARE(panel()->firmware()->imagePath, path); // streamed by the engine, never unpacked to disk
        QCOMPARE(dropPath(m_good), QString());          // back to the plain image for the refusals below
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected"); // part of the message
        QTest::newRow("folder") << "folder"
                                << "is a folder";
        QTest::newRow("text") << "notes.txt"
                              << "is a text file";
        QTest::newRow("empty") << "empty.bin"
                               << "is empty";
        QTest::newRow("missing") << "gone.bin"
                                 << "does not exist";
        QTest::newRow("unreadable") << "/dev/null"
                                    << "cannot be read";
        QTest::newRow("archive") << "images.tar"
                                 << "is an archive";
        QTest::newRow("damaged package") << "broken.zip"
                                         << "damaged";
    }

    void refusals()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        QDir(m_f->path(QString())).mkpath(QStringLiteral("folder/sub"));
        writeFile(m_f->path(QStringLiteral("notes.txt")), "Flash with care.\n");
        writeFile(m_f->path(QStringLiteral("empty.bin")), QByteArray());
        writeFile(m_f->path(QStringLiteral("broken.zip")),
                  QByteArray("PK\x03\x04", 4) + QByteArray(100, '\x01'));
        QByteArray tar(1024, '\0');
        tar.replace(257, 5, "ustar");
        writeFile(m_f->path(QStringLiteral("images.tar")), tar);
        const QString path = name.startsWith(QLatin1Char('/')) ? name : m_f->path(name);
        const QString message = dropPath(path);
        QVERIFY2(message.contains(expected), qPrintable(message));
        QCOMPARE(panel()->firmware()->imagePath, m_good); // the chosen firmware stays
    }

    void payloadRefusals()
    {
        QMimeData several;
        several.setUrls({QUrl::fromLocalFile(m_good), QUrl::fromLocalFile(m_good + QStringLiteral(".2"))});
        QVERIFY(dropAndWait(&several).contains(QStringLiteral("2 files")));
        QMimeData web;
        web.setUrls({QUrl(QStringLiteral("https://example.com/fw.bin"))});
        QVERIFY(dropAndWait(&web).contains(QStringLiteral("not a file on this computer")));
        QMimeData text;
        text.setText(QStringLiteral("fw.bin"));
        QVERIFY(dropAndWait(&text).contains(QStringLiteral("not a file")));
        QCOMPARE(panel()->firmware()->imagePath, m_good);
    }

    void vendorFolderIsOffered()
    {
        const QString cloner = m_f->path(QStringLiteral("cloner-2.5.43"));
        QVERIFY(QDir().mkpath(cloner + QStringLiteral("/configs")));
        QVERIFY(QDir().mkpath(cloner + QStringLiteral("/firmwares/t31")));
        writeFile(cloner + QStringLiteral("/configs/platforms.cfg"), "[platforms]\n");
        QString question;
        oc::ui::test::answerNextMessageBox(QStringLiteral("useVendorFolder"), QMessageBox::RejectRole,
                                           &question);
        dropPath(cloner);
        QTRY_VERIFY(!question.isEmpty());
        QVERIFY(question.contains(QDir::toNativeSeparators(cloner)));
        QVERIFY(m_f->window->settings().vendorDir().isEmpty());

        oc::ui::test::answerNextMessageBox(QStringLiteral("useVendorFolder"), QMessageBox::AcceptRole);
        dropPath(cloner);
        QTRY_COMPARE(m_f->window->settings().vendorDir(), cloner);
        QCOMPARE(m_f->window->station()->vendorSource().vendorDir, cloner);
        QCOMPARE(panel()->firmware()->imagePath, m_good);
    }

    void packageShowsItsSteps()
    {
        const QString uboot = m_f->path(QStringLiteral("uboot.bin"));
        const QString kernel = m_f->path(QStringLiteral("kernel.bin"));
        QVERIFY(!oc::ui::test::writeImage(uboot, 32 * 1024, 5).isEmpty());
        QVERIFY(!oc::ui::test::writeImage(kernel, 64 * 1024, 6).isEmpty());
        const QString package = m_f->path(QStringLiteral("release.zip"));
        QVERIFY(oc::ui::test::writeTestPackage(package, QStringLiteral("t31"), QStringLiteral("t31-nor"),
                                               {{uboot, 0}, {kernel, 0x40000}}));
        QVERIFY(m_f->window->boardPicker()->selectBoard(QStringLiteral("t31-nor")));
        QCOMPARE(dropPath(package), QString());
        QVERIFY(panel()->isPackage());
        QCOMPARE(panel()->firmware()->imageSize, qint64(96 * 1024));
        QCOMPARE(panel()->fit(), FirmwarePanel::Fit::Fits);
        QVERIFY(m_f->window->operationPanel()->isPackageMode());
        QVERIFY(m_f->window->boardPicker()->selectBoard(QStringLiteral("t20-nor")));
        QCOMPARE(panel()->fit(), FirmwarePanel::Fit::WrongTarget);
        QVERIFY2(panel()->verdict().contains(QStringLiteral("t31-nor")), qPrintable(panel()->verdict()));
        QCOMPARE(dropPath(m_good), QString());
        QVERIFY(!m_f->window->operationPanel()->isPackageMode());
    }

    void bundleIsOffered()
    {
        const QString bundle = m_f->path(QStringLiteral("cloner-bundle.zip"));
        writeFile(m_f->path(QStringLiteral("platforms.cfg")), "[platforms]\n");
        QVERIFY(oc::ui::test::writeZip(bundle, {{QStringLiteral("cloner/configs/platforms.cfg"),
                                                 m_f->path(QStringLiteral("platforms.cfg"))}}));
        QString question;
        oc::ui::test::answerNextMessageBox(QStringLiteral("importBundle"), QMessageBox::RejectRole,
                                           &question);
        dropPath(bundle);
        QTRY_VERIFY(question.contains(QStringLiteral("cloner-bundle.zip")));
        QCOMPARE(panel()->firmware()->imagePath, m_good);
    }

    void clonerInstallationIsImported()
    {
        const int before = m_f->window->boardPicker()->model()->rowCount();
        oc::catalog::test::ClonerTree tree(m_f->path(QStringLiteral("cloner-2.5.43-real")));
        tree.addStandard(*m_f->window->station()->catalog());
        oc::ui::test::answerNextMessageBox(QStringLiteral("useVendorFolder"), QMessageBox::AcceptRole);
        QSignalSpy ready(m_f->window.get(), &MainWindow::catalogReady);
        dropPath(tree.root());
        // The catalog reloads with the imported profiles (maybe already while the drop was handled).
        QTRY_VERIFY_WITH_TIMEOUT(ready.size() > 0, 20000);
        const int after = m_f->window->boardPicker()->model()->rowCount();
        QVERIFY2(after > before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
        const auto *board = m_f->window->station()->catalog()->board(m_f->window->boardPicker()->boardName());
        QVERIFY(board);
        QCOMPARE(board->vendorFiles.root, tree.root()); // the picker shows an imported profile
        QCOMPARE(m_f->window->settings().vendorDir(), tree.root());
        QVERIFY(QDir(m_store.path()).exists(QStringLiteral("boards")));
    }
};

QTEST_MAIN(TestDragDrop)
#include "tst_dragdrop.moc"
