#pragma once

// Compressed image formats OpenCloner streams (libarchive filters), detected by their magic bytes,
// never by the file name: a renamed file is still read correctly, and a plain image whose first
// bytes happen to look like text is never handed to a decompressor.

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace oc::pkg {

enum class Compression : quint8 { None, Gzip, Xz, Zstd, Bzip2 };

// Bytes needed to recognise every format.
constexpr int CompressionMagicBytes = 6;

// The format whose magic `head` starts with (None for anything else, including short input).
Compression detectCompression(QByteArrayView head);

// Stable lowercase name: "none", "gzip", "xz", "zstd", "bzip2" (package manifests, JSON output).
const char *compressionName(Compression compression);
std::optional<Compression> compressionFromName(const QString &name);

// The first CompressionMagicBytes of a file (fewer if it is shorter); empty if it cannot be read.
QByteArray readHead(const QString &path);

} // namespace oc::pkg
