// Configuration encoders against the spec's byte-level descriptions. Every expected offset below is
// written out from the spec tables (3.4-3.10), not taken from the encoder's own constants.
#include "core/protocol/config.h"
#include "core/protocol/tlv.h"
#include "core/protocol/wire.h"

#include <QTest>
#include <QtEndian>

using namespace oc;
using namespace oc::proto;

namespace {
QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}
quint32 u32(const QByteArray &b, int off)
{
    return qFromLittleEndian<quint32>(b.constData() + off);
}
quint64 u64(const QByteArray &b, int off)
{
    return qFromLittleEndian<quint64>(b.constData() + off);
}
quint16 u16(const QByteArray &b, int off)
{
    return qFromLittleEndian<quint16>(b.constData() + off);
}
QByteArray cstr(const QByteArray &b, int off, int size)
{
    const QByteArray field = b.mid(off, size);
    return field.left(field.indexOf('\0'));
}

BurnerProfile profile(SpiParamVariant spi, quint32 paramOffset = 0x6800)
{
    BurnerProfile p;
    p.idString = "BOOTx1830";
    p.spiParam = spi;
    p.paramOffset = paramOffset;
    return p;
}

PolicyParams norPolicy()
{
    PolicyParams p;
    p.useSfcNor = true;
    return p;
}

CmdInfo cmd(quint16 op, quint8 dummy, quint8 addr, quint8 mode)
{
    return CmdInfo{op, dummy, addr, mode};
}
StInfo st(quint16 op, quint8 shift, quint8 mask, quint8 val, quint8 len, quint8 dummy)
{
    return StInfo{op, shift, mask, val, len, dummy};
}

// WT prj008 NOR, decoded values of spec 3.9.3.
SfcConfig prj008Sfc()
{
    SfcConfig sfc;
    sfc.spi.downloadParams = 0;
    sfc.spi.sfcQuadMode = 0;
    sfc.spi.eraseBlockSize = 0x8000;
    sfc.spi.erase = SpiEraseMode::AllPartitions;
    sfc.spi.sfcFrequency = 50000000;
    sfc.spi.paramOffset = 0; // -> the burner profile's 0x6800
    SpiNorChip &c = sfc.chip;
    c.name = QStringLiteral("W25Q128JVSM");
    c.jedecId = 0x00EF7018;
    c.readStandard = cmd(0x03, 0, 3, 0);
    c.readQuad = cmd(0x6B, 8, 3, 5);
    c.writeStandard = cmd(0x02, 0, 3, 0);
    c.writeQuad = cmd(0x32, 0, 3, 5);
    c.sectorErase = cmd(0x52, 0, 3, 0);
    c.wrEn = cmd(0x06, 0, 0, 0);
    c.en4byte = CmdInfo{}; // disabled
    c.quadSet = st(0x31, 1, 1, 1, 1, 0);
    c.quadGet = st(0x35, 1, 1, 1, 1, 0);
    c.busy = st(0x05, 0, 1, 0, 1, 0);
    c.quadOpsMode = 1;
    c.addrOpsMode = 0;
    c.tCHSH = 3;
    c.tSLCH = 5;
    c.tSHSL_RD = 10;
    c.tSHSL_WR = 50;
    c.chipSize = 0x01000000;
    c.pageSize = 256;
    c.eraseSize = 0x8000;
    c.chipEraseCmd = 0x60;
    c.miniReadQuadTransferMode = 6;
    sfc.partitions = {
        {QStringLiteral("uboot"), 0, 0x40000, false, PartitionMode::Mtd},
        {QStringLiteral("kernel"), 0x40000, 0x280000, false, PartitionMode::Mtd},
        {QStringLiteral("rootfs"), 0x2C0000, 0xFFFFFFFF, false, PartitionMode::Mtd},
        {QStringLiteral("all"), 0, 0xFFFFFFFF, false, PartitionMode::Mtd},
    };
    sfc.fsEraseSize = 0x8000;
    sfc.ukQuad = 0;
    sfc.version = 1;
    return sfc;
}

// A T20 read configuration as in OBS-T20 (5.9 C5): GD25Q127C, spi_erase 0, one partition "full".
SfcConfig t20ReadSfc()
{
    SfcConfig sfc = prj008Sfc();
    sfc.spi.erase = SpiEraseMode::Partition;
    sfc.spi.sfcFrequency = 0;
    sfc.chip.name = QStringLiteral("GD25Q127CSIG");
    sfc.chip.jedecId = 0x00C84018;
    sfc.chip.miniReadQuadTransferMode.reset();
    sfc.partitions = {{QStringLiteral("full"), 0, 0xFFFFFFFF, false, PartitionMode::MtdD}};
    return sfc;
}

DebugParams vendorDebug()
{
    return DebugParams{true, true, true, 0, 0}; // observed 1, 1, 1, 0, 0
}
} // namespace

class TestConfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void minimalPolicyBlob()
    {
        // Spec 3.4 "Minimal blob #1 for SFC NOR (172 bytes)".
        QByteArray expected = hex("49 4C 4F 50  A4 00 00 00") + QByteArray(164, '\0');
        expected[8 + 0x14] = 1;
        QCOMPARE(buildPolicyBlob(profile(SpiParamVariant::Vendor24), norPolicy()), expected);
    }

    void gbdExampleTlv()
    {
        // Spec 3.5 "Example TLV".
        TlvWriter tlv;
        tlv.add(MagicDebug, encodeDebugParams(DebugLayout::K1Size20, vendorDebug()));
        QCOMPARE(tlv.bytes(), hex("00 47 42 44 14 00 00 00 01 00 00 00 01 00 00 00 01 00 00 00 00 00 00 00"
                                  "00 00 00 00"));
    }

    void icuDebugLayout()
    {
        // Spec 3.5, older burners: efuse_gpio first (-1 = none, as ICU's host sets it), 24 bytes.
        const QByteArray data =
            encodeDebugParams(DebugLayout::IcuSize24, DebugParams{true, true, false, 0x10000, 7});
        QCOMPARE(data, hex("FF FF FF FF 01 00 00 00 01 00 00 00 00 00 00 00 00 00 01 00 07 00 00 00"));
    }

    void prj008NorBlob();
    void t20ReadBlobSizes();
    void t41AndA1BlobSizes();
    void prj008MmcBlob();
    void spiParamVariants();
    void fidbObsT20();
    void fidbObsT41();
    void ginfoSizes();
    void validation();
};

void TestConfig::prj008NorBlob()
{
    // Spec 3.9.3: WT prj008 NOR blob #2, 976 bytes, built from the decoded values.
    const QByteArray b = buildNorConfigBlob(profile(SpiParamVariant::Wt28), vendorDebug(), norPolicy(),
                                            prj008Sfc(), std::nullopt);
    QCOMPARE(b.size(), 976);
    // GBD @0x00
    QCOMPARE(b.left(0x1C),
             hex("00 47 42 44 14 00 00 00 01 00 00 00 01 00 00 00 01 00 00 00 00000000 00000000"));
    // ILOP @0x1C: use_sfc_nor only
    QCOMPARE(b.mid(0x1C, 8), hex("49 4C 4F 50 A4 00 00 00"));
    QByteArray policy(164, '\0');
    policy[0x14] = 1;
    QCOMPARE(b.mid(0x24, 164), policy);
    // CFS @0xC8, size 0x300; spi_param (28 bytes)
    QCOMPARE(b.mid(0xC8, 8), hex("00 43 46 53 00 03 00 00"));
    const quint32 spi[7] = {0, 0, 0x8000, 1, 50000000, 0, 0x6800};
    for (int i = 0; i < 7; ++i)
        QCOMPARE(u32(b, 0xD0 + 4 * i), spi[i]);
    QCOMPARE(u32(b, 0xE8), 0x6800u); // the word spec 1.7 #4 discusses
    const int n = 0xEC;
    QCOMPARE(b.mid(n, 4), hex("6E 6F 72 00"));
    QCOMPARE(u32(b, n + 0x004), 1u);
    QCOMPARE(cstr(b, n + 0x008, 32), QByteArray("W25Q128JVSM"));
    QCOMPARE(b.mid(n + 0x008, 32), QByteArray("W25Q128JVSM") + QByteArray(21, '\0'));
    QCOMPARE(u32(b, n + 0x028), 0x00EF7018u);
    QCOMPARE(b.mid(n + 0x02C, 6), hex("03 00 00 03 00 00"));       // read_standard
    QCOMPARE(b.mid(n + 0x032, 6), hex("6B 00 08 03 05 00"));       // read_quad
    QCOMPARE(b.mid(n + 0x038, 6), hex("02 00 00 03 00 00"));       // write_standard
    QCOMPARE(b.mid(n + 0x03E, 6), hex("32 00 00 03 05 00"));       // write_quad
    QCOMPARE(b.mid(n + 0x044, 6), hex("52 00 00 03 00 00"));       // sector_erase
    QCOMPARE(b.mid(n + 0x04A, 6), hex("06 00 00 00 00 00"));       // wr_en
    QCOMPARE(b.mid(n + 0x050, 6), hex("FF FF FF FF FF 00"));       // en4byte disabled
    QCOMPARE(b.mid(n + 0x056, 8), hex("31 00 01 01 01 01 00 00")); // quad_set
    QCOMPARE(b.mid(n + 0x05E, 8), hex("35 00 01 01 01 01 00 00")); // quad_get
    QCOMPARE(b.mid(n + 0x066, 8), hex("05 00 00 01 00 01 00 00")); // busy
    QCOMPARE(u16(b, n + 0x06E), quint16(1));
    QCOMPARE(u16(b, n + 0x070), quint16(0));
    QCOMPARE(u32(b, n + 0x074), 3u);
    QCOMPARE(u32(b, n + 0x078), 5u);
    QCOMPARE(u32(b, n + 0x07C), 10u);
    QCOMPARE(u32(b, n + 0x080), 50u);
    QCOMPARE(u32(b, n + 0x084), 0x01000000u);
    QCOMPARE(u32(b, n + 0x088), 256u);
    QCOMPARE(u32(b, n + 0x08C), 0x8000u);
    QCOMPARE(b.mid(n + 0x090, 4), hex("60 00 00 00"));
    // partitions: name, size, offset, mask_flags, manager_mode
    struct P
    {
        const char *name;
        quint32 size, offset;
    };
    const P parts[4] = {{"uboot", 0x40000, 0},
                        {"kernel", 0x280000, 0x40000},
                        {"rootfs", 0xFFFFFFFF, 0x2C0000},
                        {"all", 0xFFFFFFFF, 0}};
    for (int i = 0; i < 4; ++i) {
        const int p = n + 0x094 + 48 * i;
        QCOMPARE(cstr(b, p, 32), QByteArray(parts[i].name));
        QCOMPARE(u32(b, p + 0x20), parts[i].size);
        QCOMPARE(u32(b, p + 0x24), parts[i].offset);
        QCOMPARE(u32(b, p + 0x28), 0u);
        QCOMPARE(u32(b, p + 0x2C), 0u);
    }
    QCOMPARE(b.mid(n + 0x094 + 4 * 48, 6 * 48), QByteArray(6 * 48, '\0')); // unused slots
    QCOMPARE(u32(b, n + 0x274), 4u);
    QCOMPARE(u32(b, n + 0x278), 0x8000u); // fs_erase_size
    QCOMPARE(u32(b, n + 0x27C), 0u);      // uk_quad
    // mini copy: same values, read_quad transfer_mode 6
    QCOMPARE(cstr(b, n + 0x280, 32), QByteArray("W25Q128JVSM"));
    QCOMPARE(u32(b, n + 0x2A0), 0x00EF7018u);
    QCOMPARE(b.mid(n + 0x2A4, 6), hex("03 00 00 03 00 00"));
    QCOMPARE(b.mid(n + 0x2AA, 6), hex("6B 00 08 03 06 00"));
    QCOMPARE(b.mid(n + 0x2B0, 6), hex("06 00 00 00 00 00"));
    QCOMPARE(b.mid(n + 0x2B6, 6), hex("FF FF FF FF FF 00"));
    QCOMPARE(b.mid(n + 0x2BC, 8), hex("31 00 01 01 01 01 00 00"));
    QCOMPARE(b.mid(n + 0x2C4, 8), hex("35 00 01 01 01 01 00 00"));
    QCOMPARE(b.mid(n + 0x2CC, 8), hex("05 00 00 01 00 01 00 00"));
    QCOMPARE(u16(b, n + 0x2D4), quint16(1));
    QCOMPARE(u16(b, n + 0x2D6), quint16(0));
    QCOMPARE(u32(b, n + 0x2D8), 0x01000000u);
    QCOMPARE(u32(b, n + 0x2DC), 256u);
    QCOMPARE(u32(b, n + 0x2E0), 0x8000u);
    QCOMPARE(n + 0x2E4, 976); // spiflash_info ends the blob
}

void TestConfig::t20ReadBlobSizes()
{
    // Spec 3.4 "Observed blob compositions", OBS-T20 read: 972 B = GBD(20) + ILOP(164) + CFS(0x2FC),
    // and 3.9.2: N = 0xE8.
    const QByteArray b = buildNorConfigBlob(profile(SpiParamVariant::Vendor24, 0x6400), vendorDebug(),
                                            norPolicy(), t20ReadSfc(), std::nullopt);
    QCOMPARE(b.size(), 972);
    const auto entries = parseTlvList(b);
    QVERIFY(entries.ok());
    QCOMPARE(entries->size(), 3);
    QCOMPARE(entries->at(0).magic, quint32(MagicDebug));
    QCOMPARE(entries->at(0).data.size(), 20);
    QCOMPARE(entries->at(1).magic, quint32(MagicPolicy));
    QCOMPARE(entries->at(1).data.size(), 164);
    QCOMPARE(entries->at(2).magic, quint32(MagicSfc));
    QCOMPARE(entries->at(2).data.size(), 0x2FC);
    const int n = 0xE8;
    QCOMPARE(b.mid(n, 4), hex("6E 6F 72 00"));
    QCOMPARE(u32(b, 0xD0 + 12), 0u); // spi_erase 0 for a read (rule O13)
    QCOMPARE(u32(b, 0xD0 + 16), 0u); // sfc_frequency (cfg -1 -> 0)
    QCOMPARE(cstr(b, n + 0x008, 32), QByteArray("GD25Q127CSIG"));
    QCOMPARE(u32(b, n + 0x028), 0x00C84018u);
    QCOMPARE(cstr(b, n + 0x094, 32), QByteArray("full"));
    QCOMPARE(u32(b, n + 0x094 + 0x20), 0xFFFFFFFFu); // size: to the end
    QCOMPARE(u32(b, n + 0x094 + 0x24), 0u);          // offset
    QCOMPARE(u32(b, n + 0x094 + 0x2C), 2u);          // MTD_D_MODE
    QCOMPARE(u32(b, n + 0x274), 1u);
    QCOMPARE(b.mid(n + 0x2AA, 6), hex("6B 00 08 03 05 00")); // mini read_quad = main copy here
}

void TestConfig::t41AndA1BlobSizes()
{
    // Spec 3.4: OBS-T41 984 B = RDD(4, 0x00820082) + GBD + ILOP(164) + CFS(0x2FC), N = 0xF4 (3.9.2);
    // OBS-W A1 992 B = RDD(4, 0x00840084) + GBD(20) + ILOP(172) + CFS(0x2FC).
    const QByteArray t41 = buildNorConfigBlob(profile(SpiParamVariant::Vendor24, 0x5800), vendorDebug(),
                                              norPolicy(), t20ReadSfc(), 0x00820082);
    QCOMPARE(t41.size(), 984);
    QCOMPARE(t41.left(12), hex("00 52 44 44 04 00 00 00 82 00 82 00"));
    QCOMPARE(t41.mid(0xF4, 4), hex("6E 6F 72 00"));

    BurnerProfile a1 = profile(SpiParamVariant::A1Size20, 0x5800);
    a1.policyLayout = PolicyLayout::A1Size172;
    const QByteArray b = buildNorConfigBlob(a1, vendorDebug(), norPolicy(), t20ReadSfc(), 0x00840084);
    QCOMPARE(b.size(), 992);
    const auto entries = parseTlvList(b);
    QVERIFY(entries.ok());
    QCOMPARE(entries->size(), 4);
    QCOMPARE(entries->at(2).data.size(), 172);
    QVERIFY(entries->at(2).data.endsWith("5,100,60")); // spec 3.6, OBS-W
    QCOMPARE(entries->at(3).data.size(), 0x2FC);
    QCOMPARE(u32(entries->at(3).data, 16), 0u); // A1 spi_param ends with sfc_frequency
    QCOMPARE(entries->at(3).data.mid(20, 4), hex("6E 6F 72 00"));
}

void TestConfig::prj008MmcBlob()
{
    // Spec 3.4 / 3.7 / 5.10: WT prj008 eMMC blob #2, 456 B = GBD(20) + CMM(0xF8, all zero) + ILOP(164).
    PolicyParams policy;
    policy.useMmc[0] = true;
    const QByteArray b =
        buildMmcConfigBlob(profile(SpiParamVariant::Wt28), vendorDebug(), policy, MmcConfig{});
    QCOMPARE(b.size(), 456);
    QCOMPARE(b.mid(0x1C, 8), hex("00 43 4D 4D F8 00 00 00"));
    QCOMPARE(b.mid(0x24, 0xF8), QByteArray(0xF8, '\0'));
    QCOMPARE(b.mid(0x11C, 8), hex("49 4C 4F 50 A4 00 00 00"));
    QByteArray expectedPolicy(164, '\0');
    expectedPolicy[0x08] = 1; // use_mmc0
    QCOMPARE(b.mid(0x124, 164), expectedPolicy);
}

void TestConfig::spiParamVariants()
{
    // Spec 3.9.1 field orders.
    SpiParams spi;
    spi.downloadParams = 1;
    spi.sfcQuadMode = 2;
    spi.eraseBlockSize = 0x10000;
    spi.erase = SpiEraseMode::ChipCommand;
    spi.sfcFrequency = 50000000;
    spi.reserveSpace = 5;
    spi.reserveSpaceProtect = 6;
    const QByteArray k1 = encodeSpiParams(SpiParamVariant::K1Size32, spi, 0x6400);
    QCOMPARE(k1.size(), 32);
    const quint32 expected[8] = {1, 2, 0x10000, 2, 50000000, 5, 6, 0x6400};
    for (int i = 0; i < 8; ++i)
        QCOMPARE(u32(k1, 4 * i), expected[i]);
    spi.paramOffset = 0x7000; // an explicit offset wins over the build default
    QCOMPARE(u32(encodeSpiParams(SpiParamVariant::Wt28, spi, 0x6400), 24), 0x7000u);
    QCOMPARE(u32(encodeSpiParams(SpiParamVariant::Wt28, spi, 0x6400), 20), 0u);
    QCOMPARE(encodeSpiParams(SpiParamVariant::Icu16, spi, 0).size(), 16);
    QCOMPARE(u32(encodeSpiParams(SpiParamVariant::Vendor24, spi, 0), 20), 5u);
    QCOMPARE(sfcTlvSize(SpiParamVariant::Vendor24), 0x2FC);
    QCOMPARE(sfcTlvSize(SpiParamVariant::Wt28), 0x300);
    QCOMPARE(sfcTlvSize(SpiParamVariant::A1Size20), 0x2FC);
}

void TestConfig::fidbObsT20()
{
    // Spec 3.10, global_info column OBS-T20.
    GlobalInfo info;
    info.extal = 24000000;
    info.cpuFreq = 800000000;
    info.ddrFreq = 400000000;
    info.uartIndex = 1;
    info.baudRate = 115200;
    info.uartGpio = {1, 0, 0x00800000};
    info.gpio = {{0, 0x11, 0x19800000}};
    const QByteArray b = encodeGlobalInfo(info);
    QCOMPARE(b.size(), 184);
    const quint32 expected[13] = {24000000, 800000000,  400000000, 0, 1,    115200,    1,
                                  0,        0x00800000, 1,         0, 0x11, 0x19800000};
    for (int i = 0; i < 13; ++i)
        QCOMPARE(u32(b, 4 * i), expected[i]);
    QCOMPARE(b.mid(0x34), QByteArray(184 - 0x34, '\0'));
}

void TestConfig::fidbObsT41()
{
    // Spec 3.10, global_info column OBS-T41: two GPIO groups.
    GlobalInfo info;
    info.uartGpio = {1, 0, 0x00800000};
    info.gpio = {{0, 1, 0x1F800000}, {0, 1, 0xE0700000}};
    const QByteArray b = encodeGlobalInfo(info);
    QCOMPARE(u32(b, 0x08), 400000000u);
    QCOMPARE(u32(b, 0x24), 2u);
    QCOMPARE(b.mid(0x28, 24), hex("00000000 01000000 0000801F  00000000 01000000 000070E0"));
    QCOMPARE(b.mid(0x40), QByteArray(184 - 0x40, '\0'));
}

void TestConfig::ginfoSizes()
{
    // Spec 3.10 observed sizes: OBS-T20 396 = FIDB(8+184) + RDD(8+196); OBS-T41 384; prj008 324.
    GlobalInfo info;
    info.gpio = {{0, 0x11, 0x19800000}};
    const QByteArray t20 = buildGinfo(info, QByteArray(196, '\x33'));
    QCOMPARE(t20.size(), 396);
    QCOMPARE(t20.left(8), hex("46 49 44 42 B8 00 00 00"));
    QCOMPARE(t20.mid(192, 8), hex("00 52 44 44 C4 00 00 00"));
    QCOMPARE(t20.mid(200), QByteArray(196, '\x33'));
    QCOMPARE(buildGinfo(info, QByteArray(184, '\0')).size(), 384);
    QCOMPARE(buildGinfo(info, QByteArray(124, '\0')).size(), 324);
}

void TestConfig::validation()
{
    SfcConfig sfc = prj008Sfc();
    QVERIFY(validateSfcConfig(sfc).ok());
    sfc.chip.name = QStringLiteral("A_NAME_THAT_IS_LONGER_THAN_31_CHARS");
    QCOMPARE(validateSfcConfig(sfc).error().code, ErrorCode::Profile);
    sfc = prj008Sfc();
    while (sfc.partitions.size() <= MaxNorPartitions)
        sfc.partitions.append(sfc.partitions.first());
    QVERIFY(!validateSfcConfig(sfc).ok());
    MmcConfig mmc;
    mmc.ranges = QList<MmcRange>(11);
    QVERIFY(!validateMmcConfig(mmc).ok());
    GlobalInfo info;
    info.gpio = QList<GpioGroup>(13);
    QVERIFY(!validateGlobalInfo(info).ok());
    info.gpio = QList<GpioGroup>(12);
    QVERIFY(validateGlobalInfo(info).ok());
    QCOMPARE(u32(encodeGlobalInfo(info), 0x24), 12u);
    // MMC ranges land at 0x10 as u64 pairs; the count at 0x08 (spec 3.7).
    mmc.ranges = {{0x100000, ~quint64(0)}};
    mmc.erase = MmcEraseMode::Ranges;
    const QByteArray m = encodeMmc(mmc);
    QCOMPARE(u32(m, 0x04), 2u);
    QCOMPARE(u32(m, 0x08), 1u);
    QCOMPARE(u64(m, 0x10), quint64(0x100000));
    QCOMPARE(u64(m, 0x18), ~quint64(0));
}

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
