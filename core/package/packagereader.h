#pragma once

// Loading an OpenCloner package (.zip + manifest.json, see manifest.h) and checking it completely
// before anything is flashed.

#include "manifest.h"
#include "streamreader.h"

#include "../util/cancel.h"
#include "../util/result.h"

#include <QDateTime>

#include <functional>

namespace oc::pkg {

struct LoadedPackage
{
    QString path;
    Manifest manifest;
    qint64 fileSize = 0;
    QDateTime modified;         // with fileSize: notices a package replaced after it was checked
    QStringList ignoredEntries; // files in the zip that the manifest does not list (never flashed)

    // Where a write step's bytes are: this package and the step's file.
    StreamLocation location(const ManifestStep &step) const { return {path, step.file}; }
};

using ByteProgress = std::function<void(qint64 done, qint64 total)>;

// Opens a package and checks it completely: the zip is whole (its central directory is present),
// manifest.json parses and validates, every file the manifest lists is present once, and its size,
// SHA-256 and (compressed files) decompressed size are those the manifest states. A tampered,
// truncated or incomplete package is refused with ErrorCode::InputFile naming the file inside it.
// Streams every listed file once: blocking, call it on a worker thread. `progress` gets stored bytes.
Result<LoadedPackage> loadPackage(const QString &path, const CancelToken *cancel = nullptr,
                                  const ByteProgress &progress = {});

// Just before flashing: the package file is still the one loadPackage() checked (same size and
// modification time). InputFile error otherwise.
Status checkUnchanged(const LoadedPackage &package);

// Cheap test for a zip that holds a manifest.json (reads the directory, not the files). Used to
// tell a package from a plain image.
bool isPackage(const QString &path);

} // namespace oc::pkg
