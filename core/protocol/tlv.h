#pragma once

// TLV framing shared by UPDATE_CFG blobs and ginfo [3.4, 3.10]: u32 magic, u32 size, size data bytes,
// no padding, little-endian. No terminator is written (the vendor sends none; byte identity).

#include "../util/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace oc::proto {

class TlvWriter
{
public:
    void add(quint32 magic, const QByteArray &data);
    QByteArray bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

struct TlvEntry
{
    quint32 magic = 0;
    int offset = 0; // byte offset of the entry's magic within the parsed input
    QByteArray data;
};

// Host-side parser for blobs from outside (cloner installs, captures, fuzzing): robust against any
// input, never reads out of bounds. Walks from offset 0 and stops at the end of `bytes` or at a
// zero magic (whatever follows the terminator is ignored). Entry sizes need not be multiples of 4
// (the burner would stop at the next, unaligned entry; callers that care check TlvEntry::offset).
// Errors (ErrorCode::Profile), each naming the offset: a header or data running past the end,
// more than `maxEntries` entries.
Result<QList<TlvEntry>> parseTlvList(QByteArrayView bytes, int maxEntries = 64);

} // namespace oc::proto
