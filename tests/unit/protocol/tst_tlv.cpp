// TLV framing [3.4]: the writer's bytes, and the host-side parser on valid, terminated, truncated and
// hostile input (it is exposed to files from outside and will get a libFuzzer target).
#include "core/protocol/tlv.h"
#include "core/protocol/wire.h"

#include <QTest>

using namespace oc;
using namespace oc::proto;

namespace {
QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}
} // namespace

class TestTlv : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writerFramesLittleEndianWithReversedMagics()
    {
        TlvWriter tlv;
        tlv.add(MagicPolicy, hex("01 02 03 04"));
        tlv.add(MagicDdr, QByteArray());
        // Spec 1.6: POLICY 0x504F4C49 appears as "ILOP"; 3.4: DDR as "\0RDD".
        QCOMPARE(tlv.bytes(), hex("49 4C 4F 50 04 00 00 00 01 02 03 04  00 52 44 44 00 00 00 00"));
    }

    void parseRoundTrip()
    {
        TlvWriter tlv;
        tlv.add(MagicDebug, QByteArray(20, '\x01'));
        tlv.add(MagicPolicy, QByteArray(164, '\0'));
        tlv.add(MagicSfc, QByteArray(0x2FC, '\x5A'));
        const auto entries = parseTlvList(tlv.bytes());
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), 3);
        QCOMPARE(entries->at(0).magic, quint32(MagicDebug));
        QCOMPARE(entries->at(0).offset, 0);
        QCOMPARE(entries->at(1).offset, 0x1C);
        QCOMPARE(entries->at(2).offset, 0xC8);
        QCOMPARE(entries->at(2).data, QByteArray(0x2FC, '\x5A'));
    }

    void emptyInputIsAnEmptyList()
    {
        const auto entries = parseTlvList(QByteArrayView());
        QVERIFY(entries.ok());
        QVERIFY(entries->isEmpty());
    }

    void zeroMagicTerminates()
    {
        // After the terminator the burner would stop; stale bytes there are not parsed.
        const QByteArray bytes = hex("49 4C 4F 50 04 00 00 00 01 00 00 00  00 00 00 00  FF FF");
        const auto entries = parseTlvList(bytes);
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), 1);
        QCOMPARE(entries->at(0).data, hex("01 00 00 00"));
    }

    void truncatedHeaderNamesOffset()
    {
        const QByteArray bytes = hex("49 4C 4F 50 00 00 00 00  00 47 42");
        const auto entries = parseTlvList(bytes);
        QVERIFY(!entries.ok());
        QCOMPARE(entries.error().code, ErrorCode::Profile);
        QCOMPARE(entries.error().offset, 8);
        QVERIFY2(entries.error().message.contains(QStringLiteral("offset 0x8")),
                 qPrintable(entries.error().message));
    }

    void truncatedSizeField()
    {
        const auto entries = parseTlvList(hex("00 47 42 44 14 00"));
        QVERIFY(!entries.ok());
        QCOMPARE(entries.error().offset, 0);
    }

    void truncatedDataNamesOffset()
    {
        const QByteArray bytes = hex("00 47 42 44 14 00 00 00  01 00 00 00");
        const auto entries = parseTlvList(bytes);
        QVERIFY(!entries.ok());
        QCOMPARE(entries.error().code, ErrorCode::Profile);
        QCOMPARE(entries.error().offset, 0);
        QVERIFY2(entries.error().message.contains(QStringLiteral("20 data bytes, 4 present")),
                 qPrintable(entries.error().message));
    }

    void hugeSizeDoesNotOverflow()
    {
        const auto entries = parseTlvList(hex("00 47 42 44 F8 FF FF FF  00 00 00 00"));
        QVERIFY(!entries.ok());
        QCOMPARE(entries.error().offset, 0);
    }

    void entryLimit()
    {
        TlvWriter tlv;
        for (int i = 0; i < 5; ++i)
            tlv.add(MagicGpio, QByteArray());
        QVERIFY(parseTlvList(tlv.bytes(), 5).ok());
        const auto entries = parseTlvList(tlv.bytes(), 4);
        QVERIFY(!entries.ok());
        QCOMPARE(entries.error().offset, 4 * 8);
    }

    void everyPrefixIsHandled()
    {
        // Cutting a valid list anywhere gives either a shorter valid list (at entry boundaries) or
        // an error naming an offset inside the input; never a crash or an out-of-range read.
        TlvWriter tlv;
        tlv.add(MagicInfo, QByteArray(184, '\x11'));
        tlv.add(MagicDdr, QByteArray(124, '\x22'));
        const QByteArray bytes = tlv.bytes();
        for (qsizetype n = 0; n <= bytes.size(); ++n) {
            const auto entries = parseTlvList(QByteArrayView(bytes).first(n));
            const bool boundary = n == 0 || n == 192 || n == bytes.size();
            QCOMPARE(entries.ok(), boundary);
            if (!entries.ok())
                QVERIFY(entries.error().offset >= 0 && entries.error().offset < n);
        }
    }
};

QTEST_GUILESS_MAIN(TestTlv)
#include "tst_tlv.moc"
