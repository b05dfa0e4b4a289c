// libFuzzer: the package reader (core/package/packagereader.h: zip directory, manifest, every
// listed file streamed and hashed) and, chosen by the first byte, a compressed image streamed on its
// own (gzip / xz / zstd / bzip2 through libarchive, core/package/streamreader.h).

#include "fuzzinput.h"

#include "core/package/packagereader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const int which = oc::fuzz::selector(data, size, 2);
    const QString path = oc::fuzz::inputFile(data, size, which == 0 ? ".zip" : ".img");
    if (which == 0) {
        (void)oc::pkg::isPackage(path);
        (void)oc::pkg::loadPackage(path);
    } else {
        (void)oc::pkg::scanStream({path, {}}, nullptr, 64 << 20);
    }
    return 0;
}
