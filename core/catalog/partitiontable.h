#pragma once

// Rules for a NOR partition table as the burner uses it [3.9.2, 5.6, 6.9]: the burner sends each
// chunk to the first partition containing it and erases per partition, so overlapping entries or
// entries beyond the chip make writes fail (ack -5) or erase the wrong blocks.

#include "../protocol/params.h"
#include "../util/result.h"

#include <QList>
#include <QString>

namespace oc::catalog {

constexpr int MaxPartitions = 10;          // nor_partition[10]
constexpr int MaxPartitionNameLength = 31; // 32-byte NUL-padded field
constexpr quint32 PartitionToEnd = 0xFFFFFFFF;

struct PartitionProblem
{
    int index = -1;  // entry the problem is about; -1: the table as a whole
    QString field;   // "offset", "size", "name", or empty
    QString message; // what is wrong and what to do
};

// Every problem of the table: 1..10 entries, names of 1..31 printable ASCII characters and unique,
// offsets and sizes multiples of `eraseBlock`, no overlaps, and — when `capacity` > 0 — nothing
// beyond the chip.
QList<PartitionProblem> partitionProblems(const QList<proto::NorPartition> &partitions, quint64 capacity,
                                          quint32 eraseBlock);

// The same checks as a Status (ErrorCode::Profile), one line per problem, for the engine to re-check
// a table against the capacity of the detected chip.
Status validatePartitions(const QList<proto::NorPartition> &partitions, quint64 capacity, quint32 eraseBlock);

// "kernel" (0x40000 .. 0x2C0000)
QString describePartition(const proto::NorPartition &partition, quint64 capacity);

} // namespace oc::catalog
