// Erasing on a burner of the older (ICU) generation (the X2000's): its spi_erase has two values only,
// 0 = lazy and 1 = chip erase at INIT [3.9.1, 6.8]. A range or partition erase at INIT therefore
// cannot be asked of it (it would wipe the whole chip), and "erase everything" must be sent as 1
// (the K1 chip-erase value 2 means nothing to it). The board is a T31 whose burner is switched to
// the ICU generation on both sides (virtual board and profile).

#include "flashtestkit.h"

#include "core/sim/virtualbus.h"
#include "core/sim/virtualbusprovider.h"

#include <QTest>

using namespace oc;
using namespace oc::test;

class TestIcuErase : public QObject
{
    Q_OBJECT

private:
    FlashKit m_kit;
    std::shared_ptr<sim::VirtualBus> m_bus;
    std::shared_ptr<sim::VirtualBusProvider> m_provider;
    QString m_port;

    sim::SparseStore &nor() { return m_bus->board(m_port)->nor()->array(); }

    void plugOldFirmware()
    {
        m_bus = std::make_shared<sim::VirtualBus>();
        m_provider = std::make_shared<sim::VirtualBusProvider>(m_bus);
        sim::SimBoardConfig config =
            FlashKit::boardConfig(QStringLiteral("t31"), QStringLiteral("nor:16M:0xc84018"));
        config.setBurnerGeneration(proto::BurnerGeneration::Icu);
        auto port = m_bus->addBoard(config, sim::TimingModel::none(), {});
        QVERIFY(port.ok());
        m_port = *port;
        nor().fill(0, 16 << 20, 0x5A);
    }

    TargetProfile icuTarget() const
    {
        TargetProfile t = m_kit.target(QStringLiteral("t31-nor"));
        t.burner.generation = proto::BurnerGeneration::Icu;
        t.burner.layout = proto::CommandLayout::A;
        t.burner.debugLayout = proto::DebugLayout::IcuSize24;
        t.burner.policyLayout = proto::PolicyLayout::IcuSize;
        t.burner.spiParam = proto::SpiParamVariant::Icu16;
        t.burner.maxChunk = 512 * 1024;
        t.writeChunk = t.readChunk = 512 * 1024;
        return t;
    }

    JobResult run(const PlanRequest &request)
    {
        auto plan = m_kit.plan(icuTarget(), request);
        if (!plan)
            return JobResult{false, plan.error()};
        FlashJob job(*plan, m_provider, m_provider->listDevices()->first());
        JobTrace trace;
        if (!runJob(job, trace))
            qFatal("job did not end");
        return *trace.result;
    }

private Q_SLOTS:
    void eraseEverythingErasesTheChip()
    {
        plugOldFirmware();
        const JobResult r = run({Operation::Erase});
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(nor().read(0x800000, 4096), QByteArray(4096, char(0xFF)));
    }

    void writeWithChipEraseErasesFirst()
    {
        plugOldFirmware();
        const QString image = m_kit.makeImage(QStringLiteral("x.bin"), 256 * 1024, 61);
        PlanRequest request{Operation::Write, image};
        request.erase = EraseMode::Chip;
        auto plan = m_kit.plan(icuTarget(), request);
        QVERIFY(plan.ok());
        QVERIFY(!plan->verify); // it cannot read back: the burner's own read-back check remains
        QVERIFY(plan->notes.join(QLatin1Char(' ')).contains(QStringLiteral("cannot read its SPI NOR back")));
        const JobResult r = run(request);
        QVERIFY2(r.ok, qPrintable(r.error.message));
        QCOMPARE(nor().read(0, 256 * 1024), FlashKit::readFile(image));
        QCOMPARE(nor().read(0x800000, 4096), QByteArray(4096, char(0xFF)));
    }

    void rangeEraseIsRefusedInsteadOfWipingTheChip()
    {
        plugOldFirmware();
        PlanRequest request{Operation::Erase};
        request.offset = 0x100000;
        request.length = 0x10000;
        const JobResult r = run(request);
        QCOMPARE(r.error.code, ErrorCode::InvalidArgument);
        QVERIFY2(r.error.message.contains(QStringLiteral("erases the whole chip")),
                 qPrintable(r.error.message));
        QCOMPARE(nor().read(0x800000, 4096), QByteArray(4096, 0x5A));
    }

    void readingIsRefused()
    {
        auto plan =
            m_kit.plan(icuTarget(), {Operation::Read, {}, m_kit.tempPath(QStringLiteral("dump.bin"))});
        QVERIFY(!plan.ok());
        QVERIFY2(plan.error().message.contains(QStringLiteral("cannot read its SPI NOR back")),
                 qPrintable(plan.error().message));
        PlanRequest steps;
        StepRequest read{StepKind::Read, m_kit.tempPath(QStringLiteral("r.bin"))};
        read.offset = 0;
        read.length = 4096;
        steps.steps = {read};
        const PlanCheck check = m_kit.check(icuTarget(), steps);
        QVERIFY(!check.plan);
        QCOMPARE(check.findings.first().rule, PreflightRule::CannotRead);
    }

    void writeWithInitEraseIsRefused()
    {
        plugOldFirmware();
        const QString image = m_kit.makeImage(QStringLiteral("y.bin"), 64 * 1024, 62);
        PlanRequest request{Operation::Write, image, {}, 0x100000};
        request.erase = EraseMode::AtInit;
        const JobResult r = run(request);
        QCOMPARE(r.error.code, ErrorCode::InvalidArgument);
        QVERIFY2(r.error.message.contains(QStringLiteral("erases the whole chip")),
                 qPrintable(r.error.message));
        QCOMPARE(nor().read(0, 4096), QByteArray(4096, 0x5A));
    }
};

QTEST_GUILESS_MAIN(TestIcuErase)
#include "tst_icuerase.moc"
