// Whole flows through the real window against virtual boards (core/sim, the same boards as the engine
// tests, with generated placeholder vendor files): drop a file, pick a board, flash to 100% with the
// right stage names and a success row; a fault; two boards at once; unplug mid-write; Stop mid-write.

#include "compressutil.h"
#include "windowfixture.h"

#include "tests/unit/catalog/clonertree.h"

#include "ui/boardpicker.h"
#include "ui/devicetable.h"
#include "ui/firmwarepanel.h"
#include "ui/logmodel.h"
#include "ui/operationpanel.h"
#include "ui/startflow.h"
#include "ui/texts.h"

#include "core/catalog/importstore.h"
#include "core/sim/virtualboard.h"

#include <QPushButton>

using namespace oc;
using namespace oc::ui;
using oc::ui::test::WindowFixture;

class TestFlows : public QObject
{
    Q_OBJECT

private:
    // Loads `size` bytes of firmware by dropping the file on the window.
    QByteArray dropFirmware(WindowFixture &f, qint64 size)
    {
        const QString file = f.path(QStringLiteral("firmware.bin"));
        const QByteArray data = test::writeImage(file, size);
        if (!f.dropFile(file))
            return QByteArray();
        if (!QTest::qWaitFor([&] { return f.window->firmwarePanel()->firmware().has_value(); }, 10000))
            return QByteArray();
        return data;
    }
    QByteArray flashContent(WindowFixture &f, const QString &key, qint64 size)
    {
        const auto board = f.window->virtualSource()->board(f.row(key)->device.portPath);
        return board->nor()->peek(0, size);
    }
    static QStringList logText(const LogModel *log, const QString &key)
    {
        QStringList lines;
        for (int i = 0; i < log->rowCount(); ++i) {
            if (log->entry(i).deviceKey == key)
                lines << log->entry(i).text;
        }
        return lines;
    }

private Q_SLOTS:
    void flashOneBoard()
    {
        WindowFixture f;
        QVERIFY(f.waitForCatalog());
        const QStringList keys = f.addBoards(1, QStringLiteral("none"));
        QCOMPARE(keys.size(), 1);
        const QString key = keys.first();
        const QByteArray image = dropFirmware(f, 768 * 1024);
        QVERIFY(!image.isEmpty());
        QVERIFY(f.window->boardPicker()->selectBoard(QStringLiteral("t31-nor")));
        QCOMPARE(f.window->operationPanel()->operation(), Operation::Write);
        QVERIFY(f.window->operationPanel()->verify()); // on by default

        QList<Stage> stages;
        QStringList shown;
        connect(f.window->station(), &Station::stageStarted, this, [&](const QString &k, Stage s) {
            if (k == key)
                stages << s;
        });
        connect(f.window->devices(), &QAbstractItemModel::dataChanged, this, [&] {
            if (const DeviceRow *r = f.row(key); r && r->isBusy() && r->stage)
                shown << f.window->devices()
                             ->index(f.window->devices()->rowOf(key), 0)
                             .data(DeviceListModel::ProgressTextRole)
                             .toString();
        });
        QString question;
        test::answerNextMessageBox(QStringLiteral("confirmDestructive"), QMessageBox::AcceptRole, &question);
        QPushButton *start = f.window->deviceTable()->actionButton(key);
        QVERIFY(start);
        QCOMPARE(start->text(), QStringLiteral("Start"));
        start->click();
        QVERIFY2(question.contains(QStringLiteral("port 1-1")) &&
                     question.contains(QStringLiteral("t31-nor")) &&
                     question.contains(QStringLiteral("firmware.bin")),
                 qPrintable(question));
        QTRY_VERIFY_WITH_TIMEOUT(f.row(key)->activity == DeviceRow::Activity::Finished, 20000);

        const DeviceRow *r = f.row(key);
        QVERIFY2(r->result->ok, qPrintable(r->result->error.message));
        const QList<Stage> expected = {Stage::Connect,    Stage::Identify,    Stage::LoadSpl,   Stage::RunSpl,
                                       Stage::LoadBurner, Stage::StartBurner, Stage::Configure, Stage::Init,
                                       Stage::Write,      Stage::Verify,      Stage::Reboot};
        QCOMPARE(stages, expected);
        for (const QString &text : std::as_const(shown)) {
            const bool named = std::any_of(expected.cbegin(), expected.cend(), [&](Stage s) {
                return text.startsWith(Texts::stage(s, Operation::Write));
            });
            QVERIFY2(named, qPrintable(text));
        }
        const int row = f.window->devices()->rowOf(key);
        QCOMPARE(f.window->devices()->index(row, 0).data(DeviceListModel::ProgressRole).toInt(), 1000);
        QCOMPARE(f.window->devices()->index(row, 0).data(DeviceListModel::ProgressTextRole).toString(),
                 QStringLiteral("Done 100%"));
        QVERIFY(f.window->devices()
                    ->index(row, DeviceListModel::ResultColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("Flashed and verified")));
        QCOMPARE(f.window->devices()->index(row, 0).data(DeviceListModel::OutcomeRole).toInt(), 1);
        QCOMPARE(r->result->boardState, BoardState::Rebooted);
        QCOMPARE(flashContent(f, key, image.size()), image);
        QCOMPARE(f.window->deviceTable()->actionButton(key)->text(), QStringLiteral("Start"));
    }

    void faultIsExplained()
    {
        WindowFixture f;
        QVERIFY(f.waitForCatalog());
        const QStringList keys = f.addBoards(1, QStringLiteral("none"), QStringLiteral("jedec:id=0xffffff"));
        QCOMPARE(keys.size(), 1);
        QVERIFY(!dropFirmware(f, 128 * 1024).isEmpty());
        test::answerNextMessageBox(QStringLiteral("confirmDestructive"), QMessageBox::AcceptRole);
        QVERIFY(f.window->startFlow()->start(keys));
        QTRY_VERIFY_WITH_TIMEOUT(f.row(keys.first())->activity == DeviceRow::Activity::Finished, 20000);
        const DeviceRow *r = f.row(keys.first());
        QVERIFY(!r->result->ok);
        QCOMPARE(r->result->error.code, ErrorCode::UnknownFlash);
        QCOMPARE(r->result->failedStage, std::optional<Stage>(Stage::Configure));
        const int row = f.window->devices()->rowOf(keys.first());
        QCOMPARE(f.window->devices()->index(row, DeviceListModel::ResultColumn).data().toString(),
                 Texts::errorTitle(ErrorCode::UnknownFlash));
        const QString tip =
            f.window->devices()->index(row, DeviceListModel::ResultColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(Texts::errorAdvice(ErrorCode::UnknownFlash)), qPrintable(tip));
        QVERIFY(tip.contains(Texts::stage(Stage::Configure)));
        QCOMPARE(f.window->devices()->index(row, 0).data(DeviceListModel::OutcomeRole).toInt(), 2);
        f.window->logModel()->flush();
        const QString log = logText(f.window->logModel(), keys.first()).join(QLatin1Char('\n'));
        QVERIFY2(log.contains(Texts::errorAdvice(ErrorCode::UnknownFlash)), qPrintable(log));
        QVERIFY(log.contains(QStringLiteral("0xffffff"), Qt::CaseInsensitive));
    }

    void twoBoardsAtOnce()
    {
        WindowFixture f;
        QVERIFY(f.waitForCatalog());
        const QStringList keys = f.addBoards(2, QStringLiteral("realistic:0.02"));
        QCOMPARE(keys.size(), 2);
        const QByteArray image = dropFirmware(f, 2 * 1024 * 1024);
        QVERIFY(!image.isEmpty());
        int mostBusy = 0;
        connect(f.window->station(), &Station::busyCountChanged, this,
                [&](int n) { mostBusy = qMax(mostBusy, n); });
        QString question;
        test::answerNextMessageBox(QStringLiteral("confirmDestructive"), QMessageBox::AcceptRole, &question);
        QCOMPARE(f.window->startFlow()->startableKeys(), keys);
        QVERIFY(f.window->startFlow()->start(f.window->startFlow()->startableKeys()));
        QVERIFY2(question.contains(QStringLiteral("1-1")) && question.contains(QStringLiteral("1-2")),
                 qPrintable(question));
        QCOMPARE(mostBusy, 2);
        QTRY_VERIFY_WITH_TIMEOUT(f.row(keys[0])->activity == DeviceRow::Activity::Finished &&
                                     f.row(keys[1])->activity == DeviceRow::Activity::Finished,
                                 30000);
        for (const QString &key : keys) {
            QVERIFY2(f.row(key)->result->ok, qPrintable(f.row(key)->result->error.message));
            QCOMPARE(flashContent(f, key, image.size()), image);
        }
    }

    void unplugMidWrite()
    {
        WindowFixture f;
        QVERIFY(f.waitForCatalog());
        const QStringList keys = f.addBoards(1, QStringLiteral("realistic:0.05"));
        QCOMPARE(keys.size(), 1);
        QVERIFY(!dropFirmware(f, 4 * 1024 * 1024).isEmpty());
        const QString port = f.row(keys.first())->device.portPath;
        connect(f.window->station(), &Station::stageStarted, this, [&](const QString &, Stage s) {
            if (s == Stage::Write)
                f.window->virtualSource()->unplug(port);
        });
        test::answerNextMessageBox(QStringLiteral("confirmDestructive"), QMessageBox::AcceptRole);
        QVERIFY(f.window->startFlow()->start(keys));
        QTRY_VERIFY_WITH_TIMEOUT(f.row(keys.first())->activity == DeviceRow::Activity::Finished, 20000);
        const DeviceRow *r = f.row(keys.first());
        QVERIFY(!r->result->ok);
        QCOMPARE(r->result->error.code, ErrorCode::Disconnected);
        QCOMPARE(r->result->failedStage, std::optional<Stage>(Stage::Write));
        QCOMPARE(r->result->boardState, BoardState::Gone);
        QVERIFY(!r->present);
        const int row = f.window->devices()->rowOf(keys.first());
        QCOMPARE(f.window->devices()->index(row, DeviceListModel::StatusColumn).data().toString(),
                 QStringLiteral("Unplugged"));
        QCOMPARE(f.window->devices()->index(row, DeviceListModel::ResultColumn).data().toString(),
                 Texts::errorTitle(ErrorCode::Disconnected));
        f.window->logModel()->flush();
        QVERIFY(logText(f.window->logModel(), keys.first())
                    .join(QLatin1Char('\n'))
                    .contains(Texts::errorAdvice(ErrorCode::Disconnected)));
        // Plugged back in: the same row, ready again, the failure kept as the earlier result.
        QVERIFY(f.window->virtualSource()->plug(port));
        QTRY_VERIFY(f.row(keys.first())->present && f.row(keys.first())->probe);
        QVERIFY(f.window->devices()
                    ->index(row, DeviceListModel::ResultColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("Earlier:")));
        QVERIFY(f.window->station()->canStart(keys.first()));
    }

    void stopMidWrite()
    {
        WindowFixture f;
        QVERIFY(f.waitForCatalog());
        const QStringList keys = f.addBoards(1, QStringLiteral("realistic:0.05"));
        QCOMPARE(keys.size(), 1);
        QVERIFY(!dropFirmware(f, 4 * 1024 * 1024).isEmpty());
        const QString key = keys.first();
        connect(f.window->station(), &Station::stageStarted, this, [&](const QString &, Stage s) {
            if (s != Stage::Write)
                return;
            QPushButton *stop = f.window->deviceTable()->actionButton(key);
            QCOMPARE(stop->text(), QStringLiteral("Stop"));
            stop->click();
        });
        test::answerNextMessageBox(QStringLiteral("confirmDestructive"), QMessageBox::AcceptRole);
        f.window->deviceTable()->actionButton(key)->click();
        QTRY_VERIFY_WITH_TIMEOUT(f.row(key)->activity == DeviceRow::Activity::Finished, 20000);
        const DeviceRow *r = f.row(key);
        QVERIFY(!r->result->ok);
        QCOMPARE(r->result->error.code, ErrorCode::Cancelled);
        QCOMPARE(r->result->boardState, BoardState::BurnerIdle);
        const int row = f.window->devices()->rowOf(key);
        const QString result =
            f.window->devices()->index(row, DeviceListModel::ResultColumn).data().toString();
        QVERIFY2(result.startsWith(QStringLiteral("Stopped.")) &&
                     result.contains(Texts::boardState(BoardState::BurnerIdle)),
                 qPrintable(result));
        QCOMPARE(f.window->devices()->index(row, 0).data(DeviceListModel::OutcomeRole).toInt(), 3);
        QCOMPARE(f.window->deviceTable()->actionButton(key)->text(), QStringLiteral("Start"));
        // The board still runs its burner: the row says it needs a power cycle.
        QTRY_COMPARE(f.window->devices()->index(row, DeviceListModel::StatusColumn).data().toString(),
                     QStringLiteral("Power-cycle needed"));
    }
    void readVerifyErase()
    {
        WindowFixture f;
        QVERIFY(f.waitForCatalog());
        // The board comes back as a fresh boot ROM after each job's restart, like a board whose boot
        // switch stays on USB.
        const QStringList keys =
            f.addBoards(1, QStringLiteral("none"), QStringLiteral("reappear_after_reboot"));
        QCOMPARE(keys.size(), 1);
        const QString key = keys.first();
        const QByteArray image = dropFirmware(f, 192 * 1024);
        QVERIFY(!image.isEmpty());
        const auto runAndWait = [&](Operation op, const QString &dialog) {
            f.window->operationPanel()->setOperation(op);
            if (!dialog.isEmpty())
                test::answerNextMessageBox(dialog, QMessageBox::AcceptRole);
            QTRY_VERIFY_WITH_TIMEOUT(f.window->station()->canStart(key) && f.row(key)->probe, 10000);
            QVERIFY(f.window->startFlow()->start({key}));
            QTRY_VERIFY_WITH_TIMEOUT(f.row(key)->activity == DeviceRow::Activity::Finished, 20000);
            QVERIFY2(f.row(key)->result->ok, qPrintable(f.row(key)->result->error.message));
        };
        runAndWait(Operation::Write, QStringLiteral("confirmDestructive"));

        runAndWait(Operation::Verify, QString()); // harmless: no question
        const int row = f.window->devices()->rowOf(key);
        QVERIFY(f.window->devices()
                    ->index(row, DeviceListModel::ResultColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("Verified")));

        const QString dump = f.path(QStringLiteral("dump.bin"));
        f.window->operationPanel()->setOutputPath(dump);
        runAndWait(Operation::Read, QString());
        QFile file(dump);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray whole = file.readAll();
        QCOMPARE(whole.size(), 16 * 1024 * 1024); // "whole flash" is the default
        QCOMPARE(whole.left(image.size()), image);

        runAndWait(Operation::Erase, QStringLiteral("confirmDestructive"));
        QTRY_VERIFY(f.row(key)->present);
        QCOMPARE(flashContent(f, key, image.size()), QByteArray(image.size(), '\xff'));
    }

    void compressedImageAndPackage()
    {
        WindowFixture f;
        QVERIFY(f.waitForCatalog());
        const QStringList keys =
            f.addBoards(1, QStringLiteral("none"), QStringLiteral("reappear_after_reboot"));
        QCOMPARE(keys.size(), 1);
        const QString key = keys.first();
        const auto flash = [&](const QString &file) {
            QVERIFY(f.dropFile(file));
            QTRY_VERIFY(f.window->firmwarePanel()->firmware() &&
                        f.window->firmwarePanel()->firmware()->check.path == file &&
                        !f.window->firmwarePanel()->isInspecting());
            QTRY_VERIFY_WITH_TIMEOUT(f.window->station()->canStart(key) && f.row(key)->probe, 10000);
            test::answerNextMessageBox(QStringLiteral("confirmDestructive"), QMessageBox::AcceptRole);
            QVERIFY(f.window->startFlow()->start({key}));
            QTRY_VERIFY_WITH_TIMEOUT(f.row(key)->activity == DeviceRow::Activity::Finished, 20000);
            QVERIFY2(f.row(key)->result->ok, qPrintable(f.row(key)->result->error.message));
        };
        // An xz image is streamed to the board: the flash holds the unpacked bytes.
        const QByteArray image = test::writeImage(f.path(QStringLiteral("plain.bin")), 300 * 1024, 9);
        QVERIFY(test::compressFile(f.path(QStringLiteral("fw.img.xz")), image, ARCHIVE_FILTER_XZ));
        flash(f.path(QStringLiteral("fw.img.xz")));
        QCOMPARE(flashContent(f, key, image.size()), image);
        // A package writes each of its files at its own offset.
        const QByteArray uboot = test::writeImage(f.path(QStringLiteral("uboot.bin")), 64 * 1024, 10);
        const QByteArray kernel = test::writeImage(f.path(QStringLiteral("kernel.bin")), 128 * 1024, 11);
        const QString package = f.path(QStringLiteral("release.zip"));
        QVERIFY(test::writeTestPackage(
            package, QStringLiteral("t31"), QStringLiteral("t31-nor"),
            {{f.path(QStringLiteral("uboot.bin")), 0}, {f.path(QStringLiteral("kernel.bin")), 0x40000}}));
        flash(package);
        const auto board = f.window->virtualSource()->board(f.row(key)->device.portPath);
        QCOMPARE(board->nor()->peek(0, uboot.size()), uboot);
        QCOMPARE(board->nor()->peek(0x40000, kernel.size()), kernel);
    }

    void importedProfileBringsItsFiles()
    {
        // An imported Ingenic USB Cloner profile writes the files its policies name, without a
        // firmware file, as the Cloner does.
        QTemporaryDir store;
        qputenv("OPENCLONER_IMPORT_DIR", QFile::encodeName(store.path()));
        QTemporaryDir install;
        oc::catalog::test::ClonerTree tree(install.path());
        {
            auto catalog = catalog::Catalog::load();
            QVERIFY(catalog);
            tree.addStandard(*catalog);
            catalog::ImportStore importStore(catalog::ImportStore::defaultDir());
            QVERIFY(importStore.importAndSave(*catalog, tree.root()));
        }
        WindowFixture f;
        QVERIFY(f.waitForCatalog());
        const QString profile = QStringLiteral("t31x_sfc_nor_writer");
        QVERIFY(f.window->station()->catalog()->board(profile));
        const QStringList keys = f.addBoards(1, QStringLiteral("none"), QString(), profile);
        QCOMPARE(keys.size(), 1);
        QVERIFY(!f.window->firmwarePanel()->firmware());
        QString question;
        test::answerNextMessageBox(QStringLiteral("confirmDestructive"), QMessageBox::AcceptRole, &question);
        QVERIFY(f.window->startFlow()->start(keys));
        QVERIFY2(question.contains(QStringLiteral("uboot.bin")) &&
                     question.contains(QStringLiteral("kernel.bin")),
                 qPrintable(question));
        QTRY_VERIFY_WITH_TIMEOUT(f.row(keys.first())->activity == DeviceRow::Activity::Finished, 20000);
        QVERIFY2(f.row(keys.first())->result->ok, qPrintable(f.row(keys.first())->result->error.message));
        const auto board = f.window->virtualSource()->board(f.row(keys.first())->device.portPath);
        QCOMPARE(board->nor()->peek(0, 64 * 1024), oc::catalog::test::ClonerTree::noise(64 * 1024, 1));
        QCOMPARE(board->nor()->peek(0x40000, 96 * 1024), oc::catalog::test::ClonerTree::noise(96 * 1024, 2));
        qunsetenv("OPENCLONER_IMPORT_DIR");
    }
};

QTEST_MAIN(TestFlows)
#include "tst_flows.moc"
