#include "ddrparams.h"

#include <algorithm>
#include <limits>

namespace oc::catalog::ddr {

namespace {

constexpr quint32 MinFreq = 50000000;
constexpr quint32 MaxFreq = 1200000000;

qint32 clampToInt(qint64 v)
{
    return qint32(
        std::clamp<qint64>(v, std::numeric_limits<qint32>::min(), std::numeric_limits<qint32>::max()));
}

void readTimes(const DdrPart &part, qint64 tck, DdrTimes &t)
{
    const std::pair<const char *, qint32 *> keys[] = {
        {"tRAS", &t.tRAS},     {"tRP", &t.tRP},       {"tRCD", &t.tRCD},
        {"tRC", &t.tRC},       {"tWR", &t.tWR},       {"tRRD", &t.tRRD},
        {"tWTR", &t.tWTR},     {"tRFC", &t.tRFC},     {"tXP", &t.tXP},
        {"tCKE", &t.tCKE},     {"RL", &t.RL},         {"WL", &t.WL},
        {"tREFI", &t.tREFI},   {"tCKESR", &t.tCKESR}, {"tCKSRE", &t.tCKSRE},
        {"tXSDLL", &t.tXSDLL}, {"tMOD", &t.tMOD},     {"tXPDLL", &t.tXPDLL},
        {"tXS", &t.tXS},       {"tRTP", &t.tRTP},     {"tCCD", &t.tCCD},
        {"tFAW", &t.tFAW},     {"tMRD", &t.tMRD},     {"tXSNR", &t.tXSNR},
        {"tXARD", &t.tXARD},   {"tXARDS", &t.tXARDS}, {"tXSRD", &t.tXSRD},
        {"tXSR", &t.tXSR},     {"tDQSCK", &t.tDQSCK}, {"tDQSCKMAX", &t.tDQSCKMAX},
    };
    for (const auto &[key, field] : keys)
        *field = clampToInt(part.ps(QLatin1String(key), tck, -1));
}

} // namespace

qint32 DdrParams::ceil(qint32 ps, qint32 divTck) const
{
    // The vendor's ps_per_tck is unsigned: the sum and the quotient are unsigned 32-bit.
    const quint32 sum = quint32(ps) + quint32(divTck) * psPerTck - 1u;
    return qint32(sum / psPerTck);
}

qint32 DdrParams::floor(qint32 ps) const
{
    return qint32(quint32(ps) / psPerTck);
}

quint32 sdramSize(qint32 row, qint32 col, bool dw32, bool bank8)
{
    // 1 << (row + col) on the vendor's x86 build: the shift count is taken modulo 32.
    const quint32 cells = quint32(1) << (quint32(row + col) & 31u);
    return cells * (dw32 ? 4u : 2u) * (bank8 ? 8u : 4u);
}

std::pair<qint32, qint32> refreshDivider(qint32 cycles)
{
    qint32 tmp = 0;
    qint32 factor = 0;
    do {
        tmp = cycles / (16 << factor);
        ++factor;
    } while (tmp > 255 && factor < 16);
    return {tmp, factor - 1};
}

std::array<quint32, 5> remapTable(const DdrParams &p)
{
    std::array<quint8, 20> s{};
    for (int i = 0; i < 20; ++i)
        s[i] = quint8(i);
    const bool identity = p.size1 != 0 && p.size0 != p.size1;
    if (!identity) {
        const int bankBits = p.bank8 ? 3 : 2;
        const int bitWidth = p.dw32 ? 2 : 1;
        const int csBits = int(p.cs0) + int(p.cs1) - 1;
        const int addressBits = bitWidth + p.col + p.row + bankBits + csBits;
        const int swapBits = bankBits + csBits;
        int startA = std::max(bitWidth + p.col, 12);
        const int startB = addressBits - swapBits - startA;
        startA -= 12;
        // The vendor loop starts at i = startA and swaps startA + i with startB + i.
        for (int i = startA; i < swapBits; ++i) {
            const int a = startA + i, b = startB + i;
            if (a >= 0 && a < 20 && b >= 0 && b < 20)
                std::swap(s[a], s[b]);
        }
    }
    std::array<quint32, 5> words{};
    for (int w = 0; w < 5; ++w)
        words[w] = quint32(s[4 * w]) | quint32(s[4 * w + 1]) << 8 | quint32(s[4 * w + 2]) << 16 |
                   quint32(s[4 * w + 3]) << 24;
    return words;
}

void setField(quint32 &word, int shift, int bits, qint64 value)
{
    const quint32 mask = bits >= 32 ? 0xFFFFFFFFu : ((quint32(1) << bits) - 1u);
    word = (word & ~(mask << shift)) | ((quint32(value) & mask) << shift);
}

Result<DdrParams> makeDdrParams(const DdrPart &part, const DdrBoard &board, quint32 ddrFreqHz)
{
    if (ddrFreqHz < MinFreq || ddrFreqHz > MaxFreq)
        return makeError(ErrorCode::Profile,
                         QStringLiteral("DDR clock %1 Hz is outside 50 .. 1200 MHz; check the "
                                        "board's [info] ddrfreq")
                             .arg(ddrFreqHz));
    DdrParams p;
    p.type = part.type();
    p.partName = part.name();
    p.vendor = part.vendor();
    p.freq = ddrFreqHz;
    p.psPerTck = 1000000000u / (ddrFreqHz / 1000u);
    p.cs0 = board.cs0;
    p.cs1 = board.cs1;
    p.dw32 = board.dw32;
    p.bank8 = board.bank8;
    p.cl = qint32(part.count(QStringLiteral("CL"), -1));
    p.cwl = qint32(part.count(QStringLiteral("CWL"), -1));
    p.bl = qint32(part.count(QStringLiteral("BL"), 8));
    p.row = qint32(part.count(QStringLiteral("ROW"), 0));
    p.col = qint32(part.count(QStringLiteral("COL"), 0));
    p.row1 = qint32(part.count(QStringLiteral("ROW1"), p.row));
    p.col1 = qint32(part.count(QStringLiteral("COL1"), p.col));
    if (p.row < 11 || p.row > 16 || p.col < 8 || p.col > 12)
        return makeError(
            ErrorCode::Profile,
            QStringLiteral("DDR part %1: ROW %2 / COL %3 are not a DDR geometry (ROW 11..16, COL 8..12)")
                .arg(part.name())
                .arg(p.row)
                .arg(p.col));
    if (p.bl != 4 && p.bl != 8 && p.bl != 16)
        return makeError(ErrorCode::Profile,
                         QStringLiteral("DDR part %1: burst length %2 (BL must be 4, 8 or 16)")
                             .arg(part.name())
                             .arg(p.bl));
    p.size0 = p.cs0 ? sdramSize(p.row, p.col, p.dw32, p.bank8) : 0;
    p.size1 = p.cs1 ? sdramSize(p.row1, p.col1, p.dw32, p.bank8) : 0;
    readTimes(part, p.psPerTck, p.t);
    return p;
}

} // namespace oc::catalog::ddr
