// Every fault of the fault plan (spec 6.14) on the virtual board, at the wire level.

#include "simwire.h"

#include <QTest>

using namespace oc::sim;
using namespace simwire;

namespace {
constexpr quint32 OpsNor = 0x00060000;

struct Rig
{
    explicit Rig(const QString &faults, const QString &chip = QStringLiteral("t31"),
                 TimingModel timing = TimingModel::none(), const QString &storage = QStringLiteral("nor:16M"))
        : board(config(chip, storage), std::move(timing), plan(faults))
        , host(board)
    {}
    static SimBoardConfig config(const QString &chip, const QString &storage)
    {
        SimBoardConfig c = *SimBoardConfig::preset(chip);
        c.storage = *StorageSpec::parse(storage);
        return c;
    }
    static FaultPlan plan(const QString &text)
    {
        auto p = FaultPlan::parse(text);
        if (!p)
            qFatal("%s", qPrintable(p.error().message));
        return *p;
    }
    bool ready(const NorTlv &tlvs = {}, bool transferCheck = true)
    {
        return host.boot() && host.configureNor(tlvs, transferCheck) == 0;
    }
    qint32 write(quint32 offset, const QByteArray &data)
    {
        return host.write(commandB(0, offset, quint64(data.size()), OpsNor, jamcrc(data)), data);
    }

    VirtualBoard board;
    Host host;
};
} // namespace

class TestSimFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ctrlTimeoutThenRetry()
    {
        Rig rig(QStringLiteral("ctrl_timeout@req=0x19:n=2"));
        QVERIFY(rig.ready());
        rig.host.out(0x13, commandB(0, 0, 4096, OpsNor));
        QCOMPARE(rig.host.in(0x19, 8).status, TransferStatus::Ok); // 1st GET_CRC
        rig.host.out(0x13, commandB(0, 0, 4096, OpsNor));
        const Reply lost = rig.host.in(0x19, 8);
        QCOMPARE(lost.status, TransferStatus::Timeout);
        QCOMPARE(rig.host.bulkIn(4096).status, TransferStatus::Timeout); // completion never happened
        QCOMPARE(rig.host.in(0x19, 8).status, TransferStatus::Ok);       // the retry arms the data
        QCOMPARE(rig.host.bulkIn(4096).data.size(), 4096);
        Rig hang(QStringLiteral("ctrl_timeout@get_ack:hang"));
        QVERIFY(hang.host.boot());
        QCOMPARE(hang.host.in(0x10, 4).status, TransferStatus::Timeout);
        QCOMPARE(hang.board.state(), BoardState::Hung);
    }

    void bulkTimeoutCancelsTheWrite()
    {
        Rig rig(QStringLiteral("bulk_timeout@write:chunk=0"));
        QVERIFY(rig.ready());
        const QByteArray data = pattern(0x8000, 1);
        rig.host.out(0x12, commandB(0, 0, quint64(data.size()), OpsNor, jamcrc(data)));
        QCOMPARE(rig.host.bulkOut(data).status, TransferStatus::Timeout);
        QCOMPARE(rig.host.ack(), -104);  // the GET_ACK SETUP cancelled the pending WRITE
        QCOMPARE(rig.write(0, data), 0); // resend
        QCOMPARE(rig.board.nor()->peek(0, 0x8000), data);
    }

    void stallAndShortControlIn()
    {
        Rig rig(QStringLiteral("stall@start1"));
        QCOMPARE(rig.host.out32(0x04, 0x80001800).status, TransferStatus::Stall);
        QCOMPARE(rig.board.state(), BoardState::Rom); // the stalled START1 never ran the SPL
        QVERIFY(!rig.board.rom()->start1Done());
        Rig shortIn(QStringLiteral("short_control_in@get_cpu_info:stage=burner:n=2:bytes=4"));
        QVERIFY(shortIn.host.boot());
        QCOMPARE(shortIn.host.in(0x00, 8).data, QByteArray("BOOT"));
    }

    void shortBulkIn()
    {
        Rig rig(QStringLiteral("short_bulk_in@read:chunk=1:bytes=1000"));
        QVERIFY(rig.ready());
        QCOMPARE(rig.host.read(commandB(0, 0, 0x8000, OpsNor), 0x8000).size(), 0x8000);
        QCOMPARE(rig.host.read(commandB(0, 0, 0x8000, OpsNor), 0x8000).size(), 1000);
        QCOMPARE(rig.host.read(commandB(0, 0, 0x8000, OpsNor), 0x8000).size(), 0x8000);
    }

    void acceptPartialOut()
    {
        Rig rig(QStringLiteral("accept_partial_out@write:chunk=0:bytes=512"));
        QVERIFY(rig.ready());
        const QByteArray data = pattern(0x8000, 2);
        rig.host.out(0x12, commandB(0, 0, quint64(data.size()), OpsNor, jamcrc(data)));
        const Reply r = rig.host.bulkOut(data);
        QCOMPARE(r.status, TransferStatus::Timeout);
        QCOMPARE(r.accepted, 512);
        rig.board.cancelPending(rig.host.now);
        QCOMPARE(rig.host.ack(), -5);
        QCOMPARE(rig.write(0, data), 0);
    }

    void disconnectAtARequest()
    {
        Rig rig(QStringLiteral("disconnect@write:chunk=1"));
        QVERIFY(rig.ready());
        const QByteArray first = pattern(0x8000, 3);
        QCOMPARE(rig.write(0, first), 0);
        QCOMPARE(rig.host.out(0x12, commandB(0, 0x8000, 0x8000, OpsNor)).status, TransferStatus::NoDevice);
        QVERIFY(!rig.board.isAttached());
        QCOMPARE(rig.board.nor()->peek(0, 0x8000), first); // storage persists
        rig.board.plug(rig.host.now);
        QCOMPARE(rig.host.in(0x00, 8).data, QByteArray("T 3 1 V ")); // power cycle: a fresh ROM
    }

    void disconnectAtAStreamOffset()
    {
        Rig rig(QStringLiteral("disconnect@write:offset=0x18000"));
        QVERIFY(rig.ready());
        QCOMPARE(rig.write(0, pattern(0x10000, 4)), 0);
        const QByteArray second = pattern(0x10000, 5);
        rig.host.out(0x12, commandB(0, 0x10000, 0x10000, OpsNor, jamcrc(second)));
        const Reply r = rig.host.bulkOut(second);
        QCOMPARE(r.status, TransferStatus::NoDevice);
        QCOMPARE(r.accepted, 0x8000);
        QVERIFY(!rig.board.isAttached());
    }

    void disconnectAtATime()
    {
        Rig rig(QStringLiteral("disconnect@time=1500ms"));
        QCOMPARE(rig.host.in(0x00, 8).status, TransferStatus::Ok);
        rig.host.wait(std::chrono::seconds(1));
        QVERIFY(rig.board.isAttached());
        rig.host.wait(std::chrono::seconds(1));
        QVERIFY(!rig.board.isAttached());
    }

    void badAck()
    {
        Rig init(QStringLiteral("bad_ack@init:value=-5"));
        QVERIFY(init.host.boot());
        QCOMPARE(init.host.configureNor({}), -5);
        QCOMPARE(init.host.ack(), -5);
        Rig getAck(QStringLiteral("bad_ack@get_ack:n=2:value=0x7fffffff"));
        QVERIFY(getAck.host.boot());
        QCOMPARE(getAck.host.ack(), 0);
        QCOMPARE(getAck.host.ack(), 0x7FFFFFFF);
        QCOMPARE(getAck.host.ack(), 0);
        Rig write(QStringLiteral("bad_ack@write:chunk=0:value=-110"));
        QVERIFY(write.ready());
        QCOMPARE(write.write(0, pattern(0x8000, 6)), -110);
    }

    void crcCorruptOut()
    {
        Rig rig(QStringLiteral("crc_corrupt_out@write:chunk=1:bit=9"));
        QVERIFY(rig.ready());
        const QByteArray data = pattern(0x8000, 7);
        QCOMPARE(rig.write(0, data), 0);
        QCOMPARE(rig.write(0x8000, data), -22);
        QCOMPARE(rig.write(0x8000, data), 0); // the resend is clean
        QCOMPARE(rig.board.nor()->peek(0x8000, 0x8000), data);
        Rig silent(QStringLiteral("crc_corrupt_out@write:chunk=0:bit=9"));
        QVERIFY(silent.ready({}, false)); // transfer_data_chk = 0: silent corruption
        QCOMPARE(silent.write(0, data), 0);
        QByteArray expected = data;
        expected[1] = char(expected[1] ^ 0x02);
        QCOMPARE(silent.board.nor()->peek(0, 0x8000), expected);
    }

    void crcCorruptInAndWrongCrcField()
    {
        Rig rig(QStringLiteral("crc_corrupt_in@read:chunk=0:bit=3 wrong_crc_field@read:chunk=1"));
        QVERIFY(rig.ready());
        const QByteArray data = pattern(0x8000, 8);
        QCOMPARE(rig.write(0, data), 0);
        quint32 crc = 0;
        QByteArray got = rig.host.read(commandB(0, 0, 0x8000, OpsNor), 0x8000, nullptr, &crc);
        QCOMPARE(crc, jamcrc(data));
        QVERIFY(jamcrc(got) != crc); // flipped after the CRC
        got = rig.host.read(commandB(0, 0, 0x8000, OpsNor), 0x8000, nullptr, &crc);
        QCOMPARE(got, data);
        QCOMPARE(crc, ~jamcrc(data));
        rig.host.read(commandB(0, 0, 0x8000, OpsNor), 0x8000, nullptr, &crc);
        QCOMPARE(crc, jamcrc(data));
    }

    void slowErase()
    {
        NorTlv tlvs;
        tlvs.spiErase = 2;
        for (const double factor : {1.0, 4.0}) {
            Rig rig(factor > 1 ? QStringLiteral("slow_erase:factor=4") : QString(), QStringLiteral("t31"),
                    TimingModel::realistic());
            QVERIFY(rig.host.boot());
            QCOMPARE(rig.host.config(policy(true)), 0);
            QCOMPARE(rig.host.config(debug() + policy(true) + sfc(tlvs)), 0);
            rig.host.out(0x11);
            const SimDuration busy = rig.board.busyUntil() - rig.host.now;
            QCOMPARE(busy, SimDuration(std::chrono::milliseconds(5)) + SimDuration(qint64(factor * 40e9)));
        }
    }

    void slowProgramAndRead()
    {
        const QByteArray data = pattern(0x10000, 9);
        SimDuration writeBusy[2], readBusy[2];
        for (int slow = 0; slow < 2; ++slow) {
            NorTlv tlvs;
            tlvs.spiErase = 3;
            Rig rig(slow ? QStringLiteral("slow_program:factor=3 slow_read:factor=2") : QString(),
                    QStringLiteral("t31"), TimingModel::realistic());
            QVERIFY(rig.host.boot());
            QCOMPARE(rig.host.configureNor(tlvs, false, false), 0);
            rig.host.out(0x12, commandB(0, 0, 0x10000, OpsNor));
            rig.host.bulkOut(data);
            writeBusy[slow] = rig.board.busyUntil() - rig.host.now;
            rig.host.ack();
            rig.host.out(0x13, commandB(0, 0, 0x10000, OpsNor));
            readBusy[slow] = rig.board.busyUntil() - rig.host.now;
        }
        QCOMPARE(writeBusy[1], 3 * writeBusy[0]); // 256 pages x (0.4 ms + shift)
        QCOMPARE(readBusy[1], 2 * readBusy[0]);   // no CRC: transfer_data_chk = 0
    }

    void writeProtect()
    {
        Rig nor(QStringLiteral("write_protect"));
        QVERIFY(nor.ready()); // INIT acks 0 although it could not unprotect the chip
        QCOMPARE(nor.write(0, pattern(0x8000, 10)), -1);
        QVERIFY(nor.board.nor()->counters().protectedAttempts > 0);
        Rig mmc(QStringLiteral("write_protect"), QStringLiteral("t31"), TimingModel::none(),
                QStringLiteral("emmc:64M"));
        QVERIFY(mmc.host.boot());
        QCOMPARE(mmc.host.config(debug() + simwire::mmc(0) + policy(false, 0)), 0);
        mmc.host.out(0x11);
        QCOMPARE(mmc.host.ack(), -1);
    }

    void jedec()
    {
        Rig rig(QStringLiteral("jedec:id=0xffffff"));
        QVERIFY(rig.host.boot());
        QCOMPARE(rig.host.config(policy(true)), 0);
        QCOMPARE(rig.host.in(0x26, 3).data.toHex(), QByteArray("ffffff"));
        QCOMPARE(rig.host.in(0x26, 3).data.toHex(), QByteArray("ffffff"));
    }

    void splHangAndBurnerNoBoot()
    {
        Rig spl(QStringLiteral("spl_hang"));
        QVERIFY(!spl.host.boot());
        QCOMPARE(spl.board.state(), BoardState::Hung);
        Rig burner(QStringLiteral("burner_no_boot"));
        QVERIFY(!burner.host.boot());
        QVERIFY(burner.board.rom()->ddrReady()); // the SPL did run
        QCOMPARE(burner.board.hangReason(), QStringLiteral("burner_no_boot fault"));
    }

    void start1OneShotOverride()
    {
        Rig t31(QStringLiteral("start1_one_shot:off"));
        t31.host.out32(0x01, 0x80001000);
        t31.host.bulkOut(ginfo());
        t31.host.out32(0x01, 0x80001800);
        t31.host.bulkOut(pattern(10092, 1));
        t31.host.out32(0x04, 0x80001800);
        t31.host.out32(0x04, 0x80001800);
        QCOMPARE(t31.board.eventLog().filter(QStringLiteral("SPL running")).size(), 2);
        Rig x1000(QStringLiteral("start1_one_shot:on"), QStringLiteral("x1000"));
        x1000.host.out32(0x01, 0xF4001000);
        x1000.host.bulkOut(ginfo());
        x1000.host.out32(0x01, 0xF4001800);
        x1000.host.bulkOut(pattern(8000, 1));
        x1000.host.out32(0x04, 0xF4001800);
        x1000.host.out32(0x04, 0xF4001800);
        QCOMPARE(x1000.board.eventLog().filter(QStringLiteral("ignored (one-shot")).size(), 1);
    }

    void reenumerateAfterSpl()
    {
        Rig rig(QStringLiteral("reenumerate_after_spl:delay=200ms"), QStringLiteral("t31"),
                TimingModel::realistic());
        QList<bool> events;
        rig.board.setAttachmentCallback([&](bool attached) { events << attached; });
        rig.host.out32(0x01, 0x80001000);
        rig.host.bulkOut(ginfo());
        rig.host.out32(0x01, 0x80001800);
        rig.host.bulkOut(pattern(10092, 1));
        rig.host.out32(0x04, 0x80001800);
        rig.host.wait(std::chrono::milliseconds(1150));
        QVERIFY(!rig.board.isAttached());
        rig.host.wait(std::chrono::milliseconds(200));
        QVERIFY(rig.board.isAttached());
        QCOMPARE(events, QList<bool>({false, true}));
        QVERIFY(rig.board.rom()->ddrReady()); // RAM survives a USB re-enumeration
        rig.host.out32(0x01, 0x80100000);
        rig.host.bulkOut(pattern(70000, 2));
        rig.host.out(0x03);
        rig.host.out32(0x05, 0x80100000);
        QCOMPARE(rig.host.in(0x00, 8).data, QByteArray("BOOTx183"));
    }

    void garbageAfterGinfo()
    {
        Rig harmless(QStringLiteral("garbage_after_ginfo"));
        QVERIFY(harmless.host.boot()); // an unknown magic ends the walk
        Rig stray(QStringLiteral("garbage_after_ginfo:data=4649444210000000") +
                  QString(32, QLatin1Char('0')));
        QVERIFY(!stray.host.boot()); // a stray FIDB with extal 0 replaces the real one
        QVERIFY(stray.board.hangReason().contains(QStringLiteral("extal")));
        Rig boot(QStringLiteral("garbage_after_ginfo:data=544f4f420400000001000000"),
                 QStringLiteral("x1000"));
        boot.host.out32(0x01, 0xF4001000);
        boot.host.bulkOut(ginfo());
        boot.host.out32(0x01, 0xF4001800);
        boot.host.bulkOut(pattern(8000, 1));
        boot.host.out32(0x04, 0xF4001800);
        QCOMPARE(boot.board.state(), BoardState::SplLoop); // a stray BOOT TLV selects the resident loop
    }

    void reappearAfterReboot()
    {
        Rig rig(QStringLiteral("reappear_after_reboot:delay=1s"), QStringLiteral("t31"),
                TimingModel::realistic());
        QVERIFY(rig.host.boot());
        rig.host.out(0x16);
        rig.host.wait(std::chrono::milliseconds(21)); // 20 ms from the status stage to the reset
        QVERIFY(!rig.board.isAttached());
        rig.host.wait(std::chrono::seconds(1));
        QVERIFY(rig.board.isAttached());
        QCOMPARE(rig.host.in(0x00, 8).data, QByteArray("T 3 1 V "));
    }

    void powerLossMidProgram()
    {
        NorTlv tlvs;
        tlvs.spiErase = 1;
        Rig rig(QStringLiteral("power_loss@write:chunk=1:page=3"));
        QVERIFY(rig.ready(tlvs));
        const QByteArray first = pattern(0x8000, 11), second = pattern(0x8000, 12);
        QCOMPARE(rig.write(0, first), 0);
        rig.host.out(0x12, commandB(0, 0x8000, 0x8000, OpsNor, jamcrc(second)));
        QCOMPARE(rig.host.bulkOut(second).status, TransferStatus::Ok);
        QCOMPARE(rig.host.in(0x10, 4).status, TransferStatus::NoDevice);
        QVERIFY(!rig.board.isAttached());
        NorFlash &nor = *rig.board.nor();
        QCOMPARE(nor.peek(0, 0x8000), first);
        QCOMPARE(nor.peek(0x8000, 3 * 256), second.left(3 * 256));
        QCOMPARE(nor.peek(0x8000 + 3 * 256, 128), second.mid(3 * 256, 128)); // half of page 3
        QCOMPARE(nor.peek(0x8000 + 3 * 256 + 128, 128), QByteArray(128, char(0xFF)));
        QCOMPARE(nor.peek(0x8000 + 4 * 256, 4), QByteArray(4, char(0xFF)));
    }
};

QTEST_GUILESS_MAIN(TestSimFaults)
#include "tst_simfaults.moc"
