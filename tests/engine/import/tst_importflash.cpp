// An Ingenic USB Cloner installation imported into the store (synthetic tree, placeholder loaders)
// drives the real engine against a virtual board: the profile's steps (its vendor policies) are
// written where the .cfg says, with the generated ginfo and the SPI NOR record imported from
// spiflashinfo.cfg; a flash chip the database does not know stops the job before INIT.

#include "clonertree.h"
#include "flashtestkit.h"

#include "core/catalog/importstore.h"
#include "core/flash/targetbuilder.h"
#include "core/sim/virtualbus.h"
#include "core/sim/virtualbusprovider.h"

#include <QTemporaryDir>
#include <QTest>

using namespace oc;
using namespace oc::test;
using oc::catalog::test::ClonerTree;

class TestImportFlash : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<catalog::Catalog> m_catalog; // built-ins + the store with the imported boards
    QString m_root;
    std::shared_ptr<sim::VirtualBus> m_bus;
    std::shared_ptr<sim::VirtualBusProvider> m_provider;
    QString m_port;

    void plugBoard(const QString &storage, const QString &chip = QStringLiteral("t31"))
    {
        m_bus = std::make_shared<sim::VirtualBus>();
        m_provider = std::make_shared<sim::VirtualBusProvider>(m_bus);
        auto port = m_bus->addBoard(FlashKit::boardConfig(chip, storage));
        QVERIFY(port.ok());
        m_port = *port;
    }

    void powerCycle()
    {
        QVERIFY(m_bus->unplug(m_port));
        QVERIFY(m_bus->plug(m_port));
    }

    JobResult runStep(const QString &boardName, const catalog::BoardStep &step, JobTrace *traceOut = nullptr)
    {
        auto resolved = resolveTarget(*m_catalog, boardName, m_root);
        if (!resolved)
            return JobResult{false, resolved.error()};
        PlanRequest request;
        request.op = step.kind == catalog::StepKind::Write ? Operation::Write : Operation::Read;
        (step.kind == catalog::StepKind::Write ? request.imagePath : request.outputPath) = step.path;
        request.offset = step.offset;
        request.length = step.length;
        auto plan = makePlan(request, resolved->target, resolved->images);
        if (!plan)
            return JobResult{false, plan.error()};
        plan->timeouts = FlashKit::shortTimeouts();
        auto devices = m_provider->listDevices();
        Q_ASSERT(devices.ok() && !devices->isEmpty());
        FlashJob job(*plan, m_provider, devices->first());
        JobTrace trace;
        if (!runJob(job, trace))
            qFatal("job did not end");
        if (traceOut)
            *traceOut = trace;
        return *trace.result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto builtin = catalog::Catalog::loadRoots({QLatin1String(catalog::Catalog::BuiltinRoot)});
        QVERIFY(builtin.ok());
        m_root = m_dir.filePath(QStringLiteral("cloner"));
        ClonerTree(m_root).addStandard(*builtin);
        catalog::ImportStore store(m_dir.filePath(QStringLiteral("store")));
        const auto imported = store.importAndSave(*builtin, m_root);
        QVERIFY2(imported.ok(), imported.ok() ? "" : qPrintable(imported.error().message));
        auto catalog =
            catalog::Catalog::loadRoots({QLatin1String(catalog::Catalog::BuiltinRoot), store.dir()});
        QVERIFY2(catalog.ok(), catalog.ok() ? "" : qPrintable(catalog.error().message));
        m_catalog = std::move(catalog).value();
    }

    // Both policies of the writer, one job each, on a NOR part known only from the imported
    // spiflashinfo.cfg (JEDEC 0x5A4018).
    void writerStepsFlashTheVirtualBoard()
    {
        const catalog::BoardProfile *board = m_catalog->board(QStringLiteral("t31x_sfc_nor_writer"));
        QVERIFY(board);
        QCOMPARE(board->steps.size(), 2);
        plugBoard(QStringLiteral("nor:16M:0x5a4018"));
        for (int i = 0; i < board->steps.size(); ++i) {
            JobTrace trace;
            const JobResult r = runStep(board->name, board->steps[i], &trace);
            QVERIFY2(r.ok, qPrintable(r.error.message));
            QCOMPARE(r.flashName, QStringLiteral("ZZ25Q128TEST"));
            QVERIFY(trace.stagesStarted().contains(QStringLiteral("verify")));
            powerCycle();
        }
        const auto &nor = m_bus->board(m_port)->nor()->array();
        for (const catalog::BoardStep &step : board->steps) {
            const QByteArray image = FlashKit::readFile(step.path);
            QCOMPARE(nor.read(step.offset, image.size()), image);
        }
    }

    void emmcStepFlashesTheCard()
    {
        const catalog::BoardProfile *board = m_catalog->board(QStringLiteral("t31x_mmc_ddr2_linux"));
        QVERIFY(board);
        plugBoard(QStringLiteral("emmc:64M"));
        const JobResult r = runStep(board->name, board->steps[0]);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        const QByteArray image = FlashKit::readFile(board->steps[0].path);
        QCOMPARE(m_bus->board(m_port)->emmc()->array().read(0, image.size()), image);
    }

    // The reader's policies read where the .cfg says, into the installation's tmp/ (the .cfg named
    // a folder of another machine).
    void readerStepReads()
    {
        const catalog::BoardProfile *board = m_catalog->board(QStringLiteral("t20_sfc_nor_reader_16mb"));
        QVERIFY(board);
        plugBoard(QStringLiteral("nor:16M:0xc84018"), QStringLiteral("t20"));
        const catalog::BoardStep &step = board->steps[1];
        QCOMPARE(step.path, QDir(m_root).filePath(QStringLiteral("tmp/2.bin")));
        const JobResult r = runStep(board->name, step);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(QFileInfo(step.path).size(), qint64(step.length));
    }

    void unknownJedecStopsBeforeInit()
    {
        const catalog::BoardProfile *board = m_catalog->board(QStringLiteral("t31x_sfc_nor_writer"));
        plugBoard(QStringLiteral("nor:16M:0x123456"));
        JobTrace trace;
        const JobResult r = runStep(board->name, board->steps[0], &trace);
        QVERIFY(!r.ok);
        QCOMPARE(r.error.code, ErrorCode::UnknownFlash);
        QVERIFY2(r.error.message.contains(QLatin1String("0x123456")), qPrintable(r.error.message));
        QVERIFY(!trace.stagesStarted().contains(QStringLiteral("init")));
        QVERIFY(!trace.stagesStarted().contains(QStringLiteral("write")));
    }
};

QTEST_GUILESS_MAIN(TestImportFlash)
#include "tst_importflash.moc"
