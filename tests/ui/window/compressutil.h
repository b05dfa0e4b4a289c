#pragma once

// Test inputs made with libarchive (compressed images, tarballs) and with core/package's writer
// (OpenCloner packages), never with the code under test.

#include "core/package/packagewriter.h"

#include <QFile>
#include <QMap>

#include <archive.h>
#include <archive_entry.h>

namespace oc::ui::test {

// Writes `data` to `path` through libarchive's `filter` (ARCHIVE_FILTER_GZIP, _XZ, _ZSTD, _BZIP2);
// as one raw stream, or as a tar holding one file.
inline bool compressFile(const QString &path, const QByteArray &data, int filter, bool asTar = false)
{
    archive *a = archive_write_new();
    archive_write_add_filter(a, filter);
    asTar ? archive_write_set_format_pax_restricted(a) : archive_write_set_format_raw(a);
    bool ok = archive_write_open_filename(a, QFile::encodeName(path).constData()) == ARCHIVE_OK;
    archive_entry *entry = archive_entry_new();
    archive_entry_set_pathname(entry, "image.bin");
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_size(entry, data.size());
    ok = ok && archive_write_header(a, entry) == ARCHIVE_OK;
    ok = ok && archive_write_data(a, data.constData(), size_t(data.size())) == data.size();
    archive_entry_free(entry);
    ok = archive_write_close(a) == ARCHIVE_OK && ok;
    archive_write_free(a);
    return ok;
}

// A zip holding each file on disk under its name (no manifest: not an OpenCloner package).
inline bool writeZip(const QString &path, const QList<QPair<QString, QString>> &files)
{
    archive *a = archive_write_new();
    archive_write_set_format_zip(a);
    bool ok = archive_write_open_filename(a, QFile::encodeName(path).constData()) == ARCHIVE_OK;
    for (const auto &[name, source] : files) {
        QFile file(source);
        const QByteArray data = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname(entry, name.toUtf8().constData());
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_perm(entry, 0644);
        archive_entry_set_size(entry, data.size());
        ok = ok && archive_write_header(a, entry) == ARCHIVE_OK;
        ok = ok && archive_write_data(a, data.constData(), size_t(data.size())) == data.size();
        archive_entry_free(entry);
    }
    ok = archive_write_close(a) == ARCHIVE_OK && ok;
    archive_write_free(a);
    return ok;
}

struct PackageWrite
{
    QString file;   // on disk
    quint64 offset; // in the flash
};

// An OpenCloner package for `board` (chip `chip`) writing each file at its offset.
inline bool writeTestPackage(const QString &path, const QString &chip, const QString &board,
                             const QList<PackageWrite> &writes)
{
    pkg::Manifest manifest;
    manifest.name = QStringLiteral("test firmware");
    manifest.version = QStringLiteral("1.2");
    manifest.chips = {chip};
    manifest.boards = {board};
    QMap<QString, QString> sources;
    int n = 0;
    for (const PackageWrite &w : writes) {
        pkg::ManifestStep step;
        step.op = pkg::StepOp::Write;
        step.file = QStringLiteral("part%1.bin").arg(n++);
        step.offset = w.offset;
        manifest.steps << step;
        sources.insert(step.file, w.file);
    }
    return pkg::writePackage(path, manifest, sources).ok();
}

} // namespace oc::ui::test
