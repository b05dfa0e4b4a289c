// Issue 5, proof 3: a production station with 8 boards in parallel against one board alone, through
// the real libusb path (umockdev), with the realistic timing model. Prints
//   - the wall time of 8 boards divided by one board's (target: at most 1.2);
//   - the host CPU per board: each job's worker-thread CPU time (JobResult::cpuSeconds) plus the
//     station thread's (bus polling, records), per unit; and the whole process's for comparison,
//     which also holds the virtual boards, umockdev's emulated kernel and libusb's event thread.
//
// Usage: bench_station [--mib N] [--scale S] [--boards N]   (defaults: 2 MiB, timing scale 1, 8 boards)

#include "../engine/meteredmodel.h"
#include "flashtestkit.h"

#include "core/catalog/placeholders.h"
#include "core/sim/virtualbusprovider.h"
#include "core/simusb/umockdevbus.h"
#include "core/station/stationsetup.h"
#include "core/usb/libusbcontext.h"
#include "core/usb/libusbdeviceprovider.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>

#include <sys/resource.h>

using namespace oc;

namespace {

double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval &t) {
        return double(t.tv_sec) + double(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

struct Run
{
    bool ok = false;
    QString error;
    double wall = 0;
    double processCpu = 0;
    double boardCpu = 0;
    double jobCpu = 0;  // the jobs' worker threads
    double loopCpu = 0; // the station's thread: polling the bus, records
    int passed = 0;
};

// Runs a station until `boards` units have ended; the boards are already on the bus.
Run runStation(std::shared_ptr<DeviceProvider> provider, station::StationSetup setup, int boards)
{
    QTemporaryDir dir;
    auto records = station::RecordLog::open(dir.path(), QStringLiteral("bench"));
    if (!records)
        return {false, records.error().message};
    setup.maxUnits = quint64(boards);
    station::StationLoop loop(std::move(setup), std::move(provider), &*records);
    Run r;
    QObject::connect(&loop, &station::StationLoop::unitFinished,
                     [&r](const station::UnitRecord &record, const JobResult &result) {
                         r.jobCpu += result.cpuSeconds;
                         r.passed += record.outcome == station::UnitOutcome::Pass;
                         if (record.outcome != station::UnitOutcome::Pass)
                             r.error = record.message;
                     });
    QEventLoop events;
    QObject::connect(&loop, &station::StationLoop::idle, &events, &QEventLoop::quit);
    const double cpu0 = processCpuSeconds();
    const double loop0 = bench::MeteredModel::threadCpuSeconds();
    QElapsedTimer wall;
    wall.start();
    loop.start();
    events.exec();
    r.wall = double(wall.nsecsElapsed()) / 1e9;
    r.processCpu = processCpuSeconds() - cpu0;
    r.loopCpu = bench::MeteredModel::threadCpuSeconds() - loop0;
    r.ok = r.passed == boards;
    return r;
}

sim::SimBoardConfig boardConfig()
{
    return test::FlashKit::boardConfig(QStringLiteral("t31"), QStringLiteral("nor:16M:0xc84018"));
}

// Through libusb: the boards sit on umockdev's emulated bus, metered so their CPU can be told apart.
Run throughLibusb(sim::UmockdevBus &bus, const std::shared_ptr<LibusbContext> &context,
                  const station::StationSetup &setup, const sim::TimingModel &timing, int boards)
{
    std::vector<std::shared_ptr<bench::MeteredModel>> models;
    for (int i = 0; i < boards; ++i) {
        auto board = std::make_shared<sim::VirtualBoard>(boardConfig(), timing, sim::FaultPlan{});
        board->plug(sim::SimClock::now());
        models.push_back(std::make_shared<bench::MeteredModel>(board));
        if (auto id = bus.addDevice(models.back(), QStringLiteral("1-%1").arg(i + 1)); !id)
            return {false, id.error().message};
    }
    Run r = runStation(std::make_shared<LibusbDeviceProvider>(context), setup, boards);
    for (const auto &model : models)
        r.boardCpu += model->modelCpuSeconds();
    for (int i = 0; i < boards; ++i)
        (void)bus.removeDevice(QStringLiteral("1-%1").arg(i + 1));
    return r;
}

// In-process: the same engine over a VirtualBus, no USB stack in between. The virtual boards run on
// the jobs' own threads, so the job CPU here is an upper bound of the engine's.
Run inProcess(const station::StationSetup &setup, const sim::TimingModel &timing, int boards)
{
    auto bus = std::make_shared<sim::VirtualBus>();
    for (int i = 0; i < boards; ++i) {
        if (auto port = bus->addBoard(boardConfig(), timing); !port)
            return {false, port.error().message};
    }
    return runStation(std::make_shared<sim::VirtualBusProvider>(bus), setup, boards);
}

Result<station::StationSetup> prepare(const test::FlashKit &kit, const QString &image, const QString &vendor)
{
    const catalog::BoardProfile *board = kit.catalog().board(QStringLiteral("t31-nor"));
    OC_TRY(catalog::writePlaceholders(vendor, kit.catalog().chipOf(*board), *board));
    station::StationPlan plan;
    plan.name = QStringLiteral("bench");
    plan.board = QStringLiteral("t31-nor");
    plan.firmware = vendor;
    plan.image = image;
    auto setup =
        station::prepareStation(kit.catalog(), plan, {QStringLiteral("bench"), QStringLiteral("bench"), {}});
    if (setup)
        setup->pollMs = 100;
    return setup;
}

void print(const char *label, const Run &r, int boards)
{
    if (!r.ok) {
        std::printf("  %-9s FAILED (%d of %d passed): %s\n", label, r.passed, boards, qPrintable(r.error));
        return;
    }
    std::printf("  %-9s wall %7.2f s   CPU per board %.4f s (job thread %.4f s + station thread %.4f s); "
                "whole process %.2f s",
                label, r.wall, (r.jobCpu + r.loopCpu) / boards, r.jobCpu / boards, r.loopCpu / boards,
                r.processCpu);
    if (r.boardCpu > 0)
        std::printf(", virtual boards %.2f s", r.boardCpu);
    std::printf("\n");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("mib"), QStringLiteral("Image size in MiB."), QStringLiteral("n"),
                        QStringLiteral("2")},
                       {QStringLiteral("scale"), QStringLiteral("Timing model scale (1 = realistic)."),
                        QStringLiteral("s"), QStringLiteral("1")},
                       {QStringLiteral("boards"), QStringLiteral("Boards in parallel."), QStringLiteral("n"),
                        QStringLiteral("8")}});
    parser.process(app);
    const int mib = parser.value(QStringLiteral("mib")).toInt();
    const double scale = parser.value(QStringLiteral("scale")).toDouble();
    const int boards = parser.value(QStringLiteral("boards")).toInt();

    auto bus = sim::UmockdevBus::create(); // before libusb
    if (!bus) {
        std::fprintf(stderr, "bench_station: %s\n", qPrintable(bus.error().message));
        return 1;
    }
    auto context = LibusbContext::create();
    if (!context) {
        std::fprintf(stderr, "bench_station: %s\n", qPrintable(context.error().message));
        return 1;
    }
    test::FlashKit kit;
    const QString image = kit.makeImage(QStringLiteral("image.bin"), qint64(mib) << 20, 9);
    auto setup = prepare(kit, image, kit.tempPath(QStringLiteral("vendor")));
    if (!setup) {
        std::fprintf(stderr, "bench_station: %s\n", qPrintable(setup.error().message));
        return 1;
    }
    std::printf("production station, %d MiB write + verify per board on a t31-nor, realistic timing x%.2f\n",
                mib, scale);
    const sim::TimingModel timing = sim::TimingModel::realistic(scale);
    const QString many = QStringLiteral("%1 boards").arg(boards);
    bool ok = true;
    const auto compare = [&](const Run &one, const Run &all) {
        print("1 board", one, 1);
        print(qPrintable(many), all, boards);
        ok &= one.ok && all.ok;
        if (one.ok && all.ok)
            std::printf("  wall(%d boards) / wall(1 board) = %.3f (target <= 1.2)\n", boards,
                        all.wall / one.wall);
    };
    std::printf("through libusb + umockdev (libusb waits by polling umockdev's emulated device nodes, which\n"
                "keeps its threads busy: CPU figures here are the emulation's, not a real kernel's):\n");
    compare(throughLibusb(**bus, *context, *setup, timing, 1),
            throughLibusb(**bus, *context, *setup, timing, boards));
    std::printf("in-process virtual bus (no USB stack; job CPU includes the virtual boards' own work):\n");
    compare(inProcess(*setup, timing, 1), inProcess(*setup, timing, boards));
    if (!ok)
        return 1;
    context->reset();
    return 0;
}
