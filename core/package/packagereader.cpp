#include "packagereader.h"

#include "archivefile.h"

#include <QFileInfo>
#include <QMap>

#include <vector>

namespace oc::pkg {

namespace {

constexpr int MaxEntries = 1024;
constexpr qint64 ScanBlock = 1 << 20;

struct Listing
{
    QMap<QString, ArchiveEntryInfo> entries;
    QByteArray manifest;
};

Error packageError(const QString &path, const QString &what)
{
    return makeError(ErrorCode::InputFile, QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), what));
}

// The central directory is missing or broken: walk the local headers in file order to name the
// file that is cut off, so the user knows the download (or copy) did not finish.
Error diagnoseDamage(const QString &path)
{
    auto zip = ArchiveFile::openZip(path, ArchiveFile::Mode::Streaming);
    if (!zip)
        return packageError(path, QStringLiteral("not an OpenCloner package: it is not a zip file"));
    QString lastComplete;
    std::vector<char> sink(ScanBlock);
    for (int count = 0; count < MaxEntries; ++count) {
        auto entry = (*zip)->next();
        if (!entry || !entry->has_value())
            break;
        for (;;) {
            auto n = (*zip)->read(sink.data(), qint64(sink.size()));
            if (!n)
                return packageError(path,
                                    QStringLiteral("the package is truncated or damaged: %1 is cut off (%2); "
                                                   "get the package again")
                                        .arg((*entry)->name, n.error().message));
            if (*n == 0)
                break;
        }
        lastComplete = (*entry)->name;
    }
    return packageError(path, QStringLiteral("the package is truncated or damaged: its table of contents is "
                                             "missing%1; get the package again")
                                  .arg(lastComplete.isEmpty()
                                           ? QString()
                                           : QStringLiteral(" (complete up to %1)").arg(lastComplete)));
}

Result<QByteArray> readManifest(ArchiveFile &zip)
{
    QByteArray bytes;
    std::vector<char> buffer(64 * 1024);
    for (;;) {
        auto n = zip.read(buffer.data(), qint64(buffer.size()));
        if (!n)
            return packageError(zip.path(),
                                QStringLiteral("manifest.json is damaged: %1").arg(n.error().message));
        if (*n == 0)
            return bytes;
        bytes.append(buffer.data(), *n);
        if (bytes.size() > MaxManifestBytes)
            return packageError(
                zip.path(), QStringLiteral("manifest.json is larger than %1 bytes").arg(MaxManifestBytes));
    }
}

Result<Listing> listPackage(const QString &path)
{
    auto zip = ArchiveFile::openZip(path, ArchiveFile::Mode::Seekable);
    if (!zip)
        return diagnoseDamage(path);
    Listing listing;
    for (int count = 0;; ++count) {
        auto entry = (*zip)->next();
        if (!entry)
            return packageError(path, entry.error().message);
        if (!entry->has_value())
            break;
        const ArchiveEntryInfo &info = **entry;
        if (count >= MaxEntries)
            return packageError(path, QStringLiteral("holds more than %1 files").arg(MaxEntries));
        if (listing.entries.contains(info.name))
            return packageError(
                path,
                QStringLiteral("holds two files named %1 (the package was tampered with)").arg(info.name));
        listing.entries.insert(info.name, info);
        if (info.name == QLatin1String(ManifestName)) {
            auto bytes = readManifest(**zip);
            if (!bytes)
                return std::move(bytes).error();
            listing.manifest = *bytes;
        }
    }
    if (!listing.entries.contains(QLatin1String(ManifestName)))
        return packageError(path, QStringLiteral("has no manifest.json: not an OpenCloner package"));
    return listing;
}

// Streams one listed file and compares it with its manifest entry.
Status checkFile(const QString &path, const ManifestStep &step, const CancelToken *cancel,
                 const std::function<void(qint64)> &advance)
{
    auto reader = StreamReader::open({path, step.file});
    if (!reader)
        return std::move(reader).error();
    std::vector<quint8> buffer(ScanBlock);
    for (;;) {
        if (cancel && cancel->isCancelled())
            return makeError(ErrorCode::Cancelled,
                             QStringLiteral("cancelled while checking %1").arg(step.file));
        auto n = (*reader)->read(buffer);
        if (!n)
            return std::move(n).error();
        advance(*n);
        if ((*reader)->position() > step.imageSize)
            return packageError(
                path, QStringLiteral("%1 holds more than the %2 bytes its manifest states (tampered with)")
                          .arg(step.file)
                          .arg(step.imageSize));
        if (*n < qint64(buffer.size()))
            break;
    }
    auto summary = (*reader)->finish(cancel);
    if (!summary)
        return std::move(summary).error();
    const auto mismatch = [&](const QString &what) {
        return packageError(path,
                            QStringLiteral("%1 does not match the manifest: %2; the package was changed or "
                                           "damaged, get it again")
                                .arg(step.file, what));
    };
    if (summary->storedSize != step.storedSize)
        return mismatch(QStringLiteral("it has %1 bytes, the manifest says %2")
                            .arg(summary->storedSize)
                            .arg(step.storedSize));
    if (summary->storedSha256 != step.sha256)
        return mismatch(QStringLiteral("its SHA-256 is %1, the manifest says %2")
                            .arg(hexDigest(summary->storedSha256), hexDigest(step.sha256)));
    if (summary->compression != step.compression)
        return mismatch(QStringLiteral("it is compressed with %1, the manifest says %2")
                            .arg(QLatin1String(compressionName(summary->compression)),
                                 QLatin1String(compressionName(step.compression))));
    if (summary->imageSize != step.imageSize)
        return mismatch(QStringLiteral("it unpacks to %1 bytes, the manifest says %2")
                            .arg(summary->imageSize)
                            .arg(step.imageSize));
    return {};
}

} // namespace

Result<LoadedPackage> loadPackage(const QString &path, const CancelToken *cancel,
                                  const ByteProgress &progress)
{
    OC_TRY(checkReadableFile(path));
    auto listing = listPackage(path);
    if (!listing)
        return std::move(listing).error();
    auto manifest = Manifest::fromJson(listing->manifest);
    if (!manifest)
        return packageError(path, manifest.error().message);
    LoadedPackage package;
    package.path = path;
    package.manifest = std::move(manifest).value();
    const QFileInfo info(path);
    package.fileSize = info.size();
    package.modified = info.lastModified();

    qint64 total = 0;
    for (const ManifestStep &step : package.manifest.steps)
        total += step.op == StepOp::Write ? step.imageSize : 0;
    qint64 done = 0;
    const auto advance = [&](qint64 n) {
        done += n;
        if (progress)
            progress(done, total);
    };
    for (const ManifestStep &step : std::as_const(package.manifest.steps)) {
        if (step.op != StepOp::Write)
            continue;
        const auto entry = listing->entries.constFind(step.file);
        if (entry == listing->entries.cend())
            return packageError(
                path, QStringLiteral("the package is incomplete: %1, listed in its manifest, is missing")
                          .arg(step.file));
        if (!entry->regularFile)
            return packageError(path, QStringLiteral("%1 is not a regular file").arg(step.file));
        if (entry->size >= 0 && entry->size != step.storedSize)
            return packageError(
                path, QStringLiteral("%1 has %2 bytes, its manifest says %3; the package was changed or "
                                     "damaged, get it again")
                          .arg(step.file)
                          .arg(entry->size)
                          .arg(step.storedSize));
        OC_TRY(checkFile(path, step, cancel, advance));
    }
    for (auto it = listing->entries.cbegin(); it != listing->entries.cend(); ++it) {
        const bool listed =
            std::any_of(package.manifest.steps.cbegin(), package.manifest.steps.cend(),
                        [&](const ManifestStep &s) { return s.op == StepOp::Write && s.file == it.key(); });
        if (!listed && it.key() != QLatin1String(ManifestName))
            package.ignoredEntries << it.key();
    }
    return package;
}

Status checkUnchanged(const LoadedPackage &package)
{
    const QFileInfo info(package.path);
    if (!info.exists() || info.size() != package.fileSize || info.lastModified() != package.modified)
        return makeError(
            ErrorCode::InputFile,
            QStringLiteral("the package %1 changed after it was checked; load it again").arg(package.path));
    return {};
}

bool isPackage(const QString &path)
{
    if (!readHead(path).startsWith("PK\x03\x04"))
        return false;
    auto zip = ArchiveFile::openZip(path, ArchiveFile::Mode::Seekable);
    if (!zip)
        return true; // a damaged zip: loading it says what is wrong
    for (int count = 0; count < MaxEntries; ++count) {
        auto entry = (*zip)->next();
        if (!entry || !entry->has_value())
            return false;
        if ((*entry)->name == QLatin1String(ManifestName))
            return true;
    }
    return false;
}

} // namespace oc::pkg
