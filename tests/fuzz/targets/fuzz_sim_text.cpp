// libFuzzer: the virtual board's text parsers (opencloner-sim command line, test data): fault plans
// (core/sim/faultplan.h) and storage specs (core/sim/simconfig.h), chosen by the first byte.

#include "fuzzinput.h"

#include "core/sim/faultplan.h"
#include "core/sim/simconfig.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const int which = oc::fuzz::selector(data, size, 2);
    const QString text = QString::fromUtf8(oc::fuzz::bytes(data, size));
    if (which == 0)
        (void)oc::sim::FaultPlan::parse(text);
    else
        (void)oc::sim::StorageSpec::parse(text);
    return 0;
}
