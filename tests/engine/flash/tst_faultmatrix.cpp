// The fault matrix (issue 2, point 4): every stage x every fault kind the virtual board can inject.
// Each run must end within its timeout bound, in the right error class, with a message that names the
// stage (and the offset for data stages) — and must never report success while the flash differs
// from the image. Faults the engine is meant to absorb (one corrupted chunk, a short transfer) must
// end in success with an identical flash and a counted retry.

#include "flashtestkit.h"

#include "core/sim/virtualbus.h"
#include "core/sim/virtualbusprovider.h"

#include <QElapsedTimer>
#include <QTest>

using namespace oc;
using namespace oc::test;

namespace {

constexpr qint64 ImageSize = 256 * 1024; // 4 chunks of 64 KiB
constexpr quint64 ImageOffset = 0x40000;

struct Expectation
{
    QList<ErrorCode> codes; // empty: the job must succeed
    Stage stage = Stage::Connect;
    bool dataStage = false; // the error must carry a flash offset
    bool retried = false;   // success after at least one retry
};

} // namespace

Q_DECLARE_METATYPE(Expectation)

class TestFaultMatrix : public QObject
{
    Q_OBJECT

private:
    FlashKit m_kit;

    static void row(const char *name, const char *fault, Expectation e)
    {
        QTest::newRow(name) << QString::fromLatin1(fault) << e;
    }
    static Expectation fails(Stage stage, QList<ErrorCode> codes, bool data = false)
    {
        return {codes, stage, data, false};
    }
    static Expectation absorbs() { return {{}, Stage::Connect, false, true}; }

private Q_SLOTS:
    void faults_data()
    {
        using E = ErrorCode;
        QTest::addColumn<QString>("fault");
        QTest::addColumn<Expectation>("expect");
        // identify
        row("identify/stall", "stall@get_cpu_info", fails(Stage::Identify, {E::Stall}));
        row("identify/timeout", "ctrl_timeout@get_cpu_info", fails(Stage::Identify, {E::Timeout}));
        row("identify/short", "short_control_in@get_cpu_info:bytes=3",
            fails(Stage::Identify, {E::Transfer, E::ChipMismatch}));
        row("identify/disconnect", "disconnect@get_cpu_info", fails(Stage::Identify, {E::Disconnected}));
        // SPL upload and run
        row("load-spl/stall", "stall@set_data_addr", fails(Stage::LoadSpl, {E::Stall}));
        row("load-spl/timeout", "ctrl_timeout@set_data_len", fails(Stage::LoadSpl, {E::Timeout}));
        row("load-spl/bulk-timeout", "bulk_timeout@bulk:n=1", fails(Stage::LoadSpl, {E::Timeout}));
        row("load-spl/disconnect", "disconnect@start1", fails(Stage::LoadSpl, {E::Disconnected}));
        row("run-spl/hang", "spl_hang", fails(Stage::RunSpl, {E::Timeout}));
        row("run-spl/disconnect", "disconnect@get_cpu_info:n=2", fails(Stage::RunSpl, {E::Disconnected}));
        // burner upload and start
        row("load-burner/bulk-timeout", "bulk_timeout@bulk:n=3", fails(Stage::LoadBurner, {E::Timeout}));
        row("load-burner/stall", "stall@flush_caches", fails(Stage::LoadBurner, {E::Stall}));
        row("load-burner/disconnect", "disconnect@start2", fails(Stage::LoadBurner, {E::Disconnected}));
        row("start-burner/no-boot", "burner_no_boot", fails(Stage::StartBurner, {E::Timeout}));
        // configuration
        row("configure/bad-ack", "bad_ack@get_ack:n=1:value=-22", fails(Stage::Configure, {E::DeviceError}));
        row("configure/stall", "stall@update_cfg", fails(Stage::Configure, {E::Stall}));
        row("configure/disconnect", "disconnect@get_flash_info", fails(Stage::Configure, {E::Disconnected}));
        row("configure/no-chip", "jedec:id=0xffffff", fails(Stage::Configure, {E::UnknownFlash}));
        row("configure/unknown-chip", "jedec:id=0x123456", fails(Stage::Configure, {E::UnknownFlash}));
        row("configure/bulk-timeout", "bulk_timeout@bulk:dir=out:n=4", fails(Stage::Configure, {E::Timeout}));
        // INIT
        row("init/bad-ack", "bad_ack@init:value=-5", fails(Stage::Init, {E::DeviceError}));
        row("init/timeout", "ctrl_timeout@init", fails(Stage::Init, {E::Timeout}));
        row("init/disconnect", "disconnect@init", fails(Stage::Init, {E::Disconnected}));
        // write
        row("write/disconnect", "disconnect@write:chunk=2", fails(Stage::Write, {E::Disconnected}, true));
        row("write/disconnect-mid-bulk", "disconnect@write:offset=100000",
            fails(Stage::Write, {E::Disconnected}, true));
        row("write/bad-ack", "bad_ack@write:chunk=1:value=-1", fails(Stage::Write, {E::DeviceError}, true));
        row("write/crc-once", "crc_corrupt_out@write:chunk=1", absorbs());
        row("write/crc-always", "crc_corrupt_out@write:chunk=1:count=0",
            fails(Stage::Write, {E::DeviceError}, true));
        row("write/partial-once", "accept_partial_out@write:chunk=2:bytes=1000", absorbs());
        row("write/bulk-timeout", "bulk_timeout@write:chunk=1:count=0",
            fails(Stage::Write, {E::Timeout}, true));
        row("write/program-fail", "program_fail:start=0x50000:end=0x50100:stuck=0x01",
            fails(Stage::Write, {E::DeviceError}, true));
        row("write/power-loss", "power_loss@write:chunk=1:page=3",
            fails(Stage::Write, {E::Disconnected}, true));
        row("write/write-protect", "write_protect", fails(Stage::Write, {E::DeviceError}, true));
        row("write/slow-erase", "slow_erase:factor=4", absorbs());
        // verify (read back)
        row("verify/crc-once", "crc_corrupt_in@read:chunk=0", absorbs());
        row("verify/crc-always", "crc_corrupt_in@read:chunk=0:count=0",
            fails(Stage::Verify, {E::DeviceError, E::Transfer}, true));
        row("verify/wrong-crc", "wrong_crc_field@read:count=0",
            fails(Stage::Verify, {E::DeviceError, E::Transfer}, true));
        row("verify/short-bulk", "short_bulk_in@read:chunk=0:bytes=512", absorbs());
        row("verify/disconnect", "disconnect@read:chunk=0", fails(Stage::Verify, {E::Disconnected}, true));
        row("verify/bad-crc-ack", "bad_ack@get_crc:value=-5:count=0",
            fails(Stage::Verify, {E::DeviceError}, true));
        // reboot: the board leaving the bus is what REBOOT means
        row("reboot/stall", "stall@reboot", absorbs());
        row("reboot/disconnect", "disconnect@reboot", absorbs());
    }

    void faults()
    {
        QFETCH(QString, fault);
        QFETCH(Expectation, expect);
        auto faults = sim::FaultPlan::parse(fault);
        QVERIFY2(faults.ok(), qPrintable(faults.ok() ? QString() : faults.error().message));
        auto bus = std::make_shared<sim::VirtualBus>();
        auto provider = std::make_shared<sim::VirtualBusProvider>(bus);
        auto port =
            bus->addBoard(FlashKit::boardConfig(QStringLiteral("t31"), QStringLiteral("nor:16M:0xc84018")),
                          sim::TimingModel::none(), *faults);
        QVERIFY(port.ok());
        const QString image = m_kit.makeImage(QStringLiteral("fw.bin"), ImageSize, 11);
        PlanRequest request{Operation::Write, image};
        request.offset = ImageOffset;
        auto plan = m_kit.plan(QStringLiteral("t31-nor"), request);
        QVERIFY(plan.ok());
        plan->target.writeChunk = 64 * 1024;
        plan->target.readChunk = 64 * 1024;

        FlashJob job(*plan, provider, provider->listDevices()->first());
        JobTrace trace;
        QElapsedTimer timer;
        timer.start();
        QVERIFY2(runJob(job, trace, 30000), "the job must always end");
        const JobResult r = *trace.result;
        const QByteArray flash = bus->board(*port)->nor()->array().read(ImageOffset, ImageSize);
        const bool identical = flash == FlashKit::readFile(image);
        qInfo().noquote() << fault << "->" << (r.ok ? QStringLiteral("ok") : r.error.message)
                          << QStringLiteral("(%1 ms, %2 retries)").arg(timer.elapsed()).arg(r.retries);

        QVERIFY2(!r.ok || identical, "success must mean the flash holds the image");
        if (expect.codes.isEmpty()) {
            QVERIFY2(r.ok, qPrintable(r.error.message));
            if (fault.contains(QLatin1String("corrupt")) || fault.contains(QLatin1String("partial")) ||
                fault.contains(QLatin1String("short")))
                QVERIFY2(r.retries > 0, "an absorbed transfer fault is a counted retry");
            return;
        }
        QVERIFY2(!r.ok, "the fault must fail the job");
        QVERIFY2(expect.codes.contains(r.error.code),
                 qPrintable(QStringLiteral("class %1: %2")
                                .arg(QLatin1String(errorCodeName(r.error.code)), r.error.message)));
        QCOMPARE(r.failedStage, expect.stage);
        QVERIFY2(r.error.message.startsWith(QLatin1String(stageLabel(expect.stage))),
                 qPrintable(r.error.message));
        if (expect.dataStage)
            QVERIFY2(r.error.offset >= qint64(ImageOffset) &&
                         r.error.offset < qint64(ImageOffset + ImageSize),
                     qPrintable(QStringLiteral("offset %1: %2").arg(r.error.offset).arg(r.error.message)));
        QVERIFY2(trace.events.last() ==
                     QStringLiteral("started:%1").arg(QLatin1String(stageName(expect.stage))),
                 qPrintable(trace.events.join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "tst_faultmatrix.moc"
