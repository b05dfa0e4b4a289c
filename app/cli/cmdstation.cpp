#include "cmdstation.h"

#include "sizeparse.h"

#include "core/catalog/catalog.h"
#include "core/package/packagereader.h"
#include "core/station/stationsetup.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTime>

namespace oc::cli {

namespace {

void out(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
    std::fflush(stdout); // a line per unit, at once, also into a pipe
}

void err(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stderr);
}

void json(QJsonObject object)
{
    out(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
}

QString stamp()
{
    return QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
}

QString sizeText(quint64 bytes)
{
    if (bytes >= (quint64(1) << 30))
        return QStringLiteral("%1 GiB").arg(double(bytes) / double(quint64(1) << 30), 0, 'f', 1);
    return QStringLiteral("%1 MiB").arg(bytes >> 20);
}

// The human line of a finished unit: one line, however it ended.
QString unitLine(const station::UnitRecord &r, const station::StationCounters &c)
{
    QString what;
    if (r.outcome == station::UnitOutcome::Pass)
        what = QStringLiteral("PASS  %1 %2  %3 s")
                   .arg(r.flashName, sizeText(r.flashSize))
                   .arg(r.durationSeconds, 0, 'f', 1);
    else
        what = QStringLiteral("%1  %2%3: %4: %5")
                   .arg(r.outcome == station::UnitOutcome::Stopped ? QStringLiteral("STOP")
                                                                   : QStringLiteral("FAIL"),
                        r.stage.isEmpty() ? QStringLiteral("before the board answered") : r.stage,
                        r.offset >= 0 ? QStringLiteral(" at 0x%1").arg(r.offset, 0, 16) : QString(),
                        r.errorClass, r.message);
    return QStringLiteral("[%1] unit %2  lane %3 (port %4)  %5   [passed %6, failed %7]\n")
        .arg(stamp())
        .arg(r.unit)
        .arg(r.lane)
        .arg(r.port, what)
        .arg(c.passed)
        .arg(c.failed);
}

struct Options
{
    station::StationOverrides overrides;
    QString records;
    quint64 units = 0;
    qint64 settleMs = station::LaneTracker::DefaultRebootSettleMs;
};

Result<Options> options(const QCommandLineParser &p)
{
    Options o;
    o.overrides.station = p.value(QStringLiteral("station"));
    o.overrides.operatorName = p.value(QStringLiteral("operator"));
    o.overrides.firmware = p.value(QStringLiteral("firmware"));
    o.records = p.value(QStringLiteral("records"));
    bool ok = true;
    if (p.isSet(QStringLiteral("units")))
        o.units = p.value(QStringLiteral("units")).toULongLong(&ok);
    if (!ok || (p.isSet(QStringLiteral("units")) && o.units == 0))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("--units takes a number of boards, 1 or more"));
    if (p.isSet(QStringLiteral("reboot-settle")))
        o.settleMs = qint64(p.value(QStringLiteral("reboot-settle")).toDouble(&ok) * 1000);
    if (!ok || o.settleMs < 0 || o.settleMs > 60000)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("--reboot-settle takes 0 to 60 seconds"));
    return o;
}

class StationPrinter : public QObject
{
public:
    StationPrinter(station::StationLoop &loop, OutputMode mode, int verbosity)
        : m_loop(loop)
        , m_mode(mode)
    {
        connect(&loop, &station::StationLoop::unitStarted, this,
                [this, verbosity](quint64 unit, int lane, const QString &port) {
                    if (m_mode == OutputMode::Json)
                        json({{QStringLiteral("event"), QStringLiteral("unitStarted")},
                              {QStringLiteral("unit"), double(unit)},
                              {QStringLiteral("lane"), lane},
                              {QStringLiteral("port"), port}});
                    else if (verbosity > 0)
                        err(QStringLiteral("[%1] unit %2  lane %3 (port %4)  started\n")
                                .arg(stamp())
                                .arg(unit)
                                .arg(lane)
                                .arg(port));
                });
        connect(&loop, &station::StationLoop::unitFinished, this, &StationPrinter::onUnit);
        connect(&loop, &station::StationLoop::recordError, this, [this](const Error &error) {
            m_recordError = error;
            err(QStringLiteral(
                    "error: a unit could not be recorded, the station takes no more boards: %1\n"
                    "what to do: free disk space or fix the records folder, then start the station again\n")
                    .arg(error.message));
        });
        connect(&loop, &station::StationLoop::busError, this, [](const Error &error) {
            err(QStringLiteral("warning: cannot list USB devices: %1 (retrying)\n").arg(error.message));
        });
        if (verbosity > 1)
            connect(&loop, &station::StationLoop::logLine, this,
                    [](quint64 unit, LogLevel, const QString &text) {
                        err(QStringLiteral("  unit %1: %2\n").arg(unit).arg(text));
                    });
    }

    std::optional<Error> recordError() const { return m_recordError; }
    bool anyStopped() const { return m_stopped > 0; }

private:
    void onUnit(const station::UnitRecord &record)
    {
        m_stopped += record.outcome == station::UnitOutcome::Stopped;
        const auto counters = m_loop.counters();
        const QString advice =
            record.outcome == station::UnitOutcome::Fail
                ? QStringLiteral("%1 Unplug the board; the lane takes the next board.")
                      .arg(adviceFor(makeError(errorCodeFromName(record.errorClass), record.message)))
                : QString();
        if (m_mode == OutputMode::Json) {
            QJsonObject o = record.toJson();
            o.insert(QStringLiteral("event"), QStringLiteral("unit"));
            o.insert(QStringLiteral("passed"), counters.passed);
            o.insert(QStringLiteral("failed"), counters.failed);
            if (!advice.isEmpty())
                o.insert(QStringLiteral("advice"), advice);
            json(o);
            return;
        }
        out(unitLine(record, counters));
        if (!advice.isEmpty())
            err(QStringLiteral("  what to do: %1\n").arg(advice));
    }

    station::StationLoop &m_loop;
    OutputMode m_mode;
    std::optional<Error> m_recordError;
    int m_stopped = 0;
};

void announce(const station::StationSetup &setup, const station::RecordLog &records, OutputMode mode)
{
    const station::UnitContext &id = setup.identity;
    if (mode == OutputMode::Json) {
        json({{QStringLiteral("event"), QStringLiteral("armed")},
              {QStringLiteral("station"), id.station},
              {QStringLiteral("operator"), id.operatorName},
              {QStringLiteral("plan"), id.plan},
              {QStringLiteral("package"), id.package},
              {QStringLiteral("package_version"), id.packageVersion},
              {QStringLiteral("package_sha256"), id.packageSha256},
              {QStringLiteral("records"), records.csvPath(QDate::currentDate())}});
        return;
    }
    const QString what = QStringList{id.package, id.packageVersion}.join(QLatin1Char(' ')).trimmed();
    err(QStringLiteral(
            "station %1 armed: plan '%2' (%3, sha256 %4...), operator %5\n"
            "records: %6 and .jsonl\n"
            "plug boards in, one per port; every new board is flashed and verified. Ctrl-C stops.\n")
            .arg(id.station, id.plan, what, id.packageSha256.left(12),
                 id.operatorName.isEmpty() ? QStringLiteral("not named (--operator)") : id.operatorName,
                 QDir::toNativeSeparators(records.csvPath(QDate::currentDate()))));
}

} // namespace

void addStationOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("records"),
         QStringLiteral("station: folder for the per-unit records (default: the plan's)."),
         QStringLiteral("dir")},
        {QStringLiteral("station"),
         QStringLiteral("station: name in the records (default: the plan's, or the host name)."),
         QStringLiteral("name")},
        {QStringLiteral("operator"),
         QStringLiteral("station: operator name in the records (default: the login name)."),
         QStringLiteral("name")},
        {QStringLiteral("units"), QStringLiteral("station: stop after this many boards."),
         QStringLiteral("n")},
        {QStringLiteral("save-plan"),
         QStringLiteral(
             "station: write a station plan for --board and the firmware file given (pinned by its "
             "SHA-256, checked first) instead of running one."),
         QStringLiteral("file")},
        {QStringLiteral("reboot-settle"),
         QStringLiteral(
             "station: seconds in which a board back on its port after its reboot is the same board "
             "(default 2.5)."),
         QStringLiteral("s")},
    });
}

namespace {

// `station --save-plan OUT.json --board NAME [--firmware DIR] [--name TEXT] [--station NAME]
// [--records DIR] [--offset N] FIRMWARE`: the plan for FIRMWARE (a package, or an image at --offset),
// pinned by its SHA-256 and checked as the station will check it, before it is written.
int savePlan(const catalog::Catalog &catalog, const StationCommand &command)
{
    const QCommandLineParser &p = command.parser;
    if (command.args.size() != 1 || !p.isSet(QStringLiteral("board")))
        return reportFailure(
            command.mode, makeError(ErrorCode::InvalidArgument,
                                    QStringLiteral("`station --save-plan OUT.json` takes --board and one "
                                                   "firmware file (a package, or an image with --offset)")));
    station::StationPlan plan;
    const QFileInfo firmware(command.args.first());
    plan.board = p.value(QStringLiteral("board"));
    plan.name =
        p.isSet(QStringLiteral("name")) ? p.value(QStringLiteral("name")) : firmware.completeBaseName();
    plan.firmware = p.value(QStringLiteral("firmware"));
    plan.station = p.value(QStringLiteral("station"));
    plan.records = p.value(QStringLiteral("records"));
    (pkg::isPackage(firmware.absoluteFilePath()) ? plan.package : plan.image) = firmware.absoluteFilePath();
    if (!plan.usesPackage()) {
        const auto offset = parseSize(p.value(QStringLiteral("offset")));
        if (!offset)
            return reportFailure(command.mode,
                                 makeError(ErrorCode::InvalidArgument,
                                           QStringLiteral("--offset takes a size such as 0x40000")));
        plan.offset = *offset;
    }
    auto sha = station::fileSha256(firmware.absoluteFilePath());
    if (!sha)
        return reportFailure(command.mode, sha.error());
    plan.packageSha256 = *sha;
    if (auto checked = station::prepareStation(catalog, plan); !checked)
        return reportFailure(command.mode, checked.error());
    const QString out = p.value(QStringLiteral("save-plan"));
    if (Status saved = plan.save(out); !saved)
        return reportFailure(command.mode, saved.error());
    err(QStringLiteral("station plan '%1' saved to %2 (%3 pinned, sha256 %4...); run it with\n"
                       "  opencloner-cli station %2 --records DIR\n")
            .arg(plan.name, QDir::toNativeSeparators(out), firmware.fileName(), sha->left(12)));
    return 0;
}

} // namespace

int runStationCommand(const catalog::Catalog &catalog, const StationCommand &command)
{
    if (command.parser.isSet(QStringLiteral("save-plan")))
        return savePlan(catalog, command);
    if (command.args.size() != 1)
        return reportFailure(
            command.mode,
            makeError(ErrorCode::InvalidArgument, QStringLiteral("`station` takes one station plan file")));
    auto o = options(command.parser);
    if (!o)
        return reportFailure(command.mode, o.error());
    auto plan = station::StationPlan::load(command.args.first());
    if (!plan)
        return reportFailure(command.mode, plan.error());
    auto setup = station::prepareStation(catalog, *plan, o->overrides);
    if (!setup)
        return reportFailure(command.mode, setup.error());
    const QString folder = !o->records.isEmpty() ? o->records : plan->records;
    if (folder.isEmpty())
        return reportFailure(
            command.mode,
            makeError(
                ErrorCode::InvalidArgument,
                QStringLiteral("no records folder: pass --records DIR or add \"records\" to the plan")));
    auto records = station::RecordLog::open(folder, setup->identity.station);
    if (!records)
        return reportFailure(command.mode, records.error());
    // A station restarted during the day (a crash, a new shift) continues its unit numbers.
    auto today = station::readJsonRecords(records->jsonPath(QDate::currentDate()));
    if (today) {
        for (const station::UnitRecord &r : std::as_const(today->records))
            setup->firstUnit = std::max(setup->firstUnit, r.unit + 1);
        if (today->damagedLines > 0)
            err(QStringLiteral(
                    "warning: %1 damaged line(s) in %2 (cut short by a power loss?); they are kept, "
                    "new records go after them\n")
                    .arg(today->damagedLines)
                    .arg(QDir::toNativeSeparators(records->jsonPath(QDate::currentDate()))));
    }
    setup->maxUnits = o->units;
    setup->rebootSettleMs = o->settleMs;
    announce(*setup, *records, command.mode);

    station::StationLoop loop(std::move(setup).value(), command.provider, &*records);
    StationPrinter printer(loop, command.mode, command.verbosity);
    QEventLoop events;
    QObject::connect(&loop, &station::StationLoop::idle, &events, &QEventLoop::quit);
    command.setCancel([&loop] {
        err(QStringLiteral("\nstopping: running boards stop after their current transfer...\n"));
        loop.stop();
    });
    loop.start();
    if (!loop.isIdle())
        events.exec();
    command.setCancel({});
    const station::StationCounters counters = loop.counters();
    if (command.mode == OutputMode::Json)
        json({{QStringLiteral("event"), QStringLiteral("stopped")},
              {QStringLiteral("passed"), counters.passed},
              {QStringLiteral("failed"), counters.failed}});
    else
        err(QStringLiteral("station stopped: %1 passed, %2 failed\n")
                .arg(counters.passed)
                .arg(counters.failed));
    if (printer.recordError())
        return exitCodeFor(printer.recordError()->code);
    if (printer.anyStopped())
        return exitCodeFor(ErrorCode::Cancelled);
    return counters.failed ? exitCodeFor(ErrorCode::DeviceError) : 0;
}

} // namespace oc::cli
