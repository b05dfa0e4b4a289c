#include "clonerbundle.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <archive.h>
#include <archive_entry.h>

#include <memory>

namespace oc::catalog {

namespace {

struct ArchiveDeleter
{
    void operator()(struct archive *a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<struct archive, ArchiveDeleter>;

constexpr size_t BlockSize = 64 * 1024;

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

Error bundleError(const QString &bundle, const QString &problem)
{
    return makeError(ErrorCode::InputFile, QStringLiteral("%1: %2").arg(native(bundle), problem));
}

Result<ArchivePtr> open(const QString &bundle)
{
    ArchivePtr a(archive_read_new());
    archive_read_support_format_zip(a.get());
    archive_read_support_format_tar(a.get());
    archive_read_support_filter_gzip(a.get());
    archive_read_support_filter_xz(a.get());
    if (!QFileInfo(bundle).isFile())
        return bundleError(bundle, QStringLiteral("not found"));
    if (archive_read_open_filename(a.get(), QFile::encodeName(bundle).constData(), BlockSize) != ARCHIVE_OK)
        return bundleError(bundle, QStringLiteral("not a zip bundle (%1)")
                                       .arg(QString::fromLocal8Bit(archive_error_string(a.get()))));
    return a;
}

// The entry's path inside the bundle, or an error naming the entry when it could leave the folder.
Result<QString> safePath(const QString &bundle, struct archive_entry *entry)
{
    const char *utf8 = archive_entry_pathname_utf8(entry);
    const QString raw =
        utf8 ? QString::fromUtf8(utf8) : QString::fromLocal8Bit(archive_entry_pathname(entry));
    const QString path = QString(raw).replace(QLatin1Char('\\'), QLatin1Char('/'));
    const bool drive = path.size() >= 2 && path[1] == QLatin1Char(':');
    if (path.isEmpty() || path.startsWith(QLatin1Char('/')) || drive)
        return bundleError(bundle,
                           QStringLiteral("entry \"%1\" has an absolute path; refusing the bundle").arg(raw));
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.contains(QStringLiteral("..")))
        return bundleError(
            bundle, QStringLiteral("entry \"%1\" climbs out of the bundle with \"..\"; refusing the bundle")
                        .arg(raw));
    return parts.join(QLatin1Char('/'));
}

Status checkEntry(const QString &bundle, struct archive_entry *entry, const QString &path, qint64 &total)
{
    const mode_t type = archive_entry_filetype(entry);
    if (archive_entry_hardlink(entry) || type == AE_IFLNK)
        return bundleError(bundle, QStringLiteral("entry \"%1\" is a link; refusing the bundle").arg(path));
    if (type != AE_IFREG && type != AE_IFDIR)
        return bundleError(
            bundle, QStringLiteral("entry \"%1\" is not a file or folder; refusing the bundle").arg(path));
    const qint64 size = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : 0;
    if (size < 0 || size > ClonerBundle::MaxEntrySize)
        return bundleError(
            bundle, QStringLiteral("entry \"%1\" claims %2 bytes; refusing the bundle").arg(path).arg(size));
    total += size;
    if (total > ClonerBundle::MaxTotalSize)
        return bundleError(bundle,
                           QStringLiteral("its entries add up to more than %1 GiB; refusing the bundle")
                               .arg(ClonerBundle::MaxTotalSize >> 30));
    return {};
}

// Streams the current entry's data into `file`, never past the limits.
Status copyData(const QString &bundle, struct archive *a, const QString &path, QFile &file)
{
    qint64 written = 0;
    std::unique_ptr<char[]> buffer(new char[BlockSize]);
    for (;;) {
        const la_ssize_t n = archive_read_data(a, buffer.get(), BlockSize);
        if (n == 0)
            return {};
        if (n < 0)
            return bundleError(bundle, QStringLiteral("entry \"%1\" is damaged (%2)")
                                           .arg(path, QString::fromLocal8Bit(archive_error_string(a))));
        written += n;
        if (written > ClonerBundle::MaxEntrySize)
            return bundleError(
                bundle,
                QStringLiteral("entry \"%1\" is larger than it may be; refusing the bundle").arg(path));
        if (file.write(buffer.get(), n) != n)
            return makeError(
                ErrorCode::InputFile,
                QStringLiteral("cannot write %1: %2").arg(native(file.fileName()), file.errorString()));
    }
}

Status unpack(const QString &bundle, const QString &folder)
{
    auto a = open(bundle);
    if (!a)
        return std::move(a).error();
    struct archive_entry *entry = nullptr;
    qint64 total = 0;
    while (archive_read_next_header(a->get(), &entry) == ARCHIVE_OK) {
        auto path = safePath(bundle, entry);
        if (!path)
            return std::move(path).error();
        OC_TRY(checkEntry(bundle, entry, *path, total));
        const QString target = QDir(folder).filePath(*path);
        if (archive_entry_filetype(entry) == AE_IFDIR) {
            QDir().mkpath(target);
            continue;
        }
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile file(target);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            return makeError(ErrorCode::InputFile,
                             QStringLiteral("cannot create %1 (is \"%2\" in the bundle twice?)")
                                 .arg(native(target), *path));
        OC_TRY(copyData(bundle, a->get(), *path, file));
    }
    return {};
}

} // namespace

bool ClonerBundle::looksLikeBundle(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("zip") || suffix == QLatin1String("ingenic");
}

Status ClonerBundle::check(const QString &bundle)
{
    auto a = open(bundle);
    if (!a)
        return std::move(a).error();
    struct archive_entry *entry = nullptr;
    qint64 total = 0;
    int count = 0;
    int status = ARCHIVE_OK;
    while ((status = archive_read_next_header(a->get(), &entry)) == ARCHIVE_OK) {
        if (++count > MaxEntries)
            return bundleError(bundle,
                               QStringLiteral("more than %1 entries; refusing the bundle").arg(MaxEntries));
        auto path = safePath(bundle, entry);
        if (!path)
            return std::move(path).error();
        OC_TRY(checkEntry(bundle, entry, *path, total));
        archive_read_data_skip(a->get());
    }
    if (status != ARCHIVE_EOF)
        return bundleError(bundle, QStringLiteral("damaged or truncated (%1)")
                                       .arg(QString::fromLocal8Bit(archive_error_string(a->get()))));
    if (count == 0)
        return bundleError(bundle, QStringLiteral("the bundle is empty"));
    return {};
}

Status ClonerBundle::extract(const QString &bundle, const QString &target)
{
    OC_TRY(check(bundle));
    if (QFileInfo::exists(target))
        return makeError(ErrorCode::InputFile, QStringLiteral("%1 already exists").arg(native(target)));
    const QString parent = QFileInfo(target).absolutePath();
    if (!QDir().mkpath(parent))
        return makeError(ErrorCode::InputFile, QStringLiteral("cannot create %1").arg(native(parent)));
    QTemporaryDir staging(QDir(parent).filePath(QStringLiteral(".unpacking-XXXXXX")));
    if (!staging.isValid())
        return makeError(
            ErrorCode::InputFile,
            QStringLiteral("cannot create a folder in %1: %2").arg(native(parent), staging.errorString()));
    OC_TRY(unpack(bundle, staging.path()));
    if (!QDir().rename(staging.path(), target))
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("cannot move the unpacked bundle to %1").arg(native(target)));
    staging.setAutoRemove(false);
    return {};
}

} // namespace oc::catalog
