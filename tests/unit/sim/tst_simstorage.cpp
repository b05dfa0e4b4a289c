// SparseStore, NorFlash and Emmc: the physical storage models of the virtual board (spec 6.12).

#include "core/sim/emmc.h"
#include "core/sim/norflash.h"
#include "core/sim/sparsestore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace oc::sim;

namespace {
QByteArray bytes(std::initializer_list<int> list)
{
    QByteArray b;
    for (int v : list)
        b.append(char(v));
    return b;
}
} // namespace

class TestSimStorage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sparseReadsFillUntilWritten()
    {
        SparseStore store(4 * GiB, 0xFF);
        QCOMPARE(store.read(4 * GiB - 3, 3), QByteArray(3, char(0xFF)));
        QCOMPARE(store.allocatedBytes(), 0);
        store.write(4 * GiB - 2, bytes({1, 2}));
        QCOMPARE(store.read(4 * GiB - 3, 3), bytes({0xFF, 1, 2}));
        QCOMPARE(store.allocatedBytes(), SparseStore::DefaultPageSize); // one page for a 4 GiB array
    }

    void sparseWriteAcrossPages()
    {
        SparseStore store(1 * MiB, 0x00, 4096);
        const QByteArray data(10000, 'x');
        store.write(4000, data);
        QCOMPARE(store.read(4000, 10000), data);
        QCOMPARE(store.read(3999, 1), QByteArray(1, '\0'));
        QCOMPARE(store.allocatedBytes(), 4 * 4096);
    }

    void sparseFillFreesWholePages()
    {
        SparseStore store(1 * MiB, 0xFF, 4096);
        store.fill(0, 3 * 4096, 0x00);
        QCOMPARE(store.allocatedBytes(), 3 * 4096);
        store.fill(100, 3 * 4096, 0xFF); // pages 1 and 2 entirely (freed), page 0 partly, page 3 untouched
        QCOMPARE(store.read(99, 2), bytes({0x00, 0xFF}));
        QCOMPARE(store.read(3 * 4096, 1), QByteArray(1, char(0xFF)));
        QCOMPARE(store.allocatedBytes(), 4096);
    }

    void saveAndLoadStream()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("image.bin"));
        SparseStore store(8 * MiB, 0x00);
        store.write(5 * MiB + 7, QByteArray("hello"));
        QVERIFY(store.save(path).ok());
        QCOMPARE(QFileInfo(path).size(), qint64(8 * MiB));
        SparseStore back(8 * MiB, 0x00);
        QVERIFY(back.load(path).ok());
        QCOMPARE(back.read(5 * MiB + 7, 5), QByteArray("hello"));
        QCOMPARE(back.allocatedBytes(), SparseStore::DefaultPageSize); // zero blocks not allocated
        SparseStore small(1 * MiB, 0x00);
        const auto tooBig = small.load(path);
        QVERIFY(!tooBig.ok());
        QCOMPARE(tooBig.error().code, oc::ErrorCode::InputFile);
    }

    void norProgramIsAnd()
    {
        NorFlash nor(NorSpec{});
        const QByteArray first = bytes({0xF0, 0x0F, 0xAA});
        nor.pageProgram(0x100, reinterpret_cast<const quint8 *>(first.constData()), 3);
        QCOMPARE(nor.read(0x100, 3), first);
        const QByteArray second = bytes({0x3C, 0xFF, 0x55});
        nor.pageProgram(0x100, reinterpret_cast<const quint8 *>(second.constData()), 3);
        QCOMPARE(nor.read(0x100, 3), bytes({0x30, 0x0F, 0x00}));
        QCOMPARE(nor.programCount(0x100), 2);
        QCOMPARE(nor.counters().pagePrograms, 2);
    }

    void norPageWraps()
    {
        NorFlash nor(NorSpec{});
        const QByteArray data = bytes({1, 2, 3, 4});
        nor.pageProgram(0x1FE, reinterpret_cast<const quint8 *>(data.constData()), 4); // page 0x100..0x1FF
        QCOMPARE(nor.peek(0x1FE, 2), bytes({1, 2}));
        QCOMPARE(nor.peek(0x100, 2), bytes({3, 4})); // wrapped to the page start
        QCOMPARE(nor.peek(0x200, 2), bytes({0xFF, 0xFF}));
    }

    void norEraseByOpcode_data()
    {
        QTest::addColumn<int>("opcode");
        QTest::addColumn<quint64>("size");
        QTest::newRow("0x20 4K") << 0x20 << quint64(4 * KiB);
        QTest::newRow("0x52 32K") << 0x52 << quint64(32 * KiB);
        QTest::newRow("0xD8 64K") << 0xD8 << quint64(64 * KiB);
        QTest::newRow("0x60 chip") << 0x60 << quint64(16 * MiB);
        QTest::newRow("0xC7 chip") << 0xC7 << quint64(16 * MiB);
    }
    void norEraseByOpcode()
    {
        QFETCH(int, opcode);
        QFETCH(quint64, size);
        NorFlash nor(NorSpec{});
        nor.poke(0, QByteArray(int(std::min<quint64>(size + 4096, 16 * MiB)), '\0'));
        nor.poke(16 * MiB - 1, QByteArray(1, '\0'));
        QCOMPARE(nor.erase(quint8(opcode), size / 2 + 5), size); // the block containing the address
        QCOMPARE(nor.peek(0, 1), QByteArray(1, char(0xFF)));
        QCOMPARE(nor.peek(size - 1, 1), QByteArray(1, char(0xFF)));
        if (size < 16 * MiB)
            QCOMPARE(nor.peek(size, 1), QByteArray(1, '\0'));
        QCOMPARE(nor.eraseCount(0), 1);
    }

    void norUnknownOpcodeIgnored()
    {
        NorFlash nor(NorSpec{});
        nor.poke(0, QByteArray(4, '\0'));
        QCOMPARE(nor.erase(0x99, 0), quint64(0));
        QCOMPARE(nor.peek(0, 4), QByteArray(4, '\0'));
        QCOMPARE(nor.counters().unknownEraseOpcodes, 1);
    }

    void norBlockProtection()
    {
        NorSpec spec;
        spec.statusRegister1 = 0x04; // BP0: top 1/64 (256 KiB of 16 MiB)
        NorFlash nor(spec);
        QVERIFY(nor.isProtected(16 * MiB - 1));
        QVERIFY(nor.isProtected(16 * MiB - 256 * KiB));
        QVERIFY(!nor.isProtected(16 * MiB - 256 * KiB - 1));
        const QByteArray zero(4, '\0');
        nor.pageProgram(16 * MiB - 256, reinterpret_cast<const quint8 *>(zero.constData()), 4);
        QCOMPARE(nor.peek(16 * MiB - 256, 4), QByteArray(4, char(0xFF)));
        QCOMPARE(nor.erase(0xD8, 16 * MiB - 1), quint64(0));
        QCOMPARE(nor.counters().protectedAttempts, 2);
        QVERIFY(nor.writeStatusRegister(1, 0));
        QVERIFY(!nor.isProtected(16 * MiB - 1));
        nor.setStatusLocked(true);
        QVERIFY(!nor.writeStatusRegister(1, 0x1C));
    }

    void norAddressModes()
    {
        NorSpec spec;
        spec.capacity = 32 * MiB;
        NorFlash nor(spec);
        nor.poke(16 * MiB, QByteArray("hi"));
        QCOMPARE(nor.read(16 * MiB, 2), QByteArray(2, char(0xFF))); // 3-byte mode: address bit 24 lost
        nor.enter4ByteMode();
        QCOMPARE(nor.read(16 * MiB, 2), QByteArray("hi"));
        nor.softwareReset();
        QVERIFY(!nor.isFourByteMode());
        nor.enter4ByteMode();
        nor.powerCycle();
        QVERIFY(!nor.isFourByteMode());
    }

    void norReadWrapsAtCapacity()
    {
        NorSpec spec;
        spec.capacity = 1 * MiB;
        NorFlash nor(spec);
        nor.poke(0, QByteArray("AB"));
        QCOMPARE(nor.read(1 * MiB - 1, 3), QByteArray("\xff"
                                                      "AB"));
        QCOMPARE(nor.read(1 * MiB, 2), QByteArray("AB"));
        QCOMPARE(nor.counters().bytesRead, 5);
    }

    void norProgramAndEraseFaults()
    {
        NorFlash nor(NorSpec{});
        nor.addProgramFail(0x1000, 0x1010, 0x01);
        nor.addEraseFail(0x3000, 0x4000);
        const QByteArray zeros(32, '\0');
        nor.pageProgram(0x1000, reinterpret_cast<const quint8 *>(zeros.constData()), 32);
        QCOMPARE(nor.peek(0x1000, 1), QByteArray(1, '\x01')); // stuck at 1
        QCOMPARE(nor.peek(0x1010, 1), QByteArray(1, '\0'));
        nor.poke(0x2000, QByteArray(0x2000, '\0'));
        nor.erase(0x20, 0x2000);
        nor.erase(0x20, 0x3000);
        QCOMPARE(nor.peek(0x2000, 1), QByteArray(1, char(0xFF)));
        QCOMPARE(nor.peek(0x3000, 1), QByteArray(1, '\0')); // erase left the 0 bits
    }

    void emmcBlocks()
    {
        EmmcSpec spec;
        spec.capacity = 1 * MiB;
        Emmc card(spec);
        QCOMPARE(card.blockCount(), quint64(2048));
        QByteArray block(512, 'z');
        QCOMPARE(
            card.writeBlocks(2047, 2, reinterpret_cast<const quint8 *>(QByteArray(1024, 'z').constData())),
            quint64(1)); // clipped at the end of the card
        QByteArray back(512, '\0');
        QCOMPARE(card.readBlocks(2047, 1, reinterpret_cast<quint8 *>(back.data())), quint64(1));
        QCOMPARE(back, block);
        QCOMPARE(card.eraseBlocks(2047, 1), quint64(1));
        card.readBlocks(2047, 1, reinterpret_cast<quint8 *>(back.data()));
        QCOMPARE(back, QByteArray(512, '\0'));
    }

    void emmcSwitches()
    {
        EmmcSpec spec;
        spec.capacity = 1 * MiB;
        spec.erasedValue = 0xFF;
        Emmc card(spec);
        QByteArray back(512, '\0');
        card.readBlocks(0, 1, reinterpret_cast<quint8 *>(back.data()));
        QCOMPARE(back, QByteArray(512, char(0xFF)));
        card.setWriteProtected(true);
        QCOMPARE(card.writeBlocks(0, 1, reinterpret_cast<const quint8 *>(back.constData())), quint64(0));
        QCOMPARE(card.counters().rejectedWrites, 1);
        card.setPresent(false);
        QCOMPARE(card.readBlocks(0, 1, reinterpret_cast<quint8 *>(back.data())), quint64(0));
    }

    void emmcFourGiBIsSparse()
    {
        Emmc card(EmmcSpec{}); // 4 GiB
        const QByteArray data(512, 'q');
        QCOMPARE(
            card.writeBlocks(card.blockCount() - 1, 1, reinterpret_cast<const quint8 *>(data.constData())),
            quint64(1));
        QCOMPARE(card.array().allocatedBytes(), SparseStore::DefaultPageSize);
    }
};

QTEST_GUILESS_MAIN(TestSimStorage)
#include "tst_simstorage.moc"
