// The longest stall of the GUI thread while several virtual boards flash at full speed (timing model
// "none": the engine and the virtual boards run as fast as the CPU allows, so events arrive as fast as
// they ever can). Two figures (target: under 50 ms):
//  - responsiveness: a 1 ms precise timer ticks on the GUI thread; the longest gap between two ticks
//    (and the 99th percentile). It includes time the OS gave to other threads: with four CPU-bound
//    virtual boards on a small machine, that is most of it;
//  - the window's own work: the most CPU time the GUI thread used between two ticks
//    (CLOCK_THREAD_CPUTIME_ID), i.e. the longest stall the window itself caused.
// The load average is printed too: on a shared machine it explains the first figure.
// Usage: bench_ui_stall [boards=4] [MiB per board=16]

#include "ui/boardpicker.h"
#include "ui/devicelistmodel.h"
#include "ui/firmwarepanel.h"
#include "ui/mainwindow.h"
#include "ui/startflow.h"
#include "ui/station.h"

#include <QAbstractButton>
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QMessageBox>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace {

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// Runs a real event loop (which blocks when idle, as the application's does) until `done`.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QEventLoop loop;
    QTimer check;
    QElapsedTimer clock;
    clock.start();
    bool ok = done();
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        ok = done();
        if (ok || clock.elapsed() > timeoutMs)
            loop.quit();
    });
    if (!ok) {
        check.start(10);
        loop.exec();
    }
    return ok;
}

// Clicks "Write" in the confirmation, as a person would.
void acceptConfirmation()
{
    auto *timer = new QTimer(qApp);
    QObject::connect(timer, &QTimer::timeout, qApp, [timer] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::AcceptRole)
                button->click();
        }
        timer->deleteLater();
    });
    timer->start(5);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int boards = argc > 1 ? qBound(1, atoi(argv[1]), 16) : 4;
    const qint64 mib = argc > 2 ? qBound(1, atoi(argv[2]), 64) : 16;
    QTemporaryDir dir;
    oc::ui::MainWindowOptions options;
    options.settingsFile = dir.filePath(QStringLiteral("settings.ini"));
    options.dataDir = dir.filePath(QStringLiteral("data"));
    options.cacheDir = dir.filePath(QStringLiteral("cache"));
    options.useRealUsb = false;
    oc::ui::MainWindow window(options);
    window.show();
    if (!waitFor([&] { return window.isCatalogReady(); }, 10000))
        return std::fprintf(stderr, "catalog did not load\n"), 1;

    const QString image = dir.filePath(QStringLiteral("image.bin"));
    {
        QByteArray data(int(mib << 20), Qt::Uninitialized);
        QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
        QFile file(image);
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
            return std::fprintf(stderr, "cannot write %s\n", qPrintable(image)), 1;
    }
    window.openFirmware(image);
    window.boardPicker()->selectBoard(QStringLiteral("t31-nor"));
    auto keys = window.addVirtualBoards(QStringLiteral("t31-nor"), boards, QStringLiteral("none"));
    if (!keys)
        return std::fprintf(stderr, "%s\n", qPrintable(keys.error().message)), 1;
    if (!waitFor(
            [&] {
                if (!window.firmwarePanel()->firmware() || window.firmwarePanel()->isInspecting())
                    return false;
                return std::all_of(keys->cbegin(), keys->cend(), [&](const QString &k) {
                    return window.devices()->row(k) && window.devices()->row(k)->probe;
                });
            },
            20000))
        return std::fprintf(stderr, "boards or firmware not ready\n"), 1;

    QList<qint64> gaps;
    qint64 longestWork = 0;    // GUI-thread CPU between two ticks
    qint64 workInWorstGap = 0; // ... during the longest gap
    qint64 worstGap = 0;
    qint64 lastCpu = threadCpuNs();
    QElapsedTimer tick;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 gap = tick.nsecsElapsed();
        tick.start();
        const qint64 cpu = threadCpuNs();
        const qint64 work = cpu - lastCpu;
        lastCpu = cpu;
        gaps << gap;
        longestWork = qMax(longestWork, work);
        if (gap > worstGap) {
            worstGap = gap;
            workInWorstGap = work;
        }
    });
    QElapsedTimer run;
    run.start();
    tick.start();
    ticker.start();
    acceptConfirmation();
    if (!window.startFlow()->start(*keys))
        return std::fprintf(stderr, "start refused: %s\n", qPrintable(window.startFlow()->lastProblem())), 1;
    const bool done = waitFor([&] { return window.station()->busyCount() == 0; }, 300000);
    ticker.stop();
    const double seconds = double(run.nsecsElapsed()) / 1e9;
    int ok = 0;
    for (const QString &key : *keys)
        ok += window.devices()->row(key)->result && window.devices()->row(key)->result->ok;
    if (!done || ok != boards)
        return std::fprintf(stderr, "%d of %d boards succeeded\n", ok, boards), 1;
    std::sort(gaps.begin(), gaps.end());
    const double worst = double(gaps.last()) / 1e6;
    const double p99 = double(gaps.at(int(gaps.size() * 0.99))) / 1e6;
    const double median = double(gaps.at(gaps.size() / 2)) / 1e6;
    double load[3] = {0, 0, 0};
    getloadavg(load, 3);
    std::printf(
        "%d boards x %lld MiB (write + verify + reboot) in %.2f s on %s, %d CPUs, load %.1f:\n"
        "  longest GUI-thread stall (1 ms timer gap) %.1f ms, 99th percentile %.2f ms, median %.2f ms\n"
        "  of which the GUI thread itself ran %.1f ms (the rest it waited for a CPU)\n"
        "  longest GUI-thread work between two ticks (the window's own stall) %.1f ms\n"
        "  target < 50 ms: %s\n",
        boards, mib, seconds, qPrintable(QGuiApplication::platformName()), QThread::idealThreadCount(),
        load[0], worst, p99, median, double(workInWorstGap) / 1e6, double(longestWork) / 1e6,
        worst < 50 ? "met" : "NOT met");
    return 0;
}
