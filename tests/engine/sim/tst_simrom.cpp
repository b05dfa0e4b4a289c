// The virtual board's boot ROM, SPL and resident SPL loop at the wire level (spec 2.1-2.3, 6.2-6.6),
// with the busy model and the latched-SETUP behaviour.

#include "simwire.h"

#include <QTest>

using namespace oc::sim;
using namespace simwire;

namespace {
SimBoardConfig preset(const char *chip)
{
    return *SimBoardConfig::preset(QLatin1String(chip));
}
} // namespace

class TestSimRom : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void getCpuInfoSetupBytes()
    {
        VirtualBoard board(preset("t20"), TimingModel::none(), {});
        Host host(board);
        // C0 00 00 00 00 00 08 00 -> "T 2 0 V " = 54 20 32 20 30 20 56 20 [1.6, 2.1]
        const Reply r = host.control({0xC0, 0x00, 0, 0, 8});
        QCOMPARE(r.status, TransferStatus::Ok);
        QCOMPARE(r.data.toHex(), QByteArray("5420322030205620"));
        QCOMPARE(board.state(), BoardState::Rom);
    }

    void getCpuInfoOverflow() // 6.13 row 26
    {
        VirtualBoard board(preset("t31"), TimingModel::none(), {});
        Host host(board);
        QCOMPARE(host.in(0x00, 4).status, TransferStatus::Overflow);
        const Reply more = host.in(0x00, 64);
        QCOMPARE(more.status, TransferStatus::Ok);
        QCOMPARE(more.data, QByteArray("T 3 1 V ")); // always the fixed 8 bytes
    }

    void standardRequestsInRom() // 2.2, 6.13 rows 16 and 30
    {
        SimBoardConfig config = preset("t20");
        config.exactDescriptors = true;
        VirtualBoard board(config, TimingModel::none(), {});
        Host host(board);
        const Reply s2 = host.control({0x80, 0x06, 0x0302, 0x0409, 255});
        QCOMPARE(s2.status, TransferStatus::Ok);
        QCOMPARE(s2.data.size(), 46);
        QCOMPARE(quint8(s2.data[0]), quint8(38));
        QCOMPARE(host.control({0x80, 0x06, 0x0200, 0, 255}).data.size(), 32);
        QCOMPARE(host.control({0x80, 0x06, 0x0100, 0, 18}).data, board.descriptors().device);
        QCOMPARE(host.control({0x00, 0x09, 1, 0, 0}).status, TransferStatus::Ok);       // SET_CONFIGURATION
        QCOMPARE(host.control({0x80, 0x08, 0, 0, 1}).status, TransferStatus::Stall);    // GET_CONFIGURATION
        QCOMPARE(host.control({0x01, 0x0B, 0, 0, 0}).status, TransferStatus::Stall);    // SET_INTERFACE
        QCOMPARE(host.control({0x02, 0x01, 0, 0x81, 0}).status, TransferStatus::Stall); // CLEAR_FEATURE
        QCOMPARE(host.in(0x10, 4).status, TransferStatus::Stall);                       // burner request
        QCOMPARE(host.control({0xA1, 0x01, 0, 0, 4}).status, TransferStatus::Stall);    // class request
    }

    void memoryThroughBulk()
    {
        VirtualBoard board(preset("t31"), TimingModel::none(), {});
        Host host(board);
        // SET_DATA_ADDR 0x80001000 is 40 01 00 80 00 10 00 00 [1.6]
        QCOMPARE(host.control({0x40, 0x01, 0x8000, 0x1000, 0}).status, TransferStatus::Ok);
        QCOMPARE(board.rom()->dataPointer(), 0x80001000u);
        host.out32(0x02, 16);
        QCOMPARE(host.bulkOut(QByteArray("0123456789abcdef")).accepted, 16);
        QCOMPARE(board.rom()->dataPointer(), 0x80001010u); // the pointer advances
        host.out32(0x01, 0x80001004);
        QCOMPARE(host.bulkIn(4).data, QByteArray("4567"));
        host.out32(0x01, 0x80100000); // DDR before the SPL ran: lost
        host.bulkOut(QByteArray(64, 'x'));
        QCOMPARE(board.rom()->uploadedAt(0x80100000), 0);
        host.out32(0x01, 0xB0010000); // peripheral: recorded as register writes
        host.bulkOut(le32(0x12345678));
        QCOMPARE(board.rom()->registerWrites().size(), 1);
        QCOMPARE(board.rom()->registerWrites().first().value, 0x12345678u);
    }

    void bootSequenceA()
    {
        VirtualBoard board(preset("t20"), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot(ginfo(), 10176, 390480, 0x4000));
        QCOMPARE(board.state(), BoardState::Burner);
        QCOMPARE(board.rom()->d2i(), 0x4000u);
        // Burner GET_CPU_INFO: "BOOTx1520" truncated to 8 = 42 4F 4F 54 78 31 35 32 [3.3]
        QCOMPARE(host.in(0x00, 8).data.toHex(), QByteArray("424f4f5478313532"));
        QVERIFY(board.rom()->warnings().isEmpty());
    }

    void burnerIdStringPaddedWithStaleZeros()
    {
        VirtualBoard board(preset("t41"), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot());
        QCOMPARE(host.in(0x00, 8).data.toHex(), QByteArray("5832353830000000")); // "X2580\0\0\0"
        QCOMPARE(host.in(0x00, 5).data, QByteArray("X2580"));
    }

    void splTimingAndBusyModel() // 6.2 item 2, 6.13 row 14
    {
        VirtualBoard board(preset("t31"), TimingModel::realistic(), {});
        Host host(board);
        host.out32(0x01, 0x80001000);
        host.bulkOut(ginfo());
        host.out32(0x01, 0x80001800);
        host.bulkOut(pattern(10092, 1));
        host.out32(0x02, 0x7000);
        const SimTime beforeStart = host.now;
        QCOMPARE(host.out32(0x04, 0x80001800).status, TransferStatus::Ok); // status stage first
        const SimTime started = host.now;
        QVERIFY(started - beforeStart <= 1ms);
        QCOMPARE(board.state(), BoardState::SplRunning);
        host.timeout = 500ms; // a poll while the SPL runs times out
        const Reply poll = host.in(0x00, 8);
        QCOMPARE(poll.status, TransferStatus::Timeout);
        QCOMPARE(poll.doneAt, started + 500ms);
        host.timeout = 5s; // a longer poll completes at busy_until + rtt
        const Reply answered = host.in(0x00, 8);
        QCOMPARE(answered.status, TransferStatus::Ok);
        QCOMPARE(answered.data, QByteArray("T 3 1 V "));
        QCOMPARE(answered.doneAt, started + 1100ms + 250us);
        QVERIFY(board.rom()->ddrReady());
    }

    void latchedSetupGetsSetupTimeEffects() // 6.2 item 2, latest_only
    {
        VirtualBoard board(preset("t31"), TimingModel::realistic(), {});
        Host host(board);
        host.out32(0x01, 0x80001000);
        host.bulkOut(ginfo());
        host.out32(0x01, 0x80001800);
        host.bulkOut(pattern(10092, 1));
        host.out32(0x04, 0x80001800);
        host.timeout = 100ms;
        QCOMPARE(host.out32(0x01, 0x12340000).status, TransferStatus::Timeout);
        QCOMPARE(host.out32(0x01, 0x80100000).status, TransferStatus::Timeout); // the latest one wins
        host.wait(2s);
        QCOMPARE(board.rom()->dataPointer(), 0x80100000u);
    }

    void dropModeForgetsLatchedSetups()
    {
        SimBoardConfig config = preset("t31");
        config.latchMode = LatchMode::Drop;
        VirtualBoard board(config, TimingModel::realistic(), {});
        Host host(board);
        host.out32(0x01, 0x80001000);
        host.bulkOut(ginfo());
        host.out32(0x01, 0x80001800);
        host.bulkOut(pattern(10092, 1));
        host.out32(0x04, 0x80001800);
        host.timeout = 100ms;
        QCOMPARE(host.out32(0x01, 0x80100000).status, TransferStatus::Timeout);
        host.wait(2s);
        QCOMPARE(board.rom()->dataPointer(), quint32(0x80001800 + 10092));
    }

    void start1OneShot() // 6.13 row 29
    {
        VirtualBoard board(preset("t31"), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot());
        VirtualBoard again(preset("t31"), TimingModel::none(), {});
        Host h2(again);
        h2.out32(0x01, 0x80001000);
        h2.bulkOut(ginfo());
        h2.out32(0x01, 0x80001800);
        h2.bulkOut(pattern(10092, 1));
        h2.out32(0x04, 0x80001800);
        h2.in(0x00, 8);
        h2.out32(0x04, 0x80001800); // ignored
        QCOMPARE(again.eventLog().filter(QStringLiteral("ignored (one-shot")).size(), 1);
        QCOMPARE(again.eventLog().filter(QStringLiteral("SPL running")).size(), 1);
        QCOMPARE(again.state(), BoardState::Rom);
        // X1000: START1 is repeatable (RB calls it repeatedly)
        VirtualBoard x1000(preset("x1000"), TimingModel::none(), {});
        Host h3(x1000);
        h3.out32(0x01, 0xF4001000);
        h3.bulkOut(ginfo());
        h3.out32(0x01, 0xF4001800);
        h3.bulkOut(pattern(8000, 1));
        h3.out32(0x04, 0xF4001800);
        h3.in(0x00, 8);
        h3.out32(0x04, 0xF4001800);
        QCOMPARE(x1000.eventLog().filter(QStringLiteral("SPL running")).size(), 2);
    }

    void splHangsOnBadGinfo()
    {
        VirtualBoard board(preset("t31"), TimingModel::none(), {});
        Host host(board);
        QVERIFY(!host.boot(ginfo(0))); // extal 0: DDR init fails
        QCOMPARE(board.state(), BoardState::Hung);
        QVERIFY(board.hangReason().contains(QStringLiteral("extal")));
        QCOMPARE(host.in(0x00, 8).status, TransferStatus::Timeout);
        VirtualBoard noRdd(preset("t31"), TimingModel::none(), {});
        Host h2(noRdd);
        QVERIFY(!h2.boot(ginfo().left(192)));
        QVERIFY(noRdd.hangReason().contains(QStringLiteral("RDD")));
    }

    void d2iMismatchWarnsOrHangs()
    {
        VirtualBoard board(preset("t20"), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot(ginfo(), 10176, 390480, 0x7000)); // WT's wrong T20 value
        QCOMPARE(board.rom()->warnings().size(), 1);
        SimBoardConfig strict = preset("t20");
        strict.hangOnD2iMismatch = true;
        VirtualBoard hangs(strict, TimingModel::none(), {});
        Host h2(hangs);
        QVERIFY(!h2.boot(ginfo(), 10176, 390480, 0x7000));
        QCOMPARE(hangs.state(), BoardState::Hung);
    }

    void start2Guards()
    {
        VirtualBoard noSpl(preset("t31"), TimingModel::none(), {});
        Host host(noSpl);
        host.out32(0x01, 0x80100000);
        host.bulkOut(pattern(100000, 2));
        host.out32(0x05, 0x80100000); // DDR never initialised
        QCOMPARE(noSpl.state(), BoardState::Hung);
        VirtualBoard small(preset("t31"), TimingModel::none(), {});
        Host h2(small);
        QVERIFY(!h2.boot(ginfo(), 10092, 60000)); // < 64 KiB is no burner
        QCOMPARE(small.state(), BoardState::Hung);
        SimBoardConfig flush = preset("t31");
        flush.strictFlush = true;
        VirtualBoard strict(flush, TimingModel::none(), {});
        Host h3(strict);
        QVERIFY(h3.boot()); // boot() sends FLUSH_CACHES after the upload
    }

    void residentSplLoop() // 2.3, 6.6
    {
        VirtualBoard board(preset("x1000"), TimingModel::none(), {});
        Host host(board);
        const QByteArray withBoot = ginfo() + tlv("TOOB", le32(1));
        host.out32(0x01, 0xF4001000);
        host.bulkOut(withBoot);
        host.out32(0x01, 0xF4001800);
        host.bulkOut(pattern(8000, 1));
        host.out32(0x04, 0xF4001800);
        QCOMPARE(board.state(), BoardState::SplLoop);
        QCOMPARE(host.in(0x00, 8).data, QByteArray("ingenic\0", 8));
        QCOMPARE(host.out32(0x04, 0xF4001800).status, TransferStatus::Stall);
        QCOMPARE(host.control({0x80, 0x06, 0x0100, 0, 18}).status, TransferStatus::Stall);
        host.out32(0x02, 8);
        host.out32(0x01, 0x80200000); // SET_DATA_ADDR clears the length
        host.bulkOut(QByteArray("discard!"));
        QCOMPARE(board.rom()->uploadedAt(0x80200000), 0);
        host.out32(0x01, 0x80200000);
        host.out32(0x02, 6);
        host.bulkOut(QByteArray("keep-this")); // beyond the length: discarded
        QCOMPARE(board.rom()->uploadedAt(0x80200000), 6);
        host.out32(0x01, 0x80100000);
        host.out32(0x02, 70000);
        host.bulkOut(pattern(70000, 2));
        host.out32(0x05, 0x80100000);
        QCOMPARE(host.in(0x00, 8).data, QByteArray("BOOTx100"));
        VirtualBoard exits(preset("x1000"), TimingModel::none(), {});
        Host h2(exits);
        h2.out32(0x01, 0xF4001000);
        h2.bulkOut(withBoot);
        h2.out32(0x01, 0xF4001800);
        h2.bulkOut(pattern(8000, 1));
        h2.out32(0x04, 0xF4001800);
        h2.out(0x08);
        QCOMPARE(exits.state(), BoardState::Hung);
    }

    void bootTlvIgnoredByNonResidentBuild()
    {
        VirtualBoard board(preset("t31"), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot(ginfo() + tlv("TOOB", le32(1))));
        QCOMPARE(board.state(), BoardState::Burner);
    }

    void burnerBootTime()
    {
        VirtualBoard board(preset("t20"), TimingModel::realistic(), {});
        Host host(board);
        QVERIFY(host.boot());
        // the whole of Sequence A: ~1.5 s (6.15 derived figures)
        const auto total =
            std::chrono::duration<double>(host.now - (SimTime{} + std::chrono::hours(1))).count();
        QVERIFY2(total > 1.4 && total < 1.6, qPrintable(QString::number(total)));
    }

    void enumerationTimeout()
    {
        SimBoardConfig config = preset("t20");
        config.enumTimeout = SimDuration(10s);
        VirtualBoard board(config, TimingModel::none(), {});
        Host host(board);
        host.wait(11s);
        QVERIFY(!board.isAttached());
    }
};

QTEST_GUILESS_MAIN(TestSimRom)
#include "tst_simrom.moc"
