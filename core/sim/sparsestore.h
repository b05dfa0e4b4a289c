#pragma once

#include "../util/result.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <unordered_map>

namespace oc::sim {

// A byte array of `size` bytes that allocates memory only for pages that were written: a 4 GiB
// eMMC or a 4 GiB address space costs nothing until used. An unallocated page reads as the fill
// value (the medium's erased value); filling a whole page with the fill value frees it again.
//
// Ranges passed in must lie inside [0, size): the storage models wrap or clip addresses first.
// Not thread-safe (the owning board serialises access).
class SparseStore
{
public:
    static constexpr qint64 DefaultPageSize = 64 * 1024;

    SparseStore(quint64 size, quint8 fill, qint64 pageSize = DefaultPageSize);
    SparseStore(SparseStore &&) = default;
    SparseStore &operator=(SparseStore &&) = default;

    quint64 size() const { return m_size; }
    quint8 fillValue() const { return m_fill; }
    qint64 pageSize() const { return m_pageSize; }
    qint64 allocatedBytes() const { return qint64(m_pages.size()) * m_pageSize; }

    void read(quint64 offset, quint8 *dst, quint64 length) const;
    QByteArray read(quint64 offset, qint64 length) const;
    void write(quint64 offset, const quint8 *src, quint64 length);
    void write(quint64 offset, const QByteArray &data);
    void fill(quint64 offset, quint64 length, quint8 value);
    void clear() { m_pages.clear(); } // everything back to the fill value

    // Streams a file in (at most size bytes, starting at offset 0); blocks equal to the fill
    // value are not allocated. InputFile error if it cannot be read or is larger than the store.
    Status load(const QString &path);
    // Streams [0, length) out (length 0: the whole store). Unwritten pages become file holes when
    // the fill value is 0x00.
    Status save(const QString &path, quint64 length = 0) const;

private:
    quint8 *page(quint64 index);             // allocates on first use
    const quint8 *page(quint64 index) const; // nullptr if unallocated

    quint64 m_size;
    quint8 m_fill;
    qint64 m_pageSize;
    std::unordered_map<quint64, std::unique_ptr<quint8[]>> m_pages;
};

} // namespace oc::sim
