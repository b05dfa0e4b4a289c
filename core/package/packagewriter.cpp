#include "packagewriter.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSaveFile>

#include <archive.h>
#include <archive_entry.h>

#include <cerrno>
#include <memory>
#include <vector>

namespace oc::pkg {

namespace {

constexpr qint64 CopyBlock = 1 << 20;

struct ArchiveDeleter
{
    void operator()(struct archive *a) const { archive_write_free(a); }
};
struct EntryDeleter
{
    void operator()(struct archive_entry *e) const { archive_entry_free(e); }
};

la_ssize_t writeCallback(struct archive *a, void *client, const void *buffer, size_t length)
{
    auto *file = static_cast<QSaveFile *>(client);
    const qint64 n = file->write(static_cast<const char *>(buffer), qint64(length));
    if (n != qint64(length)) {
        archive_set_error(a, EIO, "%s", qPrintable(file->errorString()));
        return -1;
    }
    return la_ssize_t(n);
}

QString archiveError(struct archive *a)
{
    const char *text = archive_error_string(a);
    return text ? QString::fromLocal8Bit(text) : QStringLiteral("unknown error");
}

class ZipWriter
{
public:
    ZipWriter(QSaveFile &out, const QString &outPath)
        : m_archive(archive_write_new())
        , m_outPath(outPath)
    {
        archive_write_set_format_zip(m_archive.get());
        archive_write_set_bytes_per_block(m_archive.get(), 0);
        m_opened = archive_write_open(m_archive.get(), &out, nullptr, writeCallback, nullptr) == ARCHIVE_OK;
    }

    Status ready() const { return m_opened ? Status() : fail(QStringLiteral("cannot start the zip")); }

    Status begin(const QString &name, qint64 size, bool compress, const QDateTime &modified)
    {
        std::unique_ptr<struct archive_entry, EntryDeleter> entry(archive_entry_new());
        archive_entry_set_pathname_utf8(entry.get(), name.toUtf8().constData());
        archive_entry_set_filetype(entry.get(), AE_IFREG);
        archive_entry_set_perm(entry.get(), 0644);
        archive_entry_set_size(entry.get(), size);
        archive_entry_set_mtime(entry.get(), modified.toSecsSinceEpoch(), 0);
        if (compress)
            archive_write_zip_set_compression_deflate(m_archive.get());
        else
            archive_write_zip_set_compression_store(m_archive.get());
        if (archive_write_header(m_archive.get(), entry.get()) != ARCHIVE_OK)
            return fail(QStringLiteral("cannot add %1").arg(name));
        return {};
    }

    Status data(const char *bytes, qint64 size)
    {
        if (archive_write_data(m_archive.get(), bytes, size_t(size)) != la_ssize_t(size))
            return fail(QStringLiteral("writing the package"));
        return {};
    }

    Status close()
    {
        if (archive_write_close(m_archive.get()) != ARCHIVE_OK)
            return fail(QStringLiteral("finishing the package"));
        return {};
    }

private:
    Error fail(const QString &what) const
    {
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("%1: %2: %3").arg(m_outPath, what, archiveError(m_archive.get())));
    }

    std::unique_ptr<struct archive, ArchiveDeleter> m_archive;
    QString m_outPath;
    bool m_opened = false;
};

Status measure(Manifest &manifest, const QMap<QString, QString> &sources, const CancelToken *cancel)
{
    for (ManifestStep &step : manifest.steps) {
        if (step.op != StepOp::Write)
            continue;
        const QString source = sources.value(step.file);
        if (source.isEmpty())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("no file on disk given for %1").arg(step.file));
        auto summary = scanStream({source, {}}, cancel, qint64(MaxImageBytes));
        if (!summary)
            return std::move(summary).error();
        if (summary->imageSize == 0)
            return makeError(ErrorCode::InputFile,
                             QStringLiteral("%1 is empty: nothing to write").arg(source));
        step.storedSize = summary->storedSize;
        step.imageSize = summary->imageSize;
        step.compression = summary->compression;
        step.sha256 = summary->storedSha256;
    }
    return {};
}

Status copyInto(ZipWriter &zip, const ManifestStep &step, const QString &source, const CancelToken *cancel,
                const std::function<void(qint64)> &advance)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("cannot read %1: %2").arg(source, in.errorString()));
    OC_TRY(zip.begin(step.file, step.storedSize, step.compression == Compression::None,
                     QFileInfo(source).lastModified()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    std::vector<char> buffer(CopyBlock);
    qint64 copied = 0;
    for (;;) {
        if (cancel && cancel->isCancelled())
            return makeError(ErrorCode::Cancelled,
                             QStringLiteral("cancelled while packing %1").arg(step.file));
        const qint64 n = in.read(buffer.data(), qint64(buffer.size()));
        if (n < 0)
            return makeError(ErrorCode::InputFile,
                             QStringLiteral("reading %1: %2").arg(source, in.errorString()));
        if (n == 0)
            break;
        hash.addData(QByteArrayView(buffer.data(), n));
        OC_TRY(zip.data(buffer.data(), n));
        copied += n;
        advance(n);
    }
    if (copied != step.storedSize || hash.result() != step.sha256)
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("%1 changed while it was being packed; pack again").arg(source));
    return {};
}

} // namespace

Result<Manifest> writePackage(const QString &outPath, Manifest manifest,
                              const QMap<QString, QString> &sources, const CancelToken *cancel,
                              const ByteProgress &progress)
{
    OC_TRY(measure(manifest, sources, cancel));
    OC_TRY(manifest.validate());
    QSaveFile out(outPath);
    if (!out.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("cannot create %1: %2").arg(outPath, out.errorString()));
    qint64 total = 0;
    for (const ManifestStep &step : std::as_const(manifest.steps))
        total += step.op == StepOp::Write ? step.storedSize : 0;
    qint64 done = 0;
    const auto advance = [&](qint64 n) {
        done += n;
        if (progress)
            progress(done, total);
    };
    {
        ZipWriter zip(out, outPath);
        OC_TRY(zip.ready());
        const QByteArray json = manifest.toJson();
        OC_TRY(zip.begin(QLatin1String(ManifestName), json.size(), true, QDateTime::currentDateTimeUtc()));
        OC_TRY(zip.data(json.constData(), json.size()));
        for (const ManifestStep &step : std::as_const(manifest.steps)) {
            if (step.op == StepOp::Write)
                OC_TRY(copyInto(zip, step, sources.value(step.file), cancel, advance));
        }
        OC_TRY(zip.close());
    }
    if (!out.commit())
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("saving %1: %2").arg(outPath, out.errorString()));
    return manifest;
}

} // namespace oc::pkg
