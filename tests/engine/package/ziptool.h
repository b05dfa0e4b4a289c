#pragma once

// Writes zip files entry by entry with libarchive, for tests that need packages no honest writer
// would make: wrong hashes, missing or extra files, hostile names, duplicates.

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QPair>
#include <QString>

#include <archive.h>
#include <archive_entry.h>

namespace oc::test {

using ZipEntries = QList<QPair<QString, QByteArray>>;

inline bool writeZip(const QString &path, const ZipEntries &entries, bool deflate = false)
{
    struct archive *a = archive_write_new();
    archive_write_set_format_zip(a);
    if (!deflate)
        archive_write_zip_set_compression_store(a);
    bool ok = archive_write_open_filename(a, QFile::encodeName(path).constData()) == ARCHIVE_OK;
    for (const auto &[name, data] : entries) {
        struct archive_entry *e = archive_entry_new();
        archive_entry_set_pathname_utf8(e, name.toUtf8().constData());
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        archive_entry_set_size(e, data.size());
        ok = ok && archive_write_header(a, e) == ARCHIVE_OK &&
             archive_write_data(a, data.constData(), size_t(data.size())) == la_ssize_t(data.size());
        archive_entry_free(e);
    }
    ok = ok && archive_write_close(a) == ARCHIVE_OK;
    archive_write_free(a);
    return ok;
}

} // namespace oc::test
