// ginfo generation against the vendor tool's own output: the FIDB from the board .cfg and the chip's
// config.cfg, the RDD from the DDR part file. Golden blobs and inputs live in tests/data/ginfo (see
// its README for where each comes from): T20 (xburst1 DWC PHY, DDR2), T31X (xburst1 Inno PHY, DDR2),
// T41N (xburst2, DDR3), and the FIDB of WT's prj008 NOR and eMMC blobs.

#include "core/catalog/clonerginfo.h"
#include "core/catalog/clonerini.h"
#include "core/catalog/ddr/ddrpart.h"
#include "core/protocol/config.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QTest>

using namespace oc;
using namespace oc::catalog;

namespace {

QString dataPath(const QString &relative)
{
    return QStringLiteral(OPENCLONER_SOURCE_DIR "/tests/data/ginfo/") + relative;
}

ClonerIni ini(const QString &relative)
{
    auto parsed = ClonerIni::load(dataPath(relative), relative);
    if (!parsed)
        qFatal("%s", qPrintable(parsed.error().message));
    return std::move(parsed).value();
}

// The observed vendor blobs themselves are not kept in the tree (no vendor ginfo blobs in the
// repository): tests/data/ginfo/README.md names where each one is published, and here each is known
// by its size and SHA-256, so matching them still means byte-for-byte identity.
struct Golden
{
    int size;
    QByteArray sha256;     // of the whole blob
    QByteArray fidbSha256; // of its first 8 + 184 bytes (the FIDB TLV)
};

Golden golden(const QString &name)
{
    static const QHash<QString, Golden> known{
        {QStringLiteral("obs-t20"),
         {396, "39bf885272c5b69c688b1284382982671016f76cf661b9bbc2fe758d24b9bcd5", {}}},
        {QStringLiteral("obs-t31x"),
         {324, "da4fc4b131d52aba840d728f7a024f795d6ac59392247f34d63f99ab46f79dba", {}}},
        {QStringLiteral("obs-t41n"),
         {384, "6d1e7d2dabdbed8462f730891a564462f45237c5f3bd9c0bf4d162a7d8c6df3d", {}}},
        {QStringLiteral("wt-prj008-nor"),
         {324, {}, "75f84f166c553f95d135505eca49288499bdec773850134c5c10cd8e2573d69b"}},
        {QStringLiteral("wt-prj008-mmc0"),
         {324, {}, "ac4c9efbc888d1b184e31b26edf28ffcbed25a47c7f70e90d0ba6b251a2057c3"}},
    };
    if (!known.contains(name))
        qFatal("no golden digest for %s", qPrintable(name));
    return known.value(name);
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

ClonerChipConfig chipConfig(const QString &chip)
{
    auto c = ClonerChipConfig::fromIni(ini(QStringLiteral("firmwares/%1/config.cfg").arg(chip)));
    if (!c)
        qFatal("%s", qPrintable(c.error().message));
    return *c;
}

ddr::DdrPart part(const QString &type, const QString &file)
{
    auto p = ddr::DdrPart::fromIni(ini(QStringLiteral("ddrs/%1/%2").arg(type, file)),
                                   *ddr::ddrTypeFromName(type), QString(file).remove(QStringLiteral(".cfg")));
    if (!p)
        qFatal("%s", qPrintable(p.error().message));
    return *p;
}

} // namespace

class TestClonerGinfo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void vendorBlobs_data()
    {
        QTest::addColumn<QString>("board");
        QTest::addColumn<QString>("chip");
        QTest::addColumn<QString>("ddrType");
        QTest::addColumn<QString>("ddrFile");
        QTest::addColumn<QString>("blob");
        QTest::addColumn<int>("layout");
        QTest::newRow("t20 dwc ddr2") << "t20_sfc_nor_reader_16MB.cfg"
                                      << "t20"
                                      << "DDR2"
                                      << "M14D5121632A_DDR2.cfg"
                                      << "obs-t20" << int(ddr::RddLayout::Dwc196);
        QTest::newRow("t31x inno ddr2") << "t31x_sfc_nor_reader_16MB.cfg"
                                        << "t31x"
                                        << "DDR2"
                                        << "M14D1G1664A_DDR2.cfg"
                                        << "obs-t31x" << int(ddr::RddLayout::Inno124);
        QTest::newRow("t41n xburst2 ddr3") << "t41n_sfc_nor_ddr3_linux.cfg"
                                           << "t41"
                                           << "DDR3"
                                           << "DDR3_W631GU6NG.cfg"
                                           << "obs-t41n" << int(ddr::RddLayout::Xburst2);
    }

    void vendorBlobs()
    {
        QFETCH(QString, board);
        QFETCH(QString, chip);
        QFETCH(QString, ddrType);
        QFETCH(QString, ddrFile);
        QFETCH(QString, blob);
        QFETCH(int, layout);
        const auto built = buildClonerGinfo(ini(QStringLiteral("configs/") + board), chipConfig(chip),
                                            part(ddrType, ddrFile));
        QVERIFY2(built.ok(), built.ok() ? "" : qPrintable(built.error().message));
        QCOMPARE(int(built->rdd.layout), layout);
        QVERIFY(built->rdd.verified);
        const Golden expected = golden(blob);
        QCOMPARE(built->ginfo.size(), qsizetype(expected.size));
        QVERIFY2(sha256(built->ginfo) == expected.sha256,
                 qPrintable(QStringLiteral("generated ginfo differs from the vendor's: %1")
                                .arg(QString::fromLatin1(built->ginfo.toHex(' ')))));
    }

    // The UPDATE_CFG "\0RDD" value of the T41 run (spec 3.4, OBS-T41) is the xburst2 DDR id twice.
    void t41UpdateConfigValue()
    {
        const auto built = buildClonerGinfo(
            ini(QStringLiteral("configs/t41n_sfc_nor_ddr3_linux.cfg")), chipConfig(QStringLiteral("t41")),
            part(QStringLiteral("DDR3"), QStringLiteral("DDR3_W631GU6NG.cfg")));
        QVERIFY(built.ok());
        QCOMPARE(built->rdd.updateCfgValue, std::optional<qint32>(0x00820082));
    }

    // xburst1 boards send no DDR TLV in UPDATE_CFG (OBS-T20, OBS-W T31).
    void xburst1HasNoUpdateConfigValue()
    {
        const auto built = buildClonerGinfo(
            ini(QStringLiteral("configs/t20_sfc_nor_reader_16MB.cfg")), chipConfig(QStringLiteral("t20")),
            part(QStringLiteral("DDR2"), QStringLiteral("M14D5121632A_DDR2.cfg")));
        QVERIFY(built.ok());
        QVERIFY(!built->rdd.updateCfgValue);
    }

    // WT's prj008 blobs: their board .cfg is not public, so the FIDB is rebuilt from the values the
    // spec decodes (3.10) and the bundled config.cfg, and compared byte for byte.
    void prj008GlobalInfo_data()
    {
        QTest::addColumn<QString>("gpioConfig");
        QTest::addColumn<QString>("blob");
        QTest::newRow("nor") << "-1,-1,0,"
                             << "wt-prj008-nor";
        QTest::newRow("emmc") << "0,-1,-1,"
                              << "wt-prj008-mmc0";
    }

    void prj008GlobalInfo()
    {
        QFETCH(QString, gpioConfig);
        QFETCH(QString, blob);
        const QByteArray board =
            QStringLiteral("[info]\nextal=24000000\ncpufreq=800000000\nddrfreq=250000000\n"
                           "baud_rate=115200\nuart_gpio=1\n[gpio]\nconfig=\"%1\"\n")
                .arg(gpioConfig)
                .toUtf8();
        const auto boardIni = ClonerIni::parse(board, QStringLiteral("prj008.cfg"));
        QVERIFY(boardIni.ok());
        const auto info = clonerGlobalInfo(*boardIni, chipConfig(QStringLiteral("prj008")));
        QVERIFY2(info.ok(), info.ok() ? "" : qPrintable(info.error().message));
        const QByteArray fidb = proto::buildGinfo(*info, QByteArray()).left(8 + proto::GlobalInfoSize);
        QCOMPARE(sha256(fidb), golden(blob).fidbSha256);
    }

    // Pairs without a vendor blob still give a layout-sized RDD, marked unverified.
    void unverifiedPairs_data()
    {
        QTest::addColumn<int>("creator");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("size");
        QTest::newRow("inno ddr3") << 1 << "DDR3"
                                   << "DDR3_W631GU6NG.cfg" << 124;
        QTest::newRow("xburst2 ddr2") << 2 << "DDR2"
                                      << "M14D5121632A_DDR2.cfg" << 184;
    }

    void unverifiedPairs()
    {
        QFETCH(int, creator);
        QFETCH(QString, type);
        QFETCH(QString, file);
        QFETCH(int, size);
        ddr::DdrBoard board;
        board.creatorVersion = creator;
        board.type = *ddr::ddrTypeFromName(type);
        const auto rdd = ddr::buildRdd(part(type, file), board, 400000000);
        QVERIFY2(rdd.ok(), rdd.ok() ? "" : qPrintable(rdd.error().message));
        QCOMPARE(rdd->data.size(), size);
        QVERIFY(!rdd->verified);
    }

    // LPDDR2 / LPDDR3 on xburst2 (the part values are those of the Cloner's W97BV6MK_LPDDR2.cfg and
    // LPDDR3_W63AH6NKB-BI.cfg): unverified, but the mode registers carry their JEDEC addresses and
    // the RL / WL code of the pair.
    void xburst2Lpddr_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("type");
        QTest::addColumn<quint32>("mr2");
        QTest::newRow("lpddr2")
            << QByteArray("[ddr]\nvendor=WINBOND\nBL=\"8,\"\nCOL=\"10,\"\nROW=\"14,\"\nRL=\"7,tck\"\n"
                          "WL=\"4,tck\"\ntWR=\"15,ns\"\ntREFI=\"3900,ns\"\ntRFC=\"130,ns\"\n")
            << "LPDDR2" << 0x0205u;
        QTest::newRow("lpddr3")
            << QByteArray("[ddr]\nvendor=WINBOND\nBL=\"8,\"\nCOL=\"10,\"\nROW=\"13,\"\nRL=\"12,tck\"\n"
                          "WL=\"6,tck\"\ntWR=\"15000,ps\"\ntREFI=\"7800,ns\"\ntRFC=\"130,ns\"\n"
                          "tCCD=\"4,tck\"\n")
            << "LPDDR3" << 0x020Au;
    }

    void xburst2Lpddr()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, type);
        QFETCH(quint32, mr2);
        const auto parsed = ClonerIni::parse(text, type + QStringLiteral(".cfg"));
        QVERIFY(parsed.ok());
        const auto p = ddr::DdrPart::fromIni(*parsed, *ddr::ddrTypeFromName(type), type);
        QVERIFY(p.ok());
        ddr::DdrBoard board;
        board.creatorVersion = 2;
        board.type = p->type();
        const auto rdd = ddr::buildRdd(*p, board, 400000000);
        QVERIFY2(rdd.ok(), rdd.ok() ? "" : qPrintable(rdd.error().message));
        QCOMPARE(rdd->data.size(), 184);
        QVERIFY(!rdd->verified);
        auto word = [&](int at) {
            return quint32(quint8(rdd->data[at])) | quint32(quint8(rdd->data[at + 1])) << 8 |
                   quint32(quint8(rdd->data[at + 2])) << 16 | quint32(quint8(rdd->data[at + 3])) << 24;
        };
        QCOMPARE(word(136), mr2); // DDR_MR2_VALUE: MA 2, RL / WL code
        QCOMPARE(word(140) >> 8, 3u);
    }

    void unsupportedCombinations()
    {
        ddr::DdrBoard board;
        board.type = ddr::DdrType::Ddr3;
        board.creatorVersion = -1; // T20 DWC: DDR2 only
        auto rdd = ddr::buildRdd(part(QStringLiteral("DDR3"), QStringLiteral("DDR3_W631GU6NG.cfg")), board,
                                 400000000);
        QVERIFY(!rdd.ok());
        QVERIFY2(rdd.error().message.contains(QLatin1String("DDR2 only")), qPrintable(rdd.error().message));
        board.creatorVersion = 3; // X2600 creator
        rdd = ddr::buildRdd(part(QStringLiteral("DDR3"), QStringLiteral("DDR3_W631GU6NG.cfg")), board,
                            400000000);
        QVERIFY(!rdd.ok());
        QVERIFY(rdd.error().message.contains(QLatin1String("creator_version 3")));
        board.creatorVersion = 2;
        board.type = ddr::DdrType::Ddr2; // the part is DDR3
        rdd = ddr::buildRdd(part(QStringLiteral("DDR3"), QStringLiteral("DDR3_W631GU6NG.cfg")), board,
                            400000000);
        QVERIFY(!rdd.ok());
        QVERIFY(rdd.error().message.contains(QLatin1String("current_type")));
    }

    void badPartValues()
    {
        const auto parsed = ClonerIni::parse("[ddr]\nBL=\"8,\"\ntRAS=\"45,us\"\n", QStringLiteral("bad.cfg"));
        QVERIFY(parsed.ok());
        const auto p = ddr::DdrPart::fromIni(*parsed, ddr::DdrType::Ddr2, QStringLiteral("bad"));
        QVERIFY(!p.ok());
        QCOMPARE(p.error().message, QStringLiteral("bad.cfg:3: [ddr] tRAS: \"45,us\" must be \"number,\" or "
                                                   "\"number,unit\" with unit ps, ns or tck"));
    }
};

QTEST_GUILESS_MAIN(TestClonerGinfo)
#include "tst_clonerginfo.moc"
