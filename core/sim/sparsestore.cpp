#include "sparsestore.h"

#include <QFile>

#include <algorithm>
#include <cstring>
#include <utility>

namespace oc::sim {

SparseStore::SparseStore(quint64 size, quint8 fill, qint64 pageSize)
    : m_size(size)
    , m_fill(fill)
    , m_pageSize(pageSize)
{
    Q_ASSERT(pageSize > 0);
}

quint8 *SparseStore::page(quint64 index)
{
    auto it = m_pages.find(index);
    if (it != m_pages.end())
        return it->second.get();
    auto buffer = std::make_unique<quint8[]>(size_t(m_pageSize));
    std::memset(buffer.get(), m_fill, size_t(m_pageSize));
    quint8 *raw = buffer.get();
    m_pages.emplace(index, std::move(buffer));
    return raw;
}

const quint8 *SparseStore::page(quint64 index) const
{
    auto it = m_pages.find(index);
    return it == m_pages.end() ? nullptr : it->second.get();
}

void SparseStore::read(quint64 offset, quint8 *dst, quint64 length) const
{
    Q_ASSERT(offset + length <= m_size);
    while (length) {
        const quint64 index = offset / quint64(m_pageSize);
        const quint64 inPage = offset % quint64(m_pageSize);
        const quint64 n = std::min<quint64>(length, quint64(m_pageSize) - inPage);
        if (const quint8 *p = page(index))
            std::memcpy(dst, p + inPage, n);
        else
            std::memset(dst, m_fill, n);
        dst += n;
        offset += n;
        length -= n;
    }
}

QByteArray SparseStore::read(quint64 offset, qint64 length) const
{
    QByteArray out(length, Qt::Uninitialized);
    read(offset, reinterpret_cast<quint8 *>(out.data()), quint64(length));
    return out;
}

void SparseStore::write(quint64 offset, const quint8 *src, quint64 length)
{
    Q_ASSERT(offset + length <= m_size);
    while (length) {
        const quint64 index = offset / quint64(m_pageSize);
        const quint64 inPage = offset % quint64(m_pageSize);
        const quint64 n = std::min<quint64>(length, quint64(m_pageSize) - inPage);
        std::memcpy(page(index) + inPage, src, n);
        src += n;
        offset += n;
        length -= n;
    }
}

void SparseStore::write(quint64 offset, const QByteArray &data)
{
    write(offset, reinterpret_cast<const quint8 *>(data.constData()), quint64(data.size()));
}

void SparseStore::fill(quint64 offset, quint64 length, quint8 value)
{
    Q_ASSERT(offset + length <= m_size);
    while (length) {
        const quint64 index = offset / quint64(m_pageSize);
        const quint64 inPage = offset % quint64(m_pageSize);
        const quint64 n = std::min<quint64>(length, quint64(m_pageSize) - inPage);
        if (value == m_fill && n == quint64(m_pageSize))
            m_pages.erase(index); // a whole page back to the fill value costs nothing again
        else if (value != m_fill || std::as_const(*this).page(index) != nullptr)
            std::memset(page(index) + inPage, value, n);
        offset += n;
        length -= n;
    }
}

Status SparseStore::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("cannot open %1: %2").arg(path, file.errorString()));
    if (quint64(file.size()) > m_size) {
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("%1 is larger (%2 bytes) than the medium (%3 bytes)")
                             .arg(path)
                             .arg(file.size())
                             .arg(m_size));
    }
    clear();
    QByteArray block(m_pageSize, Qt::Uninitialized);
    quint64 offset = 0;
    for (;;) {
        const qint64 n = file.read(block.data(), m_pageSize);
        if (n < 0)
            return makeError(ErrorCode::InputFile,
                             QStringLiteral("reading %1: %2").arg(path, file.errorString()));
        if (n == 0)
            break;
        const bool allFill =
            std::all_of(block.cbegin(), block.cbegin() + n, [this](char c) { return quint8(c) == m_fill; });
        if (!allFill)
            write(offset, reinterpret_cast<const quint8 *>(block.constData()), quint64(n));
        offset += quint64(n);
    }
    return {};
}

Status SparseStore::save(const QString &path, quint64 length) const
{
    if (length == 0 || length > m_size)
        length = m_size;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("cannot create %1: %2").arg(path, file.errorString()));
    QByteArray block(m_pageSize, Qt::Uninitialized);
    for (quint64 offset = 0; offset < length;) {
        const quint64 n =
            std::min<quint64>(quint64(m_pageSize) - offset % quint64(m_pageSize), length - offset);
        const bool hole = m_fill == 0 && page(offset / quint64(m_pageSize)) == nullptr;
        if (hole) {
            file.seek(qint64(offset + n)); // leaves a hole; resize() below fixes a trailing one
        } else {
            read(offset, reinterpret_cast<quint8 *>(block.data()), n);
            if (file.write(block.constData(), qint64(n)) != qint64(n))
                return makeError(ErrorCode::InputFile,
                                 QStringLiteral("writing %1: %2").arg(path, file.errorString()));
        }
        offset += n;
    }
    if (!file.resize(qint64(length)))
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("writing %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace oc::sim
