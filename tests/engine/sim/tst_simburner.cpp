// The virtual board's stage-2 burner at the wire level (spec 2.4, 6.7, 6.11, 6.13): SETUP vs
// completion work, the args buffer, bulk queues and the unpleasant behaviours.

#include "simwire.h"

#include "core/sim/usbdescriptors.h"

#include <QTest>

using namespace oc::sim;
using namespace simwire;
using namespace std::chrono_literals;

namespace {
constexpr quint32 OpsNor = 0x00060000;

SimBoardConfig t31(const QString &storage = QStringLiteral("nor:16M:0xef4018"))
{
    SimBoardConfig config = *SimBoardConfig::preset(QStringLiteral("t31"));
    config.storage = *StorageSpec::parse(storage);
    return config;
}

SimBoardConfig icu(const QString &storage)
{
    SimBoardConfig config = t31(storage);
    config.setBurnerGeneration(oc::proto::BurnerGeneration::Icu);
    return config;
}
} // namespace

class TestSimBurner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void minimalPolicyBlobAndFlashInfo() // 3.1 UPDATE_CFG vector, 3.4 minimal blob #1, 3.3 GET_FLASH_INFO
    {
        VirtualBoard board(t31(QStringLiteral("nor:16M:0xc84018")), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot());
        const QByteArray blob = QByteArray::fromHex("494c4f50a4000000") + QByteArray(0x14, '\0') +
                                QByteArray::fromHex("01000000") + QByteArray(164 - 0x18, '\0');
        QCOMPARE(blob.size(), 172);
        QCOMPARE(blob, policy(true)); // the helper agrees with the spec's bytes
        const QByteArray command = QByteArray::fromHex("ac000000") + QByteArray(36, '\0');
        QCOMPARE(host.control({0x40, 0x14, 0, 0, 40}, command).status, TransferStatus::Ok);
        QCOMPARE(host.bulkOut(blob).accepted, 172);
        QCOMPARE(host.in(0x10, 4).data.toHex(), QByteArray("00000000"));
        // GET_FLASH_INFO C0 26 00 00 00 00 03 00 -> 18 40 C8 (GD25Q127C)
        QCOMPARE(host.control({0xC0, 0x26, 0, 0, 3}).data.toHex(), QByteArray("1840c8"));
        QCOMPARE(host.in(0x26, 4).data.toHex(), QByteArray("1840c800"));
    }

    void ebusyWindowAfterUpdateCfg() // 6.13 row 3
    {
        VirtualBoard board(t31(), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot());
        host.out(0x14, le32(172) + QByteArray(36, '\0'));
        QCOMPARE(host.ack(), -16);
        QCOMPARE(board.burner()->queuedOutRequests(), 1); // ARGS survives the GET_ACK SETUP
        host.bulkOut(policy(true));
        QCOMPARE(host.ack(), 0);
    }

    void setupCancelsPendingWrite() // 6.13 rows 1 and 3
    {
        VirtualBoard board(t31(), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot());
        QCOMPARE(host.configureNor({}), 0);
        const QByteArray data = pattern(0x8000, 3);
        host.out(0x12, commandB(0, 0, data.size(), OpsNor, jamcrc(data)));
        QCOMPARE(host.ack(), -104);
        QCOMPARE(board.burner()->queuedOutRequests(), 0);
        QCOMPARE(host.bulkOut(data).status, TransferStatus::Timeout); // nothing queued: NAK
        QCOMPARE(board.nor()->peek(0, 4), QByteArray(4, char(0xFF))); // never written
    }

    void setupCancelsPendingReadBulk() // 6.13 row 2
    {
        VirtualBoard board(t31(), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot());
        QCOMPARE(host.configureNor({}), 0);
        host.out(0x13, commandB(0, 0, 0x1000, OpsNor));
        QCOMPARE(host.in(0x19, 8).data.left(4), le32(0));
        QCOMPARE(host.ack(), 0);
        QCOMPARE(host.bulkIn(0x1000).status, TransferStatus::Timeout);
    }

    void initOnlyOnce() // 6.13 row 4, 6.13 row 19
    {
        VirtualBoard board(t31(), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot());
        host.out(0x11);
        QCOMPARE(host.ack(), -22); // INIT before any configuration
        QCOMPARE(host.config(policy(true)), 0);
        QCOMPARE(host.config(debug() + policy(true) + sfc({})), 0);
        host.out(0x11);
        QCOMPARE(host.ack(), 0); // ignored: the ack left by UPDATE_CFG
        QVERIFY(board.burner()->isInited());
        QVERIFY(!board.burner()->nor().isConfigured());
        const QByteArray zeros(0x8000, '\0');
        host.out(0x12, commandB(0, 0, zeros.size(), OpsNor, jamcrc(zeros)));
        host.bulkOut(zeros);
        QCOMPARE(board.state(), BoardState::Hung); // SFC WRITE before a successful INIT
    }

    void flashInfoZeroesArgsWithoutLeadingPolicy() // 6.11, 6.13 row 5
    {
        VirtualBoard board(t31(), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot());
        QCOMPARE(host.config(debug() + policy(true) + sfc({})), 0);
        QCOMPARE(*board.burner()->policyOffset(), 28 + 8);
        QCOMPARE(host.in(0x26, 3).data, QByteArray(3, '\0'));
        QCOMPARE(board.burner()->args().mid(8, 164), QByteArray(164, '\0'));
        QCOMPARE(board.burner()->args().mid(0, 8), QByteArray("\0GBD\x14\0\0\0", 8)); // headers before 8 kept
        host.out(0x11);
        QCOMPARE(host.ack(), 0); // use_sfc_nor now reads 0: nothing configured
        QVERIFY(!board.burner()->nor().isConfigured());
    }

    void missingGbdHangs() // 6.13 row 17
    {
        VirtualBoard board(t31(), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot());
        QCOMPARE(host.config(policy(true) + sfc({})), 0);
        host.out(0x11);
        QCOMPARE(host.ack(), 0);
        host.out(0x13, commandB(0, 0, 0x1000, OpsNor));
        QCOMPARE(board.state(), BoardState::Hung);
        QVERIFY(board.hangReason().contains(QStringLiteral("GBD")));
    }

    void missingPolicyHangs() // 6.13 row 18
    {
        VirtualBoard board(t31(), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot());
        QCOMPARE(host.in(0x26, 3).status, TransferStatus::Timeout);
        QCOMPARE(board.state(), BoardState::Hung);
        VirtualBoard mmcBoard(t31(QStringLiteral("emmc:1G")), TimingModel::none(), {});
        Host h2(mmcBoard);
        QVERIFY(h2.boot());
        QCOMPARE(h2.config(debug() + mmc(0)), 0);
        h2.out(0x11);
        QCOMPARE(mmcBoard.state(), BoardState::Hung);
    }

    void readBeforeInitHangs() // 6.13 row 19
    {
        VirtualBoard board(t31(), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot());
        QCOMPARE(host.config(debug() + policy(true) + sfc({})), 0);
        host.out(0x13, commandB(0, 0, 0x1000, OpsNor));
        QCOMPARE(board.state(), BoardState::Hung);
    }

    void unknownRequestReturnsStaleBuffer() // 6.13 row 20
    {
        VirtualBoard board(t31(), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot());
        QCOMPARE(host.in(0x00, 8).data, QByteArray("BOOTx183"));
        const Reply stale = host.in(0x30, 8);
        QCOMPARE(stale.status, TransferStatus::Ok);
        QCOMPARE(stale.data, QByteArray("BOOTx183"));
        QCOMPARE(host.out(0x31).status, TransferStatus::Ok);
        QCOMPARE(host.in(0x05, 2).status, TransferStatus::Ok); // ROM requests: no handler, no stall
    }

    void staleArgsAreReparsed() // 6.13 row 21
    {
        VirtualBoard board(t31(), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot());
        QCOMPARE(host.config(policy(true) + debug() + sfc({})), 0);
        QCOMPARE(*board.burner()->debugOffset(), 172 + 8);
        QCOMPARE(*board.burner()->storageOffset(), 200);
        QCOMPARE(host.config(policy(true)), 0); // shorter, no terminator: GBD and CFS still follow
        host.out(0x11);
        QCOMPARE(host.ack(), 0);
        QVERIFY(board.burner()->nor().isConfigured());
        QCOMPARE(board.burner()->nor().info().name, QByteArray("W25Q128JVSM"));
        // a TLV missing from a later blob keeps its old offset, now pointing at the new bytes
        QCOMPARE(host.config(ddr(0x820082) + policy(true) + QByteArray(8, '\0')), 0);
        QCOMPARE(*board.burner()->debugOffset(), 180);
        QCOMPARE(board.burner()->args().mid(180, 4), QByteArray(4, '\0'));
    }

    void truncatedUpdateCfg() // 6.13 row 22; ICU acks -5
    {
        VirtualBoard board(t31(), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot());
        const QByteArray blob = debug() + policy(true) + sfc({});
        host.out(0x14, le32(quint32(blob.size())) + QByteArray(36, '\0'));
        host.bulkOut(blob.left(500)); // a short packet ends the request
        QCOMPARE(host.ack(), 0);
        QVERIFY(board.burner()->policyOffset().has_value());
        VirtualBoard old(icu(QStringLiteral("nor:16M")), TimingModel::none(), {});
        Host h2(old);
        QVERIFY(h2.boot());
        h2.out(0x14, le32(quint32(blob.size())) + QByteArray(36, '\0'));
        h2.bulkOut(blob.left(500));
        QCOMPARE(h2.ack(), -5);
    }

    void zlpConsumedByNextWrite() // 6.13 row 28
    {
        VirtualBoard board(t31(), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot());
        QCOMPARE(host.configureNor({}), 0);
        QCOMPARE(host.bulkOut(QByteArray()).status, TransferStatus::Timeout); // stray ZLP, NAKed
        const QByteArray data = pattern(0x8000, 5);
        host.out(0x12, commandB(0, 0, data.size(), OpsNor, jamcrc(data)));
        QCOMPARE(host.ack(), -5); // the WRITE request completed with 0 bytes
        QCOMPARE(host.bulkOut(data).status, TransferStatus::Timeout);
    }

    void shortCommandDataStage()
    {
        VirtualBoard board(t31(), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot());
        QCOMPARE(host.control({0x40, 0x12, 0, 0, 40}, QByteArray(20, '\0')).accepted, 20);
        QCOMPARE(host.ack(), -5);
        QCOMPARE(board.burner()->queuedOutRequests(), 0);
    }

    void checkSyncTimeAndClassRequests()
    {
        VirtualBoard board(t31(), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot());
        host.out(0x18, QByteArray(40, '\0'));
        QCOMPARE(host.ack(), -38);
        QCOMPARE(host.control({0x40, 0x15, 1, 0, 40}, QByteArray(40, '\0')).status, TransferStatus::Ok);
        QCOMPARE(host.ack(), 0);
        QCOMPARE(host.control({0x21, 0x01, 0, 0, 0}).status, TransferStatus::Stall);
        QCOMPARE(host.ack(), -38);
        host.out32(0x02, 0x01000000);
        QCOMPARE(board.burner()->fullSize(), 0x01000000u);
    }

    void getCrcQueuesByGeneration() // 6.7.2: K1 ack >= 0, ICU ack == 0
    {
        const auto plan = *FaultPlan::parse(QStringLiteral("bad_ack@read:value=1"));
        for (const bool k1 : {true, false}) {
            const SimBoardConfig config =
                k1 ? t31(QStringLiteral("emmc:64M")) : icu(QStringLiteral("emmc:64M"));
            VirtualBoard board(config, TimingModel::none(), plan);
            Host host(board);
            QVERIFY(host.boot());
            QCOMPARE(host.config(policy(false, 0, k1 ? 164 : 152)), 0);
            const QByteArray gbd = k1 ? debug()
                                      : tlv(QByteArray("\0GBD", 4).constData(),
                                            le32(0) + le32(1) + le32(1) + le32(1) + QByteArray(8, '\0'));
            QCOMPARE(host.config(gbd + mmc(0) + policy(false, 0, k1 ? 164 : 152)), 0);
            host.out(0x11);
            QCOMPARE(host.ack(), 0);
            const QByteArray cmd = k1 ? commandB(0, 0, 4096, 0x00020000) : commandA(0, 0, 4096, 0x00020000);
            qint32 ack = 0;
            const QByteArray data = host.read(cmd, 4096, &ack);
            QCOMPARE(ack, 1);
            QCOMPARE(data.size(), k1 ? 4096 : 0);
        }
    }

    void rebootLeavesTheBus() // 6.13 row 15, 6.3 RESETTING
    {
        SimBoardConfig config = t31();
        config.usbBootSelectHeld = true;
        VirtualBoard board(config, TimingModel::realistic(), {});
        QList<bool> events;
        board.setAttachmentCallback([&](bool attached) { events << attached; });
        Host host(board);
        QVERIFY(host.boot());
        QCOMPARE(host.out(0x16).status, TransferStatus::Ok);
        QCOMPARE(board.state(), BoardState::Resetting);
        host.wait(std::chrono::milliseconds(20));
        QVERIFY(!board.isAttached());
        QCOMPARE(host.in(0x00, 8).status, TransferStatus::NoDevice);
        host.wait(std::chrono::milliseconds(500));
        QVERIFY(board.isAttached());
        QCOMPARE(host.in(0x00, 8).data, QByteArray("T 3 1 V ")); // a fresh ROM
        QCOMPARE(events, QList<bool>({true, false, true}));
        QCOMPARE(board.attachGeneration(), 2);
    }

    void powerOffLeavesTheBus()
    {
        VirtualBoard board(t31(), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot());
        QCOMPARE(host.out(0x17).status, TransferStatus::Ok);
        host.wait(std::chrono::milliseconds(1));
        QVERIFY(!board.isAttached());
        host.wait(std::chrono::seconds(5));
        QVERIFY(!board.isAttached()); // no re-appearance without USB boot held
    }

    void rebootHookLeavesFourByteMode() // 6.12 address mode, 2.4.2 REBOOT hook
    {
        for (const bool hook : {false, true}) {
            VirtualBoard board(t31(QStringLiteral("nor:32M:0xef4019")), TimingModel::none(), {});
            Host host(board);
            QVERIFY(host.boot());
            NorTlv tlvs;
            tlvs.chipSize = 32u << 20;
            QCOMPARE(host.configureNor(tlvs), 0);
            QVERIFY(board.nor()->isFourByteMode());
            host.read(commandB(0, 0, 512, OpsNor), 512);
            if (hook) // CHECK with check.ops = 0x00060000 at 0x14: the stale bytes name the SFC module
                host.out(0x18, QByteArray(0x14, '\0') + le32(OpsNor) + QByteArray(0x10, '\0'));
            host.out(0x16);
            host.wait(std::chrono::milliseconds(1));
            QCOMPARE(board.norLeftIn4ByteMode(), !hook);
        }
    }

    void liveDescriptorsInBurner() // 6.2 item 5, 1.4
    {
        VirtualBoard board(*SimBoardConfig::preset(QStringLiteral("t41")), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot());
        const QByteArray device = host.control({0x80, 0x06, 0x0100, 0, 18}).data;
        QCOMPARE(quint8(device[10]) | quint8(device[11]) << 8, 0xEAEF);
        const QByteArray iface = host.control({0x80, 0x06, 0x0303, 0x0409, 255}).data;
        QCOMPARE(iface, stringDescriptor(QStringLiteral("INGENIC VENDOR BURNNER")));
        QCOMPARE(host.control({0x80, 0x00, 0, 0, 2}).data, QByteArray(2, '\0'));     // GET_STATUS
        QCOMPARE(board.descriptors().device.mid(10, 2).toHex(), QByteArray("09c3")); // the host's cache
    }

    void urbPiecesGoThroughInTurn() // the umockdev bridge: one URB at a time, submitted back to back
    {
        const TimingModel timing = TimingModel::realistic();
        VirtualBoard board(t31(), timing, {});
        Host host(board);
        QVERIFY(host.boot());
        NorTlv tlvs;
        tlvs.spiErase = 3;
        QCOMPARE(host.configureNor(tlvs, true, false), 0);
        const QByteArray data = pattern(0x10000, 9);
        host.out(0x12, commandB(0, 0, data.size(), OpsNor, jamcrc(data)));
        const SimTime submitted = host.now;
        SimTime last = submitted;
        for (int i = 0; i < 4; ++i) {
            const Reply r = board.bulkOut(0x01, data.mid(i * 0x4000, 0x4000), i == 3, submitted, 5s);
            QCOMPARE(r.status, TransferStatus::Ok);
            QCOMPARE(r.doneAt - last, timing.burnerBulkOut(0x4000));
            last = r.doneAt;
        }
        host.now = last;
        QCOMPARE(host.ack(), 0);
        QCOMPARE(board.nor()->peek(0, data.size()), data);
        host.out(0x13, commandB(0, 0, data.size(), OpsNor));
        host.in(0x19, 8);
        QByteArray back;
        for (int i = 0; i < 4; ++i)
            back += board.bulkIn(0x81, 0x4000, host.now, 5s).data;
        QCOMPARE(back, data);
        host.out(0x13, commandB(0, 0, data.size(), OpsNor));
        host.in(0x19, 8);
        QCOMPARE(host.bulkIn(1000).status, TransferStatus::Overflow); // a 512-byte packet does not fit
    }

    void busyWhileErasingAtInit() // 6.13 row 14, O10
    {
        VirtualBoard board(t31(), TimingModel::realistic(), {});
        Host host(board);
        QVERIFY(host.boot());
        NorTlv tlvs;
        tlvs.spiErase = 2; // chip-erase command at INIT: 40 s typical for 16 MiB
        QCOMPARE(host.config(policy(true)), 0);
        QCOMPARE(host.config(debug() + policy(true) + sfc(tlvs)), 0);
        QCOMPARE(host.out(0x11).status, TransferStatus::Ok); // status at once, work after
        const SimTime initDone = host.now;
        int timeouts = 0;
        for (;;) {
            const Reply r = host.in(0x10, 4);
            if (r.status == TransferStatus::Ok) {
                QCOMPARE(r.data, le32(0));
                break;
            }
            QCOMPARE(r.status, TransferStatus::Timeout);
            ++timeouts;
        }
        QCOMPARE(timeouts, 8); // 40 s of erase in 5 s tries
        QCOMPARE(host.now - initDone, SimDuration(std::chrono::seconds(40) + std::chrono::milliseconds(5)) +
                                          SimDuration(std::chrono::microseconds(250)));
        QCOMPARE(board.nor()->counters().chipErases, 1);
    }
};

QTEST_GUILESS_MAIN(TestSimBurner)
#include "tst_simburner.moc"
