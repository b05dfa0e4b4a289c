// libFuzzer: the Cloner bundle check (core/catalog/clonerbundle.h): a .zip / .ingenic from outside is
// listed and every entry judged (paths, links, sizes) without writing anything.

#include "fuzzinput.h"

#include "core/catalog/clonerbundle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)oc::catalog::ClonerBundle::check(oc::fuzz::inputFile(data, size, ".ingenic"));
    return 0;
}
