#include "storageconfig.h"

#include "partitionlayout.h"

#include <algorithm>

namespace oc {

namespace {

quint64 alignUp(quint64 value, quint64 unit)
{
    return (value + unit - 1) / unit * unit;
}

proto::NorPartition partition(const QString &name, quint64 offset, quint64 size)
{
    proto::NorPartition p;
    p.name = name;
    p.offset = quint32(offset);
    p.size = size ? quint32(size) : 0xFFFFFFFF;
    p.readOnly = false;
    p.mode = proto::PartitionMode::MtdD;
    return p;
}

quint64 rangeLength(const FlashPlan &plan, quint64 capacity)
{
    if (plan.op == Operation::Write)
        return quint64(plan.imageSize);
    return plan.length ? plan.length : capacity - plan.offset;
}

proto::SpiEraseMode writeEraseMode(EraseMode mode, const TargetProfile &target)
{
    switch (mode) {
    case EraseMode::None:
        return proto::SpiEraseMode::None;
    case EraseMode::Lazy:
        return proto::SpiEraseMode::Partition;
    case EraseMode::AtInit:
        return proto::SpiEraseMode::AllPartitions;
    case EraseMode::Chip:
        return chipEraseValue(target);
    }
    return proto::SpiEraseMode::Partition;
}

} // namespace

bool erasesWholeChipAtInit(const TargetProfile &target)
{
    return target.storage == StorageKind::Nor && target.burner.generation == proto::BurnerGeneration::Icu;
}

bool canReadBack(const TargetProfile &target)
{
    return !erasesWholeChipAtInit(target); // both are the ICU generation's SFC NOR module
}

proto::SpiEraseMode chipEraseValue(const TargetProfile &target)
{
    // ICU knows 0 (lazy) and 1 (chip erase at INIT) only; K1's 1 erases partitions, 2 the chip.
    return erasesWholeChipAtInit(target) ? proto::SpiEraseMode::AllPartitions
                                         : proto::SpiEraseMode::ChipCommand;
}

quint32 norEraseUnit(const TargetProfile &target, const proto::SpiNorChip &chip)
{
    return std::max({target.spi.eraseBlockSize, chip.eraseSize, quint32(4096)});
}

proto::PolicyParams policyFor(const TargetProfile &target)
{
    proto::PolicyParams policy;
    if (target.storage == StorageKind::Nor)
        policy.useSfcNor = true;
    else
        policy.useMmc[qBound(0, target.mmcSlot, 2)] = true;
    return policy;
}

namespace {

// A multi-step plan sends the board's table with the plan's erase mode; a plan that only reads
// erases nothing whatever its mode says (rule O13).
proto::SfcConfig stepsSfcConfig(const FlashPlan &plan, proto::SfcConfig config, quint32 unit)
{
    const bool changes = std::any_of(plan.steps.cbegin(), plan.steps.cend(),
                                     [](const FlashStep &s) { return s.kind != StepKind::Read; });
    config.spi.erase = changes ? writeEraseMode(plan.erase, plan.target) : proto::SpiEraseMode::Partition;
    config.partitions = sentNorTable(plan, unit, config.chip.chipSize);
    return config;
}

} // namespace

proto::SfcConfig sfcConfigFor(const FlashPlan &plan, const proto::SpiNorChip &chip)
{
    proto::SfcConfig config;
    config.spi = plan.target.spi;
    config.chip = chip;
    const quint32 unit = norEraseUnit(plan.target, chip);
    config.spi.eraseBlockSize = unit;
    config.fsEraseSize = unit;
    config.ukQuad = plan.target.bootQuad ? 1 : 0;
    if (plan.isMultiStep())
        return stepsSfcConfig(plan, config, unit);
    const bool whole = plan.op == Operation::Read || plan.op == Operation::Verify ||
                       (plan.op == Operation::Write && plan.erase == EraseMode::Chip) ||
                       (plan.op == Operation::Erase && plan.length == 0 && plan.offset == 0);
    if (plan.op == Operation::Read || plan.op == Operation::Verify)
        config.spi.erase = proto::SpiEraseMode::Partition;
    else if (plan.op == Operation::Erase)
        config.spi.erase = whole ? chipEraseValue(plan.target) : proto::SpiEraseMode::AllPartitions;
    else
        config.spi.erase = writeEraseMode(plan.erase, plan.target);
    if (whole) {
        config.partitions = {partition(QStringLiteral("full"), 0, 0)};
    } else {
        const quint64 length = alignUp(rangeLength(plan, chip.chipSize), unit);
        config.partitions = {partition(QStringLiteral("target"), plan.offset, length)};
    }
    return config;
}

proto::MmcConfig mmcConfigFor(const FlashPlan &plan)
{
    if (plan.isMultiStep())
        return stepsMmcConfig(plan);
    proto::MmcConfig config = plan.target.mmc;
    config.ranges.clear();
    config.erase = proto::MmcEraseMode::None;
    const bool eraseOp = plan.op == Operation::Erase;
    const bool eraseWrite =
        plan.op == Operation::Write && plan.erase != EraseMode::Lazy && plan.erase != EraseMode::None;
    if (!eraseOp && !eraseWrite)
        return config;
    const bool all = (eraseOp && plan.length == 0 && plan.offset == 0) ||
                     (plan.op == Operation::Write && plan.erase == EraseMode::Chip);
    if (all) {
        config.erase = proto::MmcEraseMode::All;
        return config;
    }
    const quint64 length = eraseOp ? plan.length : alignUp(quint64(plan.imageSize), 512);
    config.erase = proto::MmcEraseMode::Ranges;
    config.ranges = {proto::MmcRange{plan.offset, length ? plan.offset + length : ~quint64(0)}};
    return config;
}

} // namespace oc

namespace oc {

Milliseconds initDeadline(const FlashPlan &plan, const proto::SpiNorChip &chip,
                          const proto::Timeouts &timeouts)
{
    if (plan.target.storage == StorageKind::Emmc) {
        const bool erase = mmcConfigFor(plan).erase != proto::MmcEraseMode::None;
        return timeouts.initDeadline(erase ? proto::InitWork::MmcErase : proto::InitWork::None);
    }
    const proto::SfcConfig config = sfcConfigFor(plan, chip);
    switch (config.spi.erase) {
    case proto::SpiEraseMode::ChipCommand:
        return timeouts.initDeadline(proto::InitWork::NorErase, chip.chipSize);
    case proto::SpiEraseMode::AllPartitions: {
        if (erasesWholeChipAtInit(plan.target))
            return timeouts.initDeadline(proto::InitWork::NorErase, chip.chipSize);
        // Block by block: worst-case block erase per erase unit, with a 25 % margin, over every
        // partition INIT erases (those not marked read-only).
        quint64 blocks = 0;
        for (const proto::NorPartition &p : config.partitions) {
            if (!p.readOnly)
                blocks += (partitionEnd(p, chip.chipSize) - p.offset + config.spi.eraseBlockSize - 1) /
                          config.spi.eraseBlockSize;
        }
        return timeouts.initBase + timeouts.blockEraseMax * qint64(blocks) * 5 / 4;
    }
    case proto::SpiEraseMode::Partition:
    case proto::SpiEraseMode::None:
        break;
    }
    return timeouts.initDeadline(proto::InitWork::None);
}

Milliseconds stepWriteAckDeadline(const FlashPlan &plan, const FlashStep &step, const proto::SpiNorChip &chip,
                                  quint32 chunkBytes, const proto::Timeouts &timeouts)
{
    if (plan.target.storage == StorageKind::Emmc)
        return timeouts.writeAckDeadline(chunkBytes, 512, 0, 512, plan.target.debug.writeBackCheck);
    const quint32 unit = norEraseUnit(plan.target, chip);
    const quint64 lazy = lazyEraseBytes(plan, step, chunkBytes, chip.chipSize, unit);
    return timeouts.writeAckDeadline(chunkBytes, chip.pageSize, qint64(lazy), unit,
                                     plan.target.debug.writeBackCheck);
}

Milliseconds writeAckDeadline(const FlashPlan &plan, const proto::SpiNorChip &chip, quint32 chunkBytes,
                              const proto::Timeouts &timeouts)
{
    if (plan.target.storage == StorageKind::Emmc)
        return timeouts.writeAckDeadline(chunkBytes, 512, 0, 512, plan.target.debug.writeBackCheck);
    const qint64 lazy = plan.erase == EraseMode::Lazy ? chunkBytes : 0; // MTD_D_MODE: the chunk's own blocks
    return timeouts.writeAckDeadline(chunkBytes, chip.pageSize, lazy, norEraseUnit(plan.target, chip),
                                     plan.target.debug.writeBackCheck);
}

} // namespace oc
