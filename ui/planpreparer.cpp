#include "planpreparer.h"

#include "core/catalog/catalog.h"
#include "core/catalog/placeholders.h"
#include "core/flash/targetbuilder.h"

#include <QDir>

#include <mutex>

namespace oc::ui {

namespace {

// Two jobs starting at once for the same profile would write the same placeholder files.
std::mutex g_placeholderMutex;

Result<ResolvedTarget> resolveVirtual(const catalog::Catalog &catalog, const catalog::BoardProfile &board,
                                      const QString &root)
{
    if (root.isEmpty())
        return makeError(ErrorCode::Internal, QStringLiteral("no folder for virtual-board placeholders"));
    const QString dir = QDir(root).filePath(board.name);
    std::lock_guard lock(g_placeholderMutex);
    OC_TRY_CTX(catalog::writePlaceholders(dir, catalog.chipOf(board), board),
               QStringLiteral("placeholder vendor files for the virtual board"));
    return resolveTarget(catalog, board.name, dir);
}

} // namespace

Result<FlashPlan> preparePlan(const catalog::Catalog &catalog, const JobRequest &request,
                              const VendorSource &vendor, bool virtualBoard, const CancelToken *cancel)
{
    const catalog::BoardProfile *board = catalog.board(request.boardName);
    if (!board)
        return makeError(ErrorCode::Profile,
                         QStringLiteral("no board profile named '%1'").arg(request.boardName));
    Result<ResolvedTarget> resolved = [&]() -> Result<ResolvedTarget> {
        if (virtualBoard)
            return resolveVirtual(catalog, *board, vendor.placeholderRoot);
        // An imported profile knows the Cloner installation it came from.
        const QString dir = vendor.vendorDir.isEmpty() ? board->vendorFiles.root : vendor.vendorDir;
        if (dir.isEmpty())
            return makeError(
                ErrorCode::InputFile,
                QStringLiteral("no vendor files folder chosen: choose the folder of your Ingenic USB "
                               "Cloner installation (it contains firmwares/%1/spl.bin)")
                    .arg(board->chip));
        return resolveTarget(catalog, board->name, dir);
    }();
    if (!resolved)
        return std::move(resolved).error();
    return makePlan(request.planRequest(), std::move(resolved->target), std::move(resolved->images), cancel);
}

} // namespace oc::ui
