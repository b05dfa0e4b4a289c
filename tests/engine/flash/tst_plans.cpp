// Multi-step burn plans against a virtual board through the in-process transport: several files at
// their offsets and partitions, reads into files, per-partition erase, compressed images streamed,
// the boot region written last, progress over repeated stages, one boot per plan.

#include "flashtestkit.h"

#include "core/flash/partitionlayout.h"
#include "core/flash/progresstracker.h"
#include "core/flash/storageconfig.h"
#include "core/sim/virtualbus.h"
#include "core/sim/virtualbusprovider.h"

#include <QTest>

using namespace oc;
using namespace oc::test;

namespace {

constexpr quint64 MiB = 1 << 20;
constexpr quint64 KiB = 1024;

StepRequest writeStep(const QString &path, const QString &partition, std::optional<quint64> offset = {})
{
    StepRequest r;
    r.kind = StepKind::Write;
    r.path = path;
    r.partition = partition;
    r.offset = offset;
    return r;
}

StepRequest readStep(const QString &path, const QString &partition, std::optional<quint64> offset = {},
                     quint64 length = 0)
{
    StepRequest r;
    r.kind = StepKind::Read;
    r.path = path;
    r.partition = partition;
    r.offset = offset;
    r.length = length;
    return r;
}

StepRequest eraseStep(const QString &partition)
{
    StepRequest r;
    r.kind = StepKind::Erase;
    r.partition = partition;
    return r;
}

} // namespace

class TestPlans : public QObject
{
    Q_OBJECT

private:
    FlashKit m_kit;
    std::shared_ptr<sim::VirtualBus> m_bus;
    std::shared_ptr<sim::VirtualBusProvider> m_provider;
    QString m_port;

    sim::VirtualBoard &board() { return *m_bus->board(m_port); }
    QByteArray nor(quint64 offset, qint64 length) { return board().nor()->array().read(offset, length); }

    void plugBoard(const QString &storage, const QString &faults = {})
    {
        m_bus = std::make_shared<sim::VirtualBus>();
        m_provider = std::make_shared<sim::VirtualBusProvider>(m_bus);
        auto plan = sim::FaultPlan::parse(faults);
        QVERIFY(plan.ok());
        auto port = m_bus->addBoard(FlashKit::boardConfig(QStringLiteral("t31"), storage),
                                    sim::TimingModel::none(), *plan);
        QVERIFY(port.ok());
        m_port = *port;
    }

    // A T31 NOR board whose profile has a real table: MTD partitions are erased whole when first
    // written, rootfs (MTD_D_MODE) block by block, factory is read-only.
    TargetProfile norTarget() const
    {
        TargetProfile t = m_kit.target(QStringLiteral("t31-nor"));
        using M = proto::PartitionMode;
        t.partitions = {part("uboot", 0, 0x40000, M::Mtd), part("kernel", 0x40000, 0x280000, M::Mtd),
                        part("rootfs", 0x2C0000, 0xC40000, M::MtdD), part("data", 0xF00000, 0xF0000, M::Mtd),
                        part("factory", 0xFF0000, 0x10000, M::Mtd, true)};
        return t;
    }

    JobResult run(const FlashPlan &plan, JobTrace &trace, ProgressTracker *tracker = nullptr)
    {
        auto devices = m_provider->listDevices();
        Q_ASSERT(devices.ok() && !devices->isEmpty());
        FlashJob job(plan, m_provider, devices->first());
        if (tracker) {
            connect(&job, &FlashJob::stageStarted, &job, [tracker](Stage s) { tracker->stageStarted(s); });
            connect(&job, &FlashJob::stageProgress, &job, [tracker](Stage s, qint64 done, qint64 total) {
                tracker->stageProgress(s, done, total);
            });
            connect(&job, &FlashJob::stageFinished, &job, [tracker](Stage s) { tracker->stageFinished(s); });
        }
        if (!runJob(job, trace))
            qFatal("job did not end");
        return *trace.result;
    }

    // Old firmware everywhere, and calibration data in the read-only factory partition.
    QByteArray fillOldFirmware()
    {
        board().nor()->array().fill(0, 16 * MiB, 0x5A);
        const QByteArray factory =
            FlashKit::readFile(m_kit.makeImage(QStringLiteral("cal.bin"), 64 * KiB, 77));
        board().nor()->array().write(0xFF0000, factory);
        return factory;
    }

private Q_SLOTS:
    void severalFilesPartitionsAndAReadInOneBoot()
    {
        plugBoard(QStringLiteral("nor:16M:0xc84018"));
        const QByteArray factory = fillOldFirmware();
        const QString uboot = m_kit.makeImage(QStringLiteral("uboot.bin"), 100 * KiB, 1);
        const QString kernel = m_kit.makeImage(QStringLiteral("kernel.bin"), 1536 * KiB, 2);
        QByteArray rootfsData =
            FlashKit::readFile(m_kit.makeImage(QStringLiteral("rootfs.raw"), 2 * MiB + 4096, 3));
        rootfsData.replace(0, 1 * MiB, QByteArray(1 * MiB, 'r')); // compressible half
        const QString rootfs =
            m_kit.makeCompressed(QStringLiteral("rootfs.img.zst"), rootfsData, QStringLiteral("zstd"));
        const QString dump = m_kit.tempPath(QStringLiteral("factory-backup.bin"));

        PlanRequest request;
        request.steps = {writeStep(uboot, QStringLiteral("uboot")), writeStep(kernel, {}, 0x40000),
                         writeStep(rootfs, QStringLiteral("rootfs")),
                         readStep(dump, QStringLiteral("factory"))};
        auto plan = m_kit.plan(norTarget(), request);
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
        QCOMPARE(plan->op, Operation::Write);
        QCOMPARE(plan->steps[2].length, quint64(rootfsData.size())); // measured by a first streaming pass
        QCOMPARE(plan->steps[1].partition, QStringLiteral("kernel"));

        JobTrace trace;
        ProgressTracker tracker(plan->stages);
        const JobResult r = run(*plan, trace, &tracker);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(trace.stagesStarted(),
                 (QStringList{"connect", "identify", "load-spl", "run-spl", "load-burner", "start-burner",
                              "configure", "init", "write", "write", "write", "read", "verify", "reboot"}));
        QCOMPARE(tracker.overall(), 1.0);

        QCOMPARE(nor(0, 100 * KiB), FlashKit::readFile(uboot));
        QCOMPARE(nor(100 * KiB, 156 * KiB), QByteArray(156 * KiB, char(0xFF))); // MTD: whole partition erased
        QCOMPARE(nor(0x40000, 1536 * KiB), FlashKit::readFile(kernel));
        QCOMPARE(nor(0x40000 + 1536 * KiB, 0x280000 - 1536 * KiB),
                 QByteArray(0x280000 - 1536 * KiB, char(0xFF)));
        QCOMPARE(nor(0x2C0000, rootfsData.size()), rootfsData);
        const quint64 rootfsEnd = 0x2C0000 + (quint64(rootfsData.size()) + 0x7FFF) / 0x8000 * 0x8000;
        QCOMPARE(nor(rootfsEnd, 0x10000),
                 QByteArray(0x10000, 0x5A));                         // MTD_D_MODE: only written blocks erased
        QCOMPARE(nor(0xF00000, 0xF0000), QByteArray(0xF0000, 0x5A)); // data: untouched
        QCOMPARE(FlashKit::readFile(dump), factory);
        QCOMPARE(r.bytes, quint64(100 * KiB + 1536 * KiB + rootfsData.size()));
        QVERIFY2(r.flashState.contains(QStringLiteral("kernel.bin written")), qPrintable(r.flashState));
    }

    void initEraseErasesExactlyTheTouchedPartitions()
    {
        plugBoard(QStringLiteral("nor:16M:0xc84018"));
        const QByteArray factory = fillOldFirmware();
        const QString kernel = m_kit.makeImage(QStringLiteral("k2.bin"), 512 * KiB, 4);
        PlanRequest request;
        request.erase = EraseMode::AtInit;
        request.steps = {eraseStep(QStringLiteral("data")), writeStep(kernel, QStringLiteral("kernel"))};
        auto plan = m_kit.plan(norTarget(), request);
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));

        // What the burner is told: spi_erase 1 with only kernel and data left writable.
        auto chip = m_kit.catalog().flashDatabase().lookup(0xC84018);
        QVERIFY(chip.ok());
        const proto::SfcConfig sfc = sfcConfigFor(*plan, *chip);
        QCOMPARE(sfc.spi.erase, proto::SpiEraseMode::AllPartitions);
        QStringList writable;
        for (const proto::NorPartition &p : sfc.partitions)
            if (!p.readOnly)
                writable << p.name;
        QCOMPARE(writable, (QStringList{"kernel", "data"}));

        JobTrace trace;
        const JobResult r = run(*plan, trace);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(nor(0xF00000, 0xF0000), QByteArray(0xF0000, char(0xFF)));
        QCOMPARE(nor(0x40000, 512 * KiB), FlashKit::readFile(kernel));
        QCOMPARE(nor(0x40000 + 512 * KiB, 0x280000 - 512 * KiB),
                 QByteArray(0x280000 - 512 * KiB, char(0xFF)));
        QCOMPARE(nor(0, 0x40000), QByteArray(0x40000, 0x5A));          // uboot untouched
        QCOMPARE(nor(0x2C0000, 0x100000), QByteArray(0x100000, 0x5A)); // rootfs untouched
        QCOMPARE(nor(0xFF0000, 0x10000), factory);
    }

    void bootRegionWrittenLastSurvivesAnInterruptedJob()
    {
        // Chunk 3 (0-based) is the second chunk of rootfs: kernel (2 chunks) and rootfs go first.
        plugBoard(QStringLiteral("nor:16M:0xc84018"), QStringLiteral("disconnect@write:chunk=3"));
        fillOldFirmware();
        const QString uboot = m_kit.makeImage(QStringLiteral("u3.bin"), 200 * KiB, 5);
        const QString kernel = m_kit.makeImage(QStringLiteral("k3.bin"), 2 * MiB, 6);
        const QString rootfs = m_kit.makeImage(QStringLiteral("r3.bin"), 2 * MiB, 7);
        PlanRequest request;
        request.bootLast = true;
        request.steps = {writeStep(uboot, QStringLiteral("uboot")),
                         writeStep(kernel, QStringLiteral("kernel")),
                         writeStep(rootfs, QStringLiteral("rootfs"))};
        auto plan = m_kit.plan(norTarget(), request);
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
        QVERIFY(plan->bootLast);
        QCOMPARE(plan->steps.last().label, QStringLiteral("u3.bin"));
        QVERIFY(plan->notes.join(QLatin1Char('\n')).contains(QStringLiteral("old bootloader")));

        JobTrace trace;
        const JobResult r = run(*plan, trace);
        QCOMPARE(r.error.code, ErrorCode::Disconnected);
        QCOMPARE(r.failedStage, Stage::Write);
        QVERIFY2(r.flashState.contains(QStringLiteral("k3.bin written")), qPrintable(r.flashState));
        QVERIFY2(r.flashState.contains(QStringLiteral("partly written: r3.bin")), qPrintable(r.flashState));
        QCOMPARE(nor(0, 0x40000), QByteArray(0x40000, 0x5A)); // the old bootloader is still there
    }

    void emmcStepsWithRangeEraseAtStart()
    {
        plugBoard(QStringLiteral("emmc:64M"));
        board().emmc()->array().fill(0, 16 * MiB, 0x5A);
        const QByteArray saved = FlashKit::readFile(m_kit.makeImage(QStringLiteral("keep.bin"), 64 * KiB, 8));
        board().emmc()->array().write(8 * MiB, saved);
        const QString boot = m_kit.makeImage(QStringLiteral("boot.img"), 1000, 9);
        const QByteArray systemData =
            QByteArray(3 * MiB, 's') + FlashKit::readFile(m_kit.makeImage(QStringLiteral("s"), 5000, 10));
        const QString system =
            m_kit.makeCompressed(QStringLiteral("system.img.gz"), systemData, QStringLiteral("gzip"));
        const QString dump = m_kit.tempPath(QStringLiteral("keep-back.bin"));
        TargetProfile target = m_kit.target(QStringLiteral("t31-emmc"));
        target.capacity = 64 * MiB;
        PlanRequest request;
        request.erase = EraseMode::AtInit;
        request.steps = {readStep(dump, {}, 8 * MiB, 64 * KiB), writeStep(boot, {}, 0),
                         writeStep(system, {}, 1 * MiB)};
        auto plan = m_kit.plan(target, request);
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
        const proto::MmcConfig mmc = mmcConfigFor(*plan);
        QCOMPARE(mmc.erase, proto::MmcEraseMode::Ranges);
        QCOMPARE(mmc.ranges.size(), 2);
        QCOMPARE(mmc.ranges[1].start, quint64(MiB));

        JobTrace trace;
        const JobResult r = run(*plan, trace);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(FlashKit::readFile(dump), saved);
        QCOMPARE(board().emmc()->array().read(0, 1000), FlashKit::readFile(boot));
        QCOMPARE(board().emmc()->array().read(MiB, systemData.size()), systemData);
        QCOMPARE(board().emmc()->array().read(512 * KiB, 4096), QByteArray(4096, 0x5A)); // between the ranges
    }

    void compressedImagesFlashAsSingleOperations_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::newRow("gzip") << QStringLiteral("gzip");
        QTest::newRow("xz") << QStringLiteral("xz");
        QTest::newRow("zstd") << QStringLiteral("zstd");
        QTest::newRow("bzip2") << QStringLiteral("bzip2");
    }

    void compressedImagesFlashAsSingleOperations()
    {
        QFETCH(QString, filter);
        plugBoard(QStringLiteral("nor:16M:0xc84018"));
        QByteArray data = FlashKit::readFile(m_kit.makeImage(QStringLiteral("c-") + filter, 700 * KiB, 11));
        data.replace(0, 300 * KiB, QByteArray(300 * KiB, 'c'));
        const QString image = m_kit.makeCompressed(QStringLiteral("fw.") + filter, data, filter);
        PlanRequest request{Operation::Write, image, {}, 0x100000};
        auto plan = m_kit.plan(QStringLiteral("t31-nor"), request);
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
        QCOMPARE(plan->imageSize, qint64(data.size()));
        JobTrace trace;
        const JobResult r = run(*plan, trace);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QVERIFY(trace.stagesStarted().contains(QStringLiteral("verify")));
        QCOMPARE(nor(0x100000, data.size()), data);
    }

    void truncatedCompressedImageIsRefusedBeforeTheBoardIsTouched()
    {
        const QByteArray data = FlashKit::readFile(m_kit.makeImage(QStringLiteral("t.raw"), 300 * KiB, 12));
        const QString image = m_kit.makeCompressed(QStringLiteral("cut.xz"), data, QStringLiteral("xz"));
        QByteArray stored = FlashKit::readFile(image);
        FlashKit::writeFile(image, stored.left(stored.size() * 2 / 3));
        auto plan = m_kit.plan(QStringLiteral("t31-nor"), {Operation::Write, image});
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().code, ErrorCode::InputFile);
        QVERIFY2(plan.error().message.contains(QStringLiteral("cut.xz")), qPrintable(plan.error().message));
    }

    void fileReplacedAfterPlanningStopsBeforeAnyTransfer()
    {
        plugBoard(QStringLiteral("nor:16M:0xc84018"));
        const QString kernel = m_kit.makeImage(QStringLiteral("k5.bin"), 256 * KiB, 13);
        PlanRequest request;
        request.steps = {writeStep(kernel, QStringLiteral("kernel"))};
        auto plan = m_kit.plan(norTarget(), request);
        QVERIFY(plan.ok());
        m_kit.makeImage(QStringLiteral("k5.bin"), 128 * KiB, 14); // someone copies another build over it
        JobTrace trace;
        const JobResult r = run(*plan, trace);
        QCOMPARE(r.error.code, ErrorCode::InputFile);
        QCOMPARE(r.failedStage, Stage::Connect);
        QVERIFY2(r.error.message.contains(QStringLiteral("changed after the job was prepared")),
                 qPrintable(r.error.message));
        QCOMPARE(r.boardState, BoardState::Untouched);
        QVERIFY(!board().rom()->start1Done());
    }

    void smallerChipThanThePlanStopsBeforeInit()
    {
        plugBoard(QStringLiteral("nor:8M:0xc84017"));
        const QString rootfs = m_kit.makeImage(QStringLiteral("r6.bin"), 64 * KiB, 15);
        TargetProfile target = norTarget();
        target.partitions = {part("rootfs", 0x2C0000, 0xFFFFFFFF, proto::PartitionMode::MtdD)};
        PlanRequest request;
        request.steps = {writeStep(rootfs, {}, 0xA00000)};
        auto plan = m_kit.plan(target, request);
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
        JobTrace trace;
        const JobResult r = run(*plan, trace);
        QCOMPARE(r.failedStage, Stage::Configure);
        QCOMPARE(r.error.code, ErrorCode::InvalidArgument);
        QVERIFY2(
            r.error.message.contains(QStringLiteral("The flash on the board (GD25Q64C, 8 MiB) is too small")),
            qPrintable(r.error.message));
        QCOMPARE(board().nor()->array().allocatedBytes(), 0);
    }

    void progressTrackerFollowsRepeatedStagesInOrder()
    {
        QList<StageWeight> stages{
            {Stage::Init, 1}, {Stage::Write, 2}, {Stage::Write, 4}, {Stage::Read, 1}, {Stage::Verify, 2}};
        ProgressTracker t(stages);
        t.stageStarted(Stage::Init);
        t.stageFinished(Stage::Init);
        QCOMPARE(t.overall(), 0.1);
        t.stageStarted(Stage::Write);
        t.stageProgress(Stage::Write, 50, 100);
        QCOMPARE(t.overall(), 0.2);
        t.stageFinished(Stage::Write);
        t.stageStarted(Stage::Write); // the second write step weighs 4, not 2
        t.stageProgress(Stage::Write, 1, 4);
        QCOMPARE(t.overall(), 0.4);
        t.stageFinished(Stage::Write);
        t.stageStarted(Stage::Read);
        t.stageFinished(Stage::Read);
        QCOMPARE(t.overall(), 0.8);
        t.stageStarted(Stage::Reboot); // undeclared: weighs nothing, does not move the cursor back
        t.stageFinished(Stage::Reboot);
        t.stageStarted(Stage::Verify);
        t.stageFinished(Stage::Verify);
        QCOMPARE(t.overall(), 1.0);
    }
};

QTEST_GUILESS_MAIN(TestPlans)
#include "tst_plans.moc"
