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
    t.powerOff = board.powerOff;
    t.syncTime = board.syncTime;
    t.mmc = board.mmc;
    if (t.storage == StorageKind::Nor)
        t.partitions = board.partitions;
    t.ddrType = board.ddrType;
    t.capacity = board.capacity;
    const int chunk = int(qMin<quint32>(board.chunkSize, quint32(chip.burner.maxChunk)));
    t.writeChunk = chunk;
    t.readChunk = chunk;
    for (const catalog::FlashRecord &record : catalog.flashDatabase().records())
        t.norDatabase.append(record.chip);
    return t;
}

namespace {

EraseMode profileEraseMode(const catalog::BoardProfile &board)
{
    if (board.storage == catalog::StorageKind::Emmc) {
        switch (board.mmc.erase) {
        case proto::MmcEraseMode::All:
            return EraseMode::Chip;
        case proto::MmcEraseMode::Ranges:
            return EraseMode::AtInit;
        case proto::MmcEraseMode::None:
            break;
        }
        return EraseMode::Lazy;
    }
    switch (board.spi.erase) {
    case proto::SpiEraseMode::AllPartitions:
        return EraseMode::AtInit;
    case proto::SpiEraseMode::ChipCommand:
        return EraseMode::Chip;
    case proto::SpiEraseMode::None:
        return EraseMode::None;
    case proto::SpiEraseMode::Partition:
        break;
    }
    return EraseMode::Lazy;
}

} // namespace

QList<StepRequest> profileSteps(const catalog::BoardProfile &board)
{
    QList<StepRequest> steps;
    for (const catalog::BoardStep &s : board.steps) {
        StepRequest r;
        r.kind = s.kind == catalog::StepKind::Write ? StepKind::Write : StepKind::Read;
        r.path = s.path;
        r.offset = s.offset;
        r.length = s.kind == catalog::StepKind::Read ? s.length : 0;
        r.label = s.label;
        steps.append(r);
    }
    return steps;
}

PlanRequest profilePlanRequest(const catalog::BoardProfile &board)
{
    PlanRequest request;
    request.op = Operation::Write;
    request.steps = profileSteps(board);
    request.erase = profileEraseMode(board);
    request.verify = true;
    request.reboot = board.forceReset;
    return request;
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
