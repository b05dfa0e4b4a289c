#include "targetbuilder.h"

#include "../catalog/catalog.h"
#include "../catalog/vendorfiles.h"

namespace oc {

TargetProfile targetFor(const catalog::Catalog &catalog, const catalog::BoardProfile &board)
{
    const catalog::ChipProfile &chip = catalog.chipOf(board);
    TargetProfile t;
    t.chipName = chip.name;
    t.boardName = board.name;
    t.boot = board.bootParams(chip);
    t.burner = chip.burner;
    t.storage = board.storage == catalog::StorageKind::Nor ? StorageKind::Nor : StorageKind::Emmc;
    t.mmcSlot = board.mmcSlot;
    t.debug = board.debug;
    t.spi = board.spi;
    t.bootQuad = board.bootQuad;
    t.mmc = board.mmc;
    t.ddrType = board.ddrType;
    t.capacity = board.capacity;
    const int chunk = int(qMin<quint32>(board.chunkSize, quint32(chip.burner.maxChunk)));
    t.writeChunk = chunk;
    t.readChunk = chunk;
    for (const catalog::FlashRecord &record : catalog.flashDatabase().records())
        t.norDatabase.append(record.chip);
    return t;
}

Result<ResolvedTarget> resolveTarget(const catalog::Catalog &catalog, const QString &boardName,
                                     const QString &firmwareDir)
{
    const catalog::BoardProfile *board = catalog.board(boardName);
    if (!board) {
        QStringList names;
        for (const catalog::BoardProfile *b : catalog.boards())
            names << b->name;
        return makeError(ErrorCode::Profile, QStringLiteral("no board profile named '%1'; known boards: %2")
                                                 .arg(boardName, names.join(QStringLiteral(", "))));
    }
    auto files = catalog::VendorFiles::locate(firmwareDir, catalog.chipOf(*board), *board);
    if (!files)
        return std::move(files).error();
    ResolvedTarget resolved;
    resolved.target = targetFor(catalog, *board);
    resolved.images = VendorImages{files->ginfo, files->spl, files->burner, files->placeholder};
    return resolved;
}

} // namespace oc
