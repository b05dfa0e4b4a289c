#pragma once

#include "core/flash/flashstep.h"

#include <QStringList>

namespace oc::catalog {
struct BoardProfile;
}

namespace oc::ui {

// The steps a board profile brings with it: an imported Ingenic USB Cloner profile writes (and reads)
// the files its vendor policies name, at their offsets, the way the Cloner does when no single
// firmware file is chosen.
struct ProfileSteps
{
    QList<StepRequest> steps; // for PlanRequest::steps
    QStringList descriptions; // "uboot.bin at 0x00000000", "read 16.0 MiB at 0x00000000 into 1.bin"
    QStringList missing;      // labels of write steps that name no file yet

    bool isUsable() const { return !steps.isEmpty() && missing.isEmpty(); }
    bool isEmpty() const { return steps.isEmpty() && missing.isEmpty(); }
};

ProfileSteps profileSteps(const catalog::BoardProfile &board);

} // namespace oc::ui
