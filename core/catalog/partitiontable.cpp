#include "partitiontable.h"

#include <QSet>

#include <algorithm>
#include <numeric>

namespace oc::catalog {

namespace {

constexpr quint64 AddressSpace = quint64(1) << 32; // offsets and sizes are u32 on the wire

QString hex(quint64 value)
{
    return QStringLiteral("0x") + QString::number(value, 16).toUpper();
}

quint64 endOf(const proto::NorPartition &p, quint64 capacity)
{
    if (p.size == PartitionToEnd)
        return capacity > 0 ? capacity : AddressSpace;
    return quint64(p.offset) + p.size;
}

bool isPrintableAscii(const QString &text)
{
    return std::all_of(text.begin(), text.end(),
                       [](QChar c) { return c.unicode() >= 0x20 && c.unicode() <= 0x7E; });
}

void checkEntry(const proto::NorPartition &p, int index, quint64 capacity, quint32 eraseBlock,
                QList<PartitionProblem> &problems)
{
    if (p.name.isEmpty() || p.name.size() > MaxPartitionNameLength || !isPrintableAscii(p.name))
        problems.append({index, QStringLiteral("name"),
                         QStringLiteral("\"%1\" must be 1 to 31 printable ASCII characters").arg(p.name)});
    if (eraseBlock > 0 && p.offset % eraseBlock != 0)
        problems.append({index, QStringLiteral("offset"),
                         QStringLiteral("%1 is not a multiple of the erase block size %2; move it to a block "
                                        "boundary")
                             .arg(hex(p.offset), hex(eraseBlock))});
    if (p.size == 0)
        problems.append({index, QStringLiteral("size"),
                         QStringLiteral("0; give a size, or -1 for \"to the end of the chip\"")});
    else if (p.size != PartitionToEnd && eraseBlock > 0 && p.size % eraseBlock != 0)
        problems.append({index, QStringLiteral("size"),
                         QStringLiteral("%1 is not a multiple of the erase block size %2")
                             .arg(hex(p.size), hex(eraseBlock))});
    else if (p.size != PartitionToEnd && quint64(p.offset) + p.size > AddressSpace)
        problems.append({index, QStringLiteral("size"), QStringLiteral("offset + size passes 4 GiB")});
    if (capacity > 0 && endOf(p, capacity) > capacity)
        problems.append({index, QStringLiteral("size"),
                         QStringLiteral("partition %1 ends beyond the %2-byte chip; shrink it or use size -1")
                             .arg(describePartition(p, capacity), hex(capacity))});
    else if (capacity > 0 && p.offset >= capacity)
        problems.append(
            {index, QStringLiteral("offset"),
             QStringLiteral("%1 lies beyond the %2-byte chip").arg(hex(p.offset), hex(capacity))});
}

void checkOverlaps(const QList<proto::NorPartition> &partitions, quint64 capacity,
                   QList<PartitionProblem> &problems)
{
    QList<int> order(partitions.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return partitions[a].offset < partitions[b].offset; });
    for (int i = 1; i < order.size(); ++i) {
        const auto &previous = partitions[order[i - 1]];
        const auto &current = partitions[order[i]];
        if (current.offset < endOf(previous, capacity))
            problems.append(
                {order[i], QStringLiteral("offset"),
                 QStringLiteral("partition %1 overlaps %2; make the ranges disjoint (the burner "
                                "writes each chunk into the first partition containing it)")
                     .arg(describePartition(current, capacity), describePartition(previous, capacity))});
    }
}

} // namespace

QString describePartition(const proto::NorPartition &partition, quint64 capacity)
{
    const QString end = partition.size == PartitionToEnd && capacity == 0 ? QStringLiteral("end")
                                                                          : hex(endOf(partition, capacity));
    return QStringLiteral("\"%1\" (%2 .. %3)").arg(partition.name, hex(partition.offset), end);
}

QList<PartitionProblem> partitionProblems(const QList<proto::NorPartition> &partitions, quint64 capacity,
                                          quint32 eraseBlock)
{
    QList<PartitionProblem> problems;
    if (partitions.isEmpty())
        problems.append({-1, QString(),
                         QStringLiteral("no partitions; the burner rejects every NOR write "
                                        "outside a partition: add one, e.g. \"full\" at 0 with "
                                        "size -1")});
    if (partitions.size() > MaxPartitions)
        problems.append(
            {-1, QString(),
             QStringLiteral("%1 partitions; the burner takes at most 10").arg(partitions.size())});
    QSet<QString> names;
    for (int i = 0; i < partitions.size(); ++i) {
        checkEntry(partitions[i], i, capacity, eraseBlock, problems);
        if (names.contains(partitions[i].name))
            problems.append({i, QStringLiteral("name"),
                             QStringLiteral("duplicate name \"%1\"; partition names must be unique")
                                 .arg(partitions[i].name)});
        names.insert(partitions[i].name);
    }
    checkOverlaps(partitions, capacity, problems);
    return problems;
}

Status validatePartitions(const QList<proto::NorPartition> &partitions, quint64 capacity, quint32 eraseBlock)
{
    const QList<PartitionProblem> problems = partitionProblems(partitions, capacity, eraseBlock);
    if (problems.isEmpty())
        return {};
    QStringList lines;
    for (const PartitionProblem &problem : problems) {
        QString where = QStringLiteral("partitions");
        if (problem.index >= 0)
            where += QStringLiteral("[%1]").arg(problem.index);
        if (!problem.field.isEmpty())
            where += QLatin1Char('.') + problem.field;
        lines.append(where + QStringLiteral(": ") + problem.message);
    }
    return makeError(ErrorCode::Profile, lines.join(QLatin1Char('\n')));
}

} // namespace oc::catalog
