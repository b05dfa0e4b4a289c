// libFuzzer: the package manifest (core/package/manifest.h). A manifest that parses must survive
// a write / parse round trip unchanged.

#include "fuzzinput.h"

#include "core/package/manifest.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto manifest = oc::pkg::Manifest::fromJson(oc::fuzz::bytes(data, size));
    if (!manifest)
        return 0;
    const QByteArray json = manifest->toJson();
    const auto again = oc::pkg::Manifest::fromJson(json);
    if (!again || again->toJson() != json)
        std::abort(); // what we write must read back the same
    return 0;
}
