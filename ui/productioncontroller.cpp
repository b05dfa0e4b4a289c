#include "productioncontroller.h"

#include "boardprobe.h"
#include "devicelistmodel.h"
#include "station.h"

#include <QDate>
#include <QDir>

namespace oc::ui {

namespace {
constexpr int TickMs = 250; // how late a lane may notice that its board's reboot window has ended
} // namespace

ProductionController::ProductionController(Station *station, DeviceListModel *devices, QObject *parent)
    : QObject(parent)
    , m_station(station)
    , m_devices(devices)
{
    qRegisterMetaType<oc::station::UnitRecord>();
    m_clock.start();
    m_tickTimer.setInterval(TickMs);
    connect(&m_tickTimer, &QTimer::timeout, this, &ProductionController::tick);
    connect(station, &Station::boardArrived, this, &ProductionController::onArrived);
    connect(station, &Station::boardLeft, this, &ProductionController::onLeft);
    connect(station, &Station::probed, this, &ProductionController::onProbed);
    connect(station, &Station::jobFinished, this, &ProductionController::onJobFinished);
}

ProductionController::~ProductionController() = default;

void ProductionController::setRebootSettleMs(qint64 ms)
{
    m_settleMs = ms;
}

void ProductionController::setActive(bool on)
{
    if (on == m_active)
        return;
    if (!on) {
        disarm();
        m_active = false;
        m_tickTimer.stop();
        m_devices->clearLanes();
        return;
    }
    // A fresh set of lanes: the boards on the bus now get the first numbers, in port order.
    m_tracker = station::LaneTracker(m_settleMs);
    m_earlier = {};
    m_active = true;
    for (const QString &key : m_devices->keys()) {
        const DeviceRow *row = m_devices->row(key);
        if (row && row->present) {
            m_tracker.arrived(key, now());
            mark(key);
        }
    }
    m_tickTimer.start();
    Q_EMIT countersChanged();
}

Status ProductionController::openRecords(const ProductionSetup &setup)
{
    if (m_records && m_records->folder() == QDir(setup.recordsFolder).absolutePath() &&
        m_recordsStation == setup.identity.station)
        return {};
    auto opened = station::RecordLog::open(setup.recordsFolder, setup.identity.station);
    if (!opened)
        return std::move(opened).error();
    m_records.emplace(std::move(opened).value());
    m_recordsStation = setup.identity.station;
    return {};
}

// Today's file may hold units of an earlier run (the app restarted, or production mode was turned
// off and on): the counters continue from them and unit numbers do not repeat.
void ProductionController::resumeFromToday()
{
    const auto file = station::readJsonRecords(jsonPath());
    if (!file)
        return; // unreadable: appending will say so, with the file's name
    station::StationCounters today;
    quint64 lastUnit = 0;
    for (const station::UnitRecord &record : file->records) {
        ++(record.outcome == station::UnitOutcome::Pass ? today.passed : today.failed);
        lastUnit = qMax(lastUnit, record.unit);
    }
    const station::StationCounters run = m_tracker.counters();
    m_earlier.passed = qMax(0, today.passed - run.passed);
    m_earlier.failed = qMax(0, today.failed - run.failed);
    m_tracker.setNextUnit(qMax(lastUnit, m_lastUnit) + 1);
}

Status ProductionController::arm(const ProductionSetup &setup)
{
    if (!m_active)
        setActive(true);
    OC_TRY(openRecords(setup));
    m_setup = setup;
    resumeFromToday();
    m_recordErrorShown = false;
    const QStringList ready = m_tracker.arm();
    Q_EMIT armedChanged(true);
    Q_EMIT countersChanged();
    for (const QString &key : ready)
        consider(key);
    return {};
}

void ProductionController::disarm()
{
    m_waiting.clear();
    if (!m_tracker.isArmed())
        return;
    m_tracker.disarm();
    Q_EMIT armedChanged(false);
}

void ProductionController::stopAll()
{
    disarm();
    const QStringList running = m_units.keys(); // stop() may finish a unit at once
    for (const QString &key : running)
        m_station->stop(key);
}

station::StationCounters ProductionController::counters() const
{
    station::StationCounters counters = m_tracker.counters();
    counters.passed += m_earlier.passed;
    counters.failed += m_earlier.failed;
    return counters;
}

QString ProductionController::jsonPath() const
{
    return m_records ? m_records->jsonPath(QDate::currentDate()) : QString();
}

QString ProductionController::csvPath() const
{
    return m_records ? m_records->csvPath(QDate::currentDate()) : QString();
}

void ProductionController::onArrived(const QString &key)
{
    if (!m_active)
        return;
    if (m_tracker.arrived(key, now()))
        m_waiting.insert(key); // a new unit: it starts once the Station has identified it
    mark(key);
}

void ProductionController::onLeft(const QString &key)
{
    if (!m_active)
        return;
    m_waiting.remove(key);
    m_tracker.left(key, now());
    mark(key);
}

void ProductionController::onProbed(const QString &key, const ProbeResult &)
{
    if (m_active && m_waiting.contains(key))
        consider(key);
}

// Starts the unit on a waiting board once it is identified as one the plan can flash.
void ProductionController::consider(const QString &key)
{
    const DeviceRow *row = m_devices->row(key);
    if (!m_tracker.isArmed() || m_units.contains(key) || !row || !row->present) {
        m_waiting.remove(key);
        return;
    }
    if (row->probing || !row->probe) {
        m_waiting.insert(key);
        return;
    }
    m_waiting.remove(key);
    const auto kind = row->probe->kind;
    if (kind == ProbeResult::Kind::Rom || kind == ProbeResult::Kind::ResidentSpl)
        startUnit(key);
}

void ProductionController::startUnit(const QString &key)
{
    if (!m_station->canStart(key))
        return;
    const quint64 unit = m_tracker.started(key);
    m_lastUnit = qMax(m_lastUnit, unit);
    station::UnitContext context = m_setup.identity;
    context.unit = unit;
    context.lane = m_tracker.lane(key)->number;
    context.port = m_devices->row(key)->device.portPath;
    m_units.insert(key, context);
    mark(key);
    Q_EMIT unitStarted(unit, key);
    Q_EMIT countersChanged();
    if (!m_station->start(key, m_setup.request)) {
        JobResult result;
        result.error = makeError(ErrorCode::Internal, QStringLiteral("the job could not be started"));
        onJobFinished(key, result);
    }
}

void ProductionController::onJobFinished(const QString &key, const JobResult &result)
{
    const auto it = m_units.constFind(key);
    if (it == m_units.cend())
        return; // not a unit of this station (a job started before production mode)
    const station::UnitContext context = *it;
    m_units.erase(it);
    const station::UnitRecord record = station::UnitRecord::from(context, result);
    // On disk first: a unit the counters show is a unit in the records.
    const Status saved = m_records ? m_records->append(record)
                                   : Status(makeError(ErrorCode::Internal, QStringLiteral("no records")));
    if (!saved) {
        disarm(); // never flash a unit that cannot be recorded
        if (!std::exchange(m_recordErrorShown, true))
            Q_EMIT recordFailed(jsonPath().isEmpty() ? m_setup.recordsFolder : jsonPath(),
                                saved.error().message);
    }
    finishLane(key, result);
    Q_EMIT unitFinished(record, key, saved.ok());
    Q_EMIT countersChanged();
}

void ProductionController::finishLane(const QString &key, const JobResult &result)
{
    m_tracker.finished(key, result.ok, result.boardState == BoardState::Rebooted, now());
    mark(key);
}

void ProductionController::tick()
{
    for (const QString &key : m_tracker.tick(now()))
        mark(key);
}

void ProductionController::mark(const QString &key)
{
    if (const station::Lane *lane = m_tracker.lane(key); lane && m_active)
        m_devices->setLane(key, *lane);
}

} // namespace oc::ui
