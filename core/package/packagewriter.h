#pragma once

// Writing an OpenCloner package: manifest.json first, then every file of the write steps, streamed
// from disk (never held in memory). Plain images are deflated; files that are already compressed
// (.gz, .xz, .zst, .bz2) are stored as they are, so the board receives them still streamed.

#include "manifest.h"
#include "packagereader.h"

#include <QMap>

namespace oc::pkg {

// `sources` maps each write step's `file` (its name in the package) to the file on disk. The
// write steps' size, image size, compression and SHA-256 are measured here and filled into the
// returned manifest, which is the one written. The package appears at `outPath` only when it is
// complete (written to a temporary file, then renamed). Blocking: reads every source twice
// (measure, then copy, checking that it did not change in between); call it on a worker thread.
Result<Manifest> writePackage(const QString &outPath, Manifest manifest,
                              const QMap<QString, QString> &sources, const CancelToken *cancel = nullptr,
                              const ByteProgress &progress = {});

} // namespace oc::pkg
