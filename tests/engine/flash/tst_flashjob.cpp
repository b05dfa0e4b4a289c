// Whole jobs against a virtual board through the in-process transport: every operation, the exact
// order of stage signals, refusals before the board is touched, and cancellation.

#include "flashtestkit.h"

#include "core/sim/virtualbus.h"
#include "core/sim/virtualbusprovider.h"

#include <QSignalSpy>
#include <QTest>

using namespace oc;
using namespace oc::test;

class TestFlashJob : public QObject
{
    Q_OBJECT

private:
    FlashKit m_kit;
    std::shared_ptr<sim::VirtualBus> m_bus;
    std::shared_ptr<sim::VirtualBusProvider> m_provider;
    QString m_port;

    sim::VirtualBoard &board() { return *m_bus->board(m_port); }

    void plugBoard(const QString &chip, const QString &storage, const QString &faults = {})
    {
        m_bus = std::make_shared<sim::VirtualBus>();
        m_provider = std::make_shared<sim::VirtualBusProvider>(m_bus);
        auto plan = sim::FaultPlan::parse(faults);
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().message));
        auto port = m_bus->addBoard(FlashKit::boardConfig(chip, storage), sim::TimingModel::none(), *plan);
        QVERIFY(port.ok());
        m_port = *port;
    }

    JobResult run(const QString &boardProfile, const PlanRequest &request, JobTrace *traceOut = nullptr)
    {
        auto plan = m_kit.plan(boardProfile, request);
        if (!plan)
            return JobResult{false, plan.error()};
        return runPlan(*plan, traceOut);
    }

    JobResult runPlan(const FlashPlan &plan, JobTrace *traceOut = nullptr)
    {
        auto devices = m_provider->listDevices();
        Q_ASSERT(devices.ok() && !devices->isEmpty());
        FlashJob job(plan, m_provider, devices->first());
        JobTrace trace;
        if (!runJob(job, trace))
            qFatal("job did not end");
        if (traceOut)
            *traceOut = trace;
        return *trace.result;
    }

    QByteArray norContent(quint64 offset, qint64 length)
    {
        return board().nor()->array().read(offset, length);
    }

private Q_SLOTS:
    void writeEmitsEveryStageInOrder()
    {
        plugBoard(QStringLiteral("t31"), QStringLiteral("nor:16M:0xc84018"));
        const QString image = m_kit.makeImage(QStringLiteral("fw.bin"), 1 << 20);
        JobTrace trace;
        const JobResult r = run(QStringLiteral("t31-nor"), {Operation::Write, image, {}, 0x100000}, &trace);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        const QStringList stages{
            QStringLiteral("connect"),   QStringLiteral("identify"),    QStringLiteral("load-spl"),
            QStringLiteral("run-spl"),   QStringLiteral("load-burner"), QStringLiteral("start-burner"),
            QStringLiteral("configure"), QStringLiteral("init"),        QStringLiteral("write"),
            QStringLiteral("verify"),    QStringLiteral("reboot")};
        QStringList expected;
        for (const QString &s : stages)
            expected << QStringLiteral("started:") + s << QStringLiteral("finished:") + s;
        QCOMPARE(trace.events, expected);
        QVERIFY(!trace.writeProgress.isEmpty());
        QCOMPARE(trace.writeProgress.last(), qMakePair(qint64(1 << 20), qint64(1 << 20)));
        for (int i = 1; i < trace.writeProgress.size(); ++i)
            QVERIFY(trace.writeProgress[i].first > trace.writeProgress[i - 1].first);
        QCOMPARE(norContent(0x100000, 1 << 20), FlashKit::readFile(image));
        QCOMPARE(norContent(0, 0x100000), QByteArray(0x100000, char(0xFF))); // nothing outside the range
        QCOMPARE(r.boardState, BoardState::Rebooted);
        QCOMPARE(r.jedecId, 0xC84018u);
        QCOMPARE(r.flashName, QStringLiteral("GD25Q127CSIG"));
        QVERIFY(!board().isAttached()); // REBOOT: the board left the bus
    }

    // Every shipped board profile against the virtual board of its chip: the catalog's chip and burner
    // facts and the simulator's presets are written independently, so this is where they must agree.
    void everyBoardProfileFlashes_data()
    {
        QTest::addColumn<QString>("profile");
        for (const catalog::BoardProfile *b : m_kit.catalog().boards())
            QTest::newRow(qPrintable(b->name)) << b->name;
    }

    void everyBoardProfileFlashes()
    {
        QFETCH(QString, profile);
        const catalog::BoardProfile &b = *m_kit.catalog().board(profile);
        const bool nor = b.storage == catalog::StorageKind::Nor;
        plugBoard(m_kit.catalog().chipOf(b).name,
                  nor ? QStringLiteral("nor:16M:0xc84018") : QStringLiteral("emmc:64M"));
        const QString image = m_kit.makeImage(profile + QStringLiteral(".bin"), 512 * 1024, 23);
        const JobResult r = run(profile, {Operation::Write, image});
        QVERIFY2(r.ok, qPrintable(r.error.message));
        const QByteArray flash =
            nor ? norContent(0, 512 * 1024) : board().emmc()->array().read(0, 512 * 1024);
        QCOMPARE(flash, FlashKit::readFile(image));
    }

    void readWholeFlashIntoOneFile()
    {
        plugBoard(QStringLiteral("t31"), QStringLiteral("nor:16M:0xc84018"));
        const QByteArray pattern = FlashKit::readFile(m_kit.makeImage(QStringLiteral("p.bin"), 3 << 20, 7));
        board().nor()->array().write(0x200000, pattern);
        const QString out = m_kit.tempPath(QStringLiteral("dump.bin"));
        PlanRequest request{Operation::Read, {}, out};
        JobTrace trace;
        const JobResult r = run(QStringLiteral("t31-nor"), request, &trace);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QVERIFY(trace.stagesStarted().contains(QStringLiteral("read")));
        QVERIFY(!trace.stagesStarted().contains(QStringLiteral("write")));
        const QByteArray dump = FlashKit::readFile(out);
        QCOMPARE(dump.size(), 16 << 20);
        QCOMPARE(dump.mid(0x200000, pattern.size()), pattern);
        QCOMPARE(dump.left(0x200000), QByteArray(0x200000, char(0xFF)));
    }

    void eraseRangeLeavesTheRest()
    {
        plugBoard(QStringLiteral("t31"), QStringLiteral("nor:16M:0xc84018"));
        board().nor()->array().fill(0, 1 << 20, 0x00);
        PlanRequest request{Operation::Erase};
        request.offset = 0x40000;
        request.length = 0x20000;
        const JobResult r = run(QStringLiteral("t31-nor"), request);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(norContent(0x40000, 0x20000), QByteArray(0x20000, char(0xFF)));
        QCOMPARE(norContent(0, 0x40000), QByteArray(0x40000, 0));
        QCOMPARE(norContent(0x60000, 0x20000), QByteArray(0x20000, 0));
    }

    void eraseAllUsesChipErase()
    {
        plugBoard(QStringLiteral("t31"), QStringLiteral("nor:16M:0xc84018"));
        board().nor()->array().fill(0x800000, 4096, 0x12);
        const JobResult r = run(QStringLiteral("t31-nor"), {Operation::Erase});
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(norContent(0x800000, 4096), QByteArray(4096, char(0xFF)));
    }

    void bootOnlyLeavesTheBurnerRunning()
    {
        plugBoard(QStringLiteral("t20"), QStringLiteral("nor:16M:0xc84018"));
        JobTrace trace;
        const JobResult r = run(QStringLiteral("t20-nor"), {Operation::Boot}, &trace);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(trace.stagesStarted().last(), QStringLiteral("start-burner"));
        QCOMPARE(r.boardState, BoardState::BurnerIdle);
        QCOMPARE(board().state(), sim::BoardState::Burner);
        QCOMPARE(r.burnerId, QByteArray("BOOTx152"));
    }

    void profileFlagsPowerOffAndSetTheClock()
    {
        // A board without an RTC refuses SYNC_TIME: a warning, never a failed unit.
        plugBoard(QStringLiteral("t31"), QStringLiteral("nor:16M:0xc84018"),
                  QStringLiteral("bad_ack@sync_time:value=-1"));
        TargetProfile target = m_kit.target(QStringLiteral("t31-nor"));
        target.powerOff = true; // vendor [info] power_off
        target.syncTime = true; // vendor [info] sync_time
        auto plan =
            m_kit.plan(target, {Operation::Write, m_kit.makeImage(QStringLiteral("flags.bin"), 64 * 1024)});
        QVERIFY2(plan, plan ? "" : qPrintable(plan.error().message));
        JobTrace trace;
        const JobResult r = runPlan(*plan, &trace);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(r.boardState, BoardState::Rebooted);
        QVERIFY2(trace.logs.join(QLatin1Char('\n')).contains(QLatin1String("the board's clock was not set")),
                 qPrintable(trace.logs.join(QLatin1Char('\n'))));
        QVERIFY2(board().eventLog().join(QLatin1Char('\n')).contains(QLatin1String("POWEROFF")),
                 qPrintable(board().eventLog().join(QLatin1Char('\n'))));
    }

    void verifyReportsFirstDifference()
    {
        plugBoard(QStringLiteral("t31"), QStringLiteral("nor:16M:0xc84018"));
        const QString image = m_kit.makeImage(QStringLiteral("v.bin"), 256 * 1024, 3);
        QByteArray content = FlashKit::readFile(image);
        content[0x12345] = char(content[0x12345] ^ 0x10);
        board().nor()->array().write(0x10000, content);
        PlanRequest request{Operation::Verify, image};
        request.offset = 0x10000;
        const JobResult r = run(QStringLiteral("t31-nor"), request);
        QVERIFY(!r.ok);
        QCOMPARE(r.error.code, ErrorCode::VerifyMismatch);
        QCOMPARE(r.error.offset, qint64(0x10000 + 0x12345));
        QCOMPARE(r.failedStage, Stage::Verify);
        QVERIFY2(r.error.message.contains(QStringLiteral("0x00022345")), qPrintable(r.error.message));
    }

    void emmcWriteKeepsBytesBehindAnUnalignedImage()
    {
        plugBoard(QStringLiteral("t31"), QStringLiteral("emmc:64M"));
        board().emmc()->array().fill(0, 8192, 0x5A);
        const QString image = m_kit.makeImage(QStringLiteral("e.bin"), 1000, 5);
        const JobResult r = run(QStringLiteral("t31-emmc"), {Operation::Write, image});
        QVERIFY2(r.ok, qPrintable(r.error.message));
        const QByteArray card = board().emmc()->array().read(0, 2048);
        QCOMPARE(card.left(1000), FlashKit::readFile(image));
        QCOMPARE(card.mid(1000, 1048), QByteArray(1048, 0x5A));
    }

    void wrongChipIsRefusedAfterIdentify()
    {
        plugBoard(QStringLiteral("t31"), QStringLiteral("nor:16M:0xc84018"));
        const QString image = m_kit.makeImage(QStringLiteral("w.bin"), 64 * 1024);
        const JobResult r = run(QStringLiteral("t20-nor"), {Operation::Write, image});
        QVERIFY(!r.ok);
        QCOMPARE(r.error.code, ErrorCode::ChipMismatch);
        QCOMPARE(r.failedStage, Stage::Identify);
        QVERIFY2(r.error.message.contains(QStringLiteral("T 3 1 V")), qPrintable(r.error.message));
        QCOMPARE(board().state(), sim::BoardState::Rom); // nothing but GET_CPU_INFO was sent
        QCOMPARE(board().rom()->uploadedAt(0x80001000), qint64(0));
        QVERIFY(!board().rom()->start1Done());
    }

    void imageBeyondTheChipIsRefusedBeforeInit()
    {
        plugBoard(QStringLiteral("t31"), QStringLiteral("nor:8M:0xc84017"));
        const QString image = m_kit.makeImage(QStringLiteral("big.bin"), 9 << 20);
        const JobResult r = run(QStringLiteral("t31-nor"), {Operation::Write, image});
        QVERIFY(!r.ok);
        QCOMPARE(r.error.code, ErrorCode::InputFile);
        QCOMPARE(r.failedStage, Stage::Configure);
        QVERIFY2(r.error.message.contains(QStringLiteral("beyond the end")), qPrintable(r.error.message));
        QCOMPARE(board().nor()->array().allocatedBytes(), 0); // not a byte written
    }

    void unknownFlashIsNamed()
    {
        plugBoard(QStringLiteral("t31"), QStringLiteral("nor:16M:0xc84018"),
                  QStringLiteral("jedec:id=0x1f4218"));
        const JobResult r =
            run(QStringLiteral("t31-nor"), {Operation::Read, {}, m_kit.tempPath(QStringLiteral("x"))});
        QCOMPARE(r.error.code, ErrorCode::UnknownFlash);
        QVERIFY2(r.error.message.contains(QStringLiteral("0x1f4218")), qPrintable(r.error.message));
        QVERIFY(!QFile::exists(m_kit.tempPath(QStringLiteral("x")))); // no half-written dump
    }

    void cancelMidWriteStatesWhereItStopped()
    {
        plugBoard(QStringLiteral("t31"), QStringLiteral("nor:16M:0xc84018"));
        const QString image = m_kit.makeImage(QStringLiteral("c.bin"), 8 << 20);
        auto plan = m_kit.plan(QStringLiteral("t31-nor"), {Operation::Write, image});
        QVERIFY(plan.ok());
        plan->target.writeChunk = 64 * 1024;
        FlashJob job(*plan, m_provider, m_provider->listDevices()->first());
        connect(&job, &FlashJob::stageProgress, &job, [&job](Stage s, qint64 done, qint64) {
            if (s == Stage::Write && done >= (1 << 20))
                job.cancel();
        });
        JobTrace trace;
        QVERIFY(runJob(job, trace));
        const JobResult r = *trace.result;
        QCOMPARE(r.error.code, ErrorCode::Cancelled);
        QCOMPARE(r.failedStage, Stage::Write);
        QCOMPARE(r.boardState, BoardState::BurnerIdle);
        QVERIFY2(r.flashState.startsWith(QStringLiteral("partly written")), qPrintable(r.flashState));
        QVERIFY(r.bytes >= (1 << 20) && r.bytes < (8 << 20));
        QCOMPARE(board().state(), sim::BoardState::Burner); // idle between chunks, not mid-transfer
    }

    void placeholdersNeverReachARealLookingBoard()
    {
        // A board whose descriptors carry no OpenCloner-Virtual serial looks real to the engine.
        // In-process transports always say virtual; the usb tier checks the real-descriptor case.
        plugBoard(QStringLiteral("t31"), QStringLiteral("nor:16M:0xc84018"));
        auto devices = m_provider->listDevices();
        QVERIFY(devices.ok());
        QVERIFY(devices->first().isVirtual);
    }
};

QTEST_GUILESS_MAIN(TestFlashJob)
#include "tst_flashjob.moc"
