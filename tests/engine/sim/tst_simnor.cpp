// The burner's SFC NOR path on the virtual board at the wire level (spec 6.8-6.10, 3.12, 6.13 rows
// 6-13 and 23-27): erase modes, the lazy-erase tracker, rounding, the parameter-block patch,
// program = AND, read-back, partitions, CRCs and the command layouts.

#include "simwire.h"

#include <QTest>

using namespace oc::sim;
using namespace simwire;

namespace {
constexpr quint32 OpsNor = 0x00060000;
const QByteArray FF64K(0x10000, char(0xFF));

struct Rig
{
    explicit Rig(const QString &storage = QStringLiteral("nor:16M:0xef4018"), const QString &faults = {},
                 oc::proto::CommandLayout layout = oc::proto::CommandLayout::B)
        : board(config(storage, layout), TimingModel::none(), *FaultPlan::parse(faults))
        , host(board)
    {
        booted = host.boot();
    }
    static SimBoardConfig config(const QString &storage, oc::proto::CommandLayout layout)
    {
        SimBoardConfig c = *SimBoardConfig::preset(QStringLiteral("t31"));
        c.storage = *StorageSpec::parse(storage);
        c.layout = layout;
        return c;
    }
    qint32 write(quint32 offset, const QByteArray &data, quint32 crc)
    {
        return host.write(commandB(0, offset, quint64(data.size()), OpsNor, crc), data);
    }
    qint32 write(quint32 offset, const QByteArray &data) { return write(offset, data, jamcrc(data)); }
    QByteArray flash(quint32 offset, int length) { return board.nor()->peek(offset, length); }

    VirtualBoard board;
    Host host;
    bool booted = false;
};
} // namespace

class TestSimNor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readOfErasedChipMatchesObservedCrc() // 3.3 / 4: 64 KiB of erased NOR -> crc 0x215481B1
    {
        Rig rig;
        QVERIFY(rig.booted);
        QCOMPARE(rig.host.configureNor({}), 0);
        rig.host.out(0x13, commandB(0, 0, 0x10000, OpsNor));
        QCOMPARE(rig.host.in(0x19, 8).data.toHex(), QByteArray("00000000b1815421"));
        const Reply data = rig.host.bulkIn(0x10000);
        QCOMPARE(data.data, FF64K);
        QCOMPARE(rig.host.ack(), 0);
        // the 3.1 Layout B READ vector, 1 MiB at 1 MiB: crc of 1 MiB x 0xFF = 0x6A94538B
        const QByteArray vector = QByteArray::fromHex("0000000000000000"
                                                      "0000100000000000"
                                                      "0000100000000000"
                                                      "0000060000000000"
                                                      "0000000000000000");
        QCOMPARE(vector, commandB(0, 0x100000, 0x100000, OpsNor));
        quint32 crc = 0;
        QCOMPARE(rig.host.read(vector, 0x100000, nullptr, &crc).size(), 0x100000);
        QCOMPARE(crc, 0x6A94538Bu);
    }

    void writeVectorsBothLayouts() // 3.1 WRITE vectors
    {
        const QByteArray b = QByteArray::fromHex("0000000000000000"
                                                 "0000010000000000"
                                                 "0000010000000000"
                                                 "00000600b1815421"
                                                 "0000000000000000");
        const QByteArray a = QByteArray::fromHex("0000000000000000"
                                                 "0000060000000100"
                                                 "00000100b1815421"
                                                 "0000000000000000"
                                                 "0000000000000000");
        QCOMPARE(b, commandB(0, 0x10000, 0x10000, OpsNor, 0x215481B1));
        QCOMPARE(a, commandA(0, 0x10000, 0x10000, OpsNor, 0x215481B1));
        for (const auto layout : {oc::proto::CommandLayout::B, oc::proto::CommandLayout::A}) {
            Rig rig(QStringLiteral("nor:16M"), {}, layout);
            QCOMPARE(rig.host.configureNor({}), 0);
            QCOMPARE(rig.host.write(layout == oc::proto::CommandLayout::B ? b : a, FF64K), 0);
            QCOMPARE(rig.board.nor()->programCount(0x10000), 1); // the page at 0x10000 was programmed
        }
    }

    void wrongLayoutSymptoms() // 3.1 notes
    {
        Rig onB; // Layout A command on a Layout B burner: offset from ops (0x60000), ops 0, crc from 0x1C
        QCOMPARE(onB.host.configureNor({}), 0);
        const QByteArray data = pattern(0x8000, 1);
        QCOMPARE(onB.host.write(commandA(0, 0x10000, 0x8000, OpsNor, jamcrc(data)), data), -22);
        Rig unchecked; // without transfer_data_chk the data goes to RAM (MEMORY), not the NOR
        QCOMPARE(unchecked.host.configureNor({}, false, true), 0);
        QCOMPARE(unchecked.host.write(commandA(0, 0x10000, 0x8000, OpsNor, jamcrc(data)), data), 0);
        QCOMPARE(unchecked.board.nor()->counters().pagePrograms, 0);
        Rig onA(QStringLiteral("nor:16M"), {}, oc::proto::CommandLayout::A); // crc from length's high half
        QCOMPARE(onA.host.configureNor({}), 0);
        QCOMPARE(onA.host.write(commandB(0, 0x10000, 0x8000, OpsNor, jamcrc(data)), data), -22);
    }

    void lazyEraseVersusInitErase() // 6.13 row 6
    {
        NorTlv tlvs;
        tlvs.partitions = {{"boot", 0, 0x40000}, {"rest", 0x40000, 0xFFFFFFFF}};
        Rig lazy;
        QCOMPARE(lazy.host.configureNor(tlvs), 0);
        QCOMPARE(lazy.board.nor()->counters().erases, 0);
        lazy.board.nor()->poke(0x30000, QByteArray(16, '\0'));
        QCOMPARE(lazy.write(0, pattern(0x8000, 1)), 0);
        QCOMPARE(lazy.board.nor()->counters().erases, 8); // the whole 256 KiB partition, 32 KiB steps
        QCOMPARE(lazy.flash(0x30000, 16), QByteArray(16, char(0xFF)));
        QCOMPARE(lazy.write(0x8000, pattern(0x8000, 2)), 0);
        QCOMPARE(lazy.board.nor()->counters().erases, 8); // same partition: not again
        tlvs.spiErase = 1;
        Rig atInit;
        QCOMPARE(atInit.host.configureNor(tlvs), 0);
        QCOMPARE(atInit.board.nor()->counters().erases, 512); // every partition at INIT
        QCOMPARE(atInit.write(0, pattern(0x8000, 1)), 0);
        QCOMPARE(atInit.board.nor()->counters().erases, 512);
    }

    void singleLazyTracker() // 6.13 row 7
    {
        NorTlv tlvs;
        tlvs.partitions = {{"a", 0, 0x10000}, {"b", 0x10000, 0x10000}};
        Rig rig;
        QCOMPARE(rig.host.configureNor(tlvs), 0);
        const QByteArray first = pattern(0x8000, 1);
        QCOMPARE(rig.write(0, first), 0);
        QCOMPARE(rig.write(0x10000, pattern(0x8000, 2)), 0);
        QCOMPARE(rig.write(0x8000, pattern(0x8000, 3)), 0); // back to A: erased again
        QCOMPARE(rig.flash(0, 0x8000), QByteArray(0x8000, char(0xFF)));
        QCOMPARE(rig.board.nor()->eraseCount(0), 2);
        QCOMPARE(rig.board.burner()->nor().lazyKey(), 0);
    }

    void roundingToTheEraseBlock() // 6.13 row 8
    {
        NorTlv tlvs;
        tlvs.partitions = {{"a", 0, 0x10000}, {"rest", 0x10000, 0xFFFFFFFF}};
        Rig rig;
        QCOMPARE(rig.host.configureNor(tlvs), 0);
        const QByteArray data = pattern(0x9000, 4);
        QCOMPARE(rig.write(0, data), 0);
        QCOMPARE(rig.flash(0, 0x9000), data);
        QCOMPARE(rig.flash(0x9000, 0x7000), QByteArray(0x7000, '\0')); // 0x00 up to the block boundary
        QCOMPARE(rig.write(0x8000, pattern(0x9000, 5)), -5);           // rounded length leaves "a"
    }

    void offsetZeroParameterBlockPatch() // 6.13 row 9, 3.12
    {
        NorTlv tlvs;
        tlvs.downloadParams = 1;
        Rig rig;
        QVERIFY(rig.booted);
        QCOMPARE(rig.host.config(policy(true)), 0);
        QCOMPARE(rig.host.config(ddr(0x820082) + debug() + policy(true) + sfc(tlvs)), 0);
        rig.host.out(0x11);
        QCOMPARE(rig.host.ack(), 0);
        QByteArray image(0x10000, '\0');
        image[16] = 1;                    // SPL header byte 16 = 1: the new parameter block
        QCOMPARE(rig.write(0, image), 0); // write-back compares with the patched buffer
        const QByteArray block = rig.flash(0x6800, 0x2E4);
        QCOMPARE(block.left(4), QByteArray("nor\0", 4));
        QCOMPARE(u32(block, 4), 2u); // NOR_VERSION forced to 2
        QCOMPARE(block.mid(8, 11), QByteArray("W25Q128JVSM"));
        QCOMPARE(u32(rig.flash(128, 4), 0), 0x820082u); // ddr_type (K1)
        QCOMPARE(u32(rig.flash(512, 4), 0), 0x1111u);   // forced: the word was 0
        QCOMPARE(rig.flash(0x6800 + 0x2E4, 4), QByteArray(4, '\0'));
    }

    void programIsAnd() // 6.13 row 10
    {
        NorTlv tlvs;
        tlvs.spiErase = 3; // FACTORY_ERASE: nothing is ever erased
        for (const bool writeBack : {true, false}) {
            Rig rig;
            QCOMPARE(rig.host.configureNor(tlvs, true, writeBack), 0);
            const QByteArray a(0x8000, char(0xF0)), b(0x8000, char(0x3C));
            QCOMPARE(rig.write(0, a), 0);
            QCOMPARE(rig.write(0, b), writeBack ? -1 : 0);
            QCOMPARE(rig.flash(0, 4), QByteArray(4, char(0x30)));
        }
    }

    void readBackCatchesProgramFailures() // 6.13 row 11
    {
        for (const bool writeBack : {true, false}) {
            Rig rig(QStringLiteral("nor:16M"),
                    QStringLiteral("program_fail:start=0x100:end=0x101:stuck=0x01"));
            QCOMPARE(rig.host.configureNor({}, true, writeBack), 0);
            QCOMPARE(rig.write(0, QByteArray(0x8000, '\0')), writeBack ? -1 : 0);
            QCOMPARE(rig.flash(0x100, 1), QByteArray(1, '\x01'));
        }
    }

    void outOfPartition() // 6.13 row 12
    {
        NorTlv tlvs;
        tlvs.partitions = {{"a", 0, 0x10000}, {"b", 0x10000, 0x10000}};
        Rig rig;
        QCOMPARE(rig.host.configureNor(tlvs), 0);
        QCOMPARE(rig.write(0x8000, pattern(0x10000, 1)), -5); // spans a and b
        QCOMPARE(rig.write(0x20000, pattern(0x8000, 1)), -5); // in no partition
        NorTlv small;
        small.chipSize = 0x100000;
        Rig beyond;
        QCOMPARE(beyond.host.configureNor(small), 0);
        QCOMPARE(beyond.write(0x108000, pattern(0x8000, 1)), -5); // offset > chip_size
        QCOMPARE(rig.board.nor()->counters().pagePrograms + beyond.board.nor()->counters().pagePrograms, 0);
        QCOMPARE(rig.board.nor()->counters().erases, 0);
    }

    void crcMismatchKeepsTheBuffer() // 6.13 row 13
    {
        Rig rig;
        QCOMPARE(rig.host.configureNor({}), 0);
        const QByteArray stale = pattern(0x10000, 7);
        QCOMPARE(rig.write(0, stale, jamcrc(stale) ^ 1), -22);
        QCOMPARE(rig.board.nor()->counters().pagePrograms, 0);
        const QByteArray shortChunk =
            pattern(0x9000, 8); // rounded to 0x10000: the tail comes from the buffer
        QCOMPARE(rig.write(0, shortChunk), 0);
        QCOMPARE(rig.flash(0x9000, 0x7000), stale.mid(0x9000));
    }

    void initEraseFailureIsHidden() // 6.13 row 23
    {
        NorTlv tlvs;
        tlvs.spiErase = 1;
        Rig rig(QStringLiteral("nor:16M"), QStringLiteral("erase_fail:start=0x8000:end=0x10000"));
        rig.board.nor()->poke(0x8000, QByteArray(8, '\0'));
        QCOMPARE(rig.host.configureNor(tlvs), 0);
        QCOMPARE(rig.flash(0x8000, 8), QByteArray(8, '\0'));
    }

    void hostGeometryTrusted() // 6.13 row 24, 6.8 note
    {
        NorTlv tlvs;
        tlvs.id = 0xC84018;      // another chip's TLV: not checked
        tlvs.sectorErase = 0x20; // 4 KiB opcode with a 32 KiB erase_size: partial erases
        tlvs.spiErase = 1;
        Rig rig;
        rig.board.nor()->poke(0x1000, QByteArray(4, '\0'));
        QCOMPARE(rig.host.configureNor(tlvs), 0);
        QCOMPARE(rig.flash(0x1000, 4), QByteArray(4, '\0')); // 4..32 KiB of each block never erased
        NorTlv pages;
        pages.pageSize = 512; // the part has 256-byte pages: the second half wraps onto the first
        Rig wrap;
        QCOMPARE(wrap.host.configureNor(pages, true, false), 0);
        QByteArray data(0x8000, '\0');
        data.replace(0, 256, QByteArray(256, '\x0F'));
        data.replace(256, 256, QByteArray(256, char(0xF0)));
        QCOMPARE(wrap.write(0, data), 0);
        QCOMPARE(wrap.flash(0, 2), QByteArray(2, char(0xF0)));   // the page latch kept the last 256 bytes
        QCOMPARE(wrap.flash(256, 2), QByteArray(2, char(0xFF))); // never programmed
    }

    void readOnlyPartitionErasedOnFirstWrite() // 6.13 row 25
    {
        NorTlv tlvs;
        tlvs.spiErase = 1;
        tlvs.partitions = {{"ro", 0, 0x10000, 1, 0}, {"rw", 0x10000, 0xFFFFFFFF}};
        Rig rig;
        rig.board.nor()->poke(0xF000, QByteArray("keep"));
        QCOMPARE(rig.host.configureNor(tlvs), 0);
        QCOMPARE(rig.flash(0xF000, 4), QByteArray("keep")); // INIT skipped the read-only partition
        QCOMPARE(rig.write(0, pattern(0x8000, 1)), 0);
        QCOMPARE(rig.flash(0xF000, 4), QByteArray(4, char(0xFF))); // ... the first WRITE erased it
    }

    void largerChunkAfterTheFirstHangs() // 6.13 row 27
    {
        Rig rig;
        QCOMPARE(rig.host.configureNor({}), 0);
        QCOMPARE(rig.write(0, pattern(0x8000, 1)), 0);
        rig.write(0x8000, pattern(0x10000, 2));
        QCOMPARE(rig.board.state(), BoardState::Hung);
        QVERIFY(rig.board.hangReason().contains(QStringLiteral("read-back")));
    }

    void mtdDModeErasesFromTheOffset() // 6.9 step 7
    {
        NorTlv tlvs;
        tlvs.eraseBlock = 0x1000;
        tlvs.partitions = {{"d", 0, 0xFFFFFFFF, 0, 2}};
        Rig rig;
        rig.board.nor()->poke(0x8000, QByteArray("front"));
        rig.board.nor()->poke(0x10000, QByteArray("after"));
        QCOMPARE(rig.host.configureNor(tlvs), 0);
        QCOMPARE(rig.write(0x9000, pattern(0x1000, 1)), 0);
        QCOMPARE(rig.flash(0x8000, 5), QByteArray(5, char(0xFF))); // wiped: in front, same block
        QCOMPARE(rig.flash(0x10000, 5), QByteArray("after"));
        QCOMPARE(rig.board.burner()->nor().lazyKey(), 9);
    }

    void fourByteAddressing()
    {
        NorTlv tlvs;
        tlvs.chipSize = 32u << 20;
        Rig rig(QStringLiteral("nor:32M:0xef4019"));
        QCOMPARE(rig.host.configureNor(tlvs), 0);
        const QByteArray data = pattern(0x8000, 9);
        QCOMPARE(rig.write(0x1800000, data), 0);
        QCOMPARE(rig.flash(0x1800000, 0x8000), data);
        QCOMPARE(rig.host.read(commandB(0, 0x1800000, 0x8000, OpsNor), 0x8000), data);
    }

    void readWrapsAtTheChipEnd()
    {
        Rig rig;
        QCOMPARE(rig.host.configureNor({}), 0);
        rig.board.nor()->poke(0, QByteArray("wrap"));
        QCOMPARE(rig.host.read(commandB(0, 0x1000000, 512, OpsNor), 512).left(4), QByteArray("wrap"));
    }

    void icuBurner() // 6.7.2: ICU structure sizes, chip erase at INIT, no NOR READ, 512 KiB read-back
    {
        SimBoardConfig config = Rig::config(QStringLiteral("nor:16M"), oc::proto::CommandLayout::A);
        config.setBurnerGeneration(oc::proto::BurnerGeneration::Icu);
        VirtualBoard board(config, TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot());
        QByteArray policyData(152, '\0');
        put32(policyData, 0x0C, 1); // ICU: use_sfc_nor at 0x0C
        const QByteArray icuPolicy = tlv("ILOP", policyData);
        const QByteArray icuDebug = tlv(QByteArray("\0GBD", 4).constData(),
                                        le32(0) + le32(1) + le32(1) + le32(1) + le32(0) + le32(0));
        NorTlv tlvs;
        tlvs.spiParamBytes = 16;
        tlvs.spiErase = 1;
        QCOMPARE(host.config(icuPolicy), 0);
        QCOMPARE(host.in(0x26, 3).data.toHex(), QByteArray("1840ef"));
        QCOMPARE(host.config(icuDebug + icuPolicy + sfc(tlvs)), 0);
        host.out(0x11);
        QCOMPARE(host.ack(), 0);
        QCOMPARE(board.nor()->counters().chipErases, 1);
        const QByteArray half = pattern(0x80000, 1);
        QCOMPARE(host.write(commandA(0, 0, quint32(half.size()), OpsNor, jamcrc(half)), half), 0);
        qint32 ack = 0;
        host.read(commandA(0, 0, 0x1000, OpsNor), 0x1000, &ack);
        QCOMPARE(ack, -22);
        const QByteArray whole = pattern(0x100000, 2);
        host.write(commandA(0, 0x100000, quint32(whole.size()), OpsNor, jamcrc(whole)), whole);
        QCOMPARE(board.state(), BoardState::Hung);
    }

    void otherMedia() // 3.2
    {
        Rig rig;
        QCOMPARE(rig.host.configureNor({}), 0);
        const QByteArray word = le32(0x1);
        QCOMPARE(rig.host.write(commandB(0xB0010000, 0, 4, 0x00050000, jamcrc(word)), word), 0);   // REGISTER
        QCOMPARE(rig.host.write(commandB(0x10000000, 0, 4, 0x00050000, jamcrc(word)), word), -19); // outside
        QCOMPARE(rig.host.write(commandB(0, 0, 4, 0x00030000, jamcrc(word)), word), 0);            // I2C
        QCOMPARE(rig.host.write(commandB(0, 0, 4, 0x00010000, jamcrc(word)), word), -38);          // NAND
        QCOMPARE(rig.host.write(commandB(0, 0, 4, 0x00060001, jamcrc(word)), word), -22);          // SFC NAND
        qint32 ack = 0;
        rig.host.read(commandB(0, 0, 512, 0x00010000), 512, &ack);
        QCOMPARE(ack, -38);
    }
};

QTEST_GUILESS_MAIN(TestSimNor)
#include "tst_simnor.moc"
