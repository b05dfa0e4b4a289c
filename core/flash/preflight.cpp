#include "preflight.h"

#include "partitionlayout.h"
#include "storageconfig.h"

#include <QDir>
#include <QFileInfo>

namespace oc {

namespace {

constexpr int MaxTable = 10; // nor_partition[10], mmc erase ranges[10]

QString hex(quint64 v)
{
    return QStringLiteral("0x%1").arg(v, 0, 16).toUpper().replace(QLatin1String("0X"), QLatin1String("0x"));
}

QString span(quint64 from, quint64 to)
{
    return QStringLiteral("%1-%2").arg(hex(from), hex(to));
}

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

quint64 alignUp(quint64 value, quint64 unit)
{
    return unit ? (value + unit - 1) / unit * unit : value;
}

// The unit offsets must be aligned to before the chip is known: the profile's erase block (NOR) or
// the 512-byte block (eMMC).
quint32 planUnit(const FlashPlan &plan)
{
    if (plan.target.storage == StorageKind::Emmc)
        return 512;
    return plan.target.spi.eraseBlockSize ? plan.target.spi.eraseBlockSize : 0x8000;
}

QString partitionText(const proto::NorPartition &p, quint64 capacity)
{
    return QStringLiteral("%1 (%2, %3)")
        .arg(quoted(p.name), humanSize(partitionEnd(p, capacity) - p.offset),
             span(p.offset, partitionEnd(p, capacity)));
}

class Findings
{
public:
    explicit Findings(const FlashPlan &plan)
        : m_plan(plan)
    {}

    void add(PreflightRule rule, int step, const QString &message, bool blocking = true)
    {
        list.append({rule, blocking, step, message});
    }
    QString name(int step) const { return quoted(m_plan.steps[step].label); }

    QList<PreflightFinding> list;

private:
    const FlashPlan &m_plan;
};

void checkImage(const FlashStep &step, int i, Findings &f)
{
    const QFileInfo info(step.image.path);
    const QString what =
        step.image.entry.isEmpty() ? QStringLiteral("The file") : QStringLiteral("The package");
    if (!info.exists())
        return f.add(PreflightRule::FileMissing, i,
                     QStringLiteral("%1 %2 does not exist (%3). Check its name and folder.")
                         .arg(what, quoted(info.fileName()), step.image.path));
    QFile file(step.image.path);
    if (info.isDir() || !file.open(QIODevice::ReadOnly))
        return f.add(PreflightRule::FileUnreadable, i,
                     QStringLiteral("%1 %2 cannot be opened: %3.")
                         .arg(what, quoted(info.fileName()),
                              info.isDir() ? QStringLiteral("it is a folder") : file.errorString()));
    if (step.image.fileSize >= 0 &&
        (info.size() != step.image.fileSize || info.lastModified() != step.image.modified))
        return f.add(
            PreflightRule::FileChanged, i,
            QStringLiteral("%1 %2 changed after the job was prepared. Prepare the job again, so that "
                           "the right data is written.")
                .arg(what, quoted(info.fileName())));
    if (step.image.size <= 0 || info.size() == 0)
        f.add(
            PreflightRule::FileEmpty, i,
            QStringLiteral("%1 is empty: there is nothing to write.").arg(quoted(step.image.displayName())));
}

void checkOutput(const FlashPlan &plan, int i, QStringList &outputs, Findings &f)
{
    const FlashStep &step = plan.steps[i];
    const QFileInfo info(step.outputPath);
    const QString canonical = info.absoluteFilePath();
    if (step.outputPath.isEmpty())
        return f.add(PreflightRule::OutputFile, i,
                     QStringLiteral("Step %1 reads data but names no file to save it to.").arg(i + 1));
    if (info.isDir())
        return f.add(
            PreflightRule::OutputFile, i,
            QStringLiteral("%1 is a folder; the data read needs a file name.").arg(quoted(step.outputPath)));
    const QFileInfo dir(info.absolutePath());
    if (!dir.isDir() || !dir.isWritable())
        return f.add(PreflightRule::OutputFile, i,
                     QStringLiteral("%1 cannot be saved: the folder %2 does not exist or is not writable.")
                         .arg(quoted(info.fileName()), info.absolutePath()));
    for (const FlashStep &other : plan.steps) {
        if (other.kind == StepKind::Write && QFileInfo(other.image.path).absoluteFilePath() == canonical)
            return f.add(PreflightRule::OutputFile, i,
                         QStringLiteral("Saving the data read into %1 would overwrite a file this job writes "
                                        "from. Choose another name.")
                             .arg(quoted(info.fileName())));
    }
    if (outputs.contains(canonical))
        return f.add(
            PreflightRule::OutputFile, i,
            QStringLiteral("Two steps save into %1; give each its own file.").arg(quoted(info.fileName())));
    outputs.append(canonical);
}

struct Layout
{
    const FlashPlan &plan;
    quint32 unit = 0;
    quint64 capacity = 0;
    bool nor = true;
    QList<proto::NorPartition> table; // NOR; empty for eMMC

    QString board() const { return quoted(plan.target.boardName); }
    QString names() const
    {
        QStringList list;
        for (const proto::NorPartition &p : table)
            list << p.name;
        return list.isEmpty() ? QStringLiteral("none") : list.join(QStringLiteral(", "));
    }
};

void checkFit(const Layout &c, int i, Findings &f)
{
    const FlashStep &s = c.plan.steps[i];
    if (!c.capacity || (s.offset < c.capacity && s.endOn(c.capacity) <= c.capacity))
        return;
    f.add(PreflightRule::BeyondFlash, i,
          QStringLiteral(
              "%1 does not fit on the flash: it would end at %2 (%3), but the flash of board %4 holds %5.")
              .arg(f.name(i), humanSize(s.endOn(c.capacity)), hex(s.endOn(c.capacity)), c.board(),
                   humanSize(c.capacity)));
}

void checkAlignment(const Layout &c, int i, Findings &f)
{
    const FlashStep &s = c.plan.steps[i];
    if (s.kind == StepKind::Read && c.nor)
        return; // NOR reads take any offset
    const QString block = c.nor ? QStringLiteral("an erase block (%1)").arg(humanSize(c.unit))
                                : QStringLiteral("a 512-byte block");
    if (s.offset % c.unit)
        f.add(PreflightRule::Misaligned, i,
              QStringLiteral("%1 starts at %2, which is not the start of %3. Start it at %4 or %5.")
                  .arg(f.name(i), hex(s.offset), block, hex(s.offset / c.unit * c.unit),
                       hex(alignUp(s.offset, c.unit))));
    else if (s.kind == StepKind::Erase && s.length % c.unit)
        f.add(PreflightRule::Misaligned, i,
              QStringLiteral("The erase %1 is %2 long, which is not a whole number of erase blocks (%3).")
                  .arg(f.name(i), humanSize(s.length), humanSize(c.unit)));
}

void checkWritePartition(const Layout &c, int i, Findings &f)
{
    const FlashStep &s = c.plan.steps[i];
    const int index = partitionHolding(c.table, s.offset, s.endOn(c.capacity), c.capacity);
    const int start = partitionHolding(c.table, s.offset, s.offset + 1, c.capacity);
    if (index < 0 && start >= 0)
        return f.add(
            PreflightRule::BeyondPartition, i,
            QStringLiteral("%1 (%2) does not fit into partition %3. Use a smaller file, or write it into a "
                           "larger partition.")
                .arg(f.name(i), humanSize(s.length), partitionText(c.table[start], c.capacity)));
    if (index < 0)
        return f.add(
            PreflightRule::OutsidePartitions, i,
            QStringLiteral("No partition of board %1 holds %2 at %3, and the burner writes only inside its "
                           "partitions (%4). Check the offset.")
                .arg(c.board(), f.name(i), hex(s.offset), c.names()));
    if (!s.partition.isEmpty() && c.table[index].name != s.partition)
        return f.add(PreflightRule::BeyondPartition, i,
                     QStringLiteral("%1 is meant for partition %2, but offset %3 lies in partition %4.")
                         .arg(f.name(i), quoted(s.partition), hex(s.offset), quoted(c.table[index].name)));
    if (c.table[index].readOnly)
        f.add(PreflightRule::ReadOnlyPartition, i,
              QStringLiteral(
                  "Partition %1 is read-only on board %2, but %3 would be written into it. Leave that "
                  "step out.")
                  .arg(quoted(c.table[index].name), c.board(), f.name(i)));
}

void checkErasePartitions(const Layout &c, int i, Findings &f)
{
    const FlashStep &s = c.plan.steps[i];
    const quint64 end = s.endOn(c.capacity);
    bool any = false;
    for (const proto::NorPartition &p : c.table) {
        if (p.offset >= end || partitionEnd(p, c.capacity) <= s.offset)
            continue;
        any = true;
        if (p.readOnly)
            f.add(
                PreflightRule::ReadOnlyPartition, i,
                QStringLiteral("Partition %1 is read-only on board %2, but %3 would erase it. Leave it out.")
                    .arg(quoted(p.name), c.board(), f.name(i)));
        else if (c.plan.erase == EraseMode::AtInit &&
                 (p.offset < s.offset || partitionEnd(p, c.capacity) > end))
            f.add(PreflightRule::BeyondPartition, i,
                  QStringLiteral(
                      "The burner erases whole partitions, but %1 (%2) covers only part of partition %3. "
                      "Erase the whole partition instead.")
                      .arg(f.name(i), span(s.offset, end), partitionText(p, c.capacity)));
    }
    if (!any)
        f.add(PreflightRule::OutsidePartitions, i,
              QStringLiteral(
                  "%1 (%2) touches no partition of board %3 (%4): there is nothing the burner could erase.")
                  .arg(f.name(i), span(s.offset, end), c.board(), c.names()));
}

void checkOverlaps(const Layout &c, Findings &f)
{
    const QList<FlashStep> &steps = c.plan.steps;
    for (int j = 0; j < steps.size(); ++j) {
        for (int i = 0; i < j; ++i) {
            if (steps[i].kind != StepKind::Write || steps[j].kind != StepKind::Write)
                continue;
            const quint64 endI = alignUp(steps[i].endOn(c.capacity), c.unit);
            const quint64 endJ = alignUp(steps[j].endOn(c.capacity), c.unit);
            if (steps[i].offset < endJ && steps[j].offset < endI)
                f.add(PreflightRule::Overlap, j,
                      QStringLiteral(
                          "%1 (%2) and %3 (%4) overlap: %3 would overwrite part of %1. Check their offsets.")
                          .arg(f.name(i), span(steps[i].offset, steps[i].endOn(c.capacity)), f.name(j),
                               span(steps[j].offset, steps[j].endOn(c.capacity))));
        }
    }
}

void checkEraseSteps(const Layout &c, int i, Findings &f)
{
    const QString mode = QLatin1String(eraseModeName(c.plan.erase));
    if (c.plan.erase == EraseMode::None)
        f.add(PreflightRule::EraseMode, i,
              QStringLiteral(
                  "%1 asks for an erase, but the erase mode is \"none\" (never erase). Choose erase mode "
                  "\"init\", or leave the erase step out.")
                  .arg(f.name(i)));
    else if (c.plan.erase == EraseMode::Lazy && c.nor)
        f.add(PreflightRule::EraseMode, i,
              QStringLiteral(
                  "%1 asks for an erase on its own, which the burner can do only when it starts, but the "
                  "erase mode is \"lazy\" (erase while writing). Choose erase mode \"init\": it erases, at "
                  "the start, every partition the job writes or erases.")
                  .arg(f.name(i)));
    else if (c.plan.erase == EraseMode::Chip)
        f.add(PreflightRule::EraseMode, i,
              QStringLiteral("The whole chip is erased at the start (erase mode %1), so %2 adds nothing.")
                  .arg(mode, f.name(i)),
              false);
    else if (c.nor)
        checkErasePartitions(c, i, f);
}

void checkReadsAfterErase(const Layout &c, Findings &f)
{
    const QList<ByteRange> erased = rangesErasedAtStart(c.plan, c.capacity, c.unit);
    for (int i = 0; i < c.plan.steps.size(); ++i) {
        const FlashStep &s = c.plan.steps[i];
        if (s.kind != StepKind::Read)
            continue;
        for (const ByteRange &r : erased) {
            if (s.offset < r.second && r.first < s.endOn(c.capacity)) {
                f.add(PreflightRule::EraseMode, i,
                      QStringLiteral(
                          "%1 would read %2 after the start of the job erased it (erase mode \"%3\"), so "
                          "it would hold only erased bytes. Read it in a separate job first, or choose "
                          "erase mode \"lazy\".")
                          .arg(f.name(i), span(qMax(s.offset, r.first), qMin(s.endOn(c.capacity), r.second)),
                               QLatin1String(eraseModeName(c.plan.erase))));
                break;
            }
        }
    }
}

void checkRanges(const Layout &c, Findings &f)
{
    if (!c.nor) {
        const int ranges = int(stepsMmcConfig(c.plan).ranges.size());
        if (ranges > MaxTable)
            f.add(PreflightRule::TooManyRanges, -1,
                  QStringLiteral(
                      "The eMMC burner erases at most %1 ranges at the start; this job needs %2. Merge "
                      "neighbouring files, or choose erase mode \"lazy\".")
                      .arg(MaxTable)
                      .arg(ranges));
    } else if (c.table.size() > MaxTable) {
        f.add(PreflightRule::TooManyRanges, -1,
              QStringLiteral(
                  "The burner takes at most %1 partitions; board %2 has no partition table, so this job "
                  "needs one per file (%3). Merge neighbouring files, or use a board profile with a "
                  "partition table.")
                  .arg(MaxTable)
                  .arg(c.board())
                  .arg(c.table.size()));
    }
}

// Lazy erase of an MTD / UBI partition happens on the first write into it, and again whenever a
// write into another partition came in between (one lazy-erase key in the burner) [6.9 step 7].
void checkRevisits(const Layout &c, Findings &f)
{
    if (!c.nor || c.plan.erase != EraseMode::Lazy)
        return;
    QList<int> seen;
    int last = -1;
    for (int i = 0; i < c.plan.steps.size(); ++i) {
        const FlashStep &s = c.plan.steps[i];
        if (s.kind != StepKind::Write)
            continue;
        const int index = partitionHolding(c.table, s.offset, s.endOn(c.capacity), c.capacity);
        if (index < 0)
            continue;
        if (c.table[index].mode != proto::PartitionMode::MtdD && seen.contains(index) && last != index)
            f.add(PreflightRule::PartitionRevisited, i,
                  QStringLiteral(
                      "Partition %1 is erased as a whole when it is first written, and again after a write "
                      "into another partition, so %2 would erase what an earlier step wrote into it. Put "
                      "the steps for %1 next to each other.")
                      .arg(quoted(c.table[index].name), f.name(i)));
        seen.append(index);
        last = index;
    }
}

// ICU-generation burners treat spi_erase 1 as a chip erase at INIT [3.9.1, 6.8]: "init" would wipe
// the partitions the plan does not touch too.
void checkBurnerErase(const Layout &c, Findings &f)
{
    const bool changes = std::any_of(c.plan.steps.cbegin(), c.plan.steps.cend(),
                                     [](const FlashStep &s) { return s.kind != StepKind::Read; });
    if (!changes || c.plan.erase != EraseMode::AtInit || !erasesWholeChipAtInit(c.plan.target))
        return;
    f.add(PreflightRule::EraseMode, -1,
          QStringLiteral(
              "The burner of the %1 erases the whole chip when asked to erase at the start (erase mode "
              "\"init\"), not only the partitions this job touches. Choose erase mode \"lazy\", or "
              "\"chip\" if erasing everything is meant.")
              .arg(c.plan.target.chipName.toUpper()));
}

void checkReadBack(const Layout &c, Findings &f)
{
    if (canReadBack(c.plan.target))
        return;
    for (int i = 0; i < c.plan.steps.size(); ++i) {
        if (c.plan.steps[i].kind == StepKind::Read)
            f.add(PreflightRule::CannotRead, i,
                  QStringLiteral(
                      "The burner of the %1 cannot read its SPI NOR back, so %2 cannot be read. Leave "
                      "that step out.")
                      .arg(c.plan.target.chipName.toUpper(), f.name(i)));
    }
}

void checkFlags(const Layout &c, Findings &f)
{
    bool writes = false;
    bool atZero = false;
    for (const FlashStep &s : c.plan.steps) {
        writes = writes || s.kind == StepKind::Write;
        atZero = atZero || (s.kind == StepKind::Write && s.offset == 0);
    }
    if (writes && !c.plan.verify && !c.plan.target.debug.writeBackCheck)
        f.add(PreflightRule::Flags, -1,
              QStringLiteral(
                  "Nothing checks the written data: verification is off and board %1 does not read back "
                  "what it programs. Turn verification on unless you check the board another way.")
                  .arg(c.board()),
              false);
    if (atZero && c.nor && c.plan.target.spi.downloadParams)
        f.add(PreflightRule::Flags, -1,
              QStringLiteral("The burner stores its flash parameters in the boot region while writing it; "
                             "verification skips those bytes."),
              false);
}

} // namespace

const char *preflightRuleName(PreflightRule rule)
{
    switch (rule) {
    case PreflightRule::FileMissing:
        return "file-missing";
    case PreflightRule::FileUnreadable:
        return "file-unreadable";
    case PreflightRule::FileEmpty:
        return "file-empty";
    case PreflightRule::FileChanged:
        return "file-changed";
    case PreflightRule::OutputFile:
        return "output-file";
    case PreflightRule::UnknownPartition:
        return "unknown-partition";
    case PreflightRule::BeyondFlash:
        return "beyond-flash";
    case PreflightRule::BeyondPartition:
        return "beyond-partition";
    case PreflightRule::OutsidePartitions:
        return "outside-partitions";
    case PreflightRule::Overlap:
        return "overlap";
    case PreflightRule::Misaligned:
        return "misaligned";
    case PreflightRule::ReadOnlyPartition:
        return "read-only-partition";
    case PreflightRule::EraseMode:
        return "erase-mode";
    case PreflightRule::PartitionRevisited:
        return "partition-revisited";
    case PreflightRule::TooManyRanges:
        return "too-many-ranges";
    case PreflightRule::Flags:
        return "flags";
    case PreflightRule::BootLast:
        return "boot-last";
    case PreflightRule::WrongTarget:
        return "wrong-target";
    case PreflightRule::CannotRead:
        return "cannot-read";
    }
    return "flags";
}

ErrorCode PreflightFinding::code() const
{
    switch (rule) {
    case PreflightRule::FileMissing:
    case PreflightRule::FileUnreadable:
    case PreflightRule::FileEmpty:
    case PreflightRule::FileChanged:
    case PreflightRule::OutputFile:
        return ErrorCode::InputFile;
    case PreflightRule::WrongTarget:
        return ErrorCode::ChipMismatch;
    default:
        return ErrorCode::InvalidArgument;
    }
}

QString humanSize(quint64 bytes)
{
    const auto format = [](double value, const char *unit) {
        const bool whole = value == double(quint64(value));
        return QStringLiteral("%1 %2").arg(value, 0, 'f', whole ? 0 : 1).arg(QLatin1String(unit));
    };
    if (bytes >= (quint64(1) << 30))
        return format(double(bytes) / double(1 << 30), "GiB");
    if (bytes >= (1 << 20))
        return format(double(bytes) / double(1 << 20), "MiB");
    if (bytes >= 1024)
        return format(double(bytes) / 1024.0, "KiB");
    return QStringLiteral("%1 bytes").arg(bytes);
}

QList<PreflightFinding> preflightFiles(const FlashPlan &plan)
{
    Findings f(plan);
    QStringList outputs;
    for (int i = 0; i < plan.steps.size(); ++i) {
        if (plan.steps[i].kind == StepKind::Write)
            checkImage(plan.steps[i], i, f);
        else if (plan.steps[i].kind == StepKind::Read)
            checkOutput(plan, i, outputs, f);
    }
    return f.list;
}

QList<PreflightFinding> preflightLayout(const FlashPlan &plan)
{
    Findings f(plan);
    Layout c{plan, planUnit(plan), plan.target.capacity, plan.target.storage == StorageKind::Nor, {}};
    if (c.nor)
        c.table = planTable(plan, c.unit);
    for (int i = 0; i < plan.steps.size(); ++i) {
        const FlashStep &s = plan.steps[i];
        if (!s.partition.isEmpty() && partitionNamed(c.table, s.partition) < 0) {
            f.add(PreflightRule::UnknownPartition, i,
                  QStringLiteral("Board %1 has no partition named %2; its partitions are: %3.")
                      .arg(c.board(), quoted(s.partition), c.names()));
            continue;
        }
        checkFit(c, i, f);
        checkAlignment(c, i, f);
        if (s.kind == StepKind::Write && c.nor)
            checkWritePartition(c, i, f);
        else if (s.kind == StepKind::Erase)
            checkEraseSteps(c, i, f);
    }
    checkOverlaps(c, f);
    checkReadsAfterErase(c, f);
    checkRanges(c, f);
    checkRevisits(c, f);
    checkBurnerErase(c, f);
    checkReadBack(c, f);
    checkFlags(c, f);
    return f.list;
}

QList<PreflightFinding> preflightChip(const FlashPlan &plan, const proto::SpiNorChip &chip)
{
    Findings f(plan);
    const quint64 capacity = chip.chipSize;
    const quint32 unit = norEraseUnit(plan.target, chip);
    const QString flash = QStringLiteral("%1, %2").arg(chip.name, humanSize(capacity));
    for (int i = 0; i < plan.steps.size(); ++i) {
        const FlashStep &s = plan.steps[i];
        if (s.offset >= capacity || s.endOn(capacity) > capacity)
            f.add(PreflightRule::BeyondFlash, i,
                  QStringLiteral("The flash on the board (%1) is too small: %2 would end at %3.")
                      .arg(flash, f.name(i), hex(s.endOn(capacity))));
        else if (s.kind != StepKind::Read && s.offset % unit)
            f.add(PreflightRule::Misaligned, i,
                  QStringLiteral(
                      "%1 starts at %2, which is not the start of an erase block of the flash on the board "
                      "(%3: %4 blocks).")
                      .arg(f.name(i), hex(s.offset), chip.name, humanSize(unit)));
    }
    for (const proto::NorPartition &p : sentNorTable(plan, unit, capacity)) {
        if (p.offset >= capacity || partitionEnd(p, capacity) > capacity)
            f.add(PreflightRule::BeyondFlash, -1,
                  QStringLiteral(
                      "Partition %1 ends at %2, past the end of the flash on the board (%3). The board "
                      "profile is for a larger flash.")
                      .arg(quoted(p.name), hex(partitionEnd(p, capacity)), flash));
    }
    return f.list;
}

Status blockingStatus(const QList<PreflightFinding> &findings)
{
    QStringList lines;
    std::optional<ErrorCode> code;
    for (const PreflightFinding &finding : findings) {
        if (!finding.blocking)
            continue;
        if (!code)
            code = finding.code();
        lines << finding.message;
    }
    if (!code)
        return {};
    return makeError(*code, lines.join(QLatin1Char('\n')));
}

} // namespace oc
