// opencloner-sim: virtual Ingenic boards on an emulated USB bus, for developers, tests, benchmarks
// and anyone without hardware.

#include "simapp.h"

#include "core/simusb/umockdevbus.h"

#include <QCoreApplication>

#include <cstdlib>
#include <unistd.h>

namespace {

// umockdev's preload library must be loaded into the bus's own process too, or programs on the bus
// see only the devices present when they start (no arrivals, no departures: a board that reboots
// would never come back). Re-execute once with it preloaded, as umockdev-wrapper would.
void ensurePreload(char **argv)
{
    if (oc::sim::UmockdevBus::isPreloadActive() || std::getenv("OPENCLONER_SIM_REEXEC"))
        return;
    const char *old = std::getenv("LD_PRELOAD");
    const std::string preload =
        std::string("libumockdev-preload.so.0") + (old && *old ? std::string(":") + old : "");
    ::setenv("LD_PRELOAD", preload.c_str(), 1);
    ::setenv("OPENCLONER_SIM_REEXEC", "1", 1);
    // In sanitizer builds the ASan runtime is then no longer first in the library list; it still
    // works (umockdev's preload intercepts nothing ASan needs), so tell it not to abort over that.
    // Children (the command on the bus) inherit both variables.
    const char *asan = std::getenv("ASAN_OPTIONS");
    const std::string options =
        (asan && *asan ? std::string(asan) + ":" : std::string()) + "verify_asan_link_order=0";
    ::setenv("ASAN_OPTIONS", options.c_str(), 1);
    ::execv("/proc/self/exe", argv); // returns only on failure: carry on without hotplug
}

} // namespace

int main(int argc, char **argv)
{
    ensurePreload(argv);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("opencloner-sim"));
    oc::simapp::SimApp sim;
    return sim.run(QCoreApplication::arguments());
}
