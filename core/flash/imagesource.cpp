#include "imagesource.h"

#include "streamimagesource.h"

#include "../package/compression.h"
#include "../package/streamreader.h"

#include <QFile>
#include <QFileInfo>

namespace oc {

struct FileImageSource::Private
{
    QFile file;
    qint64 size = 0;
};

Result<std::unique_ptr<FileImageSource>> FileImageSource::open(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return makeError(ErrorCode::InputFile, QStringLiteral("image %1 does not exist").arg(path));
    if (info.isDir())
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("image %1 is a directory, not a file").arg(path));
    std::unique_ptr<FileImageSource> source(new FileImageSource);
    source->d = std::make_unique<Private>();
    source->d->file.setFileName(path);
    if (!source->d->file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("cannot read image %1: %2").arg(path, source->d->file.errorString()));
    source->d->size = source->d->file.size();
    if (source->d->size <= 0)
        return makeError(ErrorCode::InputFile, QStringLiteral("image %1 is empty").arg(path));
    return source;
}

FileImageSource::~FileImageSource() = default;

QString FileImageSource::name() const
{
    return d->file.fileName();
}

qint64 FileImageSource::size() const
{
    return d->size;
}

Status FileImageSource::rewind()
{
    if (!d->file.seek(0))
        return makeError(ErrorCode::InputFile, QStringLiteral("cannot rewind %1").arg(name()));
    return {};
}

Result<qint64> FileImageSource::read(std::span<quint8> out)
{
    const qint64 start = d->file.pos();
    qint64 total = 0;
    while (total < qint64(out.size())) {
        const qint64 n =
            d->file.read(reinterpret_cast<char *>(out.data()) + total, qint64(out.size()) - total);
        if (n < 0)
            return makeError(ErrorCode::InputFile, QStringLiteral("reading %1 at byte %2: %3")
                                                       .arg(name())
                                                       .arg(start + total)
                                                       .arg(d->file.errorString()));
        if (n == 0)
            break;
        total += n;
    }
    if (total < qint64(out.size()) && start + total < d->size)
        return makeError(
            ErrorCode::InputFile,
            QStringLiteral("%1 ended at byte %2, expected %3 bytes (file truncated while in use?)")
                .arg(name())
                .arg(start + total)
                .arg(d->size));
    return total;
}

Result<std::unique_ptr<ImageSource>> openImage(const ImageRef &ref)
{
    const bool plain =
        ref.entry.isEmpty() && pkg::detectCompression(pkg::readHead(ref.path)) == pkg::Compression::None;
    if (!plain) {
        auto stream = StreamImageSource::open(ref);
        if (!stream)
            return std::move(stream).error();
        return std::unique_ptr<ImageSource>(std::move(stream).value());
    }
    auto file = FileImageSource::open(ref.path);
    if (!file)
        return std::move(file).error();
    if ((*file)->size() != ref.size)
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("%1 changed size since the plan was made (%2 -> %3 bytes)")
                             .arg(ref.path)
                             .arg(ref.size)
                             .arg((*file)->size()));
    return std::unique_ptr<ImageSource>(std::move(file).value());
}

Result<ImageRef> probeImage(const QString &path, const CancelToken *cancel)
{
    ImageRef ref;
    ref.path = path;
    const QFileInfo info(path);
    ref.fileSize = info.size();
    ref.modified = info.lastModified();
    const QByteArray head = pkg::readHead(path);
    if (head.startsWith("PK\x03\x04"))
        return makeError(
            ErrorCode::InputFile,
            QStringLiteral("%1 is a zip archive: flash it as a package, not as an image").arg(path));
    if (pkg::detectCompression(head) == pkg::Compression::None) {
        auto file = FileImageSource::open(path); // exists, readable, not empty
        if (!file)
            return std::move(file).error();
        ref.size = (*file)->size();
        return ref;
    }
    auto summary = pkg::scanStream({path, {}}, cancel);
    if (!summary)
        return std::move(summary).error();
    if (summary->imageSize == 0)
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("image %1 is empty once decompressed").arg(path));
    ref.size = summary->imageSize;
    ref.sha256 = summary->storedSha256;
    return ref;
}

} // namespace oc
