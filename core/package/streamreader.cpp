#include "streamreader.h"

#include "archivefile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <archive.h>
#include <archive_entry.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace oc::pkg {

namespace {

constexpr qint64 StoredBlock = 64 * 1024;  // stored bytes handed to the decompressor per call
constexpr qint64 FinishBlock = 256 * 1024; // image bytes discarded per read while finishing
constexpr qint64 CancelEvery = 1 << 20;

QString archiveError(struct archive *a)
{
    const char *text = archive_error_string(a);
    return text ? QString::fromLocal8Bit(text) : QStringLiteral("unknown error");
}

// Enables exactly the filter the magic bytes named: libarchive never guesses (and never starts an
// external program) for data we did not recognise.
int enableFilter(struct archive *a, Compression compression)
{
    switch (compression) {
    case Compression::Gzip:
        return archive_read_support_filter_gzip(a);
    case Compression::Xz:
        return archive_read_support_filter_xz(a);
    case Compression::Zstd:
        return archive_read_support_filter_zstd(a);
    case Compression::Bzip2:
        return archive_read_support_filter_bzip2(a);
    case Compression::None:
        break;
    }
    return ARCHIVE_FATAL;
}

} // namespace

QString StreamLocation::displayName() const
{
    if (entry.isEmpty())
        return path;
    return QStringLiteral("%1 (in %2)").arg(entry, QFileInfo(path).fileName());
}

QString hexDigest(const QByteArray &digest)
{
    return QString::fromLatin1(digest.toHex());
}

// Two layers: the stored bytes (a file, or a zip entry through ArchiveFile), tapped into SHA-256,
// and, when compressed, a libarchive "raw" reader with one filter pulling from them.
struct StreamReader::Private
{
    StreamLocation where;
    QFile file;                       // plain or compressed file
    std::unique_ptr<ArchiveFile> zip; // package entry
    struct archive *decoder = nullptr;
    std::vector<char> storedBuffer;
    QByteArray pending; // stored bytes read ahead to recognise the compression
    QCryptographicHash hash{QCryptographicHash::Sha256};
    qint64 storedBytes = 0;
    qint64 imageBytes = 0;
    Compression compression = Compression::None;
    QString storedError; // why the last stored read failed (libarchive keeps only its own text)

    ~Private()
    {
        if (decoder)
            archive_read_free(decoder);
    }

    Error fail(const QString &what) const
    {
        return makeError(ErrorCode::InputFile, QStringLiteral("%1: %2").arg(where.displayName(), what));
    }

    Status openFile()
    {
        OC_TRY(checkReadableFile(where.path));
        file.setFileName(where.path);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::InputFile,
                             QStringLiteral("cannot read %1: %2").arg(where.path, file.errorString()));
        return {};
    }

    Status openEntry()
    {
        auto archive = ArchiveFile::openZip(where.path, ArchiveFile::Mode::Seekable);
        if (!archive)
            return std::move(archive).error();
        zip = std::move(archive).value();
        for (;;) {
            auto entry = zip->next();
            if (!entry)
                return std::move(entry).error();
            if (!entry->has_value())
                return makeError(
                    ErrorCode::InputFile,
                    QStringLiteral("the package %1 has no file named %2").arg(where.path, where.entry));
            if ((*entry)->name != where.entry)
                continue;
            if (!(*entry)->regularFile)
                return fail(QStringLiteral("not a regular file in the package"));
            return {};
        }
    }

    Result<qint64> readStoredRaw(char *dst, qint64 size)
    {
        qint64 n = 0;
        if (zip) {
            auto got = zip->read(dst, size);
            if (!got)
                return fail(
                    QStringLiteral("damaged at byte %1: %2").arg(storedBytes).arg(got.error().message));
            n = *got;
        } else {
            n = file.read(dst, size);
            if (n < 0)
                return fail(
                    QStringLiteral("read error at byte %1: %2").arg(storedBytes).arg(file.errorString()));
        }
        hash.addData(QByteArrayView(dst, n));
        storedBytes += n;
        return n;
    }

    Result<qint64> readStored(char *dst, qint64 size)
    {
        if (pending.isEmpty())
            return readStoredRaw(dst, size);
        const qint64 n = qMin<qint64>(size, pending.size());
        std::memcpy(dst, pending.constData(), size_t(n));
        pending.remove(0, n);
        return n;
    }

    static la_ssize_t decoderRead(struct archive *a, void *client, const void **buffer)
    {
        auto *d = static_cast<Private *>(client);
        auto n = d->readStored(d->storedBuffer.data(), qint64(d->storedBuffer.size()));
        if (!n) {
            d->storedError = n.error().message;
            archive_set_error(a, EIO, "%s", qPrintable(d->storedError));
            return -1;
        }
        *buffer = d->storedBuffer.data();
        return la_ssize_t(*n);
    }

    Status readHead()
    {
        char head[CompressionMagicBytes];
        qint64 have = 0;
        while (have < CompressionMagicBytes) {
            auto n = readStoredRaw(head + have, CompressionMagicBytes - have);
            if (!n)
                return std::move(n).error();
            if (*n == 0)
                break;
            have += *n;
        }
        pending = QByteArray(head, have);
        compression = detectCompression(pending);
        return {};
    }

    Status openDecoder()
    {
        OC_TRY(readHead());
        if (compression == Compression::None)
            return {};
        storedBuffer.resize(StoredBlock);
        decoder = archive_read_new();
        if (enableFilter(decoder, compression) < ARCHIVE_WARN)
            return fail(QStringLiteral("this build cannot decompress %1: %2")
                            .arg(QLatin1String(compressionName(compression)), archiveError(decoder)));
        archive_read_support_format_raw(decoder);
        archive_read_set_read_callback(decoder, decoderRead);
        archive_read_set_callback_data(decoder, this);
        struct archive_entry *entry = nullptr;
        if (archive_read_open1(decoder) != ARCHIVE_OK ||
            archive_read_next_header(decoder, &entry) != ARCHIVE_OK)
            return fail(QStringLiteral("not a valid %1 stream: %2")
                            .arg(QLatin1String(compressionName(compression)), archiveError(decoder)));
        return {};
    }

    Result<qint64> readImage(char *dst, qint64 size)
    {
        if (!decoder)
            return readStored(dst, size);
        const la_ssize_t got = archive_read_data(decoder, dst, size_t(size));
        if (got >= 0)
            return qint64(got);
        if (!storedError.isEmpty()) // the stored bytes failed (a zip CRC, a read error): that says it all
            return makeError(ErrorCode::InputFile, storedError);
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("%1 is damaged or truncated at image byte %2: %3")
                             .arg(where.displayName())
                             .arg(imageBytes)
                             .arg(archiveError(decoder)));
    }
};

StreamReader::StreamReader()
    : d(std::make_unique<Private>())
{}

StreamReader::~StreamReader() = default;

Result<std::unique_ptr<StreamReader>> StreamReader::open(const StreamLocation &where)
{
    std::unique_ptr<StreamReader> reader(new StreamReader);
    reader->d->where = where;
    if (where.entry.isEmpty())
        OC_TRY(reader->d->openFile());
    else
        OC_TRY(reader->d->openEntry());
    OC_TRY(reader->d->openDecoder());
    return reader;
}

const StreamLocation &StreamReader::location() const
{
    return d->where;
}

Compression StreamReader::compression() const
{
    return d->compression;
}

qint64 StreamReader::position() const
{
    return d->imageBytes;
}

Result<qint64> StreamReader::read(std::span<quint8> out)
{
    qint64 total = 0;
    while (total < qint64(out.size())) {
        auto n = d->readImage(reinterpret_cast<char *>(out.data()) + total, qint64(out.size()) - total);
        if (!n)
            return std::move(n).error();
        if (*n == 0)
            break;
        total += *n;
        d->imageBytes += *n;
    }
    return total;
}

Result<StreamSummary> StreamReader::finish(const CancelToken *cancel, qint64 maxImageSize)
{
    std::vector<quint8> sink(FinishBlock);
    qint64 sinceCheck = 0;
    for (;;) {
        auto n = read(sink);
        if (!n)
            return std::move(n).error();
        if (maxImageSize >= 0 && d->imageBytes > maxImageSize)
            return d->fail(QStringLiteral("holds more than the expected %1 bytes").arg(maxImageSize));
        sinceCheck += *n;
        if (sinceCheck >= CancelEvery) {
            sinceCheck = 0;
            if (cancel && cancel->isCancelled())
                return makeError(ErrorCode::Cancelled,
                                 QStringLiteral("cancelled while reading %1").arg(d->where.displayName()));
        }
        if (*n < qint64(sink.size()))
            break;
    }
    // What the decompressor did not need (padding, trailing bytes) is still part of the stored file.
    for (;;) {
        auto n = d->readStored(reinterpret_cast<char *>(sink.data()), qint64(sink.size()));
        if (!n)
            return std::move(n).error();
        if (*n == 0)
            break;
    }
    StreamSummary summary;
    summary.imageSize = d->imageBytes;
    summary.storedSize = d->storedBytes;
    summary.storedSha256 = d->hash.result();
    summary.compression = d->compression;
    return summary;
}

Result<StreamSummary> scanStream(const StreamLocation &where, const CancelToken *cancel, qint64 maxImageSize)
{
    auto reader = StreamReader::open(where);
    if (!reader)
        return std::move(reader).error();
    return (*reader)->finish(cancel, maxImageSize);
}

} // namespace oc::pkg
