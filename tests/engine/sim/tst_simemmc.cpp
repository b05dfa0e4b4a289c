// The burner's MMC path on the virtual board (spec 5.10, 6.8 step 5, 6.9 eMMC, 6.10) and sparse
// storage of a 4 GiB card.

#include "simwire.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace oc::sim;
using namespace simwire;

namespace {
constexpr quint32 OpsMmc0 = 0x00020000;

SimBoardConfig t31(const QString &storage)
{
    SimBoardConfig config = *SimBoardConfig::preset(QStringLiteral("t31"));
    config.storage = *StorageSpec::parse(storage);
    return config;
}

// Sequence D configuration: ILOP {use_mmcN}, then GBD + CMM + ILOP [5.10]; returns INIT's ack.
qint32 configureMmc(Host &host, int slot, const QByteArray &cmm, const QByteArray &extra = {})
{
    if (host.config(policy(false, slot)) != 0)
        return -1000;
    if (host.config(extra + debug() + cmm + policy(false, slot)) != 0)
        return -1001;
    host.out(0x11);
    return host.ack();
}
} // namespace

class TestSimEmmc : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initSelectsTheSlot()
    {
        struct Case
        {
            const char *storage;
            int slot;
            qint32 ack;
        };
        const Case cases[] = {{"emmc:64M", 0, 0},          {"emmc:64M", 1, -19},   {"emmc:64M:slot=1", 1, 0},
                              {"emmc:64M:absent", 0, -19}, {"emmc:64M:wp", 0, -1}, {"nor:16M", 0, -19}};
        for (const Case &c : cases) {
            VirtualBoard board(t31(QLatin1String(c.storage)), TimingModel::none(), {});
            Host host(board);
            QVERIFY(host.boot());
            QCOMPARE(configureMmc(host, c.slot, mmc(0)), c.ack);
        }
        VirtualBoard none(t31(QStringLiteral("emmc:64M")), TimingModel::none(), {});
        Host host(none);
        QVERIFY(host.boot());
        QCOMPARE(host.config(debug() + mmc(1) + policy(false)), 0);
        host.out(0x11);
        QCOMPARE(host.ack(), 0); // no use_mmcN: INIT does nothing
        QCOMPARE(none.emmc()->counters().blocksErased, 0);
    }

    void eraseModes()
    {
        VirtualBoard all(t31(QStringLiteral("emmc:64M:erased=0xff")), TimingModel::none(), {});
        Host host(all);
        QVERIFY(host.boot());
        all.emmc()->array().write(0, QByteArray(512, 'x'));
        QCOMPARE(configureMmc(host, 0, mmc(1)), 0);
        QCOMPARE(all.emmc()->counters().blocksErased, qint64(64 * 2048));
        QCOMPARE(all.emmc()->array().read(0, 1), QByteArray(1, char(0xFF)));
        VirtualBoard ranges(t31(QStringLiteral("emmc:64M")), TimingModel::none(), {});
        Host h2(ranges);
        QVERIFY(h2.boot());
        ranges.emmc()->array().write(0, QByteArray(4 * MiB, 'x'));
        QCOMPARE(configureMmc(h2, 0, mmc(2, {{0, MiB}, {3 * MiB, ~quint64(0)}})), 0);
        QCOMPARE(ranges.emmc()->array().read(MiB - 1, 2), QByteArray("\0x", 2));
        QCOMPARE(ranges.emmc()->array().read(3 * MiB - 1, 2), QByteArray("x\0", 2));
        QCOMPARE(ranges.emmc()->counters().blocksErased, qint64(2048 + 61 * 2048));
    }

    void writeAndReadBlocks()
    {
        VirtualBoard board(t31(QStringLiteral("emmc:64M")), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot());
        QCOMPARE(configureMmc(host, 0, mmc(0)), 0);
        const QByteArray data = pattern(4096 + 100, 3); // not a block multiple: the tail block is padded
        QCOMPARE(host.write(commandB(0, 10 * 512, quint64(data.size()), OpsMmc0, jamcrc(data)), data), 0);
        QCOMPARE(board.emmc()->array().read(10 * 512, data.size()), data);
        QCOMPARE(board.emmc()->array().read(10 * 512 + data.size(), 412), QByteArray(412, '\0'));
        quint32 crc = 0;
        qint32 ack = -1;
        const QByteArray back = host.read(commandB(0, 10 * 512, 4096, OpsMmc0), 4096, &ack, &crc);
        QCOMPARE(ack, 0);
        QCOMPARE(back, data.left(4096));
        QCOMPARE(crc, jamcrc(back));
        QCOMPARE(host.ack(), 0);
    }

    void writePastTheEnd()
    {
        VirtualBoard board(t31(QStringLiteral("emmc:1M")), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot());
        QCOMPARE(configureMmc(host, 0, mmc(0)), 0);
        const QByteArray data = pattern(4096, 4);
        QCOMPARE(host.write(commandB(0, MiB - 2048, 4096, OpsMmc0, jamcrc(data)), data), -5);
        qint32 ack = 0;
        host.read(commandB(0, MiB - 512, 1024, OpsMmc0), 1024, &ack);
        QCOMPARE(ack, -5);
    }

    void ddrTypePatchOfBlockZero() // 3.8: 0x4400 + 128 of block 0 when an RDD TLV was sent
    {
        VirtualBoard board(t31(QStringLiteral("emmc:64M")), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot());
        QCOMPARE(configureMmc(host, 0, mmc(0), ddr(0x00840084)), 0);
        const QByteArray image(0x8000, '\0');
        QCOMPARE(host.write(commandB(0, 0, image.size(), OpsMmc0, jamcrc(image)), image), 0); // write-back ok
        QCOMPARE(u32(board.emmc()->array().read(0x4400 + 128, 4), 0), 0x00840084u);
        QCOMPARE(host.write(commandB(0, 0x10000, image.size(), OpsMmc0, jamcrc(image)), image), 0);
        QCOMPARE(board.emmc()->array().read(0x10000 + 0x4400 + 128, 4), QByteArray(4, '\0'));
    }

    void writeProtectedCardAtWrite()
    {
        VirtualBoard board(t31(QStringLiteral("emmc:64M")), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot());
        QCOMPARE(configureMmc(host, 0, mmc(0)), 0);
        board.emmc()->setWriteProtected(true); // the switch flips after INIT: the write re-inits the card
        const QByteArray data = pattern(512, 5);
        QCOMPARE(host.write(commandB(0, 0, 512, OpsMmc0, jamcrc(data)), data), -1);
        QCOMPARE(host.write(commandB(0, 0, 512, 0x00020001, jamcrc(data)), data), -19); // msc1: no card
    }

    void fourGiBCardStaysSparse()
    {
        VirtualBoard board(t31(QStringLiteral("emmc:4G")), TimingModel::none(), {});
        Host host(board);
        QVERIFY(host.boot());
        QCOMPARE(configureMmc(host, 0, mmc(0)), 0);
        const quint64 last = 4 * GiB - MiB; // partition (u64) + offset address the top of the card
        const QByteArray data = pattern(MiB, 6);
        QCOMPARE(host.write(commandB(last, 0, MiB, OpsMmc0, jamcrc(data)), data), 0);
        QCOMPARE(host.read(commandB(last, 0, MiB, OpsMmc0), MiB), data);
        QCOMPARE(host.read(commandB(0, 0, 4096, OpsMmc0), 4096), QByteArray(4096, '\0'));
        QVERIFY(board.emmc()->array().allocatedBytes() <= qint64(2 * MiB));
    }

    void imagesLoadAndSave()
    {
        QTemporaryDir dir;
        const QString in = dir.filePath(QStringLiteral("in.img"));
        QFile file(in);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(MiB, '\0'));
        file.write(QByteArray("preloaded"));
        file.close();
        auto board =
            VirtualBoard::create(t31(QStringLiteral("emmc:16M:image=") + in), TimingModel::none(), {});
        QVERIFY(board.ok());
        Host host(**board);
        QVERIFY(host.boot());
        QCOMPARE(configureMmc(host, 0, mmc(0)), 0);
        QCOMPARE(host.read(commandB(MiB, 0, 512, OpsMmc0), 512).left(9), QByteArray("preloaded"));
        const QByteArray data = pattern(1024, 7);
        QCOMPARE(host.write(commandB(0, 2 * MiB, 1024, OpsMmc0, jamcrc(data)), data), 0);
        const QString out = dir.filePath(QStringLiteral("out.img"));
        QVERIFY((*board)->emmc()->array().save(out).ok());
        QFile saved(out);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.size(), qint64(16 * MiB));
        saved.seek(2 * MiB);
        QCOMPARE(saved.read(1024), data);
        const auto missing = VirtualBoard::create(t31(QStringLiteral("nor:16M:image=/nonexistent/x.bin")));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, oc::ErrorCode::InputFile);
        QVERIFY(missing.error().message.startsWith(QStringLiteral("NOR image")));
    }
};

QTEST_GUILESS_MAIN(TestSimEmmc)
#include "tst_simemmc.moc"
