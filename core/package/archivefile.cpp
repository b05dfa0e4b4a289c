#include "archivefile.h"

#include <QFileInfo>

#include <archive.h>
#include <archive_entry.h>

#include <cerrno>

namespace oc::pkg {

namespace {

constexpr qint64 ReadBlock = 64 * 1024;

QString archiveError(struct archive *a)
{
    const char *text = archive_error_string(a);
    return text ? QString::fromLocal8Bit(text) : QStringLiteral("unknown error");
}

QString entryName(struct archive_entry *entry)
{
    if (const char *utf8 = archive_entry_pathname_utf8(entry))
        return QString::fromUtf8(utf8);
    const char *local = archive_entry_pathname(entry);
    return local ? QString::fromLocal8Bit(local) : QString();
}

} // namespace

Status checkReadableFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return makeError(ErrorCode::InputFile, QStringLiteral("the file %1 does not exist").arg(path));
    if (info.isDir())
        return makeError(ErrorCode::InputFile, QStringLiteral("%1 is a folder, not a file").arg(path));
    if (!info.isReadable())
        return makeError(ErrorCode::InputFile, QStringLiteral("cannot read %1: permission denied").arg(path));
    return {};
}

la_ssize_t ArchiveFile::readCallback(struct archive *a, void *client, const void **buffer)
{
    auto *self = static_cast<ArchiveFile *>(client);
    const qint64 n = self->m_file.read(self->m_buffer.data(), qint64(self->m_buffer.size()));
    if (n < 0) {
        archive_set_error(a, EIO, "%s", qPrintable(self->m_file.errorString()));
        return -1;
    }
    *buffer = self->m_buffer.data();
    return n;
}

la_int64_t ArchiveFile::seekCallback(struct archive *, void *client, la_int64_t offset, int whence)
{
    auto *self = static_cast<ArchiveFile *>(client);
    qint64 target = offset;
    if (whence == SEEK_CUR)
        target += self->m_file.pos();
    else if (whence == SEEK_END)
        target += self->m_file.size();
    if (target < 0 || !self->m_file.seek(target))
        return ARCHIVE_FATAL;
    return target;
}

la_int64_t ArchiveFile::skipCallback(struct archive *, void *client, la_int64_t request)
{
    auto *self = static_cast<ArchiveFile *>(client);
    const qint64 step = qMin<qint64>(request, self->m_file.size() - self->m_file.pos());
    if (step <= 0 || !self->m_file.seek(self->m_file.pos() + step))
        return 0;
    return step;
}

Result<std::unique_ptr<ArchiveFile>> ArchiveFile::openZip(const QString &path, Mode mode)
{
    OC_TRY(checkReadableFile(path));
    std::unique_ptr<ArchiveFile> self(new ArchiveFile);
    self->m_file.setFileName(path);
    if (!self->m_file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("cannot read %1: %2").arg(path, self->m_file.errorString()));
    self->m_buffer.resize(ReadBlock);
    self->m_archive = archive_read_new();
    if (mode == Mode::Seekable)
        archive_read_support_format_zip_seekable(self->m_archive);
    else
        archive_read_support_format_zip_streamable(self->m_archive);
    archive_read_set_read_callback(self->m_archive, readCallback);
    if (mode == Mode::Seekable)
        archive_read_set_seek_callback(self->m_archive, seekCallback);
    archive_read_set_skip_callback(self->m_archive, skipCallback);
    archive_read_set_callback_data(self->m_archive, self.get());
    if (archive_read_open1(self->m_archive) != ARCHIVE_OK)
        return makeError(ErrorCode::InputFile, QStringLiteral("%1 is not a complete package (zip): %2")
                                                   .arg(path, archiveError(self->m_archive)));
    return self;
}

ArchiveFile::~ArchiveFile()
{
    if (m_archive)
        archive_read_free(m_archive);
}

Result<std::optional<ArchiveEntryInfo>> ArchiveFile::next()
{
    struct archive_entry *entry = nullptr;
    const int r = archive_read_next_header(m_archive, &entry);
    if (r == ARCHIVE_EOF)
        return std::optional<ArchiveEntryInfo>();
    if (r < ARCHIVE_WARN)
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("cannot list %1: %2").arg(path(), archiveError(m_archive)));
    ArchiveEntryInfo info;
    info.name = entryName(entry);
    info.regularFile = archive_entry_filetype(entry) == AE_IFREG;
    info.size = archive_entry_size_is_set(entry) ? qint64(archive_entry_size(entry)) : -1;
    return std::optional<ArchiveEntryInfo>(info);
}

Result<qint64> ArchiveFile::read(char *dst, qint64 size)
{
    const la_ssize_t n = archive_read_data(m_archive, dst, size_t(size));
    if (n < 0)
        return makeError(ErrorCode::InputFile, archiveError(m_archive));
    return qint64(n);
}

QString ArchiveFile::lastError() const
{
    return archiveError(m_archive);
}

} // namespace oc::pkg
