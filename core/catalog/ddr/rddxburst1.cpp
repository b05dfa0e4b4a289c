// The two xburst1 RDD layouts: struct ddr_registers of the DWC-PHY SPLs (T10/T20, 196 bytes) and the
// Inno-PHY variant of the T21..T31 SPLs (124 bytes). Field formulas learnt from Ingenic's
// ddr_params_creator and ddr2/ddr3_params.c (opensensor/ingenic-u-boot-xburst1 tools/ingenic-tools) and
// from the Inno-PHY ddr_reg_data.h; the vendor tool's own choices (ODT, mode-register bank bits, the
// PTR1/PTR2 slots that repeat PTR0) were read off the observed T20 and T31 blobs (tests/data/ginfo).

#include "rddlayouts.h"

#include <algorithm>

namespace oc::catalog::ddr {

namespace {

// DWC PHY constants of the vendor build [T20 observation]: output impedance 40 ohm (index 11) asked
// for as 55 ohm, ODT 50 ohm (index 6) asked for as 55 ohm.
constexpr quint32 OutImpedance = 40000, OutIndex = 11;
constexpr quint32 OdtImpedance = 50000, OdtIndex = 6;
constexpr quint32 RequestedImpedance = 55000;
constexpr quint32 DxDefault = 0x00090E80;

// DDRP_PGCR
constexpr quint32 PgcrDqsCfg = 1u << 1, PgcrZckSel32 = 2u << 22, PgcrPdDisDx = 1u << 24;

// ZQ calibration code order of the DDR multiPHY ("page 158").
constexpr quint8 RzqTable[32] = {0x00, 0x01, 0x02, 0x03, 0x06, 0x07, 0x04, 0x05, 0x0C, 0x0D, 0x0E,
                                 0x0F, 0x0A, 0x0B, 0x08, 0x09, 0x18, 0x19, 0x1A, 0x1B, 0x1E, 0x1F,
                                 0x1C, 0x1D, 0x14, 0x15, 0x16, 0x17, 0x12, 0x13, 0x10, 0x11};

// DDR2 MR0 as both xburst1 builds send it: BL, CL, WR - 1, no DLL reset.
quint32 ddr2Mr0(const DdrParams &p)
{
    quint32 mr0 = 0;
    setField(mr0, 0, 3, p.bl == 4 ? 2 : 3);
    setField(mr0, 4, 3, p.cl);
    setField(mr0, 9, 3, std::min(p.ceil(p.t.tWR), 8) - 1);
    return mr0;
}

} // namespace

quint32 ddr3ModeRegister0(const DdrParams &p)
{
    quint32 mr0 = 0;
    setField(mr0, 0, 2, (8 - p.bl) / 2);
    if (p.cl >= 12) {
        setField(mr0, 4, 3, p.cl - 12);
        setField(mr0, 2, 1, 1);
    } else {
        setField(mr0, 4, 3, p.cl - 4);
    }
    setField(mr0, 8, 1, 1);
    const qint32 wr = p.ceil(p.t.tWR);
    setField(mr0, 9, 3, wr <= 8 ? wr - 4 : (wr + 1) / 2);
    return mr0;
}

namespace {

struct DwcPhy
{
    quint32 dcr = 0, mr[4] = {}, ptr0 = 0, dtpr[3] = {}, pgcr = 0, dx[4] = {};
};

Result<DwcPhy> dwcDdr2Phy(const DdrParams &p)
{
    DwcPhy d;
    d.dcr = 2u | quint32(p.bank8) << 3;
    setField(d.dtpr[0], 0, 2, p.ceil(p.t.tMRD));
    setField(d.dtpr[0], 2, 3, p.bl / 2 + std::max(p.ceil(p.t.tRTP), 2) - 2);
    setField(d.dtpr[0], 5, 3, p.ceil(p.t.tWTR));
    setField(d.dtpr[0], 8, 4, p.ceil(p.t.tRP));
    setField(d.dtpr[0], 12, 4, p.ceil(p.t.tRCD));
    setField(d.dtpr[0], 16, 5, p.ceil(p.t.tRAS));
    setField(d.dtpr[0], 21, 4, p.ceil(p.t.tRRD));
    setField(d.dtpr[0], 25, 6, p.ceil(p.t.tRC));
    setField(d.dtpr[1], 3, 6, p.ceil(p.t.tFAW));
    setField(d.dtpr[1], 16, 8, p.ceil(p.t.tRFC));
    setField(d.dtpr[2], 0, 10, std::max(p.ceil(p.t.tXSNR), p.ceil(p.t.tXSRD)));
    setField(d.dtpr[2], 10, 5, std::max({p.ceil(p.t.tXP), p.ceil(p.t.tXARD), p.ceil(p.t.tXARDS)}));
    setField(d.dtpr[2], 15, 4, std::max(p.ceil(p.t.tCKESR), p.ceil(p.t.tCKE)));
    setField(d.dtpr[2], 19, 10, 512);                       // tDLLK
    setField(d.ptr0, 0, 6, std::max(p.ceil(50 * 1000), 8)); // tDLLSRST: 50 ns, at least 8 cycles
    setField(d.ptr0, 6, 12, p.ceil(5120 * 1000));           // tDLLLOCK: 5.12 us
    setField(d.ptr0, 18, 4, 8);                             // tITMSRST
    d.mr[0] = ddr2Mr0(p);
    d.mr[1] = 1u << 6; // EMR: RTT 75 ohm, full drive strength, as the vendor build sends it
    d.pgcr = PgcrDqsCfg | 7u << 9 | 2u << 12 | (quint32(p.cs0) | quint32(p.cs1) << 1) << 18 | PgcrZckSel32 |
             PgcrPdDisDx;
    for (quint32 &dx : d.dx)
        dx = DxDefault;
    for (int i = 0; i < (p.dw32 ? 4 : 2); ++i)
        d.dx[i] = (DxDefault & ~(3u << 9)) | 1u; // byte lane enabled, no DQ / DQS ODT
    return d;
}

} // namespace

Result<QByteArray> buildDwcRdd(const DdrParams &p)
{
    if (p.type != DdrType::Ddr2)
        return makeError(
            ErrorCode::Profile,
            QStringLiteral("DDR part %1 is %2: the DWC-PHY ginfo layout (creator_version -1, T10/T20) "
                           "is generated for DDR2 only, the DDR of every T10/T20 package; put the "
                           "vendor's ginfo.bin in firmwares/<chip>/")
                .arg(p.partName, QLatin1String(ddrTypeName(p.type))));
    auto ddrc = xburst1Controller(p, Xburst1Phy::Dwc);
    if (!ddrc)
        return std::move(ddrc).error();
    auto phy = dwcDdr2Phy(p);
    if (!phy)
        return std::move(phy).error();
    const Xburst1Ddrc &c = *ddrc;
    const DwcPhy &d = *phy;
    QByteArray out;
    appendWords(out, {c.cfg, c.ctrl, c.mmap0, c.mmap1, c.refcnt, c.timing[0], c.timing[1], c.timing[2],
                      c.timing[3], c.timing[4], c.timing[5], c.autosr});
    // The tool copies PTR0 into the PTR1 and PTR2 slots (its ddr_convert_param reads ptr0 three times).
    appendWords(out, {d.dcr,         d.mr[0],
                      d.mr[1],       d.mr[2],
                      d.mr[3],       d.ptr0,
                      d.ptr0,        d.ptr0,
                      d.dtpr[0],     d.dtpr[1],
                      d.dtpr[2],     d.pgcr,
                      0 /* odtcr */, d.dx[0],
                      d.dx[1],       d.dx[2],
                      d.dx[3],       OdtIndex << 4 | OutIndex,
                      OutImpedance,  RequestedImpedance,
                      OdtImpedance,  RequestedImpedance});
    out.append(reinterpret_cast<const char *>(RzqTable), sizeof RzqTable);
    appendWords(out, {p.size0, p.size1});
    const auto remap = remapTable(p);
    appendWords(out, {remap[0], remap[1], remap[2], remap[3], remap[4]});
    return out;
}

Result<QByteArray> buildInnoRdd(const DdrParams &p)
{
    auto ddrc = xburst1Controller(p, Xburst1Phy::Inno);
    if (!ddrc)
        return std::move(ddrc).error();
    const Xburst1Ddrc &c = *ddrc;
    const bool ddr3 = p.type == DdrType::Ddr3;
    // Inno PHY MEM_CFG: MEMSEL (DDR3 0, DDR2 1) and BURSEL (burst 8) at bit 4.
    const quint32 memcfg = (ddr3 ? 0u : 1u) | (p.bl == 8 ? 0x10u : 0u);
    const quint32 cl = quint32(p.cl);
    const quint32 cwl = ddr3 ? quint32(p.cwl > 0 ? p.cwl : p.ceil(p.t.WL)) : quint32(p.cl - 1);
    quint32 mr[4] = {};
    if (ddr3) { // not checked against a vendor blob: see the report of the generator
        mr[0] = ddr3ModeRegister0(p);
        mr[1] = 1u << 16 | 1u << 6 | 1u << 5;
        mr[2] = 2u << 16 | quint32((p.ceil(p.t.WL) - 5) & 7) << 3;
        mr[3] = 3u << 16;
    } else {
        mr[0] = ddr2Mr0(p);
        mr[1] = 1u << 13; // EMR with its bank address; the tool leaves EMR2 / EMR3 at zero
    }
    QByteArray out;
    appendWords(out,
                {c.cfg,        c.ctrl,       0 /* dlmr */, 0 /* ddlp */, c.mmap0,     c.mmap1,     c.refcnt,
                 c.timing[0],  c.timing[1],  c.timing[2],  c.timing[3],  c.timing[4], c.timing[5], c.autosr,
                 memcfg,       cl,           cwl,          mr[0],        mr[1],       mr[2],       mr[3],
                 0 /* mr10 */, 0 /* mr11 */, 0 /* mr63 */, p.size0,      p.size1});
    const auto remap = remapTable(p);
    appendWords(out, {remap[0], remap[1], remap[2], remap[3], remap[4]});
    return out;
}

} // namespace oc::catalog::ddr
