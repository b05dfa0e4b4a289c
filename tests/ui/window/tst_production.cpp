// Production mode through the real window against virtual boards (core/sim, generated placeholder
// vendor files): arm once and every board is flashed on its own lane; a record per unit in the day's
// CSV and JSON-lines files; a failing board only fails its own lane; a board back on its port after
// its own restart is not flashed again and says "done, unplug"; Stop asks and stops; records that
// cannot be written disarm the station with a message naming the folder or file.

#include "windowfixture.h"

#include "ui/appsettings.h"
#include "ui/devicetable.h"
#include "ui/firmwarepanel.h"
#include "ui/productioncontroller.h"
#include "ui/productionmode.h"
#include "ui/productionpanel.h"
#include "ui/stationalerts.h"
#include "ui/texts.h"

#include "core/sim/virtualboard.h"
#include "core/station/recordlog.h"

#include <QCheckBox>
#include <QCryptographicHash>
#include <QLabel>
#include <QPushButton>

#include <unistd.h>

using namespace oc;
using namespace oc::ui;
using oc::station::LaneState;
using oc::station::UnitOutcome;
using oc::ui::test::WindowFixture;

class TestProduction : public QObject
{
    Q_OBJECT

private:
    // Drops `size` bytes of firmware on the window and names the station; returns the image.
    QByteArray prepare(WindowFixture &f, qint64 size, const QString &records)
    {
        const QString file = f.path(QStringLiteral("firmware.bin"));
        const QByteArray image = test::writeImage(file, size, 7);
        if (!f.dropFile(file) ||
            !QTest::qWaitFor([&] { return f.window->firmwarePanel()->firmware().has_value(); }, 10000))
            return QByteArray();
        f.window->settings().setProductionRecordsDir(records);
        f.window->settings().setProductionStation(QStringLiteral("bench-1"));
        f.window->settings().setProductionOperator(QStringLiteral("Alice"));
        return image;
    }
    static ProductionController *controller(WindowFixture &f) { return f.window->production()->controller(); }
    // Presses Start the way the operator does and accepts the question.
    static bool arm(WindowFixture &f, QString *question = nullptr)
    {
        test::answerNextMessageBox(QStringLiteral("confirmArm"), QMessageBox::AcceptRole, question);
        f.window->production()->panel()->startButton()->click();
        return controller(f)->isArmed();
    }
    static QByteArray flashOf(WindowFixture &f, const QString &key, qint64 size)
    {
        return f.window->virtualSource()->board(f.row(key)->device.portPath)->nor()->peek(0, size);
    }
    static QVariant cell(WindowFixture &f, const QString &key, int column, int role = Qt::DisplayRole)
    {
        DeviceListModel *m = f.window->devices();
        return m->index(m->rowOf(key), column).data(role);
    }
    static QList<station::UnitRecord> jsonRecords(WindowFixture &f)
    {
        auto file = station::readJsonRecords(controller(f)->jsonPath());
        if (!file || file->damagedLines != 0)
            return {};
        return file->records;
    }

private Q_SLOTS:
    void threeBoardsOneStart()
    {
        WindowFixture f;
        QVERIFY(f.waitForCatalog());
        const QStringList keys = f.addBoards(3, QStringLiteral("none"));
        QCOMPARE(keys.size(), 3);
        const QString records = f.path(QStringLiteral("records"));
        const QByteArray image = prepare(f, 256 * 1024, records);
        QVERIFY(!image.isEmpty());
        f.window->production()->toggle()->click();
        QVERIFY(f.window->production()->isActive());
        QVERIFY(f.window->production()->panel()->isVisible());
        for (int i = 0; i < keys.size(); ++i) // lanes in port order
            QCOMPARE(cell(f, keys[i], DeviceListModel::PortColumn).toString(),
                     QStringLiteral("Lane %1 · 1-%1 (virtual)").arg(i + 1));
        QPushButton *rowButton = f.window->deviceTable()->actionButton(keys[0]);
        QVERIFY(!rowButton->isEnabled() && rowButton->text().isEmpty()); // no start by hand

        QString question;
        QVERIFY(arm(f, &question));
        QVERIFY2(question.contains(QStringLiteral("firmware.bin")) &&
                     question.contains(QStringLiteral("t31-nor")) &&
                     question.contains(QStringLiteral("3 boards")),
                 qPrintable(question));
        QTRY_COMPARE_WITH_TIMEOUT(controller(f)->counters().passed, 3, 30000);
        QCOMPARE(controller(f)->counters().failed, 0);
        QCOMPARE(controller(f)->counters().running, 0);
        QVERIFY(controller(f)->isArmed()); // still waiting for the next boards

        // One complete JSON line and one CSV row per unit, with its own lane and port.
        const QString sha =
            QString::fromLatin1(QCryptographicHash::hash(image, QCryptographicHash::Sha256).toHex());
        const QList<station::UnitRecord> units = jsonRecords(f);
        QCOMPARE(units.size(), 3);
        QSet<quint64> numbers;
        for (const station::UnitRecord &r : units) {
            numbers.insert(r.unit);
            QCOMPARE(r.outcome, UnitOutcome::Pass);
            QCOMPARE(r.station, QStringLiteral("bench-1"));
            QCOMPARE(r.operatorName, QStringLiteral("Alice"));
            QCOMPARE(r.chip, QStringLiteral("t31"));
            QCOMPARE(r.plan, QStringLiteral("t31-nor"));
            QCOMPARE(r.package, QStringLiteral("firmware.bin"));
            QCOMPARE(r.packageSha256, sha);
            QCOMPARE(r.port, QStringLiteral("1-%1").arg(r.lane));
            QVERIFY(r.lane >= 1 && r.lane <= 3);
            QVERIFY(!r.romId.isEmpty());
            QVERIFY(r.flashJedec != 0 && r.flashSize == 16u << 20);
            QVERIFY(r.errorClass.isEmpty() && r.message.isEmpty());
        }
        QCOMPARE(numbers, (QSet<quint64>{1, 2, 3}));
        auto csv = station::readCsvRecords(controller(f)->csvPath());
        QVERIFY(csv);
        QCOMPARE(csv->header, station::UnitRecord::columns());
        QCOMPARE(csv->rows.size(), 3);
        QCOMPARE(csv->damagedLines, 0);
        const int laneColumn = int(csv->header.indexOf(QStringLiteral("lane")));
        const int portColumn = int(csv->header.indexOf(QStringLiteral("port")));
        const int resultColumn = int(csv->header.indexOf(QStringLiteral("result")));
        QSet<QString> lanes;
        for (const QStringList &row : std::as_const(csv->rows)) {
            lanes.insert(row.at(laneColumn));
            QCOMPARE(row.at(portColumn), QStringLiteral("1-") + row.at(laneColumn));
            QCOMPARE(row.at(resultColumn), QStringLiteral("pass"));
        }
        QCOMPARE(lanes, (QSet<QString>{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));

        for (const QString &key : keys) {
            QCOMPARE(flashOf(f, key, image.size()), image);
            QCOMPARE(cell(f, key, 0, DeviceListModel::LaneStateRole).toInt(), int(LaneState::Passed));
            const QColor tint = cell(f, key, 0, Qt::BackgroundRole).value<QColor>();
            QVERIFY(tint.isValid() && tint.green() > tint.red());
        }
        QCOMPARE(f.window->production()->alerts()->beeps(), 3); // one per passed board
        QStringList figures;                                    // what a screen reader says of the counters
        for (const QLabel *label : f.window->production()->panel()->findChildren<QLabel *>())
            figures << label->accessibleName();
        QVERIFY2(figures.contains(QStringLiteral("Passed: 3")) &&
                     figures.contains(QStringLiteral("Failed: 0")) &&
                     figures.contains(QStringLiteral("In progress: 0")),
                 qPrintable(figures.join(QLatin1Char('|'))));
    }

    void failingBoardKeepsToItsLane()
    {
        WindowFixture f;
        QVERIFY(f.waitForCatalog());
        const QStringList healthy = f.addBoards(2, QStringLiteral("none"));
        const QStringList faulty =
            f.addBoards(1, QStringLiteral("none"), QStringLiteral("disconnect@write:chunk=1"));
        QCOMPARE(healthy.size() + faulty.size(), 3);
        const QByteArray image = prepare(f, 2 * 1024 * 1024, f.path(QStringLiteral("records")));
        QVERIFY(!image.isEmpty());
        f.window->production()->setActive(true);
        QVERIFY(arm(f));
        QTRY_COMPARE_WITH_TIMEOUT(controller(f)->counters().total(), 3, 30000);
        QCOMPARE(controller(f)->counters().passed, 2);
        QCOMPARE(controller(f)->counters().failed, 1);
        QVERIFY(controller(f)->isArmed()); // one failure does not stop the station

        const QString bad = faulty.first();
        QCOMPARE(cell(f, bad, 0, DeviceListModel::LaneStateRole).toInt(), int(LaneState::Failed));
        const QColor red = cell(f, bad, 0, Qt::BackgroundRole).value<QColor>();
        QVERIFY(red.isValid() && red.red() > red.green());
        QCOMPARE(cell(f, bad, DeviceListModel::ResultColumn).toString(),
                 Texts::errorTitle(ErrorCode::Disconnected));
        for (const QString &key : healthy) {
            QVERIFY2(f.row(key)->result->ok, qPrintable(f.row(key)->result->error.message));
            QCOMPARE(flashOf(f, key, image.size()), image);
            QCOMPARE(cell(f, key, 0, DeviceListModel::LaneStateRole).toInt(), int(LaneState::Passed));
        }
        // The record names the unit's lane, the stage and the class of the error.
        const QList<station::UnitRecord> units = jsonRecords(f);
        QCOMPARE(units.size(), 3);
        int failures = 0;
        for (const station::UnitRecord &r : units) {
            if (r.outcome == UnitOutcome::Pass)
                continue;
            ++failures;
            QCOMPARE(r.outcome, UnitOutcome::Fail);
            QCOMPARE(r.lane, 3);
            QCOMPARE(r.port, QStringLiteral("1-3"));
            QCOMPARE(r.stage, QLatin1String(stageName(Stage::Write)));
            QCOMPARE(r.errorClass, QLatin1String(errorCodeName(ErrorCode::Disconnected)));
            QVERIFY(!r.message.isEmpty());
            QCOMPARE(r.boardState, QLatin1String(boardStateName(BoardState::Gone)));
        }
        QCOMPARE(failures, 1);
        QCOMPARE(f.window->production()->alerts()->beeps(), 2 + 3); // one per pass, three for the failure
    }

    void boardBackAfterItsRestartIsNotFlashedAgain()
    {
        WindowFixture f;
        QVERIFY(f.waitForCatalog());
        const QStringList keys =
            f.addBoards(1, QStringLiteral("none"), QStringLiteral("reappear_after_reboot"));
        QCOMPARE(keys.size(), 1);
        const QString key = keys.first();
        const QString port = f.row(key)->device.portPath;
        QVERIFY(!prepare(f, 128 * 1024, f.path(QStringLiteral("records"))).isEmpty());
        controller(f)->setRebootSettleMs(1500); // the board returns at once; a new board comes later
        f.window->production()->setActive(true);
        QSignalSpy started(f.window->station(), &Station::jobStarted);
        QVERIFY(arm(f));
        QTRY_COMPARE_WITH_TIMEOUT(controller(f)->counters().passed, 1, 20000);
        // Back on its port as a fresh boot ROM: identified, not flashed, "done, unplug".
        QTRY_VERIFY_WITH_TIMEOUT(f.row(key)->present && f.row(key)->probe, 10000);
        QTRY_COMPARE(cell(f, key, DeviceListModel::StatusColumn).toString(), QStringLiteral("Done, unplug"));
        QTest::qWait(2000); // longer than the reboot window: the lane still holds the same board
        QCOMPARE(started.size(), 1);
        QCOMPARE(cell(f, key, DeviceListModel::StatusColumn).toString(), QStringLiteral("Done, unplug"));
        QVERIFY(
            !cell(f, key, DeviceListModel::ResultColumn).toString().startsWith(QStringLiteral("Earlier")));
        QCOMPARE(jsonRecords(f).size(), 1);

        // Unplugged, then the next board on the same port: a new unit on the same lane.
        QVERIFY(f.window->virtualSource()->unplug(port));
        QTRY_VERIFY(!f.row(key)->present);
        QVERIFY(cell(f, key, DeviceListModel::StatusColumn).toString() != QStringLiteral("Done, unplug"));
        QVERIFY(f.window->virtualSource()->plug(port));
        QTRY_COMPARE_WITH_TIMEOUT(controller(f)->counters().passed, 2, 20000);
        QCOMPARE(started.size(), 2);
        const QList<station::UnitRecord> units = jsonRecords(f);
        QCOMPARE(units.size(), 2);
        QCOMPARE(units[0].lane, 1);
        QCOMPARE(units[1].lane, 1);
        QCOMPARE(units[1].unit, units[0].unit + 1);
    }

    void stopAsksAndStopsRunningBoards()
    {
        WindowFixture f;
        QVERIFY(f.waitForCatalog());
        const QStringList keys = f.addBoards(1, QStringLiteral("realistic:0.05"));
        QCOMPARE(keys.size(), 1);
        QVERIFY(!prepare(f, 4 * 1024 * 1024, f.path(QStringLiteral("records"))).isEmpty());
        f.window->production()->setActive(true);
        QString question;
        connect(f.window->station(), &Station::stageStarted, this, [&](const QString &, Stage stage) {
            if (stage != Stage::Write)
                return;
            test::answerNextMessageBox(QStringLiteral("confirmStopStation"), QMessageBox::AcceptRole,
                                       &question);
            f.window->production()->panel()->stopButton()->click();
        });
        QVERIFY(arm(f));
        QTRY_COMPARE_WITH_TIMEOUT(controller(f)->counters().failed, 1, 20000);
        QVERIFY2(question.contains(QStringLiteral("1 board")), qPrintable(question));
        QVERIFY(!controller(f)->isArmed());
        QCOMPARE(f.row(keys.first())->result->error.code, ErrorCode::Cancelled);
        const QList<station::UnitRecord> units = jsonRecords(f);
        QCOMPARE(units.size(), 1);
        QCOMPARE(units.first().outcome, UnitOutcome::Stopped);
        QCOMPARE(f.window->production()->alerts()->beeps(), 0); // the operator stopped it: no alarm
        QVERIFY(f.window->production()->panel()->startButton()->isEnabled());
    }

    void countersContinueFromTodaysRecords()
    {
        WindowFixture f;
        QVERIFY(f.waitForCatalog());
        QCOMPARE(f.addBoards(1, QStringLiteral("none")).size(), 1);
        QVERIFY(!prepare(f, 64 * 1024, f.path(QStringLiteral("records"))).isEmpty());
        f.window->production()->setActive(true);
        QVERIFY(arm(f));
        QTRY_COMPARE_WITH_TIMEOUT(controller(f)->counters().passed, 1, 20000);
        // Production mode off and on again (or the app restarted): today's units still count.
        QVERIFY(f.window->production()->setActive(false));
        QVERIFY(!f.window->production()->panel()->isVisible());
        QVERIFY(f.window->production()->setActive(true));
        QCOMPARE(f.addBoards(1, QStringLiteral("none")).size(), 1);
        QVERIFY(arm(f));
        QTRY_COMPARE_WITH_TIMEOUT(controller(f)->counters().passed, 2, 20000);
        const QList<station::UnitRecord> units = jsonRecords(f);
        QCOMPARE(units.size(), 2);
        QCOMPARE(units[1].unit, units[0].unit + 1);
    }

    void recordThatCannotBeWrittenDisarms()
    {
        WindowFixture f;
        QVERIFY(f.waitForCatalog());
        QCOMPARE(f.addBoards(1, QStringLiteral("none")).size(), 1);
        QVERIFY(!prepare(f, 64 * 1024, f.path(QStringLiteral("records"))).isEmpty());
        f.window->production()->setActive(true);
        QString text;
        test::answerNextMessageBox(QStringLiteral("recordError"), QMessageBox::AcceptRole, &text);
        QSignalSpy failed(controller(f), &ProductionController::recordFailed);
        QVERIFY(arm(f));
        // A folder in the way of today's JSON-lines file: the unit's record cannot be appended.
        QVERIFY(QDir().mkpath(controller(f)->jsonPath()));
        QVERIFY(failed.wait(20000));
        QVERIFY(!controller(f)->isArmed());
        QCOMPARE(controller(f)->counters().passed, 1); // the board itself passed, and is shown
        QTRY_VERIFY(!text.isEmpty());
        QVERIFY2(text.contains(QDir::toNativeSeparators(controller(f)->jsonPath())), qPrintable(text));
        QVERIFY(
            f.window->production()->panel()->notice().contains(QStringLiteral("stopped taking new boards")));
        QVERIFY(f.window->production()->panel()->startButton()->isEnabled());
    }

    void unwritableFolderRefusesStart()
    {
        if (::geteuid() == 0)
            QSKIP("root writes into read-only folders");
        WindowFixture f;
        QVERIFY(f.waitForCatalog());
        QCOMPARE(f.addBoards(1, QStringLiteral("none")).size(), 1);
        const QString locked = f.path(QStringLiteral("locked"));
        QVERIFY(!prepare(f, 64 * 1024, locked).isEmpty());
        QVERIFY(QDir().mkpath(locked));
        QVERIFY(QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        f.window->production()->setActive(true);
        QString text;
        test::answerNextMessageBox(QStringLiteral("productionProblem"), QMessageBox::AcceptRole, &text);
        test::answerNextMessageBox(QStringLiteral("confirmArm"), QMessageBox::AcceptRole);
        QVERIFY(!f.window->production()->arm());
        QVERIFY(!controller(f)->isArmed());
        QVERIFY2(text.contains(QDir::toNativeSeparators(locked)), qPrintable(text));
        QCOMPARE(f.window->station()->busyCount(), 0); // nothing was flashed without its record
        QFile::setPermissions(locked,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
};

QTEST_MAIN(TestProduction)
#include "tst_production.moc"
