#include "norflash.h"

#include <algorithm>

namespace oc::sim {

namespace {
constexpr quint64 SectorSize = 4096;
constexpr quint8 BpMask = 0x1C; // SR1 bits 2..4
constexpr quint8 TbBit = 0x20;
} // namespace

NorFlash::NorFlash(const NorSpec &spec)
    : m_spec(spec)
    , m_array(spec.capacity, 0xFF)
{
    m_status[0] = spec.statusRegister1;
}

void NorFlash::powerCycle()
{
    m_fourByteMode = false;
}

quint8 NorFlash::statusRegister(int index) const
{
    return index >= 1 && index <= 3 ? m_status[index - 1] : 0;
}

bool NorFlash::writeStatusRegister(int index, quint8 value)
{
    if (index < 1 || index > 3 || m_spec.statusLocked)
        return false;
    m_status[index - 1] = value;
    ++m_counters.statusWrites;
    return true;
}

// Winbond-style map (CMP = 0): BP = 1..6 protects capacity >> (7 - BP) bytes at the top (TB = 0)
// or bottom (TB = 1) of the array; BP = 7 protects everything.
bool NorFlash::isProtected(quint64 address) const
{
    const int bp = (m_status[0] & BpMask) >> 2;
    if (bp == 0)
        return false;
    if (bp == 7)
        return true;
    const quint64 span = m_spec.capacity >> (7 - bp);
    const bool bottom = m_status[0] & TbBit;
    return bottom ? address < span : address >= m_spec.capacity - span;
}

quint64 NorFlash::effective(quint64 address) const
{
    if (!m_fourByteMode)
        address &= 0xFFFFFF;
    return address % m_spec.capacity;
}

void NorFlash::pageProgram(quint64 address, const quint8 *data, qint64 length)
{
    const quint64 start = effective(address);
    const quint64 page = m_spec.pageSize;
    const quint64 base = start - start % page;
    if (isProtected(base)) {
        ++m_counters.protectedAttempts;
        return;
    }
    // The chip latches at most one page; the column wraps inside it (later bytes win).
    QByteArray latch(qsizetype(page), char(0xFF));
    for (qint64 i = 0; i < length; ++i)
        latch[qsizetype((start - base + quint64(i)) % page)] = char(data[i]);
    QByteArray cells = m_array.read(base, qint64(page));
    for (quint64 i = 0; i < page; ++i) {
        quint8 cell = quint8(cells[qsizetype(i)]) & quint8(latch[qsizetype(i)]);
        for (const Range &fail : std::as_const(m_programFails)) {
            if (base + i >= fail.start && base + i < fail.end)
                cell |= fail.stuckOnes & quint8(cells[qsizetype(i)]);
        }
        cells[qsizetype(i)] = char(cell);
    }
    m_array.write(base, cells);
    ++m_pagePrograms[base / page];
    ++m_counters.pagePrograms;
}

bool NorFlash::eraseBlocked(quint64 start, quint64 length) const
{
    // Real parts ignore an erase that touches any protected sector.
    for (quint64 a = start; a < start + length; a += SectorSize) {
        if (isProtected(a))
            return true;
    }
    return false;
}

void NorFlash::eraseRange(quint64 start, quint64 length)
{
    quint64 cursor = start;
    const quint64 end = start + length;
    while (cursor < end) {
        const Range *fail = nullptr;
        for (const Range &f : std::as_const(m_eraseFails)) {
            if (cursor >= f.start && cursor < f.end)
                fail = &f;
        }
        quint64 next = end;
        for (const Range &f : std::as_const(m_eraseFails)) {
            if (f.start > cursor && f.start < next)
                next = f.start;
        }
        if (fail)
            next = std::min(end, fail->end); // content left as it is: the 0 bits stay 0
        else
            m_array.fill(cursor, next - cursor, 0xFF);
        cursor = next;
    }
    for (quint64 s = start / SectorSize; s < end / SectorSize; ++s)
        ++m_sectorErases[s];
}

quint64 NorFlash::erase(quint8 opcode, quint64 address)
{
    const auto it = m_spec.eraseOpcodes.constFind(opcode);
    if (it == m_spec.eraseOpcodes.constEnd()) {
        ++m_counters.unknownEraseOpcodes;
        return 0;
    }
    const quint64 size = it.value() == 0 ? m_spec.capacity : std::min<quint64>(it.value(), m_spec.capacity);
    const quint64 start = it.value() == 0 ? 0 : effective(address) / size * size;
    if (eraseBlocked(start, size)) {
        ++m_counters.protectedAttempts;
        return 0;
    }
    eraseRange(start, size);
    if (it.value() == 0)
        ++m_counters.chipErases;
    else
        ++m_counters.erases;
    return size;
}

void NorFlash::read(quint64 address, quint8 *dst, qint64 length)
{
    quint64 a = effective(address);
    m_counters.bytesRead += length;
    while (length > 0) {
        const qint64 n = qint64(std::min<quint64>(quint64(length), m_spec.capacity - a));
        m_array.read(a, dst, quint64(n));
        dst += n;
        length -= n;
        a = 0; // reading on past the end wraps to the start of the array
    }
}

QByteArray NorFlash::read(quint64 address, qint64 length)
{
    QByteArray out(length, Qt::Uninitialized);
    read(address, reinterpret_cast<quint8 *>(out.data()), length);
    return out;
}

void NorFlash::addProgramFail(quint64 start, quint64 end, quint8 stuckOnes)
{
    m_programFails.append({start, std::min(end, m_spec.capacity), stuckOnes});
}

void NorFlash::addEraseFail(quint64 start, quint64 end)
{
    m_eraseFails.append({start, std::min(end, m_spec.capacity), 0});
}

int NorFlash::eraseCount(quint64 address) const
{
    const auto it = m_sectorErases.find(address / SectorSize);
    return it == m_sectorErases.end() ? 0 : it->second;
}

int NorFlash::programCount(quint64 address) const
{
    const auto it = m_pagePrograms.find(address / m_spec.pageSize);
    return it == m_pagePrograms.end() ? 0 : it->second;
}

} // namespace oc::sim
