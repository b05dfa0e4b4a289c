#pragma once

// The DDR parameter set every RDD layout is computed from: a DDR part file plus the board's geometry
// at one DDR clock, with the vendor's arithmetic [3.10]. Times are picoseconds in the vendor's 32-bit
// ints; cycle conversions reproduce the vendor tool bit for bit, including its unsigned division
// (the tool divides by an unsigned ps-per-tck, so a negative "-1,tck" time turns into a huge cycle
// count that the register field then truncates). Plain value; pure functions.

#include "ddrpart.h"

#include <array>

namespace oc::catalog::ddr {

struct DdrTimes // ps (or a bare number where the part file gives one), -1 = not given
{
    qint32 tRAS = -1, tRP = -1, tRCD = -1, tRC = -1, tWR = -1, tRRD = -1, tWTR = -1, tRFC = -1;
    qint32 tXP = -1, tCKE = -1, RL = -1, WL = -1, tREFI = -1;
    qint32 tCKESR = -1, tCKSRE = -1, tXSDLL = -1, tMOD = -1, tXPDLL = -1, tXS = -1, tRTP = -1;
    qint32 tCCD = -1, tFAW = -1, tMRD = -1, tXSNR = -1, tXARD = -1, tXARDS = -1, tXSRD = -1, tXSR = -1;
    qint32 tDQSCK = -1, tDQSCKMAX = -1;
};

struct DdrParams
{
    DdrType type = DdrType::Ddr2;
    QString partName;
    QString vendor;
    quint32 freq = 0;     // Hz
    quint32 psPerTck = 0; // 1e9 / (freq / 1000), integer division as the vendor
    bool cs0 = true, cs1 = false, dw32 = false, bank8 = false;
    qint32 cl = 0, cwl = 0, bl = 8, col = 0, row = 0, col1 = 0, row1 = 0;
    quint32 size0 = 0, size1 = 0; // bytes per chip select (32-bit arithmetic, as the vendor)
    DdrTimes t;

    // ps -> cycles, rounding up in units of `divTck` cycles (the vendor's ps2cycle_ceil).
    qint32 ceil(qint32 ps, qint32 divTck = 1) const;
    qint32 floor(qint32 ps) const;
};

// Builds the parameter set; ErrorCode::Profile when the clock is out of range (50 .. 1200 MHz) or
// the geometry is impossible (ROW 11..16, COL 8..12, BL 4 or 8).
Result<DdrParams> makeDdrParams(const DdrPart &part, const DdrBoard &board, quint32 ddrFreqHz);

// Bytes of one chip select: 2^(row + col) x (dw32 ? 4 : 2) x (bank8 ? 8 : 4), modulo 2^32.
quint32 sdramSize(qint32 row, qint32 col, bool dw32, bool bank8);

// (counter, divider) of the refresh counter for `cycles` refresh clocks (ddr_refi_div).
std::pair<qint32, qint32> refreshDivider(qint32 cycles);

// The DDRC address remap table: the bank (and chip-select) bits swapped with the top row bits.
std::array<quint32, 5> remapTable(const DdrParams &p);

// Writes `value` masked to `bits` at `shift` into `word` (C bit-field assignment semantics).
void setField(quint32 &word, int shift, int bits, qint64 value);

} // namespace oc::catalog::ddr
