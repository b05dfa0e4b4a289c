#pragma once

// Bridges the catalog (chip and board profiles as data) and the engine (wire-level parameters).

#include "flashplan.h"

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

// Looks the board up by name and loads its vendor files from `firmwareDir` (an Ingenic USB Cloner
// installation, a <chip>/ folder, or a folder with the three files).
Result<ResolvedTarget> resolveTarget(const catalog::Catalog &catalog, const QString &boardName,
                                     const QString &firmwareDir);

} // namespace oc
