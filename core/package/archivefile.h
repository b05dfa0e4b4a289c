#pragma once

// A libarchive zip reader over a QFile: Unicode paths on every platform, and seeking, so the
// seekable zip reader can trust the central directory (a truncated package then fails to open
// instead of silently losing its last files). Internal to opencloner_package.

#include "../util/result.h"

#include <QFile>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

#include <archive.h>

namespace oc::pkg {

struct ArchiveEntryInfo
{
    QString name;
    bool regularFile = false;
    qint64 size = -1; // as the archive states it; -1: not stated
};

class ArchiveFile
{
public:
    enum class Mode : quint8 {
        Seekable,  // the central directory lists the entries (normal reading)
        Streaming, // local headers in file order (diagnosing a package whose directory is gone)
    };

    // InputFile errors name the path: missing, a folder, unreadable, not a (complete) zip.
    static Result<std::unique_ptr<ArchiveFile>> openZip(const QString &path, Mode mode);
    ~ArchiveFile();

    // The next entry, or nullopt at the end of the archive.
    Result<std::optional<ArchiveEntryInfo>> next();
    // Up to `size` bytes of the current entry's data; 0 at its end.
    Result<qint64> read(char *dst, qint64 size);
    QString path() const { return m_file.fileName(); }
    QString lastError() const;

private:
    ArchiveFile() = default;
    static la_ssize_t readCallback(struct archive *a, void *client, const void **buffer);
    static la_int64_t seekCallback(struct archive *a, void *client, la_int64_t offset, int whence);
    static la_int64_t skipCallback(struct archive *a, void *client, la_int64_t request);

    QFile m_file;
    std::vector<char> m_buffer;
    struct archive *m_archive = nullptr;
};

// Checks that `path` names a readable regular file (InputFile error in plain words otherwise).
Status checkReadableFile(const QString &path);

} // namespace oc::pkg
