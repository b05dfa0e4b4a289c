// The xburst1 DDR controller (DDRC) registers as the vendor's 2.5.x tool computes them. Learnt from
// Ingenic's ddr_params_creator (opensensor/ingenic-u-boot-xburst1 tools/ingenic-tools) and checked
// field by field against the observed T20 and T31 ginfo blobs (tests/data/ginfo): the tool uses
// tEXTRW = 3, the "if CS1 then ROW1/COL1 else ROW/COL" rule of its DDRBaseParam and IMBA = 1.

#include "rddlayouts.h"

#include <algorithm>

namespace oc::catalog::ddr {

namespace {

// DDRC_CFG (xburst1)
enum CfgBit {
    DwBit = 0,
    Ba0Bit = 1,
    Cs0Bit = 6,
    Cs1Bit = 7,
    Col0Bit = 8,
    Row0Bit = 11,
    MispeBit = 15,
    TypeBit = 17,
    BslBit = 21,
    ImbaBit = 22,
    Ba1Bit = 23,
    Col1Bit = 24,
    Row1Bit = 27
};

// DDRC_CTRL: ACTPD | PDT_64 | ACTSTP | PRET_8 | UNALIGN | ALH | CKE as observed from the DWC (T20)
// build; the Inno (T31) build sends CKE only.
constexpr quint32 DwcCtrl = 0x0000C91A;
constexpr quint32 InnoCtrl = 0x00000002;
constexpr int ControllerVersion = 4; // timing3.ONUM
constexpr int ExtraReadWrite = 3;    // timing4.tEXTRW (the U-Boot creator has 1; the tool sends 3)

int controllerType(DdrType type)
{
    switch (type) {
    case DdrType::Ddr3:
        return 6;
    case DdrType::Lpddr:
        return 3;
    case DdrType::Lpddr2:
    case DdrType::Lpddr3:
        return 5;
    case DdrType::Ddr2:
        return 4;
    }
    return 4;
}

quint32 configRegister(const DdrParams &p)
{
    quint32 cfg = 0;
    setField(cfg, Row1Bit, 3, p.cs1 ? p.row1 - 12 : p.row - 12);
    setField(cfg, Col1Bit, 3, p.cs1 ? p.col1 - 8 : p.col - 8);
    setField(cfg, Ba1Bit, 1, p.bank8);
    setField(cfg, ImbaBit, 1, 1);
    setField(cfg, BslBit, 1, p.bl == 8);
    setField(cfg, MispeBit, 1, 1);
    setField(cfg, Row0Bit, 3, p.cs0 ? p.row - 12 : 0);
    setField(cfg, Col0Bit, 3, p.cs0 ? p.col - 8 : 0);
    setField(cfg, Cs1Bit, 1, p.cs1);
    setField(cfg, Cs0Bit, 1, p.cs0);
    setField(cfg, Ba0Bit, 1, p.bank8);
    setField(cfg, DwBit, 1, p.dw32);
    setField(cfg, TypeBit, 3, controllerType(p.type));
    return cfg;
}

// ddrc_base_params_creator_common
void commonTimings(const DdrParams &p, Xburst1Ddrc &r)
{
    quint32 *t = r.timing;
    setField(t[0], 8, 6, p.ceil(p.t.tWR));
    setField(t[0], 0, 6, p.ceil(p.t.WL));
    setField(t[1], 16, 6, p.ceil(p.t.tRAS));
    setField(t[1], 8, 6, p.ceil(p.t.tRCD));
    setField(t[1], 0, 6, p.ceil(p.t.RL));
    setField(t[2], 27, 4, ControllerVersion);
    setField(t[2], 16, 6, p.ceil(p.t.tRP));
    setField(t[2], 8, 6, p.ceil(p.t.tRRD));
    setField(t[2], 0, 6, p.ceil(p.t.tRC));
    setField(t[3], 24, 6, std::clamp(p.ceil(p.t.tRFC, 2) / 2 - 1, 0, 63));
    setField(t[3], 21, 3, ExtraReadWrite);
    setField(t[3], 16, 3, p.ceil(p.t.tCKE) + 1);
    setField(t[3], 4, 3, p.ceil(p.t.tXP));
    setField(t[4], 24, 8, 0xFF);                                           // tCTLUPD default
    setField(t[5], 8, 6, 5);                                               // tCFGW, unused by the controller
    setField(t[5], 0, 6, 5);                                               // tCFGR
    const auto [count, divider] = refreshDivider(p.floor(p.t.tREFI) - 16); // the controller adds 16
    r.refcnt = quint32(count & 0xFF) << 16 | quint32(divider & 7) << 1 | 1u;
}

void ddr2Timings(const DdrParams &p, Xburst1Phy phy, Xburst1Ddrc &r)
{
    quint32 *t = r.timing;
    const qint32 wl = qint32(t[0] & 0x3F), rl = qint32(t[1] & 0x3F);
    setField(t[0], 24, 6, p.ceil(p.t.tRTP));
    setField(t[0], 16, 6, p.cl + p.bl / 2 + p.ceil(p.t.tWTR) - 1);
    setField(t[4], 16, 6, p.bl == 4 ? 4 : 6);
    setField(t[4], 0, 6, wl - 1);
    setField(t[4], 8, 6, phy == Xburst1Phy::Dwc ? rl - 2 : rl - 3);
    setField(t[1], 24, 6, p.ceil(p.t.tCCD));
    setField(t[2], 24, 3, 0);
    setField(t[3], 0, 2, p.ceil(p.t.tMRD) - 1);
    setField(t[5], 24, 8, std::max(p.ceil(p.t.tXSNR, 4), p.ceil(p.t.tXSRD, 4)) / 4);
    setField(t[3], 8, 4, p.ceil(p.t.tCKESR, 8) / 8 - 1); // unsigned in the tool: no clamp at 0
    setField(t[5], 16, 6, p.ceil(p.t.tFAW));
}

void ddr3Timings(const DdrParams &p, Xburst1Phy phy, Xburst1Ddrc &r)
{
    quint32 *t = r.timing;
    const qint32 wl = qint32(t[0] & 0x3F), rl = qint32(t[1] & 0x3F);
    setField(t[0], 24, 6, p.ceil(p.t.tRTP));
    setField(t[1], 24, 6, p.ceil(p.t.tCCD));
    setField(t[2], 24, 3, p.ceil(p.t.tCKSRE, 8) / 8);
    setField(t[3], 0, 2, p.ceil(p.t.tMRD) - 1);
    setField(t[0], 16, 6, p.ceil(p.t.WL) + p.bl / 2 + p.ceil(p.t.tWTR));
    setField(t[4], 16, 6, p.ceil(p.t.RL + p.t.tCCD - p.t.WL) + 2);
    setField(t[4], 0, 6, wl - 1);
    setField(t[4], 8, 6, phy == Xburst1Phy::Dwc ? rl - 2 : rl - 3);
    const qint32 xsrd = std::max({p.ceil(p.t.tXS, 4), p.ceil(p.t.tXSDLL, 4), p.ceil(p.t.tXPDLL, 4)});
    setField(t[5], 24, 8, xsrd / 4);
    setField(t[3], 8, 4, std::max(p.ceil(p.t.tCKESR, 8) / 8 - 1, 0));
    setField(t[5], 16, 6, p.ceil(p.t.tFAW));
}

struct MmapPreset
{
    quint32 sizeMiB, cs1, mmap0, mmap1;
};

} // namespace

std::pair<quint32, quint32> memoryMap(quint32 size0, quint32 size1)
{
    // The tool's table of small configurations, checked first.
    static const MmapPreset presets[] = {{8, 0, 0, 0}, {8, 1, 0, 0}, {16, 0, 0, 0}, {16, 1, 0, 0}};
    const quint32 total = size0 + size1;
    for (const MmapPreset &m : presets) {
        if (m.sizeMiB * 1024 * 1024 == total && m.cs1 == size1)
            return {m.mmap0, m.mmap1};
    }
    constexpr quint32 Base = 0x20000000;
    quint32 base0 = 0, base1 = 0, mask0 = 0, mask1 = 0;
    if (total > 0x20000000) {
        if (size1) {
            mask0 = (~((size0 >> 24) - 1) & ~(total >> 24)) & 0xFF;
            base1 = (size1 >> 24) & 0xFF;
            mask1 = (~((size1 >> 24) - 1) & ~(total >> 24)) & 0xFF;
        } else {
            mask0 = ~(((size0 * 2) >> 24) - 1) & 0xFF;
            base1 = 0xFF;
        }
    } else {
        base0 = (Base >> 24) & 0xFF;
        mask0 = ~((size0 >> 24) - 1) & 0xFF;
        base1 = ((Base + size0) >> 24) & 0xFF;
        mask1 = ~((size1 >> 24) - 1) & 0xFF;
    }
    return {base0 << 8 | mask0, base1 << 8 | mask1};
}

Result<Xburst1Ddrc> xburst1Controller(const DdrParams &p, Xburst1Phy phy)
{
    if (p.type != DdrType::Ddr2 && p.type != DdrType::Ddr3)
        return makeError(
            ErrorCode::Profile,
            QStringLiteral("DDR part %1 is %2: the xburst1 ginfo generator knows DDR2 and DDR3 only; "
                           "put the ginfo.bin the vendor tool sends for this board in "
                           "firmwares/<chip>/")
                .arg(p.partName, QLatin1String(ddrTypeName(p.type))));
    Xburst1Ddrc r;
    commonTimings(p, r);
    if (p.type == DdrType::Ddr2)
        ddr2Timings(p, phy, r);
    else
        ddr3Timings(p, phy, r);
    r.cfg = configRegister(p);
    r.ctrl = phy == Xburst1Phy::Dwc ? DwcCtrl : InnoCtrl;
    std::tie(r.mmap0, r.mmap1) = memoryMap(p.size0, p.size1);
    r.autosr = 0;
    return r;
}

void appendWords(QByteArray &out, std::initializer_list<quint32> words)
{
    for (quint32 w : words) {
        for (int i = 0; i < 4; ++i)
            out.append(char((w >> (8 * i)) & 0xFF));
    }
}

} // namespace oc::catalog::ddr
