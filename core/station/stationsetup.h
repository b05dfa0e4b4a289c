#pragma once

// From a station plan (stationplan.h) to what the loop runs: the board profile and its vendor files,
// the package or image checked once (a package completely: manifest, every file's size and SHA-256),
// one validated FlashPlan for every unit, and the identity every record carries. Blocking (hashing):
// call it before the station starts, or off the GUI thread.

#include "stationloop.h"
#include "stationplan.h"

#include "core/util/cancel.h"

namespace oc::catalog {
class Catalog;
}

namespace oc::station {

// What the command line or the window says over the plan's defaults. Empty: the plan's value
// (station: the plan's, else the host name; operator: the login name).
struct StationOverrides
{
    QString station;
    QString operatorName;
    QString firmware;
};

// Errors: Profile (unknown board), InputFile (vendor files, a changed or broken package or image),
// InvalidArgument (a package that turns verification off: a station always verifies), each with the
// plan's key and what to do.
Result<StationSetup> prepareStation(const catalog::Catalog &catalog, const StationPlan &plan,
                                    const StationOverrides &overrides = {},
                                    const CancelToken *cancel = nullptr);

} // namespace oc::station
