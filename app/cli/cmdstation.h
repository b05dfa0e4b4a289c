#pragma once

// `opencloner-cli station PLAN [--records DIR] [--station NAME] [--operator NAME] [--units N]
// [--firmware DIR] [--json] [-v]`: a production station without a screen. PLAN is a station plan
// (docs/production.md). Every Ingenic board that appears is flashed and verified with the plan on a
// lane of its own; each unit's record is appended to the records folder (CSV + JSON lines, synced)
// before its line is printed: one line per unit on stdout (a JSON object with --json), advice for a
// failed unit on stderr. A board back on its port after its own reboot is not flashed again. Runs
// until Ctrl-C (running jobs stop cleanly and are recorded as stopped) or --units units are done.
// `station --save-plan OUT.json --board NAME [--firmware DIR] [--name TEXT] FIRMWARE` writes a plan
// for FIRMWARE (pinned by its SHA-256, checked as the station would) instead.

#include "reporter.h"

#include "core/usb/deviceprovider.h"

#include <QCommandLineParser>

#include <functional>
#include <memory>

namespace oc::catalog {
class Catalog;
}

namespace oc::cli {

// Declares station's own options (--records, --station, --operator, --units, --reboot-settle,
// --save-plan).
void addStationOptions(QCommandLineParser &parser);

struct StationCommand
{
    const QCommandLineParser &parser;
    QStringList args; // positional arguments after "station": the plan file
    OutputMode mode = OutputMode::Human;
    int verbosity = 0;
    std::shared_ptr<DeviceProvider> provider;
    // Set while the station runs: what Ctrl-C calls.
    std::function<void(std::function<void()>)> setCancel;
};

// Exit code: 0 when every unit passed, 5 when a unit failed, 6 when stopped with Ctrl-C while a unit
// ran, exitCodeFor(error) when the plan, the vendor files or the records folder are unusable.
int runStationCommand(const catalog::Catalog &catalog, const StationCommand &command);

} // namespace oc::cli
