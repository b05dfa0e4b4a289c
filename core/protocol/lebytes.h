#pragma once

// Internal helpers of the encoders: little-endian stores into a pre-sized QByteArray [1.6].
// Offsets are checked with Q_ASSERT only; every caller writes into a buffer it sized itself.

#include <QByteArray>
#include <QByteArrayView>
#include <QtEndian>

#include <algorithm>

namespace oc::proto::detail {

template<typename T>
inline void putLe(QByteArray &bytes, qsizetype offset, T value)
{
    Q_ASSERT(offset >= 0 && offset + qsizetype(sizeof(T)) <= bytes.size());
    qToLittleEndian<T>(value, bytes.data() + offset);
}

template<typename T>
inline T getLe(QByteArrayView bytes, qsizetype offset)
{
    Q_ASSERT(offset >= 0 && offset + qsizetype(sizeof(T)) <= bytes.size());
    return qFromLittleEndian<T>(bytes.data() + offset);
}

// Copies `text` into a NUL-padded field of `size` bytes; at most size - 1 bytes so the field stays
// NUL-terminated (callers validate lengths beforehand and report what does not fit).
inline void putString(QByteArray &bytes, qsizetype offset, QByteArrayView text, qsizetype size)
{
    Q_ASSERT(offset >= 0 && offset + size <= bytes.size());
    const qsizetype n = qMin(text.size(), size - 1);
    std::copy_n(text.data(), n, bytes.data() + offset);
    std::fill_n(bytes.data() + offset + n, size - n, '\0');
}

} // namespace oc::proto::detail
