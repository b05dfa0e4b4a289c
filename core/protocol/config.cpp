#include "config.h"

#include "lebytes.h"
#include "tlv.h"
#include "wire.h"

namespace oc::proto {

using detail::putLe;
using detail::putString;

namespace {

// The vendor A1 policy is 172 bytes and ends with this text (OBS-W, meaning unknown [3.6]); placing
// it right after the 164-byte K1 layout fills exactly the 8 extra bytes (inferred).
constexpr char A1PolicyTail[] = "5,100,60";

// ICU's host code sets efuse_gpio = -1 ("no eFuse power GPIO"); OpenCloner never burns eFuses.
constexpr quint32 NoEfuseGpio = 0xFFFFFFFF;

QByteArray words(std::initializer_list<quint32> values)
{
    QByteArray bytes(qsizetype(values.size()) * 4, '\0');
    qsizetype at = 0;
    for (quint32 v : values) {
        putLe<quint32>(bytes, at, v);
        at += 4;
    }
    return bytes;
}

void putCmdInfo(QByteArray &bytes, qsizetype at, const CmdInfo &info)
{
    putLe<quint16>(bytes, at, info.cmd);
    bytes[at + 2] = char(info.dummy);
    bytes[at + 3] = char(info.addrBytes);
    bytes[at + 4] = char(info.transferMode);
    bytes[at + 5] = '\0';
}

void putStInfo(QByteArray &bytes, qsizetype at, const StInfo &info)
{
    putLe<quint16>(bytes, at, info.cmd);
    bytes[at + 2] = char(info.bitShift);
    bytes[at + 3] = char(info.mask);
    bytes[at + 4] = char(info.value);
    bytes[at + 5] = char(info.length);
    bytes[at + 6] = char(info.dummy);
    bytes[at + 7] = '\0';
}

// spiflash_info offsets, relative to N [3.9.2]
enum : qsizetype {
    OffMagic = 0x000,
    OffVersion = 0x004,
    OffName = 0x008,
    OffId = 0x028,
    OffReadStd = 0x02C,
    OffReadQuad = 0x032,
    OffWriteStd = 0x038,
    OffWriteQuad = 0x03E,
    OffSectorErase = 0x044,
    OffWrEn = 0x04A,
    OffEn4Byte = 0x050,
    OffQuadSet = 0x056,
    OffQuadGet = 0x05E,
    OffBusy = 0x066,
    OffQuadOpsMode = 0x06E,
    OffAddrOpsMode = 0x070,
    OffTimings = 0x074,
    OffChipSize = 0x084,
    OffPageSize = 0x088,
    OffEraseSize = 0x08C,
    OffChipEraseCmd = 0x090,
    OffPartitions = 0x094,
    PartitionSize = 48,
    OffPartitionCount = 0x274,
    OffFsEraseSize = 0x278,
    OffUkQuad = 0x27C,
    OffMini = 0x280,
};

void putChip(QByteArray &bytes, const SpiNorChip &chip)
{
    putString(bytes, OffName, chip.name.toLatin1(), NorNameSize);
    putLe<quint32>(bytes, OffId, chip.jedecId);
    putCmdInfo(bytes, OffReadStd, chip.readStandard);
    putCmdInfo(bytes, OffReadQuad, chip.readQuad);
    putCmdInfo(bytes, OffWriteStd, chip.writeStandard);
    putCmdInfo(bytes, OffWriteQuad, chip.writeQuad);
    putCmdInfo(bytes, OffSectorErase, chip.sectorErase);
    putCmdInfo(bytes, OffWrEn, chip.wrEn);
    putCmdInfo(bytes, OffEn4Byte, chip.en4byte);
    putStInfo(bytes, OffQuadSet, chip.quadSet);
    putStInfo(bytes, OffQuadGet, chip.quadGet);
    putStInfo(bytes, OffBusy, chip.busy);
    putLe<quint16>(bytes, OffQuadOpsMode, chip.quadOpsMode);
    putLe<quint16>(bytes, OffAddrOpsMode, chip.addrOpsMode);
    const quint32 timings[4] = {chip.tCHSH, chip.tSLCH, chip.tSHSL_RD, chip.tSHSL_WR};
    for (int i = 0; i < 4; ++i)
        putLe<quint32>(bytes, OffTimings + 4 * i, timings[i]);
    putLe<quint32>(bytes, OffChipSize, chip.chipSize);
    putLe<quint32>(bytes, OffPageSize, chip.pageSize);
    putLe<quint32>(bytes, OffEraseSize, chip.eraseSize);
    bytes[OffChipEraseCmd] = char(chip.chipEraseCmd);
}

void putPartitions(QByteArray &bytes, const QList<NorPartition> &partitions)
{
    const qsizetype count = qMin<qsizetype>(partitions.size(), MaxNorPartitions);
    for (qsizetype i = 0; i < count; ++i) {
        const NorPartition &p = partitions.at(i);
        const qsizetype at = OffPartitions + i * PartitionSize;
        putString(bytes, at, p.name.toLatin1(), NorNameSize);
        putLe<quint32>(bytes, at + 0x20, p.size); // size before offset on the wire
        putLe<quint32>(bytes, at + 0x24, p.offset);
        putLe<quint32>(bytes, at + 0x28, p.readOnly ? 1 : 0);
        putLe<quint32>(bytes, at + 0x2C, quint32(p.mode));
    }
    putLe<quint32>(bytes, OffPartitionCount, quint32(count));
}

// mini_spi_nor_info: a compact copy of the chip data [3.9.2]
void putMini(QByteArray &bytes, const SpiNorChip &chip)
{
    CmdInfo readQuad = chip.readQuad;
    if (chip.miniReadQuadTransferMode)
        readQuad.transferMode = *chip.miniReadQuadTransferMode;
    putString(bytes, OffMini + 0x00, chip.name.toLatin1(), NorNameSize);
    putLe<quint32>(bytes, OffMini + 0x20, chip.jedecId);
    putCmdInfo(bytes, OffMini + 0x24, chip.readStandard);
    putCmdInfo(bytes, OffMini + 0x2A, readQuad);
    putCmdInfo(bytes, OffMini + 0x30, chip.wrEn);
    putCmdInfo(bytes, OffMini + 0x36, chip.en4byte);
    putStInfo(bytes, OffMini + 0x3C, chip.quadSet);
    putStInfo(bytes, OffMini + 0x44, chip.quadGet);
    putStInfo(bytes, OffMini + 0x4C, chip.busy);
    putLe<quint16>(bytes, OffMini + 0x54, chip.quadOpsMode);
    putLe<quint16>(bytes, OffMini + 0x56, chip.addrOpsMode);
    putLe<quint32>(bytes, OffMini + 0x58, chip.chipSize);
    putLe<quint32>(bytes, OffMini + 0x5C, chip.pageSize);
    putLe<quint32>(bytes, OffMini + 0x60, chip.eraseSize);
}

Error profileError(const QString &message)
{
    return makeError(ErrorCode::Profile, message);
}

Status checkName(const QString &name, const QString &what)
{
    const QByteArray latin = name.toLatin1();
    if (latin.size() > NorNameSize - 1)
        return profileError(
            QStringLiteral("%1 '%2' is longer than %3 characters").arg(what, name).arg(NorNameSize - 1));
    for (char c : latin) {
        if (uchar(c) < 0x20 || uchar(c) > 0x7E)
            return profileError(QStringLiteral("%1 '%2' is not printable ASCII").arg(what, name));
    }
    return {};
}

QByteArray sfcTlvData(const BurnerProfile &profile, const SfcConfig &sfc)
{
    QByteArray data =
        encodeSpiParams(profile.spiParam, sfc.spi, profile.paramOffset) + encodeSpiFlashInfo(sfc);
    data.resize(sfcTlvSize(profile.spiParam), '\0'); // A1: 4 unexplained trailing bytes, sent as zero
    return data;
}

} // namespace

int debugParamsSize(DebugLayout layout)
{
    return layout == DebugLayout::IcuSize24 ? 24 : 20;
}

int policySize(PolicyLayout layout)
{
    switch (layout) {
    case PolicyLayout::K1Size164:
        return 164;
    case PolicyLayout::IcuSize:
        return 152;
    case PolicyLayout::A1Size172:
        return 172;
    }
    return 164;
}

int spiParamsSize(SpiParamVariant variant)
{
    switch (variant) {
    case SpiParamVariant::Icu16:
        return 16;
    case SpiParamVariant::A1Size20:
        return 20;
    case SpiParamVariant::Vendor24:
        return 24;
    case SpiParamVariant::Wt28:
        return 28;
    case SpiParamVariant::K1Size32:
        return 32;
    }
    return 24;
}

int sfcTlvSize(SpiParamVariant variant)
{
    // The A1 block is 4 bytes longer than its spi_param explains (20 + 744 = 0x2FC, inferred [3.9.2]).
    const int extra = variant == SpiParamVariant::A1Size20 ? 4 : 0;
    return spiParamsSize(variant) + SpiFlashInfoSize + extra;
}

int mmcParamsSize(bool gppFields)
{
    return gppFields ? 0xF8 : 0xB0;
}

QByteArray encodeDebugParams(DebugLayout layout, const DebugParams &debug)
{
    const quint32 log = debug.logEnabled, tdc = debug.transferDataCheck, wbc = debug.writeBackCheck;
    if (layout == DebugLayout::IcuSize24)
        return words({NoEfuseGpio, log, tdc, wbc, debug.transferSize, debug.stage2Timeout});
    return words({log, tdc, wbc, debug.transferSize, debug.stage2Timeout});
}

QByteArray encodePolicy(PolicyLayout layout, const PolicyParams &policy)
{
    QByteArray bytes(policySize(layout), '\0'); // offsets[32] stay zero (unused by NOR / MMC)
    if (layout == PolicyLayout::IcuSize) {
        const bool anyMmc = policy.useMmc[0] || policy.useMmc[1] || policy.useMmc[2];
        const bool flags[6] = {policy.useNandMgr, policy.useNandMtd, anyMmc,
                               policy.useSfcNor,  policy.useSfcNand, policy.useSpiNand};
        for (int i = 0; i < 6; ++i)
            putLe<quint32>(bytes, 4 * i, flags[i]);
        return bytes;
    }
    const bool flags[9] = {policy.useNandMgr, policy.useNandMtd, policy.useMmc[0],
                           policy.useMmc[1],  policy.useMmc[2],  policy.useSfcNor,
                           policy.useSfcNand, policy.useSpiNand, policy.useSpiNor};
    for (int i = 0; i < 9; ++i)
        putLe<quint32>(bytes, 4 * i, flags[i]);
    if (layout == PolicyLayout::A1Size172)
        bytes.replace(164, 8, A1PolicyTail, 8);
    return bytes;
}

QByteArray encodeSpiParams(SpiParamVariant variant, const SpiParams &spi, quint32 defaultParamOffset)
{
    const quint32 paramOffset = spi.paramOffset ? spi.paramOffset : defaultParamOffset;
    const quint32 erase = quint32(spi.erase);
    switch (variant) {
    case SpiParamVariant::Icu16:
        return words({spi.downloadParams, spi.sfcQuadMode, spi.eraseBlockSize, erase});
    case SpiParamVariant::A1Size20:
        return words({spi.downloadParams, spi.sfcQuadMode, spi.eraseBlockSize, erase, spi.sfcFrequency});
    case SpiParamVariant::Vendor24:
        return words({spi.downloadParams, spi.sfcQuadMode, spi.eraseBlockSize, erase, spi.sfcFrequency,
                      spi.reserveSpace});
    case SpiParamVariant::Wt28:
        return words({spi.downloadParams, spi.sfcQuadMode, spi.eraseBlockSize, erase, spi.sfcFrequency, 0,
                      paramOffset});
    case SpiParamVariant::K1Size32:
        return words({spi.downloadParams, spi.sfcQuadMode, spi.eraseBlockSize, erase, spi.sfcFrequency,
                      spi.reserveSpace, spi.reserveSpaceProtect, paramOffset});
    }
    return {};
}

QByteArray encodeSpiFlashInfo(const SfcConfig &sfc)
{
    QByteArray bytes(SpiFlashInfoSize, '\0');
    putLe<quint32>(bytes, OffMagic, NorParamsMagic);
    putLe<quint32>(bytes, OffVersion, sfc.version);
    putChip(bytes, sfc.chip);
    putPartitions(bytes, sfc.partitions);
    putLe<quint32>(bytes, OffFsEraseSize, sfc.fsEraseSize);
    bytes[OffUkQuad] = char(sfc.ukQuad);
    putMini(bytes, sfc.chip);
    return bytes;
}

QByteArray encodeMmc(const MmcConfig &mmc)
{
    QByteArray bytes(mmcParamsSize(mmc.gppFields), '\0'); // GPP / enhanced-area fields stay zero
    const qsizetype count = qMin<qsizetype>(mmc.ranges.size(), MaxMmcEraseRanges);
    putLe<qint32>(bytes, 0x00, mmc.openCard);
    putLe<qint32>(bytes, 0x04, qint32(mmc.erase));
    putLe<quint32>(bytes, 0x08, quint32(count));
    for (qsizetype i = 0; i < count; ++i) {
        putLe<quint64>(bytes, 0x10 + 16 * i, mmc.ranges.at(i).start);
        putLe<quint64>(bytes, 0x18 + 16 * i, mmc.ranges.at(i).end);
    }
    return bytes;
}

QByteArray encodeDdrType(qint32 ddrType)
{
    return words({quint32(ddrType)});
}

QByteArray encodeGlobalInfo(const GlobalInfo &info)
{
    QByteArray bytes(GlobalInfoSize, '\0');
    const quint32 head[9] = {info.extal,         info.cpuFreq,       info.ddrFreq,
                             info.ddrDiv,        info.uartIndex,     info.baudRate,
                             info.uartGpio.port, info.uartGpio.func, info.uartGpio.pins};
    for (int i = 0; i < 9; ++i)
        putLe<quint32>(bytes, 4 * i, head[i]);
    const qsizetype count = qMin<qsizetype>(info.gpio.size(), MaxGpioGroups);
    putLe<quint32>(bytes, 0x24, quint32(count));
    for (qsizetype i = 0; i < count; ++i) {
        const GpioGroup &g = info.gpio.at(i);
        putLe<quint32>(bytes, 0x28 + 12 * i, g.port);
        putLe<quint32>(bytes, 0x2C + 12 * i, g.func);
        putLe<quint32>(bytes, 0x30 + 12 * i, g.pins);
    }
    return bytes;
}

Status validateSfcConfig(const SfcConfig &sfc)
{
    OC_TRY(checkName(sfc.chip.name, QStringLiteral("SPI NOR chip name")));
    if (sfc.partitions.size() > MaxNorPartitions) {
        return profileError(QStringLiteral("%1 NOR partitions, the burner takes at most %2")
                                .arg(sfc.partitions.size())
                                .arg(MaxNorPartitions));
    }
    for (const NorPartition &p : sfc.partitions)
        OC_TRY(checkName(p.name, QStringLiteral("partition name")));
    return {};
}

Status validateMmcConfig(const MmcConfig &mmc)
{
    if (mmc.ranges.size() > MaxMmcEraseRanges) {
        return profileError(QStringLiteral("%1 eMMC erase ranges, the burner takes at most %2")
                                .arg(mmc.ranges.size())
                                .arg(MaxMmcEraseRanges));
    }
    return {};
}

Status validateGlobalInfo(const GlobalInfo &info)
{
    if (info.gpio.size() > MaxGpioGroups) {
        return profileError(QStringLiteral("%1 GPIO groups in global_info, %2 fit into %3 bytes")
                                .arg(info.gpio.size())
                                .arg(MaxGpioGroups)
                                .arg(GlobalInfoSize));
    }
    if (!info.extal || !info.cpuFreq || !info.ddrFreq)
        return profileError(QStringLiteral("global_info needs non-zero extal, cpufreq and ddrfreq"));
    return {};
}

QByteArray buildPolicyBlob(const BurnerProfile &profile, const PolicyParams &policy)
{
    TlvWriter tlv;
    tlv.add(MagicPolicy, encodePolicy(profile.policyLayout, policy));
    return tlv.bytes();
}

QByteArray buildNorConfigBlob(const BurnerProfile &profile, const DebugParams &debug,
                              const PolicyParams &policy, const SfcConfig &sfc, std::optional<qint32> ddrType)
{
    TlvWriter tlv;
    if (ddrType)
        tlv.add(MagicDdr, encodeDdrType(*ddrType));
    tlv.add(MagicDebug, encodeDebugParams(profile.debugLayout, debug));
    tlv.add(MagicPolicy, encodePolicy(profile.policyLayout, policy));
    tlv.add(MagicSfc, sfcTlvData(profile, sfc));
    return tlv.bytes();
}

QByteArray buildMmcConfigBlob(const BurnerProfile &profile, const DebugParams &debug,
                              const PolicyParams &policy, const MmcConfig &mmc)
{
    TlvWriter tlv;
    tlv.add(MagicDebug, encodeDebugParams(profile.debugLayout, debug));
    tlv.add(MagicMmc, encodeMmc(mmc));
    tlv.add(MagicPolicy, encodePolicy(profile.policyLayout, policy));
    return tlv.bytes();
}

QByteArray buildGinfo(const GlobalInfo &info, const QByteArray &rddData)
{
    TlvWriter tlv;
    tlv.add(MagicInfo, encodeGlobalInfo(info));
    tlv.add(MagicDdr, rddData);
    return tlv.bytes();
}

} // namespace oc::proto
