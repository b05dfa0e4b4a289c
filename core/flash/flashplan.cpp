#include "flashplan.h"

#include "partitionlayout.h"
#include "preflight.h"
#include "storageconfig.h"

#include <QFileInfo>

#include <algorithm>

namespace oc {

namespace {

constexpr double NorProgramSecondsPerByte = (0.4e-3 + 0.04e-3) / 256; // page program + SFC shift [6.15]
constexpr double NorReadBytesPerSecond = 5.4e6;
constexpr double NorBlockEraseSeconds = 0.12; // 32 KiB block, typical
constexpr double NorChipEraseSecondsPer16MiB = 40.0;
constexpr double EmmcWriteBytesPerSecond = 15e6;
constexpr double EmmcReadBytesPerSecond = 20e6;
constexpr double RomBytesPerSecond = 1.85e6;
constexpr quint64 MiB16 = 16ull << 20;

QString hex(quint64 v)
{
    return QStringLiteral("0x%1").arg(v, 8, 16, QLatin1Char('0'));
}

double readSeconds(const FlashPlan &plan, double bytes)
{
    return bytes / (plan.target.storage == StorageKind::Nor ? NorReadBytesPerSecond : EmmcReadBytesPerSecond);
}

double eraseSeconds(const FlashPlan &plan, double bytes)
{
    if (plan.target.storage == StorageKind::Emmc)
        return 2.0 + 0.5 * bytes / double(1ull << 30);
    return bytes / double(plan.target.spi.eraseBlockSize ? plan.target.spi.eraseBlockSize : 0x8000) *
           NorBlockEraseSeconds;
}

double writeSeconds(const FlashPlan &plan, double bytes)
{
    if (plan.target.storage == StorageKind::Emmc)
        return bytes / EmmcWriteBytesPerSecond;
    double seconds = bytes * NorProgramSecondsPerByte;
    if (plan.erase == EraseMode::Lazy)
        seconds += eraseSeconds(plan, bytes);
    if (plan.target.debug.writeBackCheck)
        seconds += readSeconds(plan, bytes);
    return seconds;
}

double initSeconds(const FlashPlan &plan, double rangeBytes)
{
    if (plan.op == Operation::Erase || plan.erase == EraseMode::AtInit)
        return 0.005 + eraseSeconds(plan, rangeBytes);
    if (plan.erase == EraseMode::Chip && plan.op == Operation::Write)
        return 0.005 +
               NorChipEraseSecondsPer16MiB * double(qMax<quint64>(plan.target.capacity, MiB16)) / MiB16;
    return 0.005;
}

quint64 dataLength(const FlashPlan &plan)
{
    if (plan.op == Operation::Write || plan.op == Operation::Verify)
        return quint64(plan.imageSize);
    if (plan.length)
        return plan.length;
    // A NOR's size is known only once its JEDEC id is read: weigh the stages for a 16 MiB part.
    const quint64 capacity = plan.target.capacity ? plan.target.capacity : MiB16;
    return capacity > plan.offset ? capacity - plan.offset : 0;
}

Status checkRange(const FlashPlan &plan, quint64 length, const char *what)
{
    const quint64 cap = plan.target.capacity;
    if (cap && (plan.offset >= cap || length > cap - plan.offset))
        return makeError(
            ErrorCode::InputFile,
            QStringLiteral("%1 of %2 bytes at offset %3 ends at %4, beyond the end of the %5-byte flash")
                .arg(QLatin1String(what))
                .arg(length)
                .arg(hex(plan.offset), hex(plan.offset + length))
                .arg(cap));
    return {};
}

Status checkAlignment(const FlashPlan &plan, quint64 value, const char *what)
{
    const quint64 unit = plan.target.storage == StorageKind::Emmc ? 512 : plan.target.spi.eraseBlockSize;
    if (unit && value % unit)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("%1 %2 is not a multiple of the %3 of %4 bytes; use %5 or %6")
                .arg(QLatin1String(what), hex(value))
                .arg(QLatin1String(plan.target.storage == StorageKind::Emmc ? "block size" : "erase block"))
                .arg(unit)
                .arg(hex(value / unit * unit), hex((value / unit + 1) * unit)));
    return {};
}

Status checkImages(const VendorImages &images)
{
    if (images.ginfo.isEmpty() || images.spl.isEmpty() || images.burner.isEmpty())
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("vendor files missing: ginfo, SPL and burner are all needed"));
    return {};
}

Status checkChunks(const TargetProfile &t)
{
    const int unit = t.storage == StorageKind::Emmc ? 512 : int(t.spi.eraseBlockSize);
    if (t.writeChunk <= 0 || t.writeChunk > t.burner.maxChunk || (unit && t.writeChunk % unit))
        return makeError(ErrorCode::Profile,
                         QStringLiteral("write chunk of %1 bytes must be a multiple of %2 and at most %3")
                             .arg(t.writeChunk)
                             .arg(unit)
                             .arg(t.burner.maxChunk));
    if (t.readChunk <= 0 || t.readChunk > (1 << 20) || t.readChunk % 512)
        return makeError(ErrorCode::Profile,
                         QStringLiteral("read chunk of %1 bytes must be a multiple of 512, at most 1 MiB")
                             .arg(t.readChunk));
    return {};
}

Status checkOutput(const QString &path)
{
    if (path.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("no output file given"));
    const QFileInfo info(path);
    if (info.isDir())
        return makeError(ErrorCode::InputFile, QStringLiteral("output %1 is a directory").arg(path));
    const QFileInfo dir(info.absolutePath());
    if (!dir.isDir() || !dir.isWritable())
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("cannot write into %1").arg(info.absolutePath()));
    return {};
}

// An ICU-generation burner erases the whole chip whenever INIT is asked to erase [3.9.1, 6.8].
Status checkBurnerErase(const FlashPlan &plan)
{
    const bool range = (plan.op == Operation::Erase && (plan.offset || plan.length)) ||
                       (plan.op == Operation::Write && plan.erase == EraseMode::AtInit);
    if (!range || !erasesWholeChipAtInit(plan.target))
        return {};
    return makeError(
        ErrorCode::InvalidArgument,
        QStringLiteral("the burner of the %1 erases the whole chip when asked to erase at the start, so "
                       "it cannot erase only %2..%3: erase the whole chip (no offset and length), or "
                       "write with erase mode lazy (each write erases its own blocks)")
            .arg(plan.target.chipName.toUpper(), hex(plan.offset),
                 hex(plan.offset + (plan.op == Operation::Write ? quint64(plan.imageSize) : plan.length))));
}

Status validateOperation(const FlashPlan &plan)
{
    OC_TRY(checkBurnerErase(plan));
    switch (plan.op) {
    case Operation::Boot:
        return {};
    case Operation::Write:
    case Operation::Verify:
        if (plan.imageSize <= 0)
            return makeError(ErrorCode::InputFile, QStringLiteral("image %1 is empty").arg(plan.imagePath));
        OC_TRY(checkAlignment(plan, plan.offset, "offset"));
        return checkRange(plan, quint64(plan.imageSize), "image");
    case Operation::Read:
        if (!plan.length && !plan.target.capacity && plan.target.storage == StorageKind::Emmc)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("the eMMC size of board %1 is not known: give a length")
                                 .arg(plan.target.boardName));
        OC_TRY(checkOutput(plan.outputPath));
        if (plan.target.storage == StorageKind::Emmc)
            OC_TRY(checkAlignment(plan, plan.offset, "offset"));
        return checkRange(plan, plan.length, "read");
    case Operation::Erase:
        OC_TRY(checkAlignment(plan, plan.offset, "offset"));
        if (plan.length)
            OC_TRY(checkAlignment(plan, plan.length, "length"));
        return checkRange(plan, plan.length, "erase");
    }
    return {};
}

double stepWriteSeconds(const FlashPlan &plan, const FlashStep &step, quint64 capacity)
{
    const double bytes = double(step.length);
    if (plan.target.storage == StorageKind::Emmc)
        return bytes / EmmcWriteBytesPerSecond;
    const quint32 unit = plan.target.spi.eraseBlockSize ? plan.target.spi.eraseBlockSize : 0x8000;
    double seconds = bytes * NorProgramSecondsPerByte;
    seconds += eraseSeconds(plan, double(lazyEraseBytes(plan, step, step.length, capacity, unit)));
    if (plan.target.debug.writeBackCheck)
        seconds += readSeconds(plan, bytes);
    return seconds;
}

double stepInitSeconds(const FlashPlan &plan, quint64 capacity)
{
    const bool changes = std::any_of(plan.steps.cbegin(), plan.steps.cend(),
                                     [](const FlashStep &s) { return s.kind != StepKind::Read; });
    if (!changes)
        return 0.005;
    if (plan.erase == EraseMode::Chip && plan.target.storage == StorageKind::Nor)
        return 0.005 + NorChipEraseSecondsPer16MiB * double(capacity) / MiB16;
    const quint32 unit = plan.target.storage == StorageKind::Emmc ? 512 : plan.target.spi.eraseBlockSize;
    double erased = 0;
    for (const ByteRange &r : rangesErasedAtStart(plan, capacity, unit))
        erased += double(r.second - r.first);
    return 0.005 + (erased > 0 ? eraseSeconds(plan, erased) : 0);
}

// Configure, Init, one Write / Read entry per step in order, one Verify over every written byte.
void appendStepStages(const FlashPlan &plan, QList<StageWeight> &stages)
{
    const quint64 capacity = plan.target.capacity ? plan.target.capacity : MiB16;
    stages.append({Stage::Configure, 0.02});
    stages.append({Stage::Init, stepInitSeconds(plan, capacity)});
    double written = 0;
    for (const FlashStep &step : plan.steps) {
        if (step.kind == StepKind::Write) {
            stages.append({Stage::Write, stepWriteSeconds(plan, step, capacity)});
            written += double(step.length);
        } else if (step.kind == StepKind::Read) {
            const quint64 end = step.endOn(capacity);
            stages.append(
                {Stage::Read, readSeconds(plan, double(end > step.offset ? end - step.offset : 0))});
        }
    }
    if (plan.verify && written > 0)
        stages.append({Stage::Verify, readSeconds(plan, written)});
    if (plan.reboot)
        stages.append({Stage::Reboot, 0.02});
}

} // namespace

const char *operationName(Operation op)
{
    switch (op) {
    case Operation::Boot:
        return "boot";
    case Operation::Write:
        return "write";
    case Operation::Read:
        return "read";
    case Operation::Erase:
        return "erase";
    case Operation::Verify:
        return "verify";
    }
    return "boot";
}

const char *eraseModeName(EraseMode mode)
{
    switch (mode) {
    case EraseMode::None:
        return "none";
    case EraseMode::Lazy:
        return "lazy";
    case EraseMode::AtInit:
        return "init";
    case EraseMode::Chip:
        return "chip";
    }
    return "lazy";
}

std::optional<EraseMode> eraseModeFromName(const QString &name)
{
    for (EraseMode m : {EraseMode::None, EraseMode::Lazy, EraseMode::AtInit, EraseMode::Chip}) {
        if (name == QLatin1String(eraseModeName(m)))
            return m;
    }
    return std::nullopt;
}

bool FlashPlan::hasStage(Stage stage) const
{
    for (const StageWeight &s : stages) {
        if (s.stage == stage)
            return true;
    }
    return false;
}

QList<StageWeight> planStages(const FlashPlan &plan)
{
    const double boot = double(plan.images.ginfo.size() + plan.images.spl.size()) / RomBytesPerSecond;
    QList<StageWeight> stages{
        {Stage::Connect, 0.02},
        {Stage::Identify, 0.01},
        {Stage::LoadSpl, 0.01 + boot},
        {Stage::RunSpl, 1.1},
        {Stage::LoadBurner, 0.01 + double(plan.images.burner.size()) / RomBytesPerSecond},
        {Stage::StartBurner, 0.15}};
    if (plan.op == Operation::Boot)
        return stages;
    if (plan.isMultiStep()) {
        appendStepStages(plan, stages);
        return stages;
    }
    const double bytes = double(dataLength(plan));
    stages.append({Stage::Configure, 0.02});
    stages.append({Stage::Init, initSeconds(plan, bytes)});
    if (plan.op == Operation::Write) {
        stages.append({Stage::Write, writeSeconds(plan, bytes)});
        if (plan.verify)
            stages.append({Stage::Verify, readSeconds(plan, bytes)});
    } else if (plan.op == Operation::Verify) {
        stages.append({Stage::Verify, readSeconds(plan, bytes)});
    } else if (plan.op == Operation::Read) {
        stages.append({Stage::Read, readSeconds(plan, bytes)});
    }
    if (plan.reboot)
        stages.append({Stage::Reboot, 0.02});
    return stages;
}

Status validatePlan(const FlashPlan &plan)
{
    OC_TRY(checkImages(plan.images));
    if (plan.op != Operation::Boot)
        OC_TRY(checkChunks(plan.target));
    if (plan.isMultiStep())
        return blockingStatus(preflightFiles(plan) + preflightLayout(plan));
    return validateOperation(plan);
}

} // namespace oc
