#pragma once

// Bridges the catalog (chip and board profiles as data) and the engine (wire-level parameters).

#include "flashplan.h"
#include "planner.h"

namespace oc {

namespace catalog {
class Catalog;
struct BoardProfile;
} // namespace catalog

struct ResolvedTarget
{
    TargetProfile target;
    VendorImages images;
};

// The engine's view of a board profile: boot / burner parameters of its chip, storage, debug
// flags, spi_param and mmc_param defaults, chunk sizes and the SPI NOR database.
TargetProfile targetFor(const catalog::Catalog &catalog, const catalog::BoardProfile &board);

// The board profile's own steps (an imported vendor profile's enabled policies), in order, as step
// requests: what the vendor tool runs for this board. Empty when the profile has none.
QList<StepRequest> profileSteps(const catalog::BoardProfile &board);

// A request that runs the board's own steps as one multi-step plan: its erase mode (spi_erase of a
// NOR profile, mmc_erase of an eMMC one), verification on, the final reboot as the profile says.
PlanRequest profilePlanRequest(const catalog::BoardProfile &board);

// Looks the board up by name and loads its vendor files from `firmwareDir` (an Ingenic USB Cloner
// installation, a <chip>/ folder, or a folder with the three files).
Result<ResolvedTarget> resolveTarget(const catalog::Catalog &catalog, const QString &boardName,
                                     const QString &firmwareDir);

} // namespace oc
