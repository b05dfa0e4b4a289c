#include "stationsetup.h"

#include "core/catalog/catalog.h"
#include "core/flash/packageplan.h"
#include "core/flash/targetbuilder.h"

#include <QDir>
#include <QFileInfo>
#include <QSysInfo>

#if defined(Q_OS_UNIX)
#include <pwd.h>
#include <unistd.h>
#endif

namespace oc::station {

namespace {

// Who is logged in, for the records when no operator name is given.
QString loginName()
{
    for (const char *variable : {"USER", "LOGNAME", "USERNAME"}) {
        const QString name = qEnvironmentVariable(variable);
        if (!name.isEmpty())
            return name;
    }
#if defined(Q_OS_UNIX)
    if (const passwd *entry = getpwuid(getuid()))
        return QString::fromLocal8Bit(entry->pw_name);
#endif
    return {};
}

QString firmwareFor(const catalog::Catalog &catalog, const StationPlan &plan, const StationOverrides &o)
{
    if (!o.firmware.isEmpty())
        return o.firmware;
    if (!plan.firmware.isEmpty())
        return plan.firmware;
    const catalog::BoardProfile *board = catalog.board(plan.board);
    return board ? board->vendorFiles.root : QString();
}

Status checkHash(const StationPlan &plan, const QString &path, const QString &actual)
{
    if (plan.packageSha256.isEmpty() || plan.packageSha256.compare(actual, Qt::CaseInsensitive) == 0)
        return {};
    return makeError(
        ErrorCode::InputFile,
        QStringLiteral("%1 has changed since the plan '%2' was made (sha256 %3, the plan expects "
                       "%4): ask the engineer to check the file and lock the plan again")
            .arg(QDir::toNativeSeparators(path), plan.name, actual, plan.packageSha256));
}

Result<FlashPlan> flashPlanFor(const StationPlan &plan, ResolvedTarget resolved, UnitContext &identity,
                               const CancelToken *cancel)
{
    PlanRequest request;
    request.op = Operation::Write;
    request.verify = true;
    request.reboot = true;
    request.offset = plan.offset;
    const QString path = plan.usesPackage() ? plan.package : plan.image;
    request.imagePath = path;
    auto sha = fileSha256(path);
    if (!sha)
        return std::move(sha).error();
    OC_TRY(checkHash(plan, path, *sha));
    identity.packageSha256 = *sha;
    if (!plan.usesPackage()) {
        identity.package = QFileInfo(path).fileName();
        return makePlan(request, std::move(resolved.target), std::move(resolved.images), cancel);
    }
    auto package = pkg::loadPackage(path, cancel);
    if (!package)
        return std::move(package).error();
    identity.package = package->manifest.name.isEmpty() ? QFileInfo(path).fileName() : package->manifest.name;
    identity.packageVersion = package->manifest.version;
    return makePackagePlan(*package, request, std::move(resolved.target), std::move(resolved.images));
}

} // namespace

Result<StationSetup> prepareStation(const catalog::Catalog &catalog, const StationPlan &plan,
                                    const StationOverrides &overrides, const CancelToken *cancel)
{
    OC_TRY(plan.validate());
    const QString firmware = firmwareFor(catalog, plan, overrides);
    if (firmware.isEmpty() && catalog.board(plan.board))
        return makeError(
            ErrorCode::InputFile,
            QStringLiteral("the plan '%1' names no vendor files for board %2: add \"firmware\" (the "
                           "folder of your Ingenic USB Cloner installation) or pass --firmware")
                .arg(plan.name, plan.board));
    auto resolved = resolveTarget(catalog, plan.board, firmware);
    if (!resolved)
        return std::move(resolved).error();
    StationSetup setup;
    UnitContext &identity = setup.identity;
    identity.chip = resolved->target.chipName;
    identity.plan = plan.name;
    identity.station = !overrides.station.isEmpty() ? overrides.station
                       : !plan.station.isEmpty()    ? plan.station
                                                    : QSysInfo::machineHostName();
    identity.operatorName = !overrides.operatorName.isEmpty() ? overrides.operatorName : loginName();
    auto flashPlan = flashPlanFor(plan, std::move(resolved).value(), identity, cancel);
    if (!flashPlan)
        return std::move(flashPlan).error().withContext(QStringLiteral("station plan '%1'").arg(plan.name));
    if (!flashPlan->verify)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the package %1 turns verification off; a production station always "
                                        "verifies: pack it again without --no-verify")
                             .arg(QDir::toNativeSeparators(plan.package)));
    setup.plan = std::move(flashPlan).value();
    return setup;
}

} // namespace oc::station
