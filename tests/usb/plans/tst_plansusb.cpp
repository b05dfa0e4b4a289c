// Multi-partition NOR plans and OpenCloner packages through the REAL libusb code path:
// LibusbDeviceProvider and LibusbTransport talking to virtual boards on umockdev's emulated
// /dev/bus/usb (issue 3, point 4).

#include "clonertree.h"
#include "flashtestkit.h"
#include "usbfixture.h"

#include "core/catalog/importstore.h"
#include "core/flash/targetbuilder.h"

#include "core/flash/packageplan.h"
#include "core/package/packagewriter.h"
#include "core/usb/libusbdeviceprovider.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

using namespace oc;
using namespace oc::test;

namespace {

constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1 << 20;

} // namespace

class TestPlansUsb : public QObject
{
    Q_OBJECT

private:
    UsbFixture m_usb;
    FlashKit m_kit;
    std::shared_ptr<LibusbDeviceProvider> m_provider;

    std::shared_ptr<sim::VirtualBoard> plug(const QString &port, const QString &storage)
    {
        auto config = FlashKit::boardConfig(QStringLiteral("t31"), storage);
        config.usbBootSelectHeld = true; // comes back as a fresh ROM after each REBOOT
        config.reenumerateDelay = std::chrono::milliseconds(50);
        auto board = std::make_shared<sim::VirtualBoard>(config, sim::TimingModel::none(), sim::FaultPlan{});
        board->plug(sim::SimClock::now());
        const Status added = m_usb.add(board, port);
        Q_ASSERT_X(added.ok(), "plug", qPrintable(added.ok() ? QString() : added.error().message));
        return board;
    }

    UsbDeviceId device(const QString &port) { return m_usb.waitForBoard(*m_provider, port); }

    JobResult run(const FlashPlan &plan, const QString &port, JobTrace *traceOut = nullptr)
    {
        FlashJob job(plan, m_provider, device(port));
        JobTrace trace;
        if (!runJob(job, trace, 120000))
            qFatal("job did not end");
        if (traceOut)
            *traceOut = trace;
        return *trace.result;
    }

    TargetProfile norTarget() const
    {
        TargetProfile t = m_kit.target(QStringLiteral("t31-nor"));
        using M = proto::PartitionMode;
        t.partitions = {part("uboot", 0, 0x40000, M::Mtd), part("kernel", 0x40000, 0x280000, M::Mtd),
                        part("rootfs", 0x2C0000, 0xC40000, M::MtdD), part("data", 0xF00000, 0xF0000, M::Mtd),
                        part("factory", 0xFF0000, 0x10000, M::Mtd, true)};
        return t;
    }

    // An installation laid out like the vendor's, made here, imported into a store as a user would.
    Result<catalog::Catalog> importedCatalog(const QString &root, const QString &store)
    {
        auto builtin = catalog::Catalog::loadRoots({QLatin1String(catalog::Catalog::BuiltinRoot)});
        if (!builtin)
            return std::move(builtin).error();
        catalog::test::ClonerTree tree(root);
        tree.addStandard(*builtin);
        // The writer's third policy gets a file: rootfs at 0x340000, to the end of the chip.
        catalog::test::CfgBoard writer = catalog::test::ClonerTree::t31xWriter();
        writer.policies[2].attribute = QStringLiteral("./0_Firmware_Root/rootfs.bin");
        writer.policies[2].enabled = 1;
        tree.write(QStringLiteral("0_Firmware_Root/rootfs.bin"),
                   catalog::test::ClonerTree::noise(800 * 1024, 3));
        tree.write(QStringLiteral("configs/t31x/t31x_sfc_nor_writer.cfg"), writer.text());
        catalog::ImportStore imports(store);
        if (auto imported = imports.importAndSave(*builtin, root); !imported)
            return std::move(imported).error();
        return catalog::Catalog::loadRoots({QLatin1String(catalog::Catalog::BuiltinRoot), imports.dir()});
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

    void multiPartitionNorPlanFlashedAndVerified()
    {
        auto board = plug(QStringLiteral("2-1"), QStringLiteral("nor:16M:0xc84018"));
        board->nor()->array().fill(0, 16 * MiB, 0x5A);
        const QByteArray factory = FlashKit::readFile(m_kit.makeImage(QStringLiteral("f.raw"), 64 * KiB, 31));
        board->nor()->array().write(0xFF0000, factory);
        const QString uboot = m_kit.makeImage(QStringLiteral("uboot.bin"), 180 * KiB, 32);
        const QString kernel = m_kit.makeImage(QStringLiteral("kernel.bin"), 2 * MiB + 3000, 33);
        QByteArray rootfs = FlashKit::readFile(m_kit.makeImage(QStringLiteral("rootfs.raw"), 3 * MiB, 34));
        rootfs.replace(MiB, MiB, QByteArray(MiB, '\0'));
        const QString rootfsZst =
            m_kit.makeCompressed(QStringLiteral("rootfs.img.zst"), rootfs, QStringLiteral("zstd"));
        const QString backup = m_kit.tempPath(QStringLiteral("factory.bin"));
        PlanRequest request;
        request.erase = EraseMode::AtInit;
        request.steps = {step(StepKind::Read, backup, QStringLiteral("factory")),
                         step(StepKind::Write, uboot, QStringLiteral("uboot")),
                         step(StepKind::Write, kernel, QStringLiteral("kernel")),
                         step(StepKind::Write, rootfsZst, QStringLiteral("rootfs")),
                         step(StepKind::Erase, {}, QStringLiteral("data"))};
        // factory is read-only, so reading it after the erase at the start is fine.
        auto plan = m_kit.plan(norTarget(), request);
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
        JobTrace trace;
        const JobResult r = run(*plan, QStringLiteral("2-1"), &trace);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(trace.stagesStarted().count(QStringLiteral("load-spl")), 1); // one boot for the whole plan
        QCOMPARE(trace.stagesStarted().count(QStringLiteral("write")), 3);
        QVERIFY(trace.stagesStarted().contains(QStringLiteral("verify")));
        const sim::SparseStore &nor = board->nor()->array();
        QCOMPARE(nor.read(0, 180 * KiB), FlashKit::readFile(uboot));
        QCOMPARE(nor.read(0x40000, 2 * MiB + 3000), FlashKit::readFile(kernel));
        QCOMPARE(nor.read(0x2C0000, rootfs.size()), rootfs);
        QCOMPARE(nor.read(0x2C0000 + rootfs.size(), 4096),
                 QByteArray(4096, char(0xFF)));                                 // rootfs erased whole at INIT
        QCOMPARE(nor.read(0xF00000, 0xF0000), QByteArray(0xF0000, char(0xFF))); // data erased
        QCOMPARE(nor.read(0xFF0000, 0x10000), factory);                         // read-only: kept
        QCOMPARE(FlashKit::readFile(backup), factory);
    }

    // The imported vendor profile's three policies (uboot, kernel, rootfs into its MTD partitions)
    // run as one plan: one boot, one configuration with the profile's own partition table.
    void importedMultiPartitionPlanInOneJob()
    {
        const QString root = m_kit.tempPath(QStringLiteral("cloner"));
        auto catalog = importedCatalog(root, m_kit.tempPath(QStringLiteral("store")));
        QVERIFY2(catalog.ok(), catalog.ok() ? "" : qPrintable(catalog.error().message));
        const catalog::BoardProfile *board = catalog->board(QStringLiteral("t31x_sfc_nor_writer"));
        QVERIFY(board);
        QCOMPARE(board->partitions.size(), 3);
        QCOMPARE(board->steps.size(), 3);
        auto resolved = resolveTarget(*catalog, board->name, root);
        QVERIFY2(resolved.ok(), resolved.ok() ? "" : qPrintable(resolved.error().message));
        auto plan = makePlan(profilePlanRequest(*board), resolved->target, resolved->images);
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
        plan->timeouts = FlashKit::shortTimeouts();
        QCOMPARE(plan->steps[1].partition, QStringLiteral("kernel"));

        auto nor =
            plug(QStringLiteral("2-3"), QStringLiteral("nor:16M:0x5a4018")); // known from spiflashinfo.cfg
        nor->nor()->array().fill(0, 16 * MiB, 0x00);
        JobTrace trace;
        const JobResult r = run(*plan, QStringLiteral("2-3"), &trace);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(r.flashName, QStringLiteral("ZZ25Q128TEST"));
        QCOMPARE(trace.stagesStarted().count(QStringLiteral("load-spl")), 1);
        QCOMPARE(trace.stagesStarted().count(QStringLiteral("write")), 3);
        for (const catalog::BoardStep &step : board->steps) {
            const QByteArray image = FlashKit::readFile(step.path);
            QCOMPARE(nor->nor()->array().read(step.offset, image.size()), image);
        }
        // MTD_MODE partitions are erased whole on their first write: the rest of uboot reads erased.
        const qint64 ubootSize = QFileInfo(board->steps[0].path).size();
        QCOMPARE(nor->nor()->array().read(ubootSize, 0x40000 - ubootSize),
                 QByteArray(0x40000 - ubootSize, char(0xFF)));
    }

    void packageRoundTripThroughLibusb()
    {
        auto board = plug(QStringLiteral("2-2"), QStringLiteral("nor:16M:0xc84018"));
        board->nor()->array().fill(0, 16 * MiB, 0x33);
        const QString uboot = m_kit.makeImage(QStringLiteral("p-uboot.bin"), 256 * KiB, 41);
        QByteArray kernel = FlashKit::readFile(m_kit.makeImage(QStringLiteral("p-k.raw"), 1536 * KiB, 42));
        kernel.replace(0, 512 * KiB, QByteArray(512 * KiB, 'k'));
        const QString kernelGz =
            m_kit.makeCompressed(QStringLiteral("p-kernel.gz"), kernel, QStringLiteral("gzip"));
        PlanRequest request;
        request.bootLast = true;
        request.steps = {step(StepKind::Write, uboot, QStringLiteral("uboot")),
                         step(StepKind::Write, kernelGz, QStringLiteral("kernel"))};
        auto plan = m_kit.plan(norTarget(), request);
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
        auto contents = packContents(*plan, QStringLiteral("usb round trip"), QStringLiteral("3.1"));
        QVERIFY(contents.ok());
        const QString package = m_kit.tempPath(QStringLiteral("usb.zip"));
        auto written = pkg::writePackage(package, contents->manifest, contents->sources);
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message));
        QVERIFY(written->bootLast);

        auto loaded = pkg::loadPackage(package); // every hash checked before anything is flashed
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
        auto flash = makePackagePlan(*loaded, {Operation::Write, package}, norTarget(),
                                     m_kit.images(QStringLiteral("t31-nor")));
        QVERIFY2(flash.ok(), flash.ok() ? "" : qPrintable(flash.error().message));
        flash->timeouts = FlashKit::shortTimeouts();
        QCOMPARE(flash->steps.last().partition, QStringLiteral("uboot")); // still last after the round trip
        const JobResult r = run(*flash, QStringLiteral("2-2"));
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(board->nor()->array().read(0, 256 * KiB), FlashKit::readFile(uboot));
        QCOMPARE(board->nor()->array().read(0x40000, kernel.size()), kernel);

        // A second run verifies the same package against the board as it is now.
        const JobResult again = run(*flash, QStringLiteral("2-2"));
        QVERIFY2(again.ok, qPrintable(again.error.message));
    }
};

QTEST_GUILESS_MAIN(TestPlansUsb)
#include "tst_plansusb.moc"
