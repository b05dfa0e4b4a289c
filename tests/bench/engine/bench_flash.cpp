// Benchmark (prints figures, never fails): a 16 MiB SPI NOR write + verify on a virtual T31 board.
//  1. host CPU seconds per MiB against a zero-latency board (target < 0.01 s/MiB), in-process and
//     through libusb + umockdev; the virtual board's own CPU is metered and taken out;
//  2. wall time / device-bound minimum under the realistic timing model (target <= 1.05), in-process
//     and through libusb. The minimum is the sum of transfer and device-work times of the plan
//     (sim::minimumDuration): what a host that adds no time of its own would take.
// Usage: bench_flash [--size MiB] [--scale F] [--quick]   (--quick: zero-latency part only)

#include "flashtestkit.h"
#include "meteredmodel.h"

#include "core/flash/flashsession.h"
#include "core/flash/storageconfig.h"
#include "core/protocol/config.h"
#include "core/sim/plantiming.h"
#include "core/sim/simtransport.h"
#include "core/simusb/umockdevbus.h"
#include "core/usb/libusbcontext.h"
#include "core/usb/libusbtransport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <cstdio>
#include <mutex>

using namespace oc;

namespace {

struct Args
{
    int sizeMiB = 16;
    double scale = 1.0;
    bool quick = false;
};

struct Measure
{
    bool ok = false;
    QString error;
    double wall = 0;
    double hostCpu = 0;
    double modelCpu = 0;
};

class Silent final : public SessionObserver
{
};

sim::PlanShape shapeOf(const FlashPlan &plan, const proto::SpiNorChip &chip)
{
    sim::PlanShape s;
    s.ginfoBytes = plan.images.ginfo.size();
    s.splBytes = plan.images.spl.size();
    s.burnerBytes = plan.images.burner.size();
    s.sendD2i = plan.target.boot.d2iLen.has_value();
    const QByteArray policy = proto::buildPolicyBlob(plan.target.burner, policyFor(plan.target));
    const QByteArray config = proto::buildNorConfigBlob(plan.target.burner, plan.target.debug, policyFor(plan.target),
                                                        sfcConfigFor(plan, chip), plan.target.ddrType);
    s.configBlobs = 2;
    s.configBytes = policy.size() + config.size();
    s.capacity = chip.chipSize;
    s.pageSize = chip.pageSize;
    s.eraseUnit = chip.eraseSize;
    s.writeBytes = plan.imageSize;
    s.writeChunk = plan.target.writeChunk;
    s.lazyEraseBytes = quint64(plan.imageSize);
    s.transferDataCheck = plan.target.debug.transferDataCheck;
    s.writeBackCheck = plan.target.debug.writeBackCheck;
    s.readBytes = plan.verify ? plan.imageSize : 0;
    s.readChunk = plan.target.readChunk;
    s.reboot = plan.reboot;
    return s;
}

Measure runSession(const FlashPlan &plan, UsbTransport &usb, const bench::MeteredModel *model)
{
    Silent observer;
    CancelToken cancel;
    FlashSession session(plan, usb, observer, cancel);
    QElapsedTimer wall;
    const double cpu0 = bench::MeteredModel::threadCpuSeconds();
    const double model0 = model ? model->modelCpuSeconds() : 0;
    wall.start();
    const JobResult r = session.run();
    Measure m;
    m.wall = double(wall.nsecsElapsed()) / 1e9;
    m.modelCpu = model ? model->modelCpuSeconds() - model0 : 0;
    m.hostCpu = bench::MeteredModel::threadCpuSeconds() - cpu0 - m.modelCpu;
    m.ok = r.ok;
    m.error = r.error.message;
    return m;
}

std::shared_ptr<bench::MeteredModel> newBoard(const sim::TimingModel &timing)
{
    auto board = std::make_shared<sim::VirtualBoard>(
        test::FlashKit::boardConfig(QStringLiteral("t31"), QStringLiteral("nor:16M:0xc84018")), timing, sim::FaultPlan{});
    board->plug(sim::SimClock::now());
    return std::make_shared<bench::MeteredModel>(board);
}

Measure inProcess(const FlashPlan &plan, const sim::TimingModel &timing)
{
    auto model = newBoard(timing);
    UsbDeviceId id;
    id.portPath = QStringLiteral("1-1");
    id.vid = 0xA108;
    id.pid = 0xC309;
    id.isVirtual = true;
    sim::SimTransport usb(model, std::make_shared<std::recursive_mutex>(), id);
    return runSession(plan, usb, model.get());
}

Measure throughLibusb(sim::UmockdevBus &bus, const std::shared_ptr<LibusbContext> &context, const FlashPlan &plan,
                      const sim::TimingModel &timing, const QString &port)
{
    auto model = newBoard(timing);
    auto id = bus.addDevice(model, port);
    if (!id)
        return {false, id.error().message};
    auto usb = LibusbTransport::open(context, *id);
    if (!usb)
        return {false, usb.error().message};
    Measure m = runSession(plan, **usb, nullptr); // the board runs on the bus's threads
    usb->reset();
    (void)bus.removeDevice(port);
    return m;
}

void printCpu(const char *path, const Measure &m, double mib)
{
    if (!m.ok) {
        std::printf("  %-10s FAILED: %s\n", path, qPrintable(m.error));
        return;
    }
    std::printf("  %-10s host CPU %.4f s/MiB (%.3f s for %.0f MiB; wall %.2f s; virtual board CPU %.3f s)\n", path,
                m.hostCpu / mib, m.hostCpu, mib, m.wall, m.modelCpu);
}

void printRatio(const char *path, const Measure &m, double minimum)
{
    if (!m.ok) {
        std::printf("  %-10s FAILED: %s\n", path, qPrintable(m.error));
        return;
    }
    std::printf("  %-10s wall %.2f s / device-bound minimum %.2f s = %.4f\n", path, m.wall, minimum, m.wall / minimum);
}

Args parseArgs(const QStringList &args)
{
    Args a;
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--size") && i + 1 < args.size())
            a.sizeMiB = args[++i].toInt();
        else if (args[i] == QLatin1String("--scale") && i + 1 < args.size())
            a.scale = args[++i].toDouble();
        else if (args[i] == QLatin1String("--quick"))
            a.quick = true;
    }
    return a;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const Args args = parseArgs(app.arguments());
    auto bus = sim::UmockdevBus::create(); // before libusb starts
    if (!bus) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(bus.error().message));
        return 1;
    }
    auto context = LibusbContext::create();
    if (!context) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(context.error().message));
        return 1;
    }
    test::FlashKit kit;
    const QString image = kit.makeImage(QStringLiteral("bench.bin"), qint64(args.sizeMiB) << 20);
    auto plan = kit.plan(QStringLiteral("t31-nor"), {Operation::Write, image}, true);
    if (!plan) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(plan.error().message));
        return 1;
    }
    const double mib = args.sizeMiB;
    std::printf("bench_flash: %d MiB write + verify, t31-nor, chunks %d KiB write / %d KiB read\n", args.sizeMiB,
                plan->target.writeChunk / 1024, plan->target.readChunk / 1024);
    std::printf("zero-latency virtual board (target: host CPU < 0.01 s/MiB)\n");
    printCpu("in-process", inProcess(*plan, sim::TimingModel::none()), mib);
    printCpu("libusb", throughLibusb(**bus, *context, *plan, sim::TimingModel::none(), QStringLiteral("1-1")), mib);
    if (args.quick)
        return 0;

    const sim::TimingModel realistic = sim::TimingModel::realistic(args.scale);
    const proto::SpiNorChip chip = *kit.catalog().flashDatabase().lookup(0xC84018);
    const double minimum = std::chrono::duration<double>(sim::minimumDuration(realistic, shapeOf(*plan, chip))).count();
    std::printf("realistic timing model, scale %.2f (target: wall / minimum <= 1.05)\n", args.scale);
    printRatio("in-process", inProcess(*plan, realistic), minimum);
    printRatio("libusb", throughLibusb(**bus, *context, *plan, realistic, QStringLiteral("1-2")), minimum);
    context->reset();
    return 0;
}
