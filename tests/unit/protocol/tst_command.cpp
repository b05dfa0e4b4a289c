// The 40-byte command block: the four golden vectors of spec section 3.1, and SYNC_TIME (3.11).
#include "core/protocol/command.h"
#include "core/protocol/wire.h"

#include <QTest>
#include <QtEndian>

using namespace oc::proto;

namespace {
QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text)); // spaces are skipped
}

qint32 field(const QByteArray &block, int index)
{
    return qFromLittleEndian<qint32>(block.constData() + 4 * index);
}
} // namespace

class TestCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void layoutBRead()
    {
        // Spec 3.1 test vector 1 (as observed in OBS-T20 READ commands).
        const TransferCommand read{0, 0x100000, 0x100000, OpsSfcNor, 0};
        QCOMPARE(encodeTransferCommand(CommandLayout::B, read),
                 hex("00 00 00 00 00 00 00 00  00 00 10 00 00 00 00 00  00 00 10 00 00 00 00 00"
                     "00 00 06 00 00 00 00 00  00 00 00 00 00 00 00 00"));
    }
    void layoutBWrite()
    {
        // Spec 3.1 test vector 2.
        const TransferCommand write{0, 0x10000, 0x10000, 0x00060000, 0x215481B1};
        QCOMPARE(encodeTransferCommand(CommandLayout::B, write),
                 hex("00 00 00 00 00 00 00 00  00 00 01 00 00 00 00 00  00 00 01 00 00 00 00 00"
                     "00 00 06 00 B1 81 54 21  00 00 00 00 00 00 00 00"));
    }
    void layoutAWrite()
    {
        // Spec 3.1 test vector 3.
        const TransferCommand write{0, 0x10000, 0x10000, 0x00060000, 0x215481B1};
        QCOMPARE(encodeTransferCommand(CommandLayout::A, write),
                 hex("00 00 00 00 00 00 00 00  00 00 06 00 00 00 01 00  00 00 01 00 B1 81 54 21"
                     "00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00"));
    }
    void updateCfg172()
    {
        // Spec 3.1 test vector 4.
        QCOMPARE(encodeUpdateCfgCommand(172), hex("AC 00 00 00") + QByteArray(36, '\0'));
    }
    void partitionGoesFirstInBothLayouts()
    {
        const TransferCommand c{0x1122334455667788ull, 0x0A0B0C0D, 0x200, OpsSfcNor, 0xCAFEBABE};
        for (CommandLayout layout : {CommandLayout::A, CommandLayout::B}) {
            const QByteArray block = encodeTransferCommand(layout, c);
            QCOMPARE(block.size(), CommandBlockSize);
            QCOMPARE(block.left(8), hex("88 77 66 55 44 33 22 11"));
        }
    }

    void rtcUsesUBootConvention()
    {
        // 2024-02-29 was a Thursday, day 60 of the year (0-based 59).
        const QDateTime when(QDate(2024, 2, 29), QTime(13, 45, 7));
        const QByteArray block = encodeRtcTime(when);
        QCOMPARE(block.size(), CommandBlockSize);
        QCOMPARE(field(block, 0), 7);    // tm_sec
        QCOMPARE(field(block, 1), 45);   // tm_min
        QCOMPARE(field(block, 2), 13);   // tm_hour
        QCOMPARE(field(block, 3), 29);   // tm_mday
        QCOMPARE(field(block, 4), 2);    // tm_mon: 1..12
        QCOMPARE(field(block, 5), 2024); // tm_year: full year
        QCOMPARE(field(block, 6), 4);    // tm_wday: Thursday, Sunday = 0
        QCOMPARE(field(block, 7), 59);   // tm_yday
        QCOMPARE(field(block, 8), 0);    // tm_isdst
        QCOMPARE(block.mid(36), QByteArray(4, '\0'));
    }
    void rtcSundayIsZero()
    {
        const QByteArray block = encodeRtcTime(QDateTime(QDate(2023, 12, 31), QTime(0, 0)));
        QCOMPARE(field(block, 6), 0);
        QCOMPARE(field(block, 7), 364);
        QCOMPARE(field(block, 4), 12);
    }

    void ackNames()
    {
        QCOMPARE(QByteArray(ackName(AckBusy)), QByteArray("EBUSY (-16)"));
        QCOMPARE(QByteArray(ackName(AckPerm)), QByteArray("EPERM (-1)"));
        QCOMPARE(ackText(AckConnReset), QStringLiteral("ECONNRESET (-104)"));
        QCOMPARE(ackText(7), QStringLiteral("ack 7"));
        QCOMPARE(QByteArray(ackName(7)), QByteArray("unknown ack"));
    }
};

QTEST_GUILESS_MAIN(TestCommand)
#include "tst_command.moc"
