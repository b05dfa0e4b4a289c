// Benchmark (prints figures, never fails): a 1 GiB eMMC image, zstd-compressed at bench time from
// a compressible pattern, flashed and verified on a virtual T31 eMMC board through libusb, streamed
// (libarchive) without unpacking it and without holding it in memory. Target: the flashing
// process peaks below 100 MiB (VmHWM).
//
// The virtual board keeps every written page in RAM (its sparse storage), so in one process its
// memory would hide the host's. Part 1 therefore runs the board here, on the emulated bus, and the
// host in a child process started with the umockdev preload (as opencloner-sim does): each
// process's VmHWM is measured on its own. Part 2 repeats the flash in this process and reports the
// process peak with the board's storage taken out.
//
// Usage: bench_package [--size MiB] [--skip-same-process]      (default 1024 MiB)

#include "flashtestkit.h"

#include "core/flash/flashsession.h"
#include "core/simusb/umockdevbus.h"
#include "core/usb/libusbcontext.h"
#include "core/usb/libusbdeviceprovider.h"
#include "core/usb/libusbtransport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QThread>

#include <archive.h>
#include <archive_entry.h>

#include <cstdio>

using namespace oc;

namespace {

constexpr qint64 MiB = 1 << 20;

class Silent final : public SessionObserver
{
};

// VmHWM of this process in KiB (peak resident set size).
qint64 peakKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// Resets VmHWM to the current RSS (Linux >= 4.0), so a phase's own peak can be measured.
void resetPeak()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

double mib(qint64 bytes)
{
    return double(bytes) / double(MiB);
}

// Every MiB: 192 KiB of text-like bytes (a 32-symbol alphabet, about 5 bits each), then zeros:
// a file system image with data and free space, compressible but not trivially.
QString makeImage(const QString &path, qint64 sizeMiB, qint64 &storedBytes)
{
    struct archive *a = archive_write_new();
    archive_write_add_filter_zstd(a);
    archive_write_set_format_raw(a);
    if (archive_write_open_filename(a, QFile::encodeName(path).constData()) != ARCHIVE_OK)
        qFatal("cannot create %s", qPrintable(path));
    struct archive_entry *entry = archive_entry_new();
    archive_entry_set_pathname(entry, "image");
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_size(entry, sizeMiB * MiB);
    archive_write_header(a, entry);
    QRandomGenerator random(2024);
    QByteArray block(MiB, '\0');
    for (qint64 i = 0; i < sizeMiB; ++i) {
        for (int j = 0; j < 192 * 1024; ++j)
            block[j] = char('A' + random.bounded(32));
        if (archive_write_data(a, block.constData(), size_t(block.size())) != la_ssize_t(block.size()))
            qFatal("writing %s: %s", qPrintable(path), archive_error_string(a));
    }
    archive_write_close(a);
    archive_entry_free(entry);
    archive_write_free(a);
    storedBytes = QFile(path).size();
    return path;
}

struct Flash
{
    bool ok = false;
    QString error;
    double planSeconds = 0;  // makePlan: one streaming pass to learn the decompressed size
    double flashSeconds = 0; // write + verify (a second decompression pass)
};

Flash flash(const QString &image, UsbTransport &usb)
{
    test::FlashKit kit;
    TargetProfile target = kit.target(QStringLiteral("t31-emmc"));
    target.capacity = quint64(2) << 30;
    QElapsedTimer timer;
    timer.start();
    auto plan = kit.plan(target, {Operation::Write, image}, true);
    Flash f;
    f.planSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!plan) {
        f.error = plan.error().message;
        return f;
    }
    timer.restart();
    Silent observer;
    CancelToken cancel;
    const JobResult r = FlashSession(*plan, usb, observer, cancel).run();
    f.flashSeconds = double(timer.nsecsElapsed()) / 1e9;
    f.ok = r.ok;
    f.error = r.error.message;
    return f;
}

// Child: the flashing process only. Prints one line the parent parses.
int hostOnly(const QString &image)
{
    auto context = LibusbContext::create();
    if (!context) {
        std::printf("error %s\n", qPrintable(context.error().message));
        return 1;
    }
    LibusbDeviceProvider provider(*context);
    QElapsedTimer wait;
    wait.start();
    std::optional<UsbDeviceId> id;
    while (!id && wait.elapsed() < 10000) {
        auto devices = provider.listDevices();
        if (devices && !devices->isEmpty())
            id = devices->first();
        else
            QThread::msleep(50);
    }
    if (!id) {
        std::printf("error no board on the emulated bus\n");
        return 1;
    }
    auto usb = LibusbTransport::open(*context, *id);
    if (!usb) {
        std::printf("error %s\n", qPrintable(usb.error().message));
        return 1;
    }
    const Flash f = flash(image, **usb);
    if (!f.ok) {
        std::printf("error %s\n", qPrintable(f.error));
        return 1;
    }
    std::printf("host %lld %.3f %.3f\n", peakKiB(), f.planSeconds, f.flashSeconds);
    return 0;
}

std::shared_ptr<sim::VirtualBoard> newBoard()
{
    auto board = std::make_shared<sim::VirtualBoard>(
        test::FlashKit::boardConfig(QStringLiteral("t31"), QStringLiteral("emmc:2G")),
        sim::TimingModel::none(), sim::FaultPlan{});
    board->plug(sim::SimClock::now());
    return board;
}

void separateProcesses(sim::UmockdevBus &bus, const QString &image, qint64 sizeMiB)
{
    auto board = newBoard();
    if (auto added = bus.addDevice(board, QStringLiteral("1-1")); !added) {
        std::printf("  FAILED: %s\n", qPrintable(added.error().message));
        return;
    }
    resetPeak();
    QProcess child;
    child.setProcessEnvironment(bus.childEnvironment());
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--host-only"), image});
    child.waitForFinished(-1);
    const QList<QByteArray> words = child.readAllStandardOutput().trimmed().split(' ');
    if (words.value(0) != "host") {
        std::printf("  FAILED: %s\n", words.join(' ').constData());
        return;
    }
    const double hostMiB = words.value(1).toDouble() / 1024.0;
    const double plan = words.value(2).toDouble();
    const double seconds = words.value(3).toDouble();
    std::printf("  host (flashing) process peak RSS %.1f MiB (target < 100 MiB)\n", hostMiB);
    std::printf("  board process peak RSS %.1f MiB, of which virtual eMMC storage %.1f MiB\n",
                double(peakKiB()) / 1024.0, mib(board->emmc()->array().allocatedBytes()));
    std::printf("  size pass %.1f s (%.0f MiB/s decompressed); write + verify %.1f s (%.0f MiB/s of image, "
                "each way)\n",
                plan, double(sizeMiB) / plan, seconds, 2.0 * double(sizeMiB) / seconds);
    (void)bus.removeDevice(QStringLiteral("1-1"));
}

void sameProcess(sim::UmockdevBus &bus, const QString &image)
{
    auto context = LibusbContext::create();
    if (!context) {
        std::printf("  FAILED: %s\n", qPrintable(context.error().message));
        return;
    }
    auto board = newBoard();
    auto id = bus.addDevice(board, QStringLiteral("1-2"));
    auto usb =
        id ? LibusbTransport::open(*context, *id) : Result<std::unique_ptr<LibusbTransport>>(id.error());
    if (!usb) {
        std::printf("  FAILED: %s\n", qPrintable(usb.error().message));
        return;
    }
    resetPeak();
    const qint64 before = peakKiB();
    const Flash f = flash(image, **usb);
    if (!f.ok) {
        std::printf("  FAILED: %s\n", qPrintable(f.error));
        return;
    }
    const double peak = double(peakKiB()) / 1024.0;
    const double storage = mib(board->emmc()->array().allocatedBytes());
    const double start = double(before) / 1024.0;
    std::printf(
        "  process peak RSS %.1f MiB = %.1f MiB before the job + virtual eMMC storage %.1f MiB + %.1f MiB "
        "for the job itself\n",
        peak, start, storage, peak - start - storage);
    usb->reset();
    (void)bus.removeDevice(QStringLiteral("1-2"));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.value(1) == QLatin1String("--host-only"))
        return hostOnly(args.value(2));
    const qint64 sizeMiB = args.contains(QStringLiteral("--size"))
                               ? args.value(args.indexOf(QStringLiteral("--size")) + 1).toLongLong()
                               : 1024;

    auto bus = sim::UmockdevBus::create(); // before libusb starts
    if (!bus) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(bus.error().message));
        return 1;
    }
    test::FlashKit kit; // its temporary folder holds the image
    QElapsedTimer timer;
    timer.start();
    qint64 stored = 0;
    const QString image = makeImage(kit.tempPath(QStringLiteral("emmc.img.zst")), sizeMiB, stored);
    std::printf(
        "bench_package: %lld MiB eMMC image, zstd %.1f MiB (made in %.1f s), t31-emmc, streamed + verified\n",
        sizeMiB, mib(stored), double(timer.nsecsElapsed()) / 1e9);
    std::printf(
        "separate processes (board: this process on the emulated bus; host: a child through libusb)\n");
    separateProcesses(**bus, image, sizeMiB);
    if (!args.contains(QStringLiteral("--skip-same-process"))) {
        std::printf("same process (libusb + umockdev in-process)\n");
        sameProcess(**bus, image);
    }
    return 0;
}
