#pragma once

#include "../util/result.h"

#include <QString>

#include <memory>
#include <span>

namespace oc {

// A firmware image read sequentially in chunks, never loaded whole: a plain file today,
// a decompressing stream (libarchive) or a package entry later. Used from one thread.
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

} // namespace oc
