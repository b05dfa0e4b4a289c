#include "streamimagesource.h"

#include "../package/streamreader.h"

namespace oc {

Result<std::unique_ptr<StreamImageSource>> StreamImageSource::open(const ImageRef &ref)
{
    std::unique_ptr<StreamImageSource> source(new StreamImageSource);
    source->m_ref = ref;
    OC_TRY(source->rewind());
    return source;
}

StreamImageSource::~StreamImageSource() = default;

QString StreamImageSource::name() const
{
    return m_ref.displayName();
}

qint64 StreamImageSource::size() const
{
    return m_ref.size;
}

Status StreamImageSource::rewind()
{
    m_reader.reset();
    auto reader = pkg::StreamReader::open({m_ref.path, m_ref.entry});
    if (!reader)
        return std::move(reader).error();
    m_reader = std::move(reader).value();
    return {};
}

Result<qint64> StreamImageSource::read(std::span<quint8> out)
{
    const qint64 remaining = m_ref.size - m_reader->position();
    const qint64 want = qMin<qint64>(qint64(out.size()), remaining);
    auto got = m_reader->read(out.first(size_t(want)));
    if (!got)
        return std::move(got).error();
    if (*got < want)
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("%1 ended at byte %2, but held %3 bytes when the job was prepared")
                             .arg(name())
                             .arg(m_reader->position())
                             .arg(m_ref.size));
    if (m_reader->position() == m_ref.size)
        OC_TRY(checkNothingLeft());
    return *got;
}

// The stream must end where the plan says: more bytes mean it is not the image that was measured.
Status StreamImageSource::checkNothingLeft()
{
    quint8 probe = 0;
    auto extra = m_reader->read(std::span<quint8>(&probe, 1));
    if (!extra)
        return std::move(extra).error();
    if (*extra > 0)
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("%1 holds more than the %2 bytes it held when the job was prepared")
                             .arg(name())
                             .arg(m_ref.size));
    return {};
}

} // namespace oc
