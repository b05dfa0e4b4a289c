#pragma once

// How a multi-step plan maps onto the burner's storage machinery. The burner knows one NOR
// partition table per boot [3.9.2] and erases in three ways only [6.8, 6.9]:
//   lazy  (spi_erase 0)  on the first write into a partition: MTD_D_MODE partitions erase the
//                        blocks of each chunk, MTD / UBI partitions the whole partition (once, until
//                        a write into another partition comes in between);
//   init  (spi_erase 1)  at INIT, every partition not marked read-only;
//   chip  (spi_erase 2)  at INIT, the chip-erase command.
// A multi-step plan sends the board profile's table. In erase mode "init" it marks read-only every
// partition the plan neither writes nor erases, so INIT erases exactly the partitions the plan
// touches ("per-partition erase"). A profile without a table gets one MTD_D_MODE partition per
// written or erased range. eMMC has no table: its INIT erases up to 10 ranges [3.7].

#include "flashplan.h"

#include <QPair>

namespace oc {

using ByteRange = QPair<quint64, quint64>; // [first, second)

// End of a partition; "to the end of the chip" uses `capacity` (0, unknown: 4 GiB).
quint64 partitionEnd(const proto::NorPartition &partition, quint64 capacity);

// The first table entry holding [offset, end), as the burner looks a chunk up [6.9 step 6]; -1 if none.
int partitionHolding(const QList<proto::NorPartition> &table, quint64 offset, quint64 end, quint64 capacity);
int partitionNamed(const QList<proto::NorPartition> &table, const QString &name);

// The plan's table before erase flags: the profile's own, or one MTD_D_MODE partition per written
// or erased range (rounded up to `unit`) for a profile without a table.
QList<proto::NorPartition> planTable(const FlashPlan &plan, quint32 unit);

// Entries of `table` that INIT erases in erase mode "init": those holding a write step and those
// inside an erase step's range.
QList<int> partitionsErasedAtInit(const FlashPlan &plan, const QList<proto::NorPartition> &table,
                                  quint64 capacity);

// The table a multi-step NOR plan sends: planTable() with mask flags set so that INIT erases exactly
// partitionsErasedAtInit() (mode "init"), or the profile's flags (other modes).
QList<proto::NorPartition> sentNorTable(const FlashPlan &plan, quint32 unit, quint64 capacity);

// mmc_param of a multi-step eMMC plan: erase ranges at INIT (mode "init": every written range and
// every erase step; "lazy": only the erase steps) or the whole card (mode "chip").
proto::MmcConfig stepsMmcConfig(const FlashPlan &plan);

// What INIT erases before the first step runs, for the read-after-erase and weight calculations.
QList<ByteRange> rangesErasedAtStart(const FlashPlan &plan, quint64 capacity, quint32 unit);

// Bytes the burner may erase before programming one chunk of `step` (lazy mode): the whole
// partition for MTD / UBI partitions, the chunk for MTD_D_MODE ones; 0 in other modes.
quint64 lazyEraseBytes(const FlashPlan &plan, const FlashStep &step, quint64 chunkBytes, quint64 capacity,
                       quint32 unit);

} // namespace oc
