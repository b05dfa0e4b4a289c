#pragma once

// OpenCloner firmware packages (core/package) as burn plans, and burn plans as packages (pack).

#include "planner.h"

#include "../package/packagereader.h"

#include <QMap>

namespace oc {

// Loads `packagePath` and checks it completely (pkg::loadPackage: the manifest and every file's
// size and SHA-256, before anything else), checks that it is meant for `target`'s chip and board
// (ErrorCode::ChipMismatch naming both), and plans its steps with every preflight rule. The plan
// takes the package's erase mode and boot-last choice; the request can only turn verification and
// the final reboot off. Read steps save their files into request.outputPath when it names a folder,
// else next to the package. Blocking for as long as hashing takes: call it on a worker thread.
Result<FlashPlan> makePackagePlan(const QString &packagePath, const PlanRequest &request,
                                  TargetProfile target, VendorImages images,
                                  const CancelToken *cancel = nullptr);

// The same for an already loaded package.
Result<FlashPlan> makePackagePlan(const pkg::LoadedPackage &package, const PlanRequest &request,
                                  TargetProfile target, VendorImages images);

// Refuses a package meant for other chips or boards (its manifest's targets); ok if it names none.
Status checkPackageTarget(const pkg::Manifest &manifest, const TargetProfile &target);

// What pack writes for a validated multi-step plan: the manifest (steps, offsets, partitions, erase
// mode, verify, boot-last; sizes and hashes are measured by pkg::writePackage) and, for every write
// step, the file on disk behind its name in the package (file names made unique).
struct PackContents
{
    pkg::Manifest manifest;
    QMap<QString, QString> sources;
};
Result<PackContents> packContents(const FlashPlan &plan, const QString &name, const QString &version,
                                  const QString &description = {});

} // namespace oc
