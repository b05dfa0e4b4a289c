// Whole jobs through the REAL libusb code path: LibusbDeviceProvider and LibusbTransport talking to
// virtual boards on umockdev's emulated /dev/bus/usb (issue 2, point 1).


#include "flashtestkit.h"
#include "usbfixture.h"

#include "core/usb/libusbdeviceprovider.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

using namespace oc;
using namespace oc::test;

class TestFlashUsb : public QObject
{
    Q_OBJECT

private:
    UsbFixture m_usb;
    FlashKit m_kit;
    std::shared_ptr<LibusbDeviceProvider> m_provider;

    std::shared_ptr<sim::VirtualBoard> plug(const QString &port, sim::SimBoardConfig config, const QString &faults = {})
    {
        auto plan = sim::FaultPlan::parse(faults);
        Q_ASSERT(plan.ok());
        auto board = std::make_shared<sim::VirtualBoard>(config, sim::TimingModel::none(), *plan);
        board->plug(sim::SimClock::now());
        const Status added = m_usb.add(board, port);
        Q_ASSERT_X(added.ok(), "plug", qPrintable(added.ok() ? QString() : added.error().message));
        return board;
    }

    UsbDeviceId device(const QString &port) { return m_usb.waitForBoard(*m_provider, port); }

    JobResult run(const QString &port, const QString &profile, const PlanRequest &request, bool fullTimeouts = false)
    {
        auto plan = m_kit.plan(profile, request, fullTimeouts);
        if (!plan)
            return JobResult{false, plan.error()};
        FlashJob job(*plan, m_provider, device(port));
        JobTrace trace;
        if (!runJob(job, trace, 120000))
            qFatal("job did not end");
        return *trace.result;
    }

    void roundTrip(const QString &port, const QString &profile, qint64 size, sim::VirtualBoard &board)
    {
        const QString image = m_kit.makeImage(QStringLiteral("%1.bin").arg(profile), size, 17);
        JobResult r = run(port, profile, {Operation::Write, image});
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(r.bytes, quint64(size));

        const QString dump = m_kit.tempPath(QStringLiteral("%1-dump.bin").arg(profile));
        PlanRequest read{Operation::Read, {}, dump};
        read.length = quint64(size);
        r = run(port, profile, read);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QVERIFY2(FlashKit::readFile(dump) == FlashKit::readFile(image), "read-back differs from the image");

        r = run(port, profile, {Operation::Verify, image});
        QVERIFY2(r.ok, qPrintable(r.error.message));

        PlanRequest erase{Operation::Erase};
        erase.length = quint64(size);
        r = run(port, profile, erase);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        const bool nor = board.nor() != nullptr;
        const QByteArray erased = nor ? board.nor()->array().read(0, size) : board.emmc()->array().read(0, size);
        QCOMPARE(erased, QByteArray(size, nor ? char(0xFF) : char(0x00)));

        r = run(port, profile, {Operation::Verify, image});
        QCOMPARE(r.error.code, ErrorCode::VerifyMismatch);
        QCOMPARE(r.error.offset, qint64(0));
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString problem = m_usb.setUp();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_provider = std::make_shared<LibusbDeviceProvider>(m_usb.context());
    }
    void cleanup() { m_usb.clear(); }
    void cleanupTestCase()
    {
        m_provider.reset();
        m_usb.tearDown();
    }

    void norFlashReadEraseVerify16MiB()
    {
        auto config = FlashKit::boardConfig(QStringLiteral("t31"), QStringLiteral("nor:16M:0xc84018"));
        config.usbBootSelectHeld = true; // comes back as a fresh ROM after each REBOOT
        config.reenumerateDelay = std::chrono::milliseconds(50);
        auto board = plug(QStringLiteral("1-1"), config);
        roundTrip(QStringLiteral("1-1"), QStringLiteral("t31-nor"), 16 << 20, *board);
    }

    void emmcFlashReadEraseVerify()
    {
        auto config = FlashKit::boardConfig(QStringLiteral("t31"), QStringLiteral("emmc:4G"));
        config.usbBootSelectHeld = true;
        config.reenumerateDelay = std::chrono::milliseconds(50);
        auto board = plug(QStringLiteral("1-2"), config);
        roundTrip(QStringLiteral("1-2"), QStringLiteral("t31-emmc"), 8 << 20, *board);
    }

    void bootOnly()
    {
        auto board = plug(QStringLiteral("1-3"), FlashKit::boardConfig(QStringLiteral("t41"), QStringLiteral("nor:16M:0x0b4018")));
        const JobResult r = run(QStringLiteral("1-3"), QStringLiteral("t41-nor"), {Operation::Boot});
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(r.burnerId, QByteArray("X2580\0\0\0", 8));
        QCOMPARE(board->state(), sim::BoardState::Burner);
    }

    void listsTwoBoardsByPort()
    {
        plug(QStringLiteral("1-4"), FlashKit::boardConfig(QStringLiteral("t31"), QStringLiteral("nor:16M")));
        plug(QStringLiteral("1-5.2"), FlashKit::boardConfig(QStringLiteral("t20"), QStringLiteral("nor:16M")));
        auto devices = m_provider->listDevices();
        QVERIFY(devices.ok());
        QStringList ports;
        for (const UsbDeviceId &id : *devices) {
            ports << id.portPath;
            QCOMPARE(id.vid, quint16(0xA108));
            QCOMPARE(id.pid, quint16(0xC309));
        }
        QCOMPARE(ports, (QStringList{QStringLiteral("1-4"), QStringLiteral("1-5.2")}));
    }

    void unplugMidWrite()
    {
        plug(QStringLiteral("1-6"), FlashKit::boardConfig(QStringLiteral("t31"), QStringLiteral("nor:16M:0xc84018")));
        const QString image = m_kit.makeImage(QStringLiteral("u.bin"), 4 << 20, 9);
        auto plan = m_kit.plan(QStringLiteral("t31-nor"), {Operation::Write, image});
        QVERIFY(plan.ok());
        plan->target.writeChunk = 64 * 1024;
        FlashJob job(*plan, m_provider, device(QStringLiteral("1-6")));
        connect(&job, &FlashJob::stageProgress, this, [this](Stage s, qint64 done, qint64) {
            if (s == Stage::Write && done >= (1 << 20))
                (void)m_usb.bus().removeDevice(QStringLiteral("1-6")); // the cable is pulled
        });
        JobTrace trace;
        QVERIFY(runJob(job, trace, 30000));
        const JobResult r = *trace.result;
        QCOMPARE(r.error.code, ErrorCode::Disconnected);
        QCOMPARE(r.failedStage, Stage::Write);
        QCOMPARE(r.boardState, BoardState::Gone);
        QVERIFY2(r.error.offset >= (1 << 20), qPrintable(r.error.message));
        QVERIFY2(r.flashState.startsWith(QStringLiteral("partly written")), qPrintable(r.flashState));
    }

    void placeholdersAreRefusedByARealLookingBoard()
    {
        auto config = FlashKit::boardConfig(QStringLiteral("t31"), QStringLiteral("nor:16M:0xc84018"));
        config.exactDescriptors = true; // byte-exact ROM descriptors: no OpenCloner-Virtual serial
        auto board = plug(QStringLiteral("1-7"), config);
        const JobResult r = run(QStringLiteral("1-7"), QStringLiteral("t31-nor"), {Operation::Boot});
        QCOMPARE(r.error.code, ErrorCode::InputFile);
        QCOMPARE(r.failedStage, Stage::Connect);
        QVERIFY2(r.error.message.contains(QStringLiteral("placeholder")), qPrintable(r.error.message));
        QVERIFY(!board->rom()->start1Done());
        QCOMPARE(board->rom()->uploadedAt(0x80001000), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestFlashUsb)
#include "tst_flashusb.moc"
