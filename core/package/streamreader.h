#pragma once

// Streams one image without unpacking it to disk and without holding it in memory: a plain or
// compressed file (.gz, .xz, .zst, .bz2), or a file inside a zip package, itself plain or
// compressed. Decompression and zip reading are libarchive's; this class only chains them and taps
// the stored bytes into SHA-256 on the way.

#include "compression.h"

#include "../util/cancel.h"
#include "../util/result.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <span>

namespace oc::pkg {

// Where an image's bytes are stored.
struct StreamLocation
{
    QString path;  // the file itself, or the package that holds it
    QString entry; // name of the file inside the package (a zip); empty: `path` itself

    // "kernel.bin (in fw.zip)" or the path, for messages.
    QString displayName() const;
};

struct StreamSummary
{
    qint64 imageSize = 0;    // bytes after decompression: what goes to the flash
    qint64 storedSize = 0;   // bytes of the stored file (the .zst itself; the entry's content)
    QByteArray storedSha256; // SHA-256 of the stored file (32 bytes), as `sha256sum` prints it
    Compression compression = Compression::None;
};

// One sequential pass over one image. Memory stays at a few libarchive blocks (well under 1 MiB)
// whatever the image size; nothing is written to disk. Not thread-safe: one thread reads it (the
// engine's worker, or the caller's worker thread when scanning); the caller checks cancellation
// between reads. Restarting means opening a new reader (libarchive streams cannot rewind).
class StreamReader
{
public:
    // Opens the file (or finds the entry in the package) and recognises its compression by magic
    // bytes. ErrorCode::InputFile naming the file: missing, unreadable, not a zip, no such entry,
    // a compressed stream whose header is damaged.
    static Result<std::unique_ptr<StreamReader>> open(const StreamLocation &where);
    ~StreamReader();

    const StreamLocation &location() const;
    Compression compression() const;
    qint64 position() const; // image bytes returned so far

    // Fills `out` with the next image bytes; fewer only at the end of the image (0 at the end).
    // A damaged or truncated stream is an InputFile error naming the file and the image offset.
    Result<qint64> read(std::span<quint8> out);

    // Reads the rest of the image (discarding it) and the rest of the stored file, and returns the
    // totals. `maxImageSize` >= 0 stops with an error as soon as the image grows beyond it (a
    // decompression bomb, or a manifest that understates a size). Checks `cancel` every MiB.
    Result<StreamSummary> finish(const CancelToken *cancel = nullptr, qint64 maxImageSize = -1);

private:
    StreamReader();
    struct Private;
    std::unique_ptr<Private> d;
};

// One whole pass (open + finish): image size, stored size and the stored file's SHA-256. Blocking
// for as long as it takes to decompress the image: call it on a worker thread.
Result<StreamSummary> scanStream(const StreamLocation &where, const CancelToken *cancel = nullptr,
                                 qint64 maxImageSize = -1);

// "3f2a...": lowercase hex, as sha256sum prints it.
QString hexDigest(const QByteArray &digest);

} // namespace oc::pkg
