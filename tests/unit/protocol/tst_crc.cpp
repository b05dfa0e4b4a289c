// JAMCRC against every test vector of spec section 4 (both columns: JAMCRC and zlib crc32), and the
// continuation rule JAMCRC(a || b) = jamcrcContinue(JAMCRC(a), b).
#include "core/protocol/crc.h"

#include <QTest>

#include <zlib.h>

using namespace oc::proto;

namespace {
std::span<const quint8> bytesOf(const QByteArray &data)
{
    return {reinterpret_cast<const quint8 *>(data.constData()), size_t(data.size())};
}

QByteArray counting256()
{
    QByteArray data(256, '\0');
    for (int i = 0; i < 256; ++i)
        data[i] = char(i);
    return data;
}
} // namespace

class TestCrc : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void specVectors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<quint32>("jam");
        QTest::addColumn<quint32>("zlibCrc");
        // Spec section 4, "Test vectors" table.
        QTest::newRow("123456789") << QByteArray("123456789") << 0x340BC6D9u << 0xCBF43926u;
        QTest::newRow("empty") << QByteArray() << 0xFFFFFFFFu << 0x00000000u;
        QTest::newRow("one 0x00") << QByteArray(1, '\0') << 0x2DFD1072u << 0xD202EF8Du;
        QTest::newRow("0x00..0xFF") << counting256() << 0xD6FA738Cu << 0x29058C73u;
        QTest::newRow("256 x FF") << QByteArray(256, '\xFF') << 0x015757DEu << 0xFEA8A821u;
        QTest::newRow("4 KiB x FF") << QByteArray(4096, '\xFF') << 0x0EAB98F5u << 0xF154670Au;
        // Also observed on hardware: GET_CRC after reading 64 KiB of erased NOR (OBS-T20).
        QTest::newRow("64 KiB x FF") << QByteArray(65536, '\xFF') << 0x215481B1u << 0xDEAB7E4Eu;
        QTest::newRow("64 KiB x 00") << QByteArray(65536, '\0') << 0x28687114u << 0xD7978EEBu;
        QTest::newRow("1 MiB x FF") << QByteArray(1 << 20, '\xFF') << 0x6A94538Bu << 0x956BAC74u;
    }
    void specVectors()
    {
        QFETCH(QByteArray, input);
        QFETCH(quint32, jam);
        QFETCH(quint32, zlibCrc);
        QCOMPARE(jamcrc(bytesOf(input)), jam);
        // The zlib column checks the relation JAMCRC = ~crc32 the implementation relies on.
        const uLong crc =
            crc32_z(0, reinterpret_cast<const Bytef *>(input.constData()), size_t(input.size()));
        QCOMPARE(quint32(crc), zlibCrc);
        QCOMPARE(quint32(~jam), zlibCrc);
    }

    void continuationMatchesWhole()
    {
        const QByteArray whole = counting256().repeated(17) + QByteArray("123456789");
        const quint32 expected = jamcrc(bytesOf(whole));
        for (int split : {0, 1, 255, 256, 1000, int(whole.size()) - 1, int(whole.size())}) {
            const quint32 first = jamcrc(bytesOf(whole.left(split)));
            QCOMPARE(jamcrcContinue(first, bytesOf(whole.mid(split))), expected);
        }
    }

    void continuationOverEmptyKeepsValue()
    {
        QCOMPARE(jamcrcContinue(0x340BC6D9u, {}), 0x340BC6D9u);
        QCOMPARE(jamcrcContinue(JamcrcInitial, bytesOf(QByteArray("123456789"))), 0x340BC6D9u);
    }

    void chunkedOneMiBMatchesSpec()
    {
        // A READ stream checked in 64 KiB pieces, as a verifier would do it.
        const QByteArray piece(65536, '\xFF');
        quint32 jam = JamcrcInitial;
        for (int i = 0; i < 16; ++i)
            jam = jamcrcContinue(jam, bytesOf(piece));
        QCOMPARE(jam, 0x6A94538Bu);
    }
};

QTEST_GUILESS_MAIN(TestCrc)
#include "tst_crc.moc"
