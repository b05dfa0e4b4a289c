#include "cmdpack.h"

#include "reporter.h"

#include "sizeparse.h"

#include "core/catalog/catalog.h"
#include "core/catalog/placeholders.h"
#include "core/flash/packageplan.h"
#include "core/flash/targetbuilder.h"
#include "core/package/packagewriter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace oc::cli {

namespace {

const QStringList StepOptions = {QStringLiteral("write"), QStringLiteral("read"),
                                 QStringLiteral("erase-step")};

struct StepArg
{
    QString option;
    QString value;
};

void out(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
}

int fail(OutputMode mode, const Error &error)
{
    return reportFailure(mode, error);
}

int usage(const QString &message)
{
    std::fprintf(stderr, "opencloner-cli: %s\nTry `opencloner-cli --help`.\n", qPrintable(message));
    return exitCodeFor(ErrorCode::InvalidArgument);
}

// The step options in command-line order: QCommandLineParser keeps the order of one option's
// values, not the order between --write, --read and --erase-step.
QList<StepArg> stepArgs(const QStringList &arguments)
{
    QList<StepArg> list;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        if (a == QLatin1String("--"))
            break;
        for (const QString &name : StepOptions) {
            const QString flag = QStringLiteral("--") + name;
            if (a == flag && i + 1 < arguments.size()) {
                list.append({name, arguments[++i]});
                break;
            }
            if (a.startsWith(flag + QLatin1Char('='))) {
                list.append({name, a.mid(flag.size() + 1)});
                break;
            }
        }
    }
    return list;
}

// WHERE[:LENGTH]: an offset ("0x40000", "256K") or a partition name.
Status place(const QString &where, bool withLength, StepRequest &r)
{
    QString at = where;
    const qsizetype colon = where.lastIndexOf(QLatin1Char(':'));
    if (withLength && colon > 0) {
        const auto length = parseSize(where.mid(colon + 1));
        if (!length || *length == 0)
            return makeError(
                ErrorCode::InvalidArgument,
                QStringLiteral("'%1' is not a length (e.g. 64K, 0x10000)").arg(where.mid(colon + 1)));
        r.length = *length;
        at = where.left(colon);
    }
    if (at.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("'%1' names no offset or partition").arg(where));
    if (const auto offset = parseSize(at); offset && at.front().isDigit())
        r.offset = *offset;
    else
        r.partition = at;
    return {};
}

Result<StepRequest> parseStep(const StepArg &arg)
{
    StepRequest r;
    if (arg.option == QLatin1String("erase-step")) {
        r.kind = StepKind::Erase;
        OC_TRY(place(arg.value, true, r));
        return r;
    }
    const qsizetype at = arg.value.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || at == arg.value.size() - 1)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("--%1 takes FILE@OFFSET or FILE@PARTITION (e.g. kernel.bin@0x40000), not '%2'")
                .arg(arg.option, arg.value));
    r.kind = arg.option == QLatin1String("write") ? StepKind::Write : StepKind::Read;
    r.path = arg.value.left(at);
    OC_TRY(place(arg.value.mid(at + 1), r.kind == StepKind::Read, r));
    return r;
}

Result<PlanRequest> planRequest(const PackCommand &c)
{
    PlanRequest r;
    const QString mode = c.parser.isSet(QStringLiteral("erase-all"))
                             ? QStringLiteral("chip")
                             : c.parser.value(QStringLiteral("erase"));
    const auto erase = eraseModeFromName(mode);
    if (!erase)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("--erase takes lazy, init, chip or none, not '%1'").arg(mode));
    r.erase = *erase;
    r.verify = !c.parser.isSet(QStringLiteral("no-verify"));
    r.reboot = !c.parser.isSet(QStringLiteral("no-reboot"));
    r.bootLast = c.parser.isSet(QStringLiteral("boot-last"));
    for (const StepArg &arg : stepArgs(c.arguments)) {
        auto step = parseStep(arg);
        if (!step)
            return std::move(step).error();
        r.steps.append(*step);
    }
    if (r.steps.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("`pack` needs at least one --write, --read or --erase-step"));
    return r;
}

void printFindings(const PlanCheck &check, OutputMode mode)
{
    if (mode == OutputMode::Json)
        return;
    for (const PreflightFinding &f : check.findings) {
        if (!f.blocking)
            std::fprintf(stderr, "note: %s\n", qPrintable(f.message));
    }
}

void printPackage(const QString &path, const pkg::Manifest &m, const FlashPlan &plan, OutputMode mode)
{
    if (mode == OutputMode::Json) {
        QJsonObject o{{QStringLiteral("event"), QStringLiteral("result")},
                      {QStringLiteral("ok"), true},
                      {QStringLiteral("exitCode"), 0},
                      {QStringLiteral("package"), QFileInfo(path).absoluteFilePath()},
                      {QStringLiteral("manifest"), QJsonDocument::fromJson(m.toJson()).object()}};
        out(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
        return;
    }
    out(QStringLiteral("package %1: \"%2\" %3 for %4 (%5), erase %6, verify %7%8\n")
            .arg(path, m.name, m.version, plan.target.boardName, plan.target.chipName, m.erase,
                 m.verify ? QStringLiteral("on") : QStringLiteral("off"),
                 m.bootLast ? QStringLiteral(", boot region last") : QString()));
    for (int i = 0; i < plan.steps.size(); ++i) {
        out(QStringLiteral("  %1. %2").arg(i + 1).arg(plan.steps[i].describe()));
        const pkg::ManifestStep &s = m.steps[i];
        if (s.op == pkg::StepOp::Write)
            out(QStringLiteral(": %1 bytes%2, sha256 %3")
                    .arg(s.imageSize)
                    .arg(s.compression == pkg::Compression::None
                             ? QString()
                             : QStringLiteral(" (%1, %2 stored)")
                                   .arg(QLatin1String(compressionName(s.compression)))
                                   .arg(s.storedSize),
                         pkg::hexDigest(s.sha256)));
        out(QStringLiteral("\n"));
    }
}

} // namespace

void addPackOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("write"),
         QStringLiteral("pack: write FILE at OFFSET or into PARTITION (repeatable)."),
         QStringLiteral("file@where")},
        {QStringLiteral("read"),
         QStringLiteral(
             "pack: read OFFSET[:LENGTH] or PARTITION into FILE when the package is flashed (repeatable)."),
         QStringLiteral("file@where")},
        {QStringLiteral("erase-step"),
         QStringLiteral("pack: erase PARTITION or OFFSET:LENGTH (erase mode init)."),
         QStringLiteral("where")},
        {QStringLiteral("boot-last"), QStringLiteral("pack: write the boot region after everything else.")},
        {QStringLiteral("name"), QStringLiteral("pack: the package's name (default: the file name)."),
         QStringLiteral("text")},
        {QStringLiteral("package-version"), QStringLiteral("pack: the firmware version the package holds."),
         QStringLiteral("text")},
        {QStringLiteral("description"), QStringLiteral("pack: a description for people."),
         QStringLiteral("text")},
    });
}

int runPackCommand(const catalog::Catalog &catalog, const PackCommand &c)
{
    if (c.args.size() != 1)
        return usage(QStringLiteral("`pack` takes one file name: the package to write (e.g. firmware.zip)"));
    if (!c.parser.isSet(QStringLiteral("board")))
        return usage(QStringLiteral("`pack` needs --board (opencloner-cli info lists them)"));
    const catalog::BoardProfile *board = catalog.board(c.parser.value(QStringLiteral("board")));
    if (!board)
        return fail(c.mode, makeError(ErrorCode::Profile,
                                      QStringLiteral("no board profile named '%1' (opencloner-cli info "
                                                     "lists them)")
                                          .arg(c.parser.value(QStringLiteral("board")))));
    auto request = planRequest(c);
    if (!request)
        return usage(request.error().message);
    // Vendor files never go into a package: placeholders only let the planner check the layout.
    const catalog::ChipProfile &chip = catalog.chipOf(*board);
    const VendorImages images{catalog::placeholderGinfo(chip, *board), catalog::placeholderSpl(chip, *board),
                              catalog::placeholderBurner(chip, *board), true};
    const PlanCheck check = checkStepPlan(*request, targetFor(catalog, *board), images);
    printFindings(check, c.mode);
    if (!check.plan)
        return fail(c.mode, check.status().error());
    const QString path = c.args.first();
    const QString name = c.parser.isSet(QStringLiteral("name")) ? c.parser.value(QStringLiteral("name"))
                                                                : QFileInfo(path).completeBaseName();
    auto contents = packContents(*check.plan, name, c.parser.value(QStringLiteral("package-version")),
                                 c.parser.value(QStringLiteral("description")));
    if (!contents)
        return fail(c.mode, contents.error());
    contents->manifest.createdBy =
        QStringLiteral("OpenCloner %1").arg(QCoreApplication::applicationVersion());
    auto written = pkg::writePackage(path, contents->manifest, contents->sources);
    if (!written)
        return fail(c.mode, written.error());
    printPackage(path, *written, *check.plan, c.mode);
    return 0;
}

} // namespace oc::cli
