#include "partitionlayout.h"

#include <algorithm>

namespace oc {

namespace {

constexpr quint32 ToEnd = 0xFFFFFFFF;
constexpr quint64 AddressSpace = quint64(1) << 32;

quint64 alignUp(quint64 value, quint64 unit)
{
    return unit ? (value + unit - 1) / unit * unit : value;
}

} // namespace

quint64 partitionEnd(const proto::NorPartition &partition, quint64 capacity)
{
    if (partition.size == ToEnd)
        return capacity ? capacity : AddressSpace;
    return quint64(partition.offset) + partition.size;
}

int partitionHolding(const QList<proto::NorPartition> &table, quint64 offset, quint64 end, quint64 capacity)
{
    for (int i = 0; i < table.size(); ++i) {
        if (offset >= table[i].offset && end <= partitionEnd(table[i], capacity))
            return i;
    }
    return -1;
}

int partitionNamed(const QList<proto::NorPartition> &table, const QString &name)
{
    for (int i = 0; i < table.size(); ++i) {
        if (table[i].name == name)
            return i;
    }
    return -1;
}

QList<proto::NorPartition> planTable(const FlashPlan &plan, quint32 unit)
{
    if (!plan.target.partitions.isEmpty())
        return plan.target.partitions;
    QList<proto::NorPartition> table;
    for (const FlashStep &step : plan.steps) {
        if (step.kind == StepKind::Read)
            continue;
        proto::NorPartition p;
        p.name = QStringLiteral("step%1").arg(table.size() + 1);
        p.offset = quint32(step.offset);
        p.size = step.length ? quint32(alignUp(step.length, unit)) : ToEnd;
        p.mode = proto::PartitionMode::MtdD;
        table.append(p);
    }
    return table;
}

QList<int> partitionsErasedAtInit(const FlashPlan &plan, const QList<proto::NorPartition> &table,
                                  quint64 capacity)
{
    QList<int> erased;
    const auto add = [&](int index) {
        if (index >= 0 && !erased.contains(index))
            erased.append(index);
    };
    for (const FlashStep &step : plan.steps) {
        if (step.kind == StepKind::Write) {
            add(partitionHolding(table, step.offset, step.endOn(capacity), capacity));
        } else if (step.kind == StepKind::Erase) {
            for (int i = 0; i < table.size(); ++i) {
                if (table[i].offset >= step.offset &&
                    partitionEnd(table[i], capacity) <= step.endOn(capacity))
                    add(i);
            }
        }
    }
    std::sort(erased.begin(), erased.end());
    return erased;
}

QList<proto::NorPartition> sentNorTable(const FlashPlan &plan, quint32 unit, quint64 capacity)
{
    QList<proto::NorPartition> table = planTable(plan, unit);
    if (plan.erase != EraseMode::AtInit)
        return table;
    const QList<int> erased = partitionsErasedAtInit(plan, table, capacity);
    for (int i = 0; i < table.size(); ++i)
        table[i].readOnly = !erased.contains(i);
    return table;
}

proto::MmcConfig stepsMmcConfig(const FlashPlan &plan)
{
    proto::MmcConfig config = plan.target.mmc;
    config.ranges.clear();
    config.erase = proto::MmcEraseMode::None;
    if (plan.erase == EraseMode::Chip) {
        config.erase = proto::MmcEraseMode::All;
        return config;
    }
    if (plan.erase == EraseMode::None)
        return config;
    for (const FlashStep &step : plan.steps) {
        if (step.kind == StepKind::Erase)
            config.ranges.append({step.offset, step.length ? step.offset + step.length : ~quint64(0)});
        else if (step.kind == StepKind::Write && plan.erase == EraseMode::AtInit)
            config.ranges.append({step.offset, step.offset + alignUp(step.length, 512)});
    }
    if (!config.ranges.isEmpty())
        config.erase = proto::MmcEraseMode::Ranges;
    return config;
}

QList<ByteRange> rangesErasedAtStart(const FlashPlan &plan, quint64 capacity, quint32 unit)
{
    const quint64 end = capacity ? capacity : AddressSpace;
    QList<ByteRange> ranges;
    if (plan.target.storage == StorageKind::Emmc) {
        const proto::MmcConfig mmc = stepsMmcConfig(plan);
        if (mmc.erase == proto::MmcEraseMode::All)
            ranges.append({0, end});
        for (const proto::MmcRange &r : mmc.ranges)
            ranges.append({r.start, r.end == ~quint64(0) ? end : r.end});
        return ranges;
    }
    if (plan.erase == EraseMode::Chip) {
        ranges.append({0, end});
    } else if (plan.erase == EraseMode::AtInit) {
        for (const proto::NorPartition &p : sentNorTable(plan, unit, capacity)) {
            if (!p.readOnly)
                ranges.append({p.offset, partitionEnd(p, capacity)});
        }
    }
    return ranges;
}

quint64 lazyEraseBytes(const FlashPlan &plan, const FlashStep &step, quint64 chunkBytes, quint64 capacity,
                       quint32 unit)
{
    if (plan.erase != EraseMode::Lazy || plan.target.storage != StorageKind::Nor)
        return 0;
    const QList<proto::NorPartition> table = planTable(plan, unit);
    const int index = partitionHolding(table, step.offset, step.endOn(capacity), capacity);
    if (index < 0 || table[index].mode == proto::PartitionMode::MtdD)
        return chunkBytes;
    return partitionEnd(table[index], capacity) - table[index].offset;
}

} // namespace oc
