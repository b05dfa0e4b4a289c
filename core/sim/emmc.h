#pragma once

#include "simconfig.h"
#include "sparsestore.h"

namespace oc::sim {

struct EmmcCounters
{
    qint64 blocksRead = 0;
    qint64 blocksWritten = 0;
    qint64 blocksErased = 0;
    qint64 rejectedWrites = 0; // writes refused because the card is write-protected
};

// The eMMC card (spec 6.12): 512-byte blocks, sparse storage (a 4 GiB card costs nothing until
// written), erase sets blocks to the erased value, card-present and write-protect switches. No
// erase is needed before a write.
class Emmc
{
public:
    static constexpr quint32 BlockSize = 512;

    explicit Emmc(const EmmcSpec &spec);

    quint64 capacity() const { return m_spec.capacity; }
    quint64 blockCount() const { return m_spec.capacity / BlockSize; }
    quint8 erasedValue() const { return m_spec.erasedValue; }
    int slot() const { return m_spec.slot; }
    bool isPresent() const { return m_spec.present; }
    bool isWriteProtected() const { return m_spec.writeProtected; }
    void setPresent(bool present) { m_spec.present = present; }
    void setWriteProtected(bool wp) { m_spec.writeProtected = wp; }

    // Each returns the number of blocks actually transferred: fewer than asked when the range
    // runs past the end of the card; 0 when the card is absent (or write-protected, for writes).
    quint64 readBlocks(quint64 block, quint64 count, quint8 *dst);
    quint64 writeBlocks(quint64 block, quint64 count, const quint8 *src);
    quint64 eraseBlocks(quint64 block, quint64 count);

    const EmmcCounters &counters() const { return m_counters; }
    SparseStore &array() { return m_array; }
    const SparseStore &array() const { return m_array; }

private:
    quint64 clip(quint64 block, quint64 count) const;

    EmmcSpec m_spec;
    SparseStore m_array;
    EmmcCounters m_counters;
};

} // namespace oc::sim
