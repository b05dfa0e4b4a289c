// ginfo generation against the vendor tool's own output: the FIDB from the board .cfg and the chip's
// config.cfg, the RDD from the DDR part file. Golden blobs and inputs live in tests/data/ginfo (see
// its README for where each comes from): T20 (xburst1 DWC PHY, DDR2), T31X (xburst1 Inno PHY, DDR2),
// T41N (xburst2, DDR3), and the FIDB of WT's prj008 NOR and eMMC blobs.

#include "core/catalog/clonerginfo.h"
#include "core/catalog/clonerini.h"
#include "core/catalog/ddr/ddrpart.h"
#include "core/protocol/config.h"

#include <QFile>
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

// The hex dumps: bytes as hex pairs, '#' starts a comment line.
QByteArray golden(const QString &name)
{
    QFile file(dataPath(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(name));
    QByteArray hex;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.startsWith('#'))
            hex += line;
    }
    return QByteArray::fromHex(hex);
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

// "offset 0x0d4 (RDD +0x0c): expected 0a got 0b" for each differing byte, so a failure says which
// register field is wrong.
QString differences(const QByteArray &expected, const QByteArray &actual)
{
    QStringList lines;
    if (expected.size() != actual.size())
        lines << QStringLiteral("size: expected %1 got %2").arg(expected.size()).arg(actual.size());
    for (int i = 0; i < std::min(expected.size(), actual.size()) && lines.size() < 20; ++i) {
        if (expected[i] != actual[i])
            lines << QStringLiteral("offset 0x%1 (RDD +0x%2): expected %3 got %4")
                         .arg(i, 3, 16, QLatin1Char('0'))
                         .arg(i - 200, 2, 16, QLatin1Char('0'))
                         .arg(quint8(expected[i]), 2, 16, QLatin1Char('0'))
                         .arg(quint8(actual[i]), 2, 16, QLatin1Char('0'));
    }
    return lines.join(QLatin1Char('\n'));
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
                                      << "obs-t20.hex" << int(ddr::RddLayout::Dwc196);
        QTest::newRow("t31x inno ddr2") << "t31x_sfc_nor_reader_16MB.cfg"
                                        << "t31x"
                                        << "DDR2"
                                        << "M14D1G1664A_DDR2.cfg"
                                        << "obs-t31x.hex" << int(ddr::RddLayout::Inno124);
        QTest::newRow("t41n xburst2 ddr3") << "t41n_sfc_nor_ddr3_linux.cfg"
                                           << "t41"
                                           << "DDR3"
                                           << "DDR3_W631GU6NG.cfg"
                                           << "obs-t41n.hex" << int(ddr::RddLayout::Xburst2);
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
        const QByteArray expected = golden(blob);
        QCOMPARE(expected.size(), qsizetype(8 + proto::GlobalInfoSize + 8 + built->rdd.data.size()));
        QVERIFY(expected.size() >= 324);
        QVERIFY2(built->ginfo == expected, qPrintable(differences(expected, built->ginfo)));
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
                             << "wt-prj008-nor.hex";
        QTest::newRow("emmc") << "0,-1,-1,"
                              << "wt-prj008-mmc0.hex";
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
        QCOMPARE(fidb.toHex(' '), golden(blob).left(8 + proto::GlobalInfoSize).toHex(' '));
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
