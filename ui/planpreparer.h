#pragma once

#include "jobrequest.h"

#include "core/flash/flashplan.h"
#include "core/util/cancel.h"

namespace oc::catalog {
class Catalog;
}

namespace oc::ui {

// Where a job's vendor files come from: the user's Ingenic USB Cloner folder for real boards, and
// generated placeholders (core/catalog/placeholders.h) for virtual ones.
struct VendorSource
{
    QString vendorDir;       // real boards
    QString placeholderRoot; // virtual boards: placeholders are written to <root>/<board>/
};

// Resolves the board profile and its vendor files and builds the validated plan. Blocking file I/O
// (vendor files, placeholders, the image's size): call it on a worker thread. Errors say what to do:
// a missing vendor folder is an InputFile error that names Settings.
// A real board's vendor files come from the chosen folder, else from the Cloner installation an
// imported profile came from. `cancel` stops the long passes (a compressed image's size, a package's
// hashes) between blocks.
Result<FlashPlan> preparePlan(const catalog::Catalog &catalog, const JobRequest &request,
                              const VendorSource &vendor, bool virtualBoard,
                              const CancelToken *cancel = nullptr);

} // namespace oc::ui
