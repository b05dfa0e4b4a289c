// Operator mode through the real window: locking needs a board and a firmware, refuses weak PINs and
// forces verify on; locked, the window shows only Start, Stop, the lanes and the counters, refuses
// dropped files, and stays locked when it is opened again with the same settings; a wrong PIN is
// refused, the right one unlocks, three wrong ones make every next try wait 30 s. The station plan
// saved for opencloner-cli pins the package's SHA-256.

#include "compressutil.h"
#include "windowfixture.h"

#include "ui/appsettings.h"
#include "ui/devicetable.h"
#include "ui/firmwarepanel.h"
#include "ui/logpane.h"
#include "ui/operationpanel.h"
#include "ui/operatorlock.h"
#include "ui/operatormode.h"
#include "ui/productioncontroller.h"
#include "ui/productionmode.h"
#include "ui/productionpanel.h"

#include "core/station/stationplan.h"

#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>

using namespace oc;
using namespace oc::ui;
using oc::ui::test::WindowFixture;

namespace {

const QString Pin = QStringLiteral("2580");

MainWindowOptions optionsIn(const WindowFixture &f)
{
    MainWindowOptions options;
    options.settingsFile = f.path(QStringLiteral("settings.ini"));
    options.dataDir = f.path(QStringLiteral("data"));
    options.cacheDir = f.path(QStringLiteral("cache"));
    options.useRealUsb = false;
    return options;
}

// The menus a person can open, by title.
QStringList visibleMenus(MainWindow *window)
{
    QStringList titles;
    for (QAction *action : window->menuBar()->actions()) {
        if (action->isVisible())
            titles << action->text();
    }
    return titles;
}

void fill(QDialog *dialog, const QString &name, const QString &text)
{
    dialog->findChild<QLineEdit *>(name)->setText(text);
}

void clickOk(QDialog *dialog)
{
    for (QPushButton *button : dialog->findChildren<QPushButton *>()) {
        if (button->text().remove(QLatin1Char('&')) == QLatin1String("OK"))
            return button->click();
    }
}

} // namespace

class TestOperator : public QObject
{
    Q_OBJECT

private:
    QString prepare(WindowFixture &f)
    {
        if (f.addBoards(1, QStringLiteral("none")).size() != 1)
            return QString();
        const QString file = f.path(QStringLiteral("firmware.bin"));
        if (test::writeImage(file, 128 * 1024, 3).isEmpty() || !f.dropFile(file) ||
            !QTest::qWaitFor(
                [&] {
                    return f.window->firmwarePanel()->firmware() &&
                           !f.window->firmwarePanel()->isInspecting();
                },
                10000))
            return QString();
        f.window->settings().setProductionRecordsDir(f.path(QStringLiteral("records")));
        f.window->settings().setProductionStation(QStringLiteral("bench-2"));
        return file;
    }
    static bool engineeringShown(MainWindow *w)
    {
        return w->boardPicker()->isVisible() || w->firmwarePanel()->isVisible() ||
               w->operationPanel()->isVisible() || w->logPane()->isVisible();
    }

private Q_SLOTS:
    void lockNeedsBoardFirmwareAndAStrongPin()
    {
        WindowFixture f;
        QVERIFY(f.waitForCatalog());
        OperatorMode *op = f.window->operatorMode();
        QVERIFY(op->lock(QStringLiteral("plan"), Pin).contains(QStringLiteral("firmware")));
        QVERIFY(!prepare(f).isEmpty());
        QVERIFY(op->lock(QStringLiteral("plan"), QStringLiteral("12")).contains(QStringLiteral("too short")));
        QVERIFY(op->lock(QStringLiteral("plan"), QStringLiteral("7777")).contains(QStringLiteral("repeats")));
        QVERIFY(!op->isLocked());

        // Through the dialog: a weak PIN is refused in the dialog, with the reason; then a good one.
        f.window->operationPanel()->setVerify(false);
        QString refusal;
        test::answerNextDialog(QStringLiteral("lockDialog"), [&](QDialog *dialog) {
            fill(dialog, QStringLiteral("planName"), QStringLiteral("T31 camera, line A"));
            fill(dialog, QStringLiteral("pin"), QStringLiteral("1111"));
            fill(dialog, QStringLiteral("pinAgain"), QStringLiteral("1111"));
            clickOk(dialog);
            refusal = dialog->findChild<QLabel *>(QStringLiteral("pinProblem"))->text();
            fill(dialog, QStringLiteral("pin"), Pin);
            fill(dialog, QStringLiteral("pinAgain"), QStringLiteral("2581"));
            clickOk(dialog);
            fill(dialog, QStringLiteral("pin"), Pin);
            fill(dialog, QStringLiteral("pinAgain"), Pin);
            clickOk(dialog);
        });
        QVERIFY(op->lockInteractively());
        QVERIFY2(refusal.contains(QStringLiteral("repeats one character")), qPrintable(refusal));
        QVERIFY(op->isLocked());
        QCOMPARE(op->plan()->name, QStringLiteral("T31 camera, line A"));
        QVERIFY(f.window->operationPanel()->verify()); // a locked plan always verifies
        QVERIFY(op->plan()->verify);
        QVERIFY(!op->plan()->image.isEmpty()); // a plain image is pinned by its hash like a package
        QCOMPARE(op->plan()->packageSha256, *station::fileSha256(op->plan()->image));
        // The PIN itself is nowhere in the settings: a salted PBKDF2 hash only.
        const QString stored = f.window->settings().lockPin();
        QVERIFY(stored.startsWith(QStringLiteral("pbkdf2-sha256$")));
        QVERIFY(!stored.contains(Pin));
        QFile ini(f.window->settings().fileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains(Pin.toLatin1()));
    }

    void lockedWindowSurvivesARestart()
    {
        WindowFixture f;
        QVERIFY(f.waitForCatalog());
        const QString firmware = prepare(f);
        QVERIFY(!firmware.isEmpty());
        QCOMPARE(f.window->operatorMode()->lock(QStringLiteral("line A"), Pin), QString());

        // Only Start, Stop, the lanes and the counters.
        MainWindow *w = f.window.get();
        QVERIFY(!engineeringShown(w));
        QVERIFY(w->production()->panel()->isVisible());
        QVERIFY(w->production()->panel()->startButton()->isVisible());
        QVERIFY(w->production()->panel()->stopButton()->isVisible());
        QVERIFY(w->deviceTable()->isVisible());
        QVERIFY(!w->production()->toggle()->isVisible());
        QCOMPARE(visibleMenus(w), QStringList{QStringLiteral("&Production")});
        QVERIFY(!w->findChild<QAction *>(QStringLiteral("open"))->isEnabled()); // shortcuts too
        QVERIFY(!w->findChild<QAction *>(QStringLiteral("settings"))->isEnabled());
        QVERIFY(w->findChild<QAction *>(QStringLiteral("unlock"))->isVisible());
        QVERIFY(!w->findChild<QAction *>(QStringLiteral("lock"))->isVisible());
        QVERIFY(!w->production()->setActive(false)); // production mode cannot be left while locked

        // A dropped file is refused with a message; the firmware stays.
        const QString other = f.path(QStringLiteral("other.bin"));
        QVERIFY(!test::writeImage(other, 64 * 1024, 9).isEmpty());
        f.dropFile(other);
        QTest::qWait(200);
        QCOMPARE(w->firmwarePanel()->firmware()->check.path, firmware);
        QVERIFY(w->production()->panel()->notice().contains(QStringLiteral("locked")));

        // A wrong PIN is refused.
        QVERIFY(w->operatorMode()->unlock(QStringLiteral("1234")).startsWith(QStringLiteral("Wrong PIN")));
        QVERIFY(w->operatorMode()->isLocked());

        // The same settings, a new window: locked at once, with the plan's board and firmware.
        f.window.reset();
        f.window = std::make_unique<MainWindow>(optionsIn(f));
        f.window->show();
        w = f.window.get();
        QVERIFY(w->operatorMode()->isLocked());
        QVERIFY(!engineeringShown(w));
        QVERIFY(f.waitForCatalog());
        QCOMPARE(w->boardPicker()->boardName(), QStringLiteral("t31-nor"));
        QTRY_VERIFY_WITH_TIMEOUT(w->firmwarePanel()->firmware() && !w->firmwarePanel()->isInspecting(),
                                 10000);
        QCOMPARE(w->firmwarePanel()->firmware()->check.path, firmware);
        QVERIFY(w->production()->isActive());

        // The right PIN, through the dialog, unlocks: the engineering parts are back.
        test::answerNextDialog(QStringLiteral("unlockDialog"), [](QDialog *dialog) {
            fill(dialog, QStringLiteral("pin"), Pin);
            clickOk(dialog);
        });
        QVERIFY(w->operatorMode()->unlockInteractively());
        QVERIFY(!w->operatorMode()->isLocked());
        QVERIFY(w->boardPicker()->isVisible() && w->firmwarePanel()->isVisible());
        QVERIFY(w->findChild<QAction *>(QStringLiteral("open"))->isEnabled());
        QVERIFY(w->settings().lockedPlan().isEmpty());
        QVERIFY(w->settings().lockPin().isEmpty());
    }

    void lockedStationFlashesWithoutQuestions()
    {
        WindowFixture f;
        QVERIFY(f.waitForCatalog());
        QVERIFY(!prepare(f).isEmpty());
        QCOMPARE(f.window->operatorMode()->lock(QStringLiteral("line A"), Pin), QString());
        // The operator presses Start: no question, the board is flashed and recorded with the plan.
        f.window->production()->panel()->startButton()->click();
        ProductionController *controller = f.window->production()->controller();
        QVERIFY(controller->isArmed());
        QTRY_COMPARE_WITH_TIMEOUT(controller->counters().passed, 1, 20000);
        auto file = station::readJsonRecords(controller->jsonPath());
        QVERIFY(file);
        QCOMPARE(file->records.size(), 1);
        QCOMPARE(file->records.first().plan, QStringLiteral("line A"));
        QCOMPARE(file->records.first().station, QStringLiteral("bench-2"));
    }

    void wrongPinsMakeTheNextTryWait()
    {
        auto pin = station::PinHash::create(Pin, 10000); // fewer iterations: a fast test of the rules
        QVERIFY(pin);
        OperatorLock lock(*pin);
        const qint64 t = 1000000;
        QCOMPARE(lock.tryPin(QStringLiteral("0000"), t), OperatorLock::Answer::Wrong);
        QCOMPARE(lock.tryPin(QStringLiteral("0001"), t + 1), OperatorLock::Answer::Wrong);
        QCOMPARE(lock.waitLeftMs(t + 1), 0);
        QCOMPARE(lock.tryPin(QStringLiteral("0002"), t + 2), OperatorLock::Answer::Wrong);
        QCOMPARE(lock.waitLeftMs(t + 2), OperatorLock::WaitMs);
        // Even the right PIN waits until the 30 s are over.
        QCOMPARE(lock.tryPin(Pin, t + 2 + OperatorLock::WaitMs - 1), OperatorLock::Answer::Wait);
        QCOMPARE(lock.tryPin(QStringLiteral("0003"), t + 2 + OperatorLock::WaitMs),
                 OperatorLock::Answer::Wrong);
        QCOMPARE(lock.waitLeftMs(t + 2 + OperatorLock::WaitMs), OperatorLock::WaitMs); // each wrong try again
        QCOMPARE(lock.tryPin(Pin, t + 2 + 2 * OperatorLock::WaitMs), OperatorLock::Answer::Unlocked);
        QCOMPARE(lock.failures(), 0);
        // A wait read back from settings never exceeds 30 s, whatever the clock did.
        OperatorLock restored(*pin, 5, t + 10 * OperatorLock::WaitMs);
        QCOMPARE(restored.waitLeftMs(t), OperatorLock::WaitMs);

        // In the window the wait is kept in the settings: a restart does not end it.
        WindowFixture f;
        QVERIFY(f.waitForCatalog());
        QVERIFY(!prepare(f).isEmpty());
        QCOMPARE(f.window->operatorMode()->lock(QStringLiteral("line A"), Pin), QString());
        QVERIFY(f.window->operatorMode()->unlock(QStringLiteral("1000")).contains(QStringLiteral("2 more")));
        QVERIFY(f.window->operatorMode()->unlock(QStringLiteral("1001")).contains(QStringLiteral("1 more")));
        QVERIFY(f.window->operatorMode()
                    ->unlock(QStringLiteral("1002"))
                    .contains(QStringLiteral("Wait 30 seconds")));
        f.window.reset();
        f.window = std::make_unique<MainWindow>(optionsIn(f));
        QVERIFY(f.window->operatorMode()->unlock(Pin).startsWith(QStringLiteral("Too many wrong PINs")));
        QVERIFY(f.window->operatorMode()->isLocked());
    }

    void savedPlanPinsThePackage()
    {
        WindowFixture f;
        QVERIFY(f.waitForCatalog());
        QCOMPARE(f.addBoards(1, QStringLiteral("none")).size(), 1);
        QVERIFY(!test::writeImage(f.path(QStringLiteral("uboot.bin")), 64 * 1024, 4).isEmpty());
        const QString package = f.path(QStringLiteral("camera-1.4.zip"));
        QVERIFY(test::writeTestPackage(package, QStringLiteral("t31"), QStringLiteral("t31-nor"),
                                       {{f.path(QStringLiteral("uboot.bin")), 0}}));
        QVERIFY(f.dropFile(package));
        QTRY_VERIFY(f.window->firmwarePanel()->isPackage() && !f.window->firmwarePanel()->isInspecting());
        f.window->settings().setProductionStation(QStringLiteral("bench-4"));
        const QString planPath = f.path(QStringLiteral("line-a.json"));
        QCOMPARE(f.window->operatorMode()->savePlan(planPath), QString());
        auto plan = station::StationPlan::load(planPath);
        QVERIFY2(plan, plan ? "" : qPrintable(plan.error().message));
        QCOMPARE(plan->name, QStringLiteral("line-a"));
        QCOMPARE(plan->board, QStringLiteral("t31-nor"));
        QCOMPARE(plan->package, package);
        QVERIFY(plan->verify);
        QCOMPARE(plan->station, QStringLiteral("bench-4"));
        auto sha = station::fileSha256(package);
        QVERIFY(sha);
        QCOMPARE(plan->packageSha256, *sha);
        QVERIFY(station::checkPinnedPackage(*plan).ok());
    }
};

QTEST_MAIN(TestOperator)
#include "tst_operator.moc"
