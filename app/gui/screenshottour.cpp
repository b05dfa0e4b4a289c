#include "screenshottour.h"

#include "ui/appsettings.h"
#include "ui/boardpicker.h"
#include "ui/devicelistmodel.h"
#include "ui/devicetable.h"
#include "ui/firmwarepanel.h"
#include "ui/languagemanager.h"
#include "ui/mainwindow.h"
#include "ui/operatormode.h"
#include "ui/productioncontroller.h"
#include "ui/productionmode.h"
#include "ui/productionpanel.h"
#include "ui/startflow.h"
#include "ui/station.h"
#include "ui/virtualbench.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QTableView>
#include <QWindow>

#include <cstdio>

using oc::ui::DeviceRow;

ScreenshotTour::ScreenshotTour(oc::ui::MainWindow *window, const QString &dir)
    : QObject(window)
    , m_window(window)
    , m_dir(dir)
{
    QDir().mkpath(dir);
    if (window->isCatalogReady())
        QTimer::singleShot(0, this, &ScreenshotTour::begin);
    else
        connect(window, &oc::ui::MainWindow::catalogReady, this, &ScreenshotTour::begin,
                Qt::SingleShotConnection);
}

void ScreenshotTour::finish(int code)
{
    m_exitCode = code;
    QTimer::singleShot(100, qApp, &QCoreApplication::quit);
}

void ScreenshotTour::waitFor(const QString &what, Check check, std::function<void()> then, int timeoutMs)
{
    auto *timer = new QTimer(this);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    connect(timer, &QTimer::timeout, this, [=, this] {
        if (check()) {
            timer->deleteLater();
            then();
        } else if (clock->elapsed() > timeoutMs) {
            timer->deleteLater();
            std::fprintf(stderr, "screenshots: timed out waiting for %s\n", qPrintable(what));
            finish(1);
        }
    });
    timer->start(20);
}

void ScreenshotTour::shoot(const QString &name)
{
    QWidget *target = QApplication::activeModalWidget() ? QApplication::activeModalWidget() : m_window;
    const QPixmap pixmap = target->screen()->grabWindow(target->winId());
    const QString path = QDir(m_dir).filePath(QStringLiteral("%1%2.png").arg(m_prefix, name));
    if (!pixmap.save(path))
        std::fprintf(stderr, "screenshots: cannot save %s\n", qPrintable(path));
    else
        std::printf("screenshots: %s\n", qPrintable(path));
    std::fflush(stdout);
}

bool ScreenshotTour::rowIs(const QString &key, int activity) const
{
    const DeviceRow *row = m_window->devices()->row(key);
    return row && int(row->activity) == activity;
}

void ScreenshotTour::begin()
{
    m_prefix = QStringLiteral("%1-%2-").arg(m_window->languages()->effectiveLanguage(),
                                            m_window->settings().theme());
    m_window->boardPicker()->selectBoard(QStringLiteral("t31-nor"));
    // The first shot waits until the window is on screen and painted.
    waitFor(
        QStringLiteral("the window on screen"),
        [this] { return m_window->windowHandle() && m_window->windowHandle()->isExposed(); },
        [this] {
            QTimer::singleShot(400, this, [this] {
                shoot(QStringLiteral("00-empty"));
                flashHealthyBoard();
            });
        });
}

void ScreenshotTour::flashHealthyBoard()
{
    m_window->virtualBench()->makeSampleFirmware(4 << 20);
    auto keys = m_window->addVirtualBoards(QStringLiteral("t31-nor"), 1, QStringLiteral("realistic:0.25"));
    if (!keys) {
        std::fprintf(stderr, "screenshots: %s\n", qPrintable(keys.error().message));
        return finish(1);
    }
    m_healthy = keys->first();
    waitFor(
        QStringLiteral("the board and the firmware"),
        [this] {
            const DeviceRow *row = m_window->devices()->row(m_healthy);
            return row && row->probe && m_window->firmwarePanel()->firmware() &&
                   !m_window->firmwarePanel()->isInspecting();
        },
        [this] {
            shoot(QStringLiteral("01-idle"));
            startBoard(m_healthy, QStringLiteral("02-confirm"));
            waitFor(
                QStringLiteral("writing"),
                [this] {
                    const DeviceRow *row = m_window->devices()->row(m_healthy);
                    return row && row->stage == oc::Stage::Write && row->stageFraction > 0.4;
                },
                [this] {
                    QTimer::singleShot(150, this, [this] { // the model publishes progress every 100 ms
                        shoot(QStringLiteral("03-flashing"));
                        waitFor(
                            QStringLiteral("success"),
                            [this] { return rowIs(m_healthy, int(DeviceRow::Activity::Finished)); },
                            [this] {
                                QTimer::singleShot(300, this, [this] {
                                    shoot(QStringLiteral("04-success"));
                                    failedBoard();
                                });
                            });
                    });
                });
        });
}

void ScreenshotTour::acceptNextDialog(const QString &shotName)
{
    waitFor(
        QStringLiteral("the confirmation"),
        [] { return qobject_cast<QMessageBox *>(QApplication::activeModalWidget()) != nullptr; },
        [this, shotName] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QTimer::singleShot(200, this, [this, box, shotName] {
                if (!shotName.isEmpty())
                    shoot(shotName);
                for (QAbstractButton *button : box->buttons()) {
                    if (box->buttonRole(button) == QMessageBox::AcceptRole)
                        button->click();
                }
            });
        },
        5000);
}

void ScreenshotTour::startBoard(const QString &key, const QString &confirmShot)
{
    acceptNextDialog(confirmShot);
    m_window->startFlow()->start({key});
}

void ScreenshotTour::failedBoard()
{
    auto keys = m_window->addVirtualBoards(QStringLiteral("t31-nor"), 1, QStringLiteral("realistic:0.25"),
                                           QStringLiteral("disconnect@write:chunk=2"));
    if (!keys)
        return finish(1);
    m_faulty = keys->first();
    waitFor(
        QStringLiteral("the second board"),
        [this] {
            const DeviceRow *row = m_window->devices()->row(m_faulty);
            return row && row->probe;
        },
        [this] {
            startBoard(m_faulty, QString());
            waitFor(
                QStringLiteral("the failure"),
                [this] { return rowIs(m_faulty, int(DeviceRow::Activity::Finished)); },
                [this] {
                    m_window->deviceTable()->selectKey(m_faulty);
                    QTimer::singleShot(400, this, [this] {
                        shoot(QStringLiteral("05-error"));
                        dialogs();
                    });
                });
        });
}

void ScreenshotTour::shootWidget(QWidget *widget, const QString &name)
{
    const QPixmap pixmap = widget->screen()->grabWindow(widget->winId());
    const QString path = QDir(m_dir).filePath(QStringLiteral("%1%2.png").arg(m_prefix, name));
    if (pixmap.save(path))
        std::printf("screenshots: %s\n", qPrintable(path));
    std::fflush(stdout);
}

// The dialogs a user meets: the checklist (not modal), then the modal ones, each closed after its shot.
void ScreenshotTour::dialogs()
{
    struct Step
    {
        QString action;
        QString shot;
    };
    static const QList<Step> steps = {{QStringLiteral("addVirtual"), QStringLiteral("07-virtual-boards")},
                                      {QStringLiteral("settings"), QStringLiteral("08-settings")},
                                      {QStringLiteral("permissions"), QStringLiteral("09-usb-permissions")}};
    m_window->findChild<QAction *>(QStringLiteral("noBoard"))->trigger();
    QTimer::singleShot(500, this, [this] {
        for (QWidget *top : QApplication::topLevelWidgets()) {
            if (top->isVisible() && top->inherits("oc::ui::NoBoardDialog")) {
                shootWidget(top, QStringLiteral("06-no-board-checklist"));
                top->close();
            }
        }
        for (int i = 0; i < steps.size(); ++i) {
            const Step step = steps.at(i);
            QTimer::singleShot(300 + i * 900, this, [this, step] {
                QTimer::singleShot(500, this, [this, step] {
                    if (QWidget *modal = QApplication::activeModalWidget()) {
                        shootWidget(modal, step.shot);
                        QMetaObject::invokeMethod(modal, "reject", Qt::QueuedConnection);
                    }
                });
                m_window->findChild<QAction *>(step.action)->trigger();
            });
        }
        QTimer::singleShot(300 + int(steps.size()) * 900 + 300, this, &ScreenshotTour::production);
    });
}

// Production mode: a station armed once, with lanes passed (back on their port: "done, unplug"),
// failed and still running; then the same station locked for operators.
void ScreenshotTour::production()
{
    m_window->virtualBench()->removeAll();
    m_window->devices()->clearDeparted();
    oc::ui::AppSettings &settings = m_window->settings();
    settings.setProductionRecordsDir(m_records.filePath(QStringLiteral("records")));
    settings.setProductionStation(QStringLiteral("bench-3"));
    settings.setProductionOperator(QStringLiteral("Li Wei"));
    const QString board = QStringLiteral("t31-nor");
    const bool added =
        m_window->addVirtualBoards(board, 2, QStringLiteral("none"),
                                   QStringLiteral("reappear_after_reboot")) &&
        m_window->addVirtualBoards(board, 1, QStringLiteral("none"), QStringLiteral("jedec:id=0xffffff")) &&
        m_window->addVirtualBoards(board, 2, QStringLiteral("realistic"));
    if (!added)
        return finish(1);
    oc::ui::ProductionMode *production = m_window->production();
    production->setActive(true);
    // The lanes matter most at a station: the log gets the smaller part, as one would drag it.
    if (auto *splitter = m_window->findChild<QSplitter *>())
        splitter->setSizes({600, 140});
    waitFor(
        QStringLiteral("five boards identified"),
        [this] {
            const QStringList keys = m_window->devices()->keys();
            return std::count_if(keys.cbegin(), keys.cend(), [this](const QString &key) {
                       return m_window->devices()->row(key)->probe.has_value();
                   }) == 5;
        },
        [this, production] {
            acceptNextDialog(QString());
            production->panel()->startButton()->click();
            waitFor(
                QStringLiteral("lanes passed, failed and running"), [this] { return lanesToShow(); },
                [this] {
                    QTimer::singleShot(300, this, [this] {
                        shoot(QStringLiteral("10-production"));
                        lockStation();
                    });
                },
                120000);
        });
}

// Two lanes passed and back on their ports ("done, unplug"), one failed, two well into writing.
bool ScreenshotTour::lanesToShow() const
{
    const oc::ui::ProductionController *controller = m_window->production()->controller();
    const auto counters = controller->counters();
    int unplug = 0;
    int writing = 0;
    for (const oc::station::Lane &lane : controller->lanes())
        unplug += lane.doneUnplug() && lane.state == oc::station::LaneState::Passed;
    for (const QString &key : m_window->devices()->keys()) {
        const DeviceRow *row = m_window->devices()->row(key);
        writing += row->stage == oc::Stage::Write && row->stageFraction > 0.15;
    }
    return counters.passed == 2 && counters.failed == 1 && unplug == 2 && writing == 2;
}

void ScreenshotTour::lockStation()
{
    const QString problem =
        m_window->operatorMode()->lock(QStringLiteral("T31 camera, line A"), QStringLiteral("2580"));
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "screenshots: lock: %s\n", qPrintable(problem));
        return finish(1);
    }
    QTimer::singleShot(400, this, [this] {
        shoot(QStringLiteral("11-operator-locked"));
        m_window->production()->controller()->stopAll();
        // Quitting asks while boards still work: wait until the stopped ones have ended.
        waitFor(
            QStringLiteral("the stopped boards"), [this] { return m_window->station()->busyCount() == 0; },
            [this] { finish(0); });
    });
}
