#pragma once

#include "core/flash/planner.h"

namespace oc::ui {

// What the window asks one board to do, before it is resolved against the catalog and vendor files.
struct JobRequest
{
    Operation op = Operation::Write;
    QString boardName;  // catalog board profile
    QString imagePath;  // Write, Verify
    QString outputPath; // Read
    quint64 offset = 0;
    quint64 length = 0; // Read / Erase: 0 = to the end of the flash
    EraseMode erase = EraseMode::Lazy;
    bool verify = true;
    bool reboot = true;
    QList<StepRequest> steps; // a profile's own steps (write / read files): then imagePath is unused

    // Writes or erases flash: the window asks before it starts.
    bool isDestructive() const { return op == Operation::Write || op == Operation::Erase; }

    PlanRequest planRequest() const
    {
        PlanRequest r;
        r.op = op;
        r.imagePath = imagePath;
        r.outputPath = outputPath;
        r.offset = offset;
        r.length = length;
        r.erase = erase;
        r.verify = verify;
        r.reboot = reboot;
        r.steps = steps;
        return r;
    }
};

} // namespace oc::ui
