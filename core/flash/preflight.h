#pragma once

// Preflight: everything about a multi-step plan that can be checked before any byte moves, said in
// words a person who is not an engineer understands (what is wrong and what to do). Each finding
// names the rule it comes from; blocking findings stop the plan, the others are notes for the log.
// All functions are pure apart from file-system checks (stat and open, no reading of contents).

#include "flashplan.h"

namespace oc {

enum class PreflightRule : quint8 {
    FileMissing,        // a write step's file does not exist
    FileUnreadable,     // ... is a folder, or cannot be opened
    FileEmpty,          // ... holds nothing to write
    FileChanged,        // ... changed after the plan was made
    OutputFile,         // a read step cannot save its data where it should
    UnknownPartition,   // a step names a partition the board does not have
    BeyondFlash,        // a step ends past the end of the flash
    BeyondPartition,    // a step does not fit into its partition, or erases part of one
    OutsidePartitions,  // no partition holds the step: the burner would refuse the write
    Overlap,            // two steps write the same bytes
    Misaligned,         // an offset or length is not on an erase-block (eMMC: 512-byte) boundary
    ReadOnlyPartition,  // a step writes or erases a read-only partition
    EraseMode,          // erase steps, reads and the erase mode contradict each other
    PartitionRevisited, // lazy erase would erase an MTD / UBI partition a second time
    TooManyRanges,      // more partitions / erase ranges than the burner takes
    Flags,              // options and debug flags that weaken checking
    BootLast,           // the boot region cannot be written last
    WrongTarget,        // the package is for another chip or board
    CannotRead,         // the board's burner cannot read its storage back (read steps, verification)
};

// "file-missing", "beyond-partition", ... (logs, JSON, tests).
const char *preflightRuleName(PreflightRule rule);

struct PreflightFinding
{
    PreflightRule rule = PreflightRule::Flags;
    bool blocking = true;
    int step = -1; // index into plan.steps; -1: the plan as a whole
    QString message;

    ErrorCode code() const; // InputFile for the file rules, InvalidArgument for the others
};

// Write steps' files (exist, readable, not empty, unchanged since the plan was made) and read steps'
// outputs (folder writable, not a folder, not an input, not twice). Quick: the session runs it
// again before its first transfer.
QList<PreflightFinding> preflightFiles(const FlashPlan &plan);

// The steps against the board profile: partitions, fit, alignment, overlaps, read-only partitions,
// erase mode, debug flags.
QList<PreflightFinding> preflightLayout(const FlashPlan &plan);

// The steps against the NOR chip the board reported (Configure, before INIT): its size and erase unit.
QList<PreflightFinding> preflightChip(const FlashPlan &plan, const proto::SpiNorChip &chip);

// The blocking findings as one error (code of the first, one line each); ok when there are none.
Status blockingStatus(const QList<PreflightFinding> &findings);

// "3 MiB", "64 KiB", "100 bytes": sizes in messages for people.
QString humanSize(quint64 bytes);

} // namespace oc
