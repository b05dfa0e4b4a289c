#pragma once

// The three RDD (ginfo "\0RDD" data) layouts of the vendor's 2.5.x SPLs [3.10], each computed the
// way the vendor tool computes it from a DdrParams set. Internal to the RDD builder (rddbuilder.h);
// every function is pure.
//
//   Dwc196     xburst1 T10/T20, DesignWare DDR PHY: struct ddr_registers (DDRC + DDRP registers)
//   Inno124    xburst1 T21/T23/T30/T31, Inno DDR PHY: DDRC registers + Inno PHY + mode registers
//   Xburst2    T40/T41/A1: struct ddr_reg_value, a 44-byte header (part name, id, type, clock) + registers

#include "ddrparams.h"

#include <QByteArray>

namespace oc::catalog::ddr {

// The xburst1 DDR controller registers, shared by the DWC and the Inno layouts.
struct Xburst1Ddrc
{
    quint32 cfg = 0, ctrl = 0, refcnt = 0, mmap0 = 0, mmap1 = 0, autosr = 0;
    quint32 timing[6] = {};
};

enum class Xburst1Phy : quint8 { Dwc, Inno };

// DDR2 and DDR3 only (ErrorCode::Profile names the part and what is supported otherwise).
Result<Xburst1Ddrc> xburst1Controller(const DdrParams &p, Xburst1Phy phy);

// MMAP0 / MMAP1 of a controller mapping DDR at 0x20000000 (the vendor's ddrc_config_creator).
std::pair<quint32, quint32> memoryMap(quint32 size0, quint32 size1);

Result<QByteArray> buildDwcRdd(const DdrParams &p);     // 196 bytes
Result<QByteArray> buildInnoRdd(const DdrParams &p);    // 124 bytes
Result<QByteArray> buildXburst2Rdd(const DdrParams &p); // 184 bytes

// The xburst2 DDR id: type << 6 | vendor << 3 | capacity (DDR_CHIP_ID of the xburst2 U-Boot); the
// UPDATE_CFG "\0RDD" value the vendor sends is (id << 16) | id (T41: 0x82 -> 0x00820082) [3.8].
Result<quint32> xburst2DdrId(const DdrParams &p);

// DDR3 MR0 in JEDEC encoding (CL - 4 in A6..A4, A2 set for CL >= 12), DLL reset, PD 0, WR from tWR.
quint32 ddr3ModeRegister0(const DdrParams &p);

// Little-endian serialisation helper.
void appendWords(QByteArray &out, std::initializer_list<quint32> words);

} // namespace oc::catalog::ddr
