#pragma once

#include "flashplan.h"
#include "preflight.h"

#include "../util/cancel.h"

namespace oc {

// What a user asks for, before it is checked against the board's facts.
struct PlanRequest
{
    Operation op = Operation::Boot;
    QString imagePath;  // Write, Verify: a plain or compressed image; Write: also an OpenCloner package
    QString outputPath; // Read; for a package with read steps: the folder their files go to
    quint64 offset = 0;
    quint64 length = 0; // Read / Erase; 0 = to the end of the flash
    EraseMode erase = EraseMode::Lazy;
    bool verify = true;
    bool reboot = true;
    int writeChunk = 0; // 0 = the board profile's choice
    int readChunk = 0;
    // Several steps in one boot of the burner (write file A at X, file B into partition P, read a
    // range to a file, erase a partition). When set, op / imagePath / outputPath / offset / length
    // above are ignored; erase, verify and reboot hold for the whole plan.
    QList<StepRequest> steps;
    // Write the boot region (the partition at offset 0, or the step writing offset 0) after every
    // other write, so an interrupted job leaves the old bootloader in place. Applied where the
    // layout allows it (erase modes lazy and none); otherwise a note in plan.notes says why not.
    bool bootLast = false;
};

// Turns a request into a validated plan with its stage weights. Nothing here touches a board, but
// it reads files: it opens a plain image to learn its size, streams a compressed image once to learn
// its decompressed size (seconds per GiB), and loads an OpenCloner package completely, checking
// every file's SHA-256 before planning its steps (packageplan.h). Call it off the GUI thread.
// Multi-step requests (and packages) are checked against every preflight rule (preflight.h); the
// error lists every blocking finding, one per line, and the other findings go to plan.notes.
// `cancel` stops a long streaming pass (a compressed image's size, a package's hashes) between blocks.
Result<FlashPlan> makePlan(const PlanRequest &request, TargetProfile target, VendorImages images,
                           const CancelToken *cancel = nullptr);

// The multi-step part of makePlan, keeping every finding, blocking or not, so that a window can list
// them all and tests can check each rule. `plan` is set when nothing blocks.
struct PlanCheck
{
    std::optional<FlashPlan> plan;
    QList<PreflightFinding> findings;
    std::optional<Error> error; // a problem outside the preflight rules (vendor files, chunk sizes)

    Status status() const { return error ? Status(*error) : blockingStatus(findings); }
};
PlanCheck checkStepPlan(const PlanRequest &request, TargetProfile target, VendorImages images,
                        const CancelToken *cancel = nullptr);

} // namespace oc
