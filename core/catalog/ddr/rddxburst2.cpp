// The xburst2 RDD (T40/T41/A1): struct ddr_reg_value of the xburst2 SPL, a header {part name, DDR id,
// type, clock} and the controller / Inno PHY / mode registers. Formulas learnt from the xburst2
// ddr_params_creator (gtxaspec/ingenic-u-boot-xburst2, branch t41, tools/ingenic-tools/ddr_creator_chip);
// the vendor tool's deviations were read off the observed T41 blob (tests/data/ginfo): the refresh
// counter without the "-16" and without tRFC, the self-refresh count 0x101, MR0 with JEDEC CAS
// encoding and power-down 0, MR1 = DIC5 | RTT6, the PHY MEM_CFG numbering (DDR3 0, DDR2 1).
// DDR3 is checked byte for byte; DDR2, LPDDR2 and LPDDR3 follow the U-Boot creator unverified.

#include "rddlayouts.h"

#include <algorithm>
#include <span>

namespace oc::catalog::ddr {

namespace {

constexpr quint32 Ctrl = 0x0000B092; // ACTPD | PDT_32 | PD_CCE | SR_CCE | CKE
constexpr quint32 AutoSelfRefreshCount = 0x101;
constexpr quint32 AllPortsClockGate = 0x11111111, ControllerClockGate = 0x00000113;

struct Xburst2Regs
{
    quint32 cfg = 0, dlmr = 0, refcnt = 0, autosrCnt = 0, t[5] = {};
    quint32 memcfg = 0, cl = 0, cwl = 0, mr[7] = {}; // mr0..mr3, mr10, mr11, mr63
};

int controllerType(DdrType type)
{
    switch (type) {
    case DdrType::Lpddr:
        return 3;
    case DdrType::Ddr2:
        return 4;
    case DdrType::Lpddr2:
    case DdrType::Lpddr3:
        return 5;
    case DdrType::Ddr3:
        return 6;
    }
    return 6;
}

void common(const DdrParams &p, Xburst2Regs &r)
{
    setField(r.t[0], 8, 6, p.ceil(p.t.tWR));
    setField(r.t[0], 0, 6, p.ceil(p.t.WL));
    setField(r.t[1], 0, 6, p.ceil(p.t.RL));
    setField(r.t[2], 16, 6, p.ceil(p.t.tRCD));
    setField(r.t[2], 0, 6, p.ceil(p.t.tRP));
    setField(r.t[2], 24, 3, 3); // tEXTRW
    setField(r.t[3], 8, 6, p.ceil(p.t.tRAS));
    setField(r.t[3], 0, 6, p.ceil(p.t.tRRD));
    setField(r.t[3], 16, 6, p.ceil(p.t.tRC));
    setField(r.t[4], 0, 3, p.ceil(p.t.tCKE));
    setField(r.t[4], 4, 4, std::max(p.ceil(p.t.tXP), 1));
    const auto [count, divider] = refreshDivider(p.floor(p.t.tREFI));
    r.refcnt = quint32(count & 0xFF) << 16 | quint32(divider & 7) << 1 | 1u | 1u << 30 | 8u << 4;
    r.autosrCnt = quint32(p.floor(p.t.tRFC) / 2) << 24 | AutoSelfRefreshCount;
}

void ddr3(const DdrParams &p, Xburst2Regs &r)
{
    const qint32 wl = qint32(r.t[0] & 0x3F), rl = qint32(r.t[1] & 0x3F);
    setField(r.t[1], 8, 6, p.ceil(p.t.tRTP));
    setField(r.t[2], 8, 6, p.ceil(p.t.tCCD));
    setField(r.t[4], 12, 4, p.ceil(p.t.tCKSRE));
    const qint32 ckesr = p.ceil(p.t.tCKESR);
    setField(r.t[4], 16, 8, ckesr <= 0 ? 2 : ckesr);
    setField(r.t[4], 24, 8, p.ceil(p.t.tXSDLL, 4) / 4);
    r.dlmr |= quint32(p.ceil(p.t.tMRD, 4) / 4) << 1;
    setField(r.t[0], 16, 6, p.ceil(p.t.WL + p.t.tCCD + p.t.tWTR));
    setField(r.t[1], 16, 6, p.ceil(p.t.RL + p.t.tCCD - p.t.WL) + 2);
    setField(r.t[0], 24, 6, wl - 1);
    setField(r.t[1], 24, 6, rl - 3);
    setField(r.t[3], 24, 8, p.ceil(p.t.tFAW));
    r.memcfg = 0x00 | (p.bl == 8 ? 0x10 : 0);
    r.cl = quint32(p.cl);
    r.cwl = quint32(p.cwl);
    r.mr[0] = ddr3ModeRegister0(p);
    r.mr[1] = 1u << 16 | 1u << 6 | 1u << 5;
    r.mr[2] = 2u << 16 | quint32((p.ceil(p.t.WL) - 5) & 7) << 3;
    r.mr[3] = 3u << 16;
}

// Unverified: no vendor DDR2 xburst2 blob with its inputs is public. The part files carry no
// tRTW / tRDLAT / tWDLAT, so the JEDEC relations stand in for them.
void ddr2(const DdrParams &p, Xburst2Regs &r)
{
    const qint32 wl = qint32(r.t[0] & 0x3F), rl = qint32(r.t[1] & 0x3F);
    setField(r.t[1], 8, 6, p.ceil(p.t.tRTP));
    setField(r.t[0], 16, 6, p.ceil(p.t.tWTR));
    setField(r.t[1], 16, 6, p.bl / 2 + 2);
    setField(r.t[0], 24, 6, wl - 1);
    setField(r.t[1], 24, 6, rl - 2);
    setField(r.t[2], 8, 6, p.ceil(p.t.tCCD));
    r.dlmr |= quint32(p.ceil(p.t.tMRD, 4) / 4) << 1;
    setField(r.t[4], 12, 4, p.ceil(p.t.tCKSRE));
    setField(r.t[4], 16, 8, p.ceil(p.t.tCKESR));
    setField(r.t[4], 24, 8, p.ceil(p.t.tXSNR));
    setField(r.t[3], 24, 8, p.ceil(p.t.tFAW));
    r.memcfg = 0x01 | (p.bl == 8 ? 0x10 : 0);
    const qint32 cl = p.cl == 9 ? 0 : p.cl == 8 ? 1 : p.cl;
    r.cl = quint32(cl);
    r.cwl = quint32(cl - 2);
    setField(r.mr[0], 0, 3, p.bl == 4 ? 2 : 3);
    setField(r.mr[0], 4, 3, cl);
    setField(r.mr[0], 8, 1, 1);
    const qint32 wr = p.ceil(p.t.tWR);
    setField(r.mr[0], 9, 3, wr >= 9 ? 0 : wr - 1);
    r.mr[1] = 1u << 13 | 1u << 6; // EMR: ODT 75 ohm
    r.mr[2] = 2u << 13;
    r.mr[3] = 3u << 13;
}

// The MR2 RL / WL code of a JEDEC (RL, WL) pair, -1 when the pair is not one.
int latencyCode(bool lpddr3, int rl, int wl)
{
    static const std::pair<int, int> lp2[] = {{0x31, 1}, {0x42, 2}, {0x52, 3},
                                              {0x63, 4}, {0x74, 5}, {0x84, 6}};
    static const std::pair<int, int> lp3[] = {{0x31, 1}, {0x63, 4},  {0x84, 6},  {0x95, 7},  {0xa6, 8},
                                              {0xb6, 9}, {0xc6, 10}, {0xe8, 12}, {0x108, 14}};
    const std::span<const std::pair<int, int>> table =
        lpddr3 ? std::span<const std::pair<int, int>>(lp3) : std::span<const std::pair<int, int>>(lp2);
    for (const auto &[key, code] : table) {
        if (key == (wl | rl << 4))
            return code;
    }
    return -1;
}

// LPDDR mode registers with their addresses (MA in bits 8..15).
void lpddrModeRegisters(const DdrParams &p, bool three, int rlwl, Xburst2Regs &r)
{
    const qint32 wr = p.ceil(p.t.tWR);
    int burst = 0;
    for (int b = p.bl; b >>= 1;)
        ++burst;
    const quint32 nwr = quint32(three ? (wr < 10 ? wr - 2 : wr - 10) : wr - 2) & 7;
    r.mr[0] = 0;
    r.mr[1] = 0x1u << 8 | nwr << 5 | quint32(burst);
    r.mr[2] = 0x2u << 8 | quint32(rlwl) | (three && wr > 9 ? 1u << 4 : 0u);
    r.mr[3] = 0x3u << 8 | 2u; // drive strength 2
    r.mr[4] = 0x0Au << 8 | (three ? 0xABu : 0xFFu);
    r.mr[5] = three ? (0x0Bu << 8 | 0x2u) : 0u;
    r.mr[6] = 0x3Fu << 8 | (three ? 0xFCu : 0u);
}

// LPDDR2 / LPDDR3 (unverified): RL / WL from the part, mode registers with their addresses.
Status lpddr(const DdrParams &p, Xburst2Regs &r)
{
    const bool three = p.type == DdrType::Lpddr3;
    const qint32 rl = p.ceil(p.t.RL), wl = p.ceil(p.t.WL);
    if (p.t.RL <= 0 || p.t.WL <= 0)
        return makeError(ErrorCode::Profile,
                         QStringLiteral("DDR part %1: RL and WL must be given; the automatic "
                                        "latency of the U-Boot creator is not reproduced")
                             .arg(p.partName));
    const int rlwl = latencyCode(three, rl, wl);
    if (rlwl < 0)
        return makeError(
            ErrorCode::Profile,
            QStringLiteral("DDR part %1: RL %2 / WL %3 is not a JEDEC pair").arg(p.partName).arg(rl).arg(wl));
    const qint32 ccd = three ? p.ceil(p.t.tCCD) : p.bl / 2;
    r.dlmr |= quint32(p.ceil(p.t.tMRD, 4) / 4) << 1;
    setField(r.t[0], 24, 6, wl);
    setField(r.t[0], 16, 6, p.ceil(p.t.WL + p.t.tWTR) + ccd + 1);
    setField(r.t[1], 24, 6, rl - 2);
    setField(r.t[1], 16, 6, p.ceil(p.t.RL + p.t.tDQSCKMAX - p.t.WL) + ccd + 1);
    setField(r.t[1], 8, 6, p.ceil(p.t.tRTP));
    setField(r.t[2], 8, 6, ccd);
    setField(r.t[3], 24, 8, p.ceil(p.t.tFAW));
    setField(r.t[4], 24, 8, p.ceil(p.t.tXSR, 4) / 4);
    setField(r.t[4], 16, 8, p.ceil(p.t.tCKESR));
    setField(r.t[4], 12, 4, three ? 0 : 2);
    r.memcfg = (three ? 0x03 : 0x02) | (p.bl == 8 ? 0x10 : 0);
    r.cl = quint32(rl);
    r.cwl = quint32(wl);
    lpddrModeRegisters(p, three, rlwl, r);
    return {};
}

quint32 configRegister(const DdrParams &p)
{
    const qint32 row1 = p.cs1 ? p.row1 : 0, col1 = p.cs1 ? p.col1 : 0; // the creator zeroes them
    quint32 cfg = 0;
    setField(cfg, 29, 3, row1 - 12);
    setField(cfg, 26, 3, col1 - 8);
    setField(cfg, 25, 1, p.bank8);
    setField(cfg, 13, 3, p.row - 12);
    setField(cfg, 10, 3, p.col - 8);
    setField(cfg, 9, 1, p.bank8);
    setField(cfg, 3, 3, controllerType(p.type));
    setField(cfg, 1, 1, p.cs1);
    setField(cfg, 0, 1, p.cs0);
    return cfg;
}

} // namespace

Result<quint32> xburst2DdrId(const DdrParams &p)
{
    int type = 0;
    switch (p.type) {
    case DdrType::Lpddr2:
        type = 0;
        break;
    case DdrType::Lpddr3:
        type = 1;
        break;
    case DdrType::Ddr3:
        type = 2;
        break;
    case DdrType::Ddr2:
        type = 3;
        break;
    case DdrType::Lpddr:
        return makeError(ErrorCode::Profile, QStringLiteral("LPDDR (mobile DDR) has no xburst2 DDR id"));
    }
    const QString vendor = p.vendor.toUpper();
    const int vendorCode = vendor == QLatin1String("WINBOND") ? 0 : vendor == QLatin1String("ESMT") ? 1 : -1;
    if (vendorCode < 0)
        return makeError(
            ErrorCode::Profile,
            QStringLiteral("DDR part %1: vendor \"%2\" has no known xburst2 id code (known: WINBOND, "
                           "ESMT)")
                .arg(p.partName, p.vendor));
    const quint64 mib = (quint64(p.size0) + p.size1) >> 20;
    const int capacity = mib == 256 ? 0 : mib == 128 ? 1 : mib == 64 ? 2 : mib == 32 ? 3 : -1;
    if (capacity < 0)
        return makeError(
            ErrorCode::Profile,
            QStringLiteral("DDR part %1: %2 MiB has no xburst2 capacity code (known: 32, 64, 128, 256)")
                .arg(p.partName)
                .arg(mib));
    return quint32(type << 6 | vendorCode << 3 | capacity);
}

Result<QByteArray> buildXburst2Rdd(const DdrParams &p)
{
    if (p.type == DdrType::Lpddr)
        return makeError(ErrorCode::Profile,
                         QStringLiteral("DDR part %1 is LPDDR (mobile DDR), which xburst2 SoCs do not drive")
                             .arg(p.partName));
    auto id = xburst2DdrId(p);
    if (!id)
        return std::move(id).error();
    Xburst2Regs r;
    common(p, r);
    if (p.type == DdrType::Ddr3)
        ddr3(p, r);
    else if (p.type == DdrType::Ddr2)
        ddr2(p, r);
    else
        OC_TRY(lpddr(p, r));
    r.cfg = configRegister(p);
    const auto [mmap0, mmap1] = memoryMap(p.size0, p.size1);
    QByteArray out = p.partName.toLatin1().left(31);
    out.resize(32, '\0');
    appendWords(out, {*id,
                      quint32(p.type),
                      p.freq,
                      r.cfg,
                      Ctrl,
                      r.dlmr,
                      0 /* ddlp */,
                      mmap0,
                      mmap1,
                      r.refcnt,
                      r.t[0],
                      r.t[1],
                      r.t[2],
                      r.t[3],
                      r.t[4],
                      r.autosrCnt,
                      0 /* autosr_en */,
                      1 /* hregpro */,
                      1 /* pregpro */,
                      AllPortsClockGate,
                      ControllerClockGate,
                      r.memcfg,
                      r.cl,
                      r.cwl});
    appendWords(out, {r.mr[0], r.mr[1], r.mr[2], r.mr[3], r.mr[4], r.mr[5], r.mr[6], p.size0, p.size1});
    const auto remap = remapTable(p);
    appendWords(out, {remap[0], remap[1], remap[2], remap[3], remap[4]});
    return out;
}

} // namespace oc::catalog::ddr
