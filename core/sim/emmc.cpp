#include "emmc.h"

#include <algorithm>

namespace oc::sim {

Emmc::Emmc(const EmmcSpec &spec)
    : m_spec(spec)
    , m_array(spec.capacity, spec.erasedValue)
{}

quint64 Emmc::clip(quint64 block, quint64 count) const
{
    if (block >= blockCount())
        return 0;
    return std::min(count, blockCount() - block);
}

quint64 Emmc::readBlocks(quint64 block, quint64 count, quint8 *dst)
{
    if (!m_spec.present)
        return 0;
    const quint64 n = clip(block, count);
    m_array.read(block * BlockSize, dst, n * BlockSize);
    m_counters.blocksRead += qint64(n);
    return n;
}

quint64 Emmc::writeBlocks(quint64 block, quint64 count, const quint8 *src)
{
    if (!m_spec.present)
        return 0;
    if (m_spec.writeProtected) {
        ++m_counters.rejectedWrites;
        return 0;
    }
    const quint64 n = clip(block, count);
    m_array.write(block * BlockSize, src, n * BlockSize);
    m_counters.blocksWritten += qint64(n);
    return n;
}

quint64 Emmc::eraseBlocks(quint64 block, quint64 count)
{
    if (!m_spec.present || m_spec.writeProtected)
        return 0;
    const quint64 n = clip(block, count);
    m_array.fill(block * BlockSize, n * BlockSize, m_spec.erasedValue);
    m_counters.blocksErased += qint64(n);
    return n;
}

} // namespace oc::sim
