#include "storageconfig.h"

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

proto::SpiEraseMode writeEraseMode(EraseMode mode)
{
    switch (mode) {
    case EraseMode::None:
        return proto::SpiEraseMode::None;
    case EraseMode::Lazy:
        return proto::SpiEraseMode::Partition;
    case EraseMode::AtInit:
        return proto::SpiEraseMode::AllPartitions;
    case EraseMode::Chip:
        return proto::SpiEraseMode::ChipCommand;
    }
    return proto::SpiEraseMode::Partition;
}

} // namespace

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

proto::SfcConfig sfcConfigFor(const FlashPlan &plan, const proto::SpiNorChip &chip)
{
    proto::SfcConfig config;
    config.spi = plan.target.spi;
    config.chip = chip;
    const quint32 unit = norEraseUnit(plan.target, chip);
    config.spi.eraseBlockSize = unit;
    config.fsEraseSize = unit;
    config.ukQuad = plan.target.bootQuad ? 1 : 0;
    const bool whole = plan.op == Operation::Read || plan.op == Operation::Verify ||
                       (plan.op == Operation::Write && plan.erase == EraseMode::Chip) ||
                       (plan.op == Operation::Erase && plan.length == 0 && plan.offset == 0);
    if (plan.op == Operation::Read || plan.op == Operation::Verify)
        config.spi.erase = proto::SpiEraseMode::Partition;
    else if (plan.op == Operation::Erase)
        config.spi.erase = whole ? proto::SpiEraseMode::ChipCommand : proto::SpiEraseMode::AllPartitions;
    else
        config.spi.erase = writeEraseMode(plan.erase);
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
        // Block by block: worst-case block erase per erase unit, with a 25 % margin.
        const proto::NorPartition &p = config.partitions.first();
        const quint64 size = p.size == 0xFFFFFFFF ? chip.chipSize - p.offset : p.size;
        const quint64 blocks = (size + config.spi.eraseBlockSize - 1) / config.spi.eraseBlockSize;
        return timeouts.initBase + timeouts.blockEraseMax * qint64(blocks) * 5 / 4;
    }
    case proto::SpiEraseMode::Partition:
    case proto::SpiEraseMode::None:
        break;
    }
    return timeouts.initDeadline(proto::InitWork::None);
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
