#pragma once

// Helpers shared by the libFuzzer targets: the input as Qt types, and as a file for parsers that
// read files (a per-process path in the temporary folder, rewritten for every input).

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace oc::fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// First byte chooses among `choices` parsers; the rest is their input.
inline int selector(const uint8_t *&data, size_t &size, int choices)
{
    if (size == 0)
        return 0;
    const int which = data[0] % choices;
    ++data;
    --size;
    return which;
}

// In /dev/shm where there is one (a RAM disk: the file round trip stays cheap), else the temp folder.
inline QString inputFile(const uint8_t *data, size_t size, const char *suffix)
{
    static const QDir dir(QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm")
                                                                    : QDir::tempPath());
    static const QString path = dir.filePath(QStringLiteral("opencloner-fuzz-%1%2")
                                                 .arg(QCoreApplication::applicationPid())
                                                 .arg(QLatin1String(suffix)));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    return path;
}

} // namespace oc::fuzz
