// FaultPlan text syntax and FaultInjector trigger matching (spec 6.14).

#include "core/sim/faultinjector.h"
#include "core/sim/faultplan.h"

#include <QTest>

using namespace oc::sim;
using namespace std::chrono_literals;

class TestSimFaultPlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void briefExamples()
    {
        const auto plan = FaultPlan::parse(QStringLiteral(
            "disconnect@write:chunk=3; bad_ack@init:value=-5 ctrl_timeout@req=0x19:n=2\njedec:id=0xffffff;"
            "slow_erase:factor=4"));
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
        QCOMPARE(plan->faults.size(), 5);
        const FaultSpec &d = plan->faults[0];
        QCOMPARE(d.kind, FaultKind::Disconnect);
        QCOMPARE(d.trigger.stream, FaultStream::Write);
        QCOMPARE(d.trigger.chunk, 3);
        QCOMPARE(d.count, 1);
        const FaultSpec &b = plan->faults[1];
        QCOMPARE(b.trigger.request, quint8(0x11));
        QCOMPARE(b.number(QStringLiteral("value"), 0), -5);
        const FaultSpec &c = plan->faults[2];
        QCOMPARE(c.trigger.request, quint8(0x19));
        QCOMPARE(c.trigger.occurrence, 2);
        const FaultSpec &j = plan->faults[3];
        QVERIFY(j.trigger.isAlways());
        QCOMPARE(j.count, 0); // untriggered faults apply to every match
        QCOMPARE(j.number(QStringLiteral("id"), 0), 0xFFFFFF);
        QCOMPARE(plan->faults[4].params.value(QStringLiteral("factor")), QStringLiteral("4"));
    }

    void everyKindParses()
    {
        const char *texts[] = {"ctrl_timeout@get_ack:hang",
                               "bulk_timeout@bulk:n=2:dir=in",
                               "stall@start1",
                               "short_control_in@get_cpu_info:bytes=4",
                               "short_bulk_in@read:chunk=1:bytes=100",
                               "accept_partial_out@write:chunk=0:bytes=512",
                               "disconnect@time=1.5s",
                               "disconnect@write:offset=0x30000",
                               "bad_ack@get_crc:value=0x7fffffff",
                               "crc_corrupt_out@write:chunk=2:bit=7",
                               "crc_corrupt_in@read:bit=3",
                               "wrong_crc_field@get_crc:value=1",
                               "slow_program:max",
                               "slow_read:factor=2.5",
                               "program_fail:start=0:end=0x1000:stuck=0x80",
                               "erase_fail:start=0x10000:end=0x20000",
                               "write_protect",
                               "jedec:id=0",
                               "spl_hang",
                               "burner_no_boot",
                               "start1_one_shot:off",
                               "reenumerate_after_spl:delay=200ms",
                               "garbage_after_ginfo:data=544f4f42",
                               "reappear_after_reboot:delay=1s",
                               "power_loss@write:chunk=4:page=10",
                               "stall@req=0x26:stage=burner:count=0"};
        for (const char *text : texts) {
            const auto spec = FaultPlan::parseOne(QString::fromLatin1(text));
            QVERIFY2(spec.ok(), spec.ok() ? text : qPrintable(spec.error().message));
        }
        const auto timed = FaultPlan::parseOne(QStringLiteral("disconnect@time=1.5s"));
        QCOMPARE(*timed->trigger.time, SimDuration(1500ms));
        QCOMPARE(FaultPlan::parseOne(QStringLiteral("stall@req=0x26:stage=burner:count=0"))->count, 0);
    }

    void errorsAreClear_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("kind") << "disconect"
                              << "unknown fault 'disconect'";
        QTest::newRow("trigger") << "disconnect@wrte"
                                 << "unknown trigger 'wrte'";
        QTest::newRow("required") << "bad_ack@init"
                                  << "bad_ack needs value=";
        QTest::newRow("param") << "stall:bytes=3"
                               << "unknown parameter 'bytes' for stall";
        QTest::newRow("number") << "jedec:id=xyz"
                                << "id= needs a number";
        QTest::newRow("chunk") << "crc_corrupt_out@init:chunk=2"
                               << "chunk= needs the @write or @read trigger";
        QTest::newRow("hex") << "garbage_after_ginfo:data=abc"
                             << "even number of hex digits";
        QTest::newRow("stage") << "stall@init:stage=spi"
                               << "stage= must be rom, spl or burner";
        QTest::newRow("flag") << "ctrl_timeout:hang=1"
                              << "'hang' is a flag without a value";
        QTest::newRow("req") << "stall@req=300"
                             << "req= needs a bRequest";
    }
    void errorsAreClear()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        const auto plan = FaultPlan::parse(QStringLiteral("spl_hang; ") + text);
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().code, oc::ErrorCode::InvalidArgument);
        QVERIFY2(plan.error().message.contains(mentions), qPrintable(plan.error().message));
        QVERIFY(plan.error().message.contains(text)); // names the offending fault
    }

    void durations()
    {
        QCOMPARE(*parseSimDuration(QStringLiteral("250us")), SimDuration(250us));
        QCOMPARE(*parseSimDuration(QStringLiteral("1500")), SimDuration(1500ms));
        QCOMPARE(*parseSimDuration(QStringLiteral("2s")), SimDuration(2s));
        QVERIFY(!parseSimDuration(QStringLiteral("soon")));
    }

    void requestOccurrenceAndCount()
    {
        FaultInjector injector(*FaultPlan::parse(QStringLiteral("ctrl_timeout@get_ack:n=2:count=2")));
        int fired = 0;
        QList<int> firedAt;
        for (int i = 1; i <= 5; ++i) {
            FaultContext ctx;
            injector.noteRequest(ctx, 0x10, FaultStage::Burner);
            if (injector.take(FaultKind::CtrlTimeout, ctx)) {
                ++fired;
                firedAt << i;
            }
        }
        QCOMPARE(firedAt, QList<int>({2, 3}));
        QCOMPARE(injector.firedCount(FaultKind::CtrlTimeout), fired);
    }

    void stageRestriction()
    {
        FaultInjector injector(*FaultPlan::parse(QStringLiteral("stall@get_cpu_info:stage=burner")));
        FaultContext rom;
        injector.noteRequest(rom, 0x00, FaultStage::Rom);
        QVERIFY(!injector.take(FaultKind::Stall, rom));
        FaultContext burner;
        injector.noteRequest(burner, 0x00, FaultStage::Burner);
        QCOMPARE(burner.stageOccurrence, 1);
        QCOMPARE(burner.occurrence, 2);
        QVERIFY(injector.take(FaultKind::Stall, burner));
    }

    void streamOffsetAndChunk()
    {
        FaultInjector injector(*FaultPlan::parse(
            QStringLiteral("disconnect@write:offset=0x30000 crc_corrupt_out@write:chunk=2")));
        FaultContext ctx;
        ctx.stream = FaultStream::Write;
        ctx.chunk = 1;
        ctx.streamBegin = 0x10000;
        ctx.streamEnd = 0x20000;
        QVERIFY(!injector.take(FaultKind::Disconnect, ctx));
        QVERIFY(!injector.take(FaultKind::CrcCorruptOut, ctx));
        ctx.chunk = 2;
        ctx.streamBegin = 0x20000;
        ctx.streamEnd = 0x40000;
        const FaultSpec *cut = injector.take(FaultKind::Disconnect, ctx);
        QVERIFY(cut);
        QCOMPARE(FaultInjector::offsetWithin(*cut, ctx), 0x10000);
        QVERIFY(injector.take(FaultKind::CrcCorruptOut, ctx));
        QVERIFY(!injector.take(FaultKind::CrcCorruptOut, ctx)); // count 1
    }

    void timeTrigger()
    {
        FaultInjector injector(
            *FaultPlan::parse(QStringLiteral("disconnect@time=2s bad_ack@time=1s:value=-1")));
        const SimTime epoch = SimTime{} + 10s;
        injector.setEpoch(epoch);
        QCOMPARE(*injector.nextTimedDisconnect(), epoch + 2s);
        FaultContext early;
        early.time = epoch + 500ms;
        QVERIFY(!injector.take(FaultKind::BadAck, early));
        FaultContext later;
        later.time = epoch + 1s;
        QVERIFY(injector.take(FaultKind::BadAck, later));
    }

    void bulkTrigger()
    {
        FaultInjector injector(*FaultPlan::parse(QStringLiteral("bulk_timeout@bulk:n=3:dir=out")));
        QList<int> fired;
        for (int i = 0; i < 4; ++i) {
            FaultContext ctx;
            injector.noteBulk(ctx, i == 2); // the third is IN
            if (injector.take(FaultKind::BulkTimeout, ctx))
                fired << ctx.bulkIndex;
        }
        QCOMPARE(fired, QList<int>({4}));
    }

    void roundTripText()
    {
        const QString text = QStringLiteral("spl_hang; jedec:id=0x0");
        QCOMPARE(FaultPlan::parse(text)->toString(), text);
    }
};

QTEST_GUILESS_MAIN(TestSimFaultPlan)
#include "tst_simfaultplan.moc"
