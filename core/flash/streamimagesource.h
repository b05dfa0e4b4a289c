#pragma once

#include "imagesource.h"

namespace oc {

namespace pkg {
class StreamReader;
}

// A compressed image or a package entry, streamed through pkg::StreamReader (libarchive): memory
// stays at a few decompression blocks whatever the image size, and nothing is unpacked to disk.
// The size comes from the plan (a first streaming pass, or the package manifest); rewind() reopens
// the stream, since a decompressor cannot seek back. Used from one thread.
class StreamImageSource final : public ImageSource
{
public:
    static Result<std::unique_ptr<StreamImageSource>> open(const ImageRef &ref);
    ~StreamImageSource() override;

    QString name() const override;
    qint64 size() const override;
    Status rewind() override;
    Result<qint64> read(std::span<quint8> out) override;

private:
    StreamImageSource() = default;
    Status checkNothingLeft();

    ImageRef m_ref;
    std::unique_ptr<pkg::StreamReader> m_reader;
};

} // namespace oc
