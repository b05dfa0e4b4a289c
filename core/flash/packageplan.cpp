#include "packageplan.h"

#include <QDir>
#include <QFileInfo>

namespace oc {

namespace {

StepRequest requestFor(const pkg::LoadedPackage &package, const pkg::ManifestStep &step,
                       const QString &outputDir)
{
    StepRequest r;
    r.kind = step.op == pkg::StepOp::Write  ? StepKind::Write
             : step.op == pkg::StepOp::Read ? StepKind::Read
                                            : StepKind::Erase;
    r.partition = step.partition;
    r.offset = step.offset;
    r.length = step.length;
    r.label = step.label;
    if (r.kind == StepKind::Write) {
        r.path = package.path;
        r.entry = step.file;
        r.imageSize = step.imageSize;
        r.sha256 = step.sha256;
    } else if (r.kind == StepKind::Read) {
        r.path = QDir(outputDir).filePath(step.output);
    }
    return r;
}

pkg::ManifestStep manifestStep(const FlashStep &step, const QString &file)
{
    pkg::ManifestStep m;
    m.op = step.kind == StepKind::Write  ? pkg::StepOp::Write
           : step.kind == StepKind::Read ? pkg::StepOp::Read
                                         : pkg::StepOp::Erase;
    m.label = step.label;
    m.partition = step.partition;
    m.offset = step.offset;
    m.length = step.kind == StepKind::Write ? 0 : step.length;
    m.file = file;
    if (step.kind == StepKind::Read)
        m.output = QFileInfo(step.outputPath).fileName();
    return m;
}

// "kernel.bin", or "kernel-2.bin" when that name is taken.
QString uniqueName(const QString &wanted, const QMap<QString, QString> &taken)
{
    if (!taken.contains(wanted))
        return wanted;
    const QFileInfo info(wanted);
    const QString suffix =
        info.completeSuffix().isEmpty() ? QString() : QLatin1Char('.') + info.completeSuffix();
    for (int n = 2;; ++n) {
        const QString name = QStringLiteral("%1-%2%3").arg(info.baseName()).arg(n).arg(suffix);
        if (!taken.contains(name))
            return name;
    }
}

} // namespace

Status checkPackageTarget(const pkg::Manifest &manifest, const TargetProfile &target)
{
    const bool chipOk =
        manifest.chips.isEmpty() || manifest.chips.contains(target.chipName, Qt::CaseInsensitive);
    const bool boardOk = manifest.boards.isEmpty() || manifest.boards.contains(target.boardName);
    if (chipOk && boardOk)
        return {};
    QStringList wanted = manifest.boards;
    for (const QString &chip : manifest.chips)
        wanted << QStringLiteral("%1 boards").arg(chip.toUpper());
    return makeError(
        ErrorCode::ChipMismatch,
        QStringLiteral("The package \"%1\" is for %2, not for board \"%3\" (%4). Pick the board it is "
                       "made for, or get the package for this board.")
            .arg(manifest.name, wanted.join(QStringLiteral(", ")), target.boardName,
                 target.chipName.toUpper()));
}

Result<FlashPlan> makePackagePlan(const pkg::LoadedPackage &package, const PlanRequest &request,
                                  TargetProfile target, VendorImages images)
{
    OC_TRY(checkPackageTarget(package.manifest, target));
    const pkg::Manifest &m = package.manifest;
    const auto erase = eraseModeFromName(m.erase);
    if (!erase)
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("the package's erase mode '%1' is unknown").arg(m.erase));
    const QFileInfo out(request.outputPath);
    const QString outputDir = !request.outputPath.isEmpty() && out.isDir()
                                  ? out.absoluteFilePath()
                                  : QFileInfo(package.path).absolutePath();
    PlanRequest r;
    r.op = Operation::Write;
    r.erase = *erase;
    r.verify = m.verify && request.verify;
    r.reboot = m.reboot && request.reboot;
    r.bootLast = m.bootLast;
    r.writeChunk = request.writeChunk;
    r.readChunk = request.readChunk;
    for (const pkg::ManifestStep &step : m.steps)
        r.steps.append(requestFor(package, step, outputDir));
    auto plan = makePlan(r, std::move(target), std::move(images)); // entries are not streamed again here
    if (!plan)
        return std::move(plan).error().withContext(
            QStringLiteral("package %1").arg(QFileInfo(package.path).fileName()));
    plan->packagePath = package.path;
    plan->notes.prepend(
        QStringLiteral("package \"%1\" %2, checked: every file matches its SHA-256").arg(m.name, m.version));
    for (const QString &ignored : package.ignoredEntries)
        plan->notes << QStringLiteral(
                           "the package also holds %1, which its manifest does not list; it is ignored")
                           .arg(ignored);
    return plan;
}

Result<FlashPlan> makePackagePlan(const QString &packagePath, const PlanRequest &request,
                                  TargetProfile target, VendorImages images, const CancelToken *cancel)
{
    auto package = pkg::loadPackage(packagePath, cancel);
    if (!package)
        return std::move(package).error();
    return makePackagePlan(*package, request, std::move(target), std::move(images));
}

Result<PackContents> packContents(const FlashPlan &plan, const QString &name, const QString &version,
                                  const QString &description)
{
    if (!plan.isMultiStep())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("only a plan of steps can be packed"));
    PackContents pack;
    pkg::Manifest &m = pack.manifest;
    m.name = name;
    m.version = version;
    m.description = description;
    m.chips = {plan.target.chipName};
    m.boards = {plan.target.boardName};
    m.erase = QLatin1String(eraseModeName(plan.erase));
    m.verify = plan.verify;
    m.bootLast = plan.bootLast;
    m.reboot = plan.reboot;
    for (const FlashStep &step : plan.steps) {
        QString file;
        if (step.kind == StepKind::Write) {
            if (!step.image.entry.isEmpty())
                return makeError(ErrorCode::InvalidArgument,
                                 QStringLiteral("%1 is inside a package: pack files from disk")
                                     .arg(step.image.displayName()));
            file = uniqueName(QFileInfo(step.image.path).fileName(), pack.sources);
            pack.sources.insert(file, step.image.path);
        }
        m.steps.append(manifestStep(step, file));
    }
    return pack;
}

} // namespace oc
