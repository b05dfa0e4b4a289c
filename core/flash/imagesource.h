#pragma once

#include "flashstep.h"

#include "../util/cancel.h"
#include "../util/result.h"

#include <QString>

#include <memory>
#include <span>

namespace oc {

// A firmware image read sequentially in chunks, never loaded whole: a plain file, a decompressing
// stream (.gz, .xz, .zst, .bz2) or a file inside a package (streamimagesource.h). Used from one thread.
class ImageSource
{
public:
    virtual ~ImageSource() = default;

    virtual QString name() const = 0;
    // Total size in bytes, known up front (plans weigh their stages with it).
    virtual qint64 size() const = 0;
    // Restarts at byte 0 (verification reads the image a second time).
    virtual Status rewind() = 0;
    // Fills `out` completely with the next bytes, or fewer only at the end of the image;
    // returns the number of bytes read. A source that ends before size() is an InputFile error.
    virtual Result<qint64> read(std::span<quint8> out) = 0;
};

// A plain image file (.bin / .img). open() checks existence, readability and a non-zero size.
class FileImageSource final : public ImageSource
{
public:
    static Result<std::unique_ptr<FileImageSource>> open(const QString &path);
    ~FileImageSource() override;

    QString name() const override;
    qint64 size() const override;
    Status rewind() override;
    Result<qint64> read(std::span<quint8> out) override;

private:
    FileImageSource() = default;
    struct Private;
    std::unique_ptr<Private> d;
};

// Opens what `ref` names: a plain file directly (FileImageSource, seekable), a compressed file or a
// package entry as a stream (StreamImageSource; rewind reopens it). size() is ref.size; a source
// that ends before it, or holds more, is an InputFile error when the difference is read.
Result<std::unique_ptr<ImageSource>> openImage(const ImageRef &ref);

// Measures an image file for a plan, recognising compression by its magic bytes. A plain file:
// its size (instant). A compressed file: one streaming pass that decompresses everything and
// discards it, because the size stated in gzip / xz / zstd headers is missing or unreliable (gzip
// keeps it modulo 4 GiB, zstd only optionally); the pass also proves the stream is intact and
// gives the file's SHA-256. Seconds per GiB: call it on a worker thread. A zip (a package) is
// refused here: packages are planned by makePlan / makePackagePlan.
Result<ImageRef> probeImage(const QString &path, const CancelToken *cancel = nullptr);

} // namespace oc
