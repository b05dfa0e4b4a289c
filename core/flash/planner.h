#pragma once

#include "flashplan.h"

namespace oc {

// What a user asks for, before it is checked against the board's facts.
struct PlanRequest
{
    Operation op = Operation::Boot;
    QString imagePath;  // Write, Verify
    QString outputPath; // Read
    quint64 offset = 0;
    quint64 length = 0; // Read / Erase; 0 = to the end of the flash
    EraseMode erase = EraseMode::Lazy;
    bool verify = true;
    bool reboot = true;
    int writeChunk = 0; // 0 = the board profile's choice
    int readChunk = 0;
};

// Turns a request into a validated plan with its stage weights. Opens the image once to check
// that it exists, is readable and is not empty; everything else is checked by validatePlan().
// Nothing here touches a board.
Result<FlashPlan> makePlan(const PlanRequest &request, TargetProfile target, VendorImages images);

} // namespace oc
