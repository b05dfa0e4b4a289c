#pragma once

// Shared by the engine (in-process) and usb (libusb + umockdev) flash tests: the real catalog, the
// real planner and placeholder vendor files, so a test states only what it varies.

#include "core/catalog/catalog.h"
#include "core/flash/flashjob.h"
#include "core/flash/planner.h"
#include "core/sim/virtualboard.h"

#include <QList>
#include <QTemporaryDir>

#include <optional>

namespace oc::test {

// Everything a job needs except the board: catalog, placeholder vendor images, temp files.
class FlashKit
{
public:
    FlashKit();

    const catalog::Catalog &catalog() const { return *m_catalog; }
    QString tempPath(const QString &name) const { return m_dir.filePath(name); }

    // A file of `size` pseudo-random bytes (deterministic per seed).
    QString makeImage(const QString &name, qint64 size, quint32 seed = 1) const;
    static QByteArray readFile(const QString &path);
    static void writeFile(const QString &path, const QByteArray &data);
    // `data` as a single-file compressed stream ("gzip", "xz", "zstd", "bzip2"), written with
    // libarchive's own compressors: test data made at test time, no command-line tools needed.
    QString makeCompressed(const QString &name, const QByteArray &data, const QString &filter) const;

    // A validated plan for board profile `board` (e.g. "t31-nor"), with placeholder vendor files.
    // Waits are shortened for tests (see shortTimeouts) unless `fullTimeouts`.
    Result<FlashPlan> plan(const QString &board, const PlanRequest &request, bool fullTimeouts = false) const;
    // The same for a board profile a test changed (a partition table, a capacity ...).
    Result<FlashPlan> plan(const TargetProfile &target, const PlanRequest &request,
                           bool fullTimeouts = false) const;
    // The multi-step planner's verdict with every preflight finding, for rule tests.
    PlanCheck check(const TargetProfile &target, const PlanRequest &request) const;

    // The engine's view of a built-in board profile, and placeholder vendor files for it.
    TargetProfile target(const QString &board) const;
    VendorImages images(const QString &board) const;

    // Protocol limits are kept; only how long the host waits for a board that does not answer
    // shrinks, so fault tests end in seconds.
    static proto::Timeouts shortTimeouts();

    // The virtual board a profile is meant for, with `storage` ("nor:16M:0xc84018", "emmc:64M").
    static sim::SimBoardConfig boardConfig(const QString &chip, const QString &storage);

private:
    std::unique_ptr<catalog::Catalog> m_catalog;
    QTemporaryDir m_dir;
};

// Records a job's signals in order, for exact sequence checks.
struct JobTrace
{
    QStringList events; // "started:write", "finished:write"
    QList<QPair<qint64, qint64>> writeProgress;
    QStringList logs;
    std::optional<JobResult> result;

    void attach(FlashJob &job);
    QStringList stagesStarted() const;
};

// Runs `job` to its end (at most `timeoutMs`), recording its signals. False if it did not end.
bool runJob(FlashJob &job, JobTrace &trace, int timeoutMs = 60000);

QStringList stageNames(const QList<Stage> &stages);

// One partition of a board's table, for plans built in tests.
proto::NorPartition part(const char *name, quint32 offset, quint32 size, proto::PartitionMode mode,
                         bool readOnly = false);

// One step of a multi-step plan: `partition` names where it goes, or `offset` gives the address.
StepRequest step(StepKind kind, const QString &path, const QString &partition,
                 std::optional<quint64> offset = {}, quint64 length = 0);

} // namespace oc::test
