#include "compression.h"

#include <QFile>

namespace oc::pkg {

namespace {

struct Magic
{
    Compression compression;
    QByteArrayView bytes;
};

// gzip RFC 1952 (1F 8B 08 = deflate), xz file format 1.0.4, zstd RFC 8878 frame magic, bzip2 "BZh".
const Magic Magics[] = {
    {Compression::Gzip, QByteArrayView("\x1F\x8B\x08", 3)},
    {Compression::Xz, QByteArrayView("\xFD"
                                     "7zXZ\x00",
                                     6)},
    {Compression::Zstd, QByteArrayView("\x28\xB5\x2F\xFD", 4)},
    {Compression::Bzip2, QByteArrayView("BZh", 3)},
};

} // namespace

Compression detectCompression(QByteArrayView head)
{
    for (const Magic &m : Magics) {
        if (head.startsWith(m.bytes)) {
            // "BZh" is plain text too: a bzip2 stream continues with a block size digit 1-9.
            if (m.compression == Compression::Bzip2 && (head.size() < 4 || head[3] < '1' || head[3] > '9'))
                continue;
            return m.compression;
        }
    }
    return Compression::None;
}

const char *compressionName(Compression compression)
{
    switch (compression) {
    case Compression::None:
        return "none";
    case Compression::Gzip:
        return "gzip";
    case Compression::Xz:
        return "xz";
    case Compression::Zstd:
        return "zstd";
    case Compression::Bzip2:
        return "bzip2";
    }
    return "none";
}

std::optional<Compression> compressionFromName(const QString &name)
{
    for (Compression c :
         {Compression::None, Compression::Gzip, Compression::Xz, Compression::Zstd, Compression::Bzip2}) {
        if (name == QLatin1String(compressionName(c)))
            return c;
    }
    return std::nullopt;
}

QByteArray readHead(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(CompressionMagicBytes);
}

} // namespace oc::pkg
