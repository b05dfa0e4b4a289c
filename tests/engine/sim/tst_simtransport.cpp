// SimTransport (the UsbTransport over a virtual board), VirtualBus / VirtualBusProvider, and the
// agreement of minimumDuration() with a session that waits exactly until every doneAt.

#include "simwire.h"

#include "core/sim/plantiming.h"
#include "core/sim/simtransport.h"
#include "core/sim/usbdescriptors.h"
#include "core/sim/virtualbus.h"
#include "core/sim/virtualbusprovider.h"

#include <QTest>

#include <thread>

using namespace oc;
using namespace oc::sim;
using namespace simwire;

namespace {
struct FakeClock
{
    SimTime now = SimTime{} + std::chrono::hours(2);
    QList<SimTime> sleeps;

    void attach(SimTransport &t)
    {
        t.setClock([this] { return now; },
                   [this](SimTime until) {
                       sleeps << until;
                       now = until;
                   });
    }
};

SimBoardConfig t31()
{
    return *SimBoardConfig::preset(QStringLiteral("t31"));
}

std::span<quint8> span(QByteArray &b)
{
    return {reinterpret_cast<quint8 *>(b.data()), size_t(b.size())};
}

// Sequence A through the UsbTransport interface; returns the burner's GET_CPU_INFO answer.
QByteArray bootThrough(UsbTransport &t, const SimBoardConfig &c)
{
    const Milliseconds ctl(1000), bulk(5000);
    auto out32 = [&](quint8 request, quint32 v) {
        return t.controlOut(request, quint16(v >> 16), quint16(v), {}, ctl).ok();
    };
    QByteArray g = ginfo(), spl = pattern(10092, 1), burner = pattern(200000, 2), info(8, '\0');
    const bool ok = out32(0x01, c.ginfoAddr) && t.bulkOut(span(g), bulk).ok() && out32(0x01, c.splAddr) &&
                    t.bulkOut(span(spl), bulk).ok() && out32(0x02, 0x7000) && out32(0x04, c.splAddr) &&
                    t.controlIn(0x00, 0, 0, span(info), ctl).ok() && out32(0x01, c.stage2Addr) &&
                    t.bulkOut(span(burner), bulk).ok() && out32(0x05, c.stage2Addr) &&
                    t.controlIn(0x00, 0, 0, span(info), ctl).ok();
    return ok ? info : QByteArray();
}
} // namespace

class TestSimTransport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mapsStatusesToErrors()
    {
        auto board = std::make_shared<VirtualBoard>(t31(), TimingModel::realistic(), FaultPlan{});
        FakeClock clock;
        board->plug(clock.now);
        SimTransport t(board, std::make_shared<std::recursive_mutex>(),
                       UsbDeviceId{1, QStringLiteral("1-1")});
        clock.attach(t);
        QByteArray info(8, '\0');
        QCOMPARE(*t.controlIn(0x00, 0, 0, span(info), Milliseconds(500)), 8);
        QCOMPARE(info, QByteArray("T 3 1 V "));
        QByteArray small(4, '\0');
        auto overflow = t.controlIn(0x00, 0, 0, span(small), Milliseconds(500));
        QCOMPARE(overflow.error().code, ErrorCode::Transfer);
        QVERIFY(overflow.error().message.contains(QStringLiteral("control 0xc0/0x00: overflow")));
        QByteArray ack(4, '\0');
        auto stall = t.controlIn(0x10, 0, 0, span(ack), Milliseconds(500));
        QCOMPARE(stall.error().code, ErrorCode::Stall);
        QCOMPARE(stall.error().message, QStringLiteral("control 0xc0/0x10: stalled"));
        // START1 without an SPL: the ROM jumps into nothing and never answers again
        QVERIFY(t.controlOut(0x04, 0x8000, 0x1800, {}, Milliseconds(500)).ok());
        const SimTime before = clock.now;
        auto timeout = t.controlIn(0x00, 0, 0, span(info), Milliseconds(500));
        QCOMPARE(timeout.error().code, ErrorCode::Timeout);
        QCOMPARE(timeout.error().message, QStringLiteral("control 0xc0/0x00: timed out after 500 ms"));
        QCOMPARE(clock.now - before, SimDuration(std::chrono::milliseconds(500))); // slept the timeout only
        QCOMPARE(t.deviceId().portPath, QStringLiteral("1-1"));
    }

    void sleepsUntilDoneAt()
    {
        auto board = std::make_shared<VirtualBoard>(t31(), TimingModel::realistic(), FaultPlan{});
        FakeClock clock;
        board->plug(clock.now);
        SimTransport t(board, std::make_shared<std::recursive_mutex>(), UsbDeviceId{});
        clock.attach(t);
        QVERIFY(t.controlOut(0x01, 0x8000, 0x1000, {}, Milliseconds(1000)).ok());
        QCOMPARE(clock.sleeps.size(), 1);
        QCOMPARE(clock.sleeps.last(), SimTime{} + std::chrono::hours(2) + std::chrono::microseconds(250));
        QByteArray blob = ginfo();
        const SimTime start = clock.now;
        QVERIFY(t.bulkOut(span(blob), Milliseconds(5000)).ok());
        QCOMPARE(clock.now - start, TimingModel::realistic().romBulk(blob.size()));
    }

    void bulkErrorsCarryTheOffset()
    {
        auto board = std::make_shared<VirtualBoard>(
            t31(), TimingModel::none(), *FaultPlan::parse(QStringLiteral("disconnect@write:offset=0x1000")));
        Host host(*board);
        QVERIFY(host.boot());
        QCOMPARE(host.configureNor({}), 0);
        SimTransport t(board, std::make_shared<std::recursive_mutex>(), UsbDeviceId{});
        FakeClock clock;
        clock.now = host.now;
        clock.attach(t);
        QByteArray nothing(0x8000, '\0');
        auto nak = t.bulk(0x01, span(nothing), Milliseconds(20)); // no WRITE queued: NAK
        QCOMPARE(nak.error().code, ErrorCode::Timeout);
        QCOMPARE(nak.error().message, QStringLiteral("bulk OUT 0x01: timed out after 20 ms"));
        QByteArray command = commandB(0, 0, 0x8000, 0x00060000, jamcrc(nothing));
        QVERIFY(t.controlOut(0x12, 0, 0, span(command), Milliseconds(100)).ok());
        auto gone = t.bulk(0x01, span(nothing), Milliseconds(100));
        QCOMPARE(gone.error().code, ErrorCode::Disconnected);
        QCOMPARE(gone.error().offset, 0x1000);
        QCOMPARE(gone.error().message, QStringLiteral("bulk OUT 0x01: the device left the bus at byte 4096"));
        QByteArray info(8, '\0');
        QCOMPARE(t.controlIn(0x00, 0, 0, span(info), Milliseconds(100)).error().code,
                 ErrorCode::Disconnected);
    }

    void staleHandleAfterReappearing()
    {
        SimBoardConfig config = t31();
        config.usbBootSelectHeld = true;
        auto board = std::make_shared<VirtualBoard>(config, TimingModel::none(), FaultPlan{});
        Host host(*board);
        QVERIFY(host.boot());
        auto mutex = std::make_shared<std::recursive_mutex>();
        SimTransport t(board, mutex, UsbDeviceId{});
        FakeClock clock;
        clock.now = host.now;
        clock.attach(t);
        QVERIFY(t.controlOut(0x16, 0, 0, {}, Milliseconds(100)).ok()); // REBOOT; re-appears at once (none)
        QVERIFY(board->isAttached());
        QByteArray info(8, '\0');
        QCOMPARE(t.controlIn(0x00, 0, 0, span(info), Milliseconds(100)).error().code,
                 ErrorCode::Disconnected);
        SimTransport fresh(board, mutex, UsbDeviceId{});
        clock.attach(fresh);
        QCOMPARE(*fresh.controlIn(0x00, 0, 0, span(info), Milliseconds(100)), 8);
    }

    void busListsPlugsAndAnnounces()
    {
        VirtualBus bus;
        QList<QPair<QString, bool>> events;
        bus.setHotplugCallback([&](const UsbDeviceId &id, bool arrived) {
            events.append({id.portPath, arrived});
        });
        const QString p1 = *bus.addBoard(t31());
        SimBoardConfig x2000 = *SimBoardConfig::preset(QStringLiteral("x2000"));
        x2000.usbBootSelectHeld = true;
        const QString p2 = *bus.addBoard(x2000);
        QCOMPARE(p1, QStringLiteral("1-1"));
        QCOMPARE(p2, QStringLiteral("1-2"));
        const auto devices = bus.attachedDevices();
        QCOMPARE(devices.size(), 2);
        QCOMPARE(devices[1].pid, quint16(0xEAEF));
        QVERIFY(devices[0].isVirtual && devices[1].isVirtual);
        QVERIFY(devices[0].address != devices[1].address);
        QVERIFY(bus.unplug(p1));
        QCOMPARE(bus.attachedDevices().size(), 1);
        QVERIFY(bus.plug(p1));
        // a REBOOT through a transport: the board leaves and (USB boot held) comes back
        auto transport = bus.open(p2);
        QVERIFY(transport.ok());
        QCOMPARE(bootThrough(**transport, x2000), QByteArray("X2000_V1"));
        QVERIFY((*transport)->controlOut(0x16, 0, 0, {}, Milliseconds(100)).ok());
        bus.advance(SimClock::now() + std::chrono::seconds(1));
        const QList<QPair<QString, bool>> expected = {{p1, true}, {p2, true},  {p1, false},
                                                      {p1, true}, {p2, false}, {p2, true}};
        QCOMPARE(events, expected);
        QVERIFY(!bus.open(QStringLiteral("9-9")).ok());
        QVERIFY(bus.removeBoard(p1));
        QCOMPARE(bus.ports(), QStringList{p2});
    }

    void providerOverTheBus()
    {
        auto bus = std::make_shared<VirtualBus>();
        QVERIFY(bus->addBoard(t31(), TimingModel::none(), FaultPlan{}, false).ok());
        VirtualBusProvider provider(bus);
        QCOMPARE(provider.listDevices()->size(), 0);
        bus->plug(QStringLiteral("1-1"));
        const auto devices = *provider.listDevices();
        QCOMPARE(devices.size(), 1);
        auto transport = provider.open(devices.first());
        QVERIFY(transport.ok());
        QVERIFY((*transport)->deviceId().isVirtual);
        QByteArray info(8, '\0');
        QCOMPARE(*(*transport)->controlIn(0x00, 0, 0, span(info), Milliseconds(100)), 8);
        const QByteArray serial = bus->board(QStringLiteral("1-1"))->descriptors().strings.value(3);
        QCOMPARE(serial, stringDescriptor(QStringLiteral("OpenCloner-Virtual-1")));
        QCOMPARE(serial.size(), 42);
    }

    void concurrentUseOfTwoBoards()
    {
        VirtualBus bus;
        const QString a = *bus.addBoard(t31(), TimingModel::realistic(0.01));
        const QString b = *bus.addBoard(t31(), TimingModel::realistic(0.01));
        std::atomic_int ok{0};
        auto run = [&](const QString &port) {
            auto t = bus.open(port);
            ok += t.ok() && bootThrough(**t, t31()) == "BOOTx183";
        };
        std::thread first(run, a), second(run, b);
        for (int i = 0; i < 20; ++i)
            bus.attachedDevices(); // the GUI thread polls meanwhile
        first.join();
        second.join();
        QCOMPARE(ok.load(), 2);
    }

    void minimumDurationMatchesASession()
    {
        const TimingModel timing = TimingModel::realistic();
        VirtualBoard board(t31(), timing, FaultPlan{});
        Host host(board);
        const SimTime start = host.now;
        QVERIFY(host.boot(ginfo(), 10092, 390480));
        NorTlv tlvs;
        tlvs.partitions = {{"boot", 0, 0x100000}, {"rest", 0x100000, 0xFFFFFFFF}};
        QCOMPARE(host.config(policy(true)), 0);
        host.in(0x26, 3);
        const QByteArray blob = debug() + policy(true) + sfc(tlvs);
        QCOMPARE(host.config(blob), 0);
        host.out(0x11);
        QCOMPARE(host.ack(), 0);
        for (quint32 offset = 0; offset < 0x100000; offset += 0x10000) {
            const QByteArray chunk = pattern(0x10000, offset);
            QCOMPARE(host.write(commandB(0, offset, 0x10000, 0x00060000, jamcrc(chunk)), chunk), 0);
        }
        for (quint32 offset = 0; offset < 0x100000; offset += 0x40000) {
            qint32 ack = -1;
            QCOMPARE(host.read(commandB(0, offset, 0x40000, 0x00060000), 0x40000, &ack).size(), 0x40000);
            QCOMPARE(ack, 0);
        }
        QCOMPARE(host.out(0x16).status, TransferStatus::Ok);
        PlanShape plan;
        plan.ginfoBytes = ginfo().size();
        plan.splBytes = 10092;
        plan.burnerBytes = 390480;
        plan.configBytes = 172 + blob.size();
        plan.writeBytes = 0x100000;
        plan.writeChunk = 0x10000;
        plan.lazyEraseBytes = 0x100000; // the "boot" partition on its first chunk
        plan.readBytes = 0x100000;
        plan.readChunk = 0x40000;
        const SimDuration expected = minimumDuration(timing, plan);
        const auto difference = std::chrono::abs(host.now - start - expected);
        QVERIFY2(difference < std::chrono::microseconds(1), qPrintable(QString::number(difference.count())));
        const double seconds = std::chrono::duration<double>(expected).count();
        // boot 1.47 s + lazy erase 32 x 120 ms + 16 x (256 pages x 0.44 ms + CRC + read-back) + reads
        QVERIFY2(seconds > 7.0 && seconds < 8.5, qPrintable(QString::number(seconds)));
    }
};

QTEST_GUILESS_MAIN(TestSimTransport)
#include "tst_simtransport.moc"
