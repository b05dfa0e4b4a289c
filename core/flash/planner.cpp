#include "planner.h"

#include "imagesource.h"
#include "packageplan.h"
#include "partitionlayout.h"
#include "storageconfig.h"

#include "../package/compression.h"

#include <QFileInfo>

namespace oc {

namespace {

constexpr quint32 ToEnd = 0xFFFFFFFF;

FlashPlan basePlan(const PlanRequest &request, TargetProfile target, VendorImages images)
{
    FlashPlan plan;
    plan.op = request.op;
    plan.target = std::move(target);
    plan.images = std::move(images);
    plan.erase = request.erase;
    plan.verify = request.verify;
    plan.reboot = request.op != Operation::Boot && request.reboot;
    if (request.writeChunk > 0)
        plan.target.writeChunk = request.writeChunk;
    if (request.readChunk > 0)
        plan.target.readChunk = request.readChunk;
    return plan;
}

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// The write step's image, measured; problems become file findings.
std::optional<ImageRef> measureImage(const StepRequest &r, int i, QList<PreflightFinding> &findings,
                                     const CancelToken *cancel)
{
    const QFileInfo info(r.path);
    if (!r.entry.isEmpty()) // a package entry, checked when the package was loaded
        return ImageRef{r.path, r.entry, r.imageSize, r.sha256, info.size(), info.lastModified()};
    const auto fail = [&](PreflightRule rule, const QString &message) {
        findings.append({rule, true, i, message});
        return std::optional<ImageRef>();
    };
    if (r.path.isEmpty())
        return fail(PreflightRule::FileMissing,
                    QStringLiteral("Step %1%2 names no file yet. Choose the file it writes.")
                        .arg(i + 1)
                        .arg(r.label.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(quoted(r.label))));
    if (!info.exists())
        return fail(PreflightRule::FileMissing,
                    QStringLiteral("The file %1 does not exist (%2). Check its name and folder.")
                        .arg(quoted(info.fileName()), r.path));
    QFile file(r.path);
    if (info.isDir() || !file.open(QIODevice::ReadOnly))
        return fail(PreflightRule::FileUnreadable,
                    QStringLiteral("The file %1 cannot be opened: %2.")
                        .arg(quoted(info.fileName()),
                             info.isDir() ? QStringLiteral("it is a folder") : file.errorString()));
    if (info.size() == 0)
        return fail(PreflightRule::FileEmpty,
                    QStringLiteral("%1 is empty: there is nothing to write.").arg(quoted(info.fileName())));
    auto ref = probeImage(r.path, cancel);
    if (!ref)
        return fail(PreflightRule::FileUnreadable, QStringLiteral("The file %1 cannot be used: %2.")
                                                       .arg(quoted(info.fileName()), ref.error().message));
    return *ref;
}

// Offset and length from the partition the step names, where it names one.
bool placeStep(const StepRequest &r, int i, const TargetProfile &t, FlashStep &step,
               QList<PreflightFinding> &findings)
{
    if (r.partition.isEmpty()) {
        if (!r.offset)
            findings.append(
                {PreflightRule::OutsidePartitions, true, i,
                 QStringLiteral("Step %1 says neither where to start (an offset) nor which partition.")
                     .arg(i + 1)});
        step.offset = r.offset.value_or(0);
        step.length = r.length;
        return r.offset.has_value();
    }
    const int index = t.storage == StorageKind::Nor ? partitionNamed(t.partitions, r.partition) : -1;
    if (index < 0) {
        QStringList names;
        for (const proto::NorPartition &p : t.partitions)
            names << p.name;
        findings.append(
            {PreflightRule::UnknownPartition, true, i,
             QStringLiteral("Board %1 has no partition named %2; its partitions are: %3.")
                 .arg(quoted(t.boardName), quoted(r.partition),
                      names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", ")))});
        return false;
    }
    const proto::NorPartition &p = t.partitions[index];
    step.partition = p.name;
    step.offset = r.offset.value_or(p.offset);
    step.length = r.length;
    if (!step.length && p.size != ToEnd && step.offset < quint64(p.offset) + p.size)
        step.length = quint64(p.offset) + p.size - step.offset; // the rest of the partition
    else if (!step.length && p.size == ToEnd && t.capacity > step.offset)
        step.length = t.capacity - step.offset;
    return true;
}

std::optional<FlashStep> resolveStep(const StepRequest &r, int i, const TargetProfile &t,
                                     QList<PreflightFinding> &findings, const CancelToken *cancel)
{
    FlashStep step;
    step.kind = r.kind;
    if (!placeStep(r, i, t, step, findings))
        return std::nullopt;
    if (r.kind == StepKind::Write) {
        auto image = measureImage(r, i, findings, cancel);
        if (!image)
            return std::nullopt;
        step.image = *image;
        step.length = quint64(image->size);
        step.label =
            r.label.isEmpty() ? (r.entry.isEmpty() ? QFileInfo(r.path).fileName() : r.entry) : r.label;
    } else if (r.kind == StepKind::Read) {
        step.outputPath = r.path;
        step.label = r.label.isEmpty() ? QFileInfo(r.path).fileName() : r.label;
    } else {
        step.label = !r.label.isEmpty()       ? r.label
                     : !r.partition.isEmpty() ? QStringLiteral("erase of %1").arg(r.partition)
                                              : QStringLiteral("erase at 0x%1").arg(step.offset, 0, 16);
    }
    if (step.partition.isEmpty() && t.storage == StorageKind::Nor && r.kind != StepKind::Read) {
        const int index = partitionHolding(t.partitions, step.offset, step.endOn(t.capacity), t.capacity);
        step.partition = index >= 0 ? t.partitions[index].name : QString();
    }
    return step;
}

Operation operationOf(const QList<FlashStep> &steps)
{
    const auto has = [&](StepKind kind) {
        return std::any_of(steps.cbegin(), steps.cend(),
                           [kind](const FlashStep &s) { return s.kind == kind; });
    };
    return has(StepKind::Write) ? Operation::Write : has(StepKind::Read) ? Operation::Read : Operation::Erase;
}

// The end of the boot region: the partition at offset 0 (unless it spans the whole flash), else the
// step that writes offset 0.
std::optional<quint64> bootRegionEnd(const FlashPlan &plan)
{
    const quint64 capacity = plan.target.capacity;
    const int index = partitionHolding(plan.target.partitions, 0, 1, capacity);
    if (plan.target.storage == StorageKind::Nor && index >= 0) {
        const proto::NorPartition &p = plan.target.partitions[index];
        if (p.size != ToEnd && !(capacity && partitionEnd(p, capacity) >= capacity))
            return partitionEnd(p, capacity);
    }
    for (const FlashStep &s : plan.steps) {
        if (s.kind == StepKind::Write && s.offset == 0)
            return s.length;
    }
    return std::nullopt;
}

QString bootLastProblem(const FlashPlan &plan, quint64 bootEnd)
{
    if (plan.erase == EraseMode::AtInit || plan.erase == EraseMode::Chip)
        return QStringLiteral(
                   "Writing the boot region last would not help: erase mode \"%1\" erases it at the start "
                   "of the job anyway.")
            .arg(QLatin1String(eraseModeName(plan.erase)));
    bool bootWritten = false;
    for (const FlashStep &s : plan.steps) {
        bootWritten = bootWritten || (s.kind == StepKind::Write && s.offset < bootEnd);
        if (bootWritten && s.kind == StepKind::Read && s.offset < bootEnd)
            return QStringLiteral("The boot region cannot be written last: %1 reads it after it is written.")
                .arg(quoted(s.label));
    }
    return {};
}

// Moves the write steps of the boot region after the last other write step, keeping their order.
void applyBootLast(FlashPlan &plan, QList<PreflightFinding> &findings)
{
    const auto note = [&](const QString &text) {
        findings.append({PreflightRule::BootLast, false, -1, text});
    };
    const std::optional<quint64> bootEnd = bootRegionEnd(plan);
    if (!bootEnd)
        return note(
            QStringLiteral("No step writes the boot region (offset 0): there is nothing to write last."));
    if (const QString problem = bootLastProblem(plan, *bootEnd); !problem.isEmpty())
        return note(problem);
    QList<FlashStep> boot;
    QList<FlashStep> rest;
    int lastOther = -1;
    for (const FlashStep &s : std::as_const(plan.steps)) {
        const bool isBoot = s.kind == StepKind::Write && s.offset < *bootEnd;
        (isBoot ? boot : rest).append(s);
        if (!isBoot && s.kind == StepKind::Write)
            lastOther = int(rest.size()) - 1;
    }
    for (int i = 0; i < boot.size(); ++i)
        rest.insert(lastOther + 1 + i, boot[i]);
    plan.steps = rest;
    plan.bootLast = true;
    note(QStringLiteral("The boot region (up to 0x%1) is written last, so an interrupted job leaves the old "
                        "bootloader in place.")
             .arg(*bootEnd, 0, 16));
}

// An ICU burner cannot read a NOR back: a write is then checked by its write_back_chk only.
void dropVerifyWithoutReadBack(FlashPlan &plan, QList<PreflightFinding> *findings)
{
    if (canReadBack(plan.target) || !plan.verify || plan.op != Operation::Write)
        return;
    plan.verify = false;
    const QString note =
        QStringLiteral("The burner of the %1 cannot read its SPI NOR back, so the written data is "
                       "not verified afterwards%2.")
            .arg(plan.target.chipName.toUpper(),
                 plan.target.debug.writeBackCheck
                     ? QStringLiteral("; the burner checks each chunk as it writes it")
                     : QString());
    if (findings)
        findings->append({PreflightRule::CannotRead, false, -1, note});
    else
        plan.notes << note;
}

} // namespace

PlanCheck checkStepPlan(const PlanRequest &request, TargetProfile target, VendorImages images,
                        const CancelToken *cancel)
{
    PlanCheck check;
    FlashPlan plan = basePlan(request, std::move(target), std::move(images));
    for (int i = 0; i < request.steps.size(); ++i) {
        if (auto step = resolveStep(request.steps[i], i, plan.target, check.findings, cancel))
            plan.steps.append(*step);
    }
    if (cancel && cancel->isCancelled()) {
        check.error =
            makeError(ErrorCode::Cancelled, QStringLiteral("cancelled while the job was being prepared"));
        return check;
    }
    if (plan.steps.isEmpty()) {
        if (check.findings.isEmpty())
            check.error = makeError(ErrorCode::InvalidArgument, QStringLiteral("the plan has no steps"));
        return check;
    }
    plan.op = operationOf(plan.steps);
    plan.reboot = request.reboot; // request.op is not used by step requests
    dropVerifyWithoutReadBack(plan, &check.findings);
    if (request.bootLast)
        applyBootLast(plan, check.findings);
    check.findings += preflightFiles(plan);
    check.findings += preflightLayout(plan);
    if (Status valid = validatePlan(plan); !valid && check.status().ok())
        check.error = std::move(valid).error(); // vendor files or chunk sizes
    if (!check.status().ok())
        return check;
    for (const FlashStep &step : std::as_const(plan.steps))
        plan.notes << QStringLiteral("step: %1").arg(step.describe());
    for (const PreflightFinding &finding : std::as_const(check.findings))
        plan.notes << finding.message;
    plan.stages = planStages(plan);
    check.plan = std::move(plan);
    return check;
}

Result<FlashPlan> makePlan(const PlanRequest &request, TargetProfile target, VendorImages images,
                           const CancelToken *cancel)
{
    if (!request.steps.isEmpty()) {
        PlanCheck check = checkStepPlan(request, std::move(target), std::move(images), cancel);
        if (!check.plan)
            return check.status().error();
        return std::move(*check.plan);
    }
    const bool package = pkg::readHead(request.imagePath).startsWith("PK\x03\x04");
    if (package && request.op == Operation::Write)
        return makePackagePlan(request.imagePath, request, std::move(target), std::move(images), cancel);
    FlashPlan plan = basePlan(request, std::move(target), std::move(images));
    plan.imagePath = request.imagePath;
    plan.outputPath = request.outputPath;
    plan.offset = request.offset;
    plan.length = request.length;
    if (!canReadBack(plan.target) && (plan.op == Operation::Read || plan.op == Operation::Verify))
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("the burner of the %1 cannot read its SPI NOR back: reading and verifying "
                           "are not possible on this board")
                .arg(plan.target.chipName.toUpper()));
    dropVerifyWithoutReadBack(plan, nullptr);
    if (plan.op == Operation::Write || plan.op == Operation::Verify) {
        auto image = probeImage(plan.imagePath, cancel);
        if (!image)
            return std::move(image).error();
        plan.imageSize = image->size;
    }
    OC_TRY(validatePlan(plan));
    plan.stages = planStages(plan);
    return plan;
}

} // namespace oc
