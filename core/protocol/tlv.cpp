#include "tlv.h"

#include "lebytes.h"

#include <limits>

namespace oc::proto {

namespace {
constexpr qsizetype HeaderSize = 8;

QString hex(qint64 value)
{
    return QStringLiteral("0x%1").arg(value, 0, 16);
}

Error truncated(qsizetype offset, const QString &what)
{
    Error error = makeError(ErrorCode::Profile,
                            QStringLiteral("TLV entry at offset %1 is truncated: %2").arg(hex(offset), what));
    error.offset = offset;
    return error;
}
} // namespace

void TlvWriter::add(quint32 magic, const QByteArray &data)
{
    const qsizetype at = m_bytes.size();
    m_bytes.resize(at + HeaderSize);
    detail::putLe<quint32>(m_bytes, at, magic);
    detail::putLe<quint32>(m_bytes, at + 4, quint32(data.size()));
    m_bytes.append(data);
}

Result<QList<TlvEntry>> parseTlvList(QByteArrayView bytes, int maxEntries)
{
    if (bytes.size() > std::numeric_limits<int>::max())
        return makeError(ErrorCode::Profile,
                         QStringLiteral("TLV list of %1 bytes is too large").arg(bytes.size()));
    QList<TlvEntry> entries;
    qsizetype offset = 0;
    while (offset < bytes.size()) {
        const qsizetype left = bytes.size() - offset;
        if (left < 4)
            return truncated(offset, QStringLiteral("%1 bytes left, a magic needs 4").arg(left));
        const quint32 magic = detail::getLe<quint32>(bytes, offset);
        if (magic == 0)
            break;
        if (left < HeaderSize)
            return truncated(offset, QStringLiteral("%1 bytes left, a header needs 8").arg(left));
        const quint32 size = detail::getLe<quint32>(bytes, offset + 4);
        if (qint64(size) > qint64(left - HeaderSize)) {
            return truncated(
                offset,
                QStringLiteral("announces %1 data bytes, %2 present").arg(size).arg(left - HeaderSize));
        }
        if (entries.size() >= maxEntries) {
            Error error = makeError(ErrorCode::Profile,
                                    QStringLiteral("TLV entry at offset %1 exceeds the limit of %2 entries")
                                        .arg(hex(offset))
                                        .arg(maxEntries));
            error.offset = offset;
            return error;
        }
        const QByteArrayView data = bytes.sliced(offset + HeaderSize, size);
        entries.append(TlvEntry{magic, int(offset), QByteArray(data.data(), data.size())});
        offset += HeaderSize + size;
    }
    return entries;
}

} // namespace oc::proto
