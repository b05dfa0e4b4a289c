#include "stationloop.h"

#include "core/flash/flashjob.h"

#include <QSet>

namespace oc::station {

StationLoop::StationLoop(StationSetup setup, std::shared_ptr<DeviceProvider> provider, RecordLog *records,
                         QObject *parent)
    : QObject(parent)
    , m_setup(std::move(setup))
    , m_provider(std::move(provider))
    , m_records(records)
    , m_lanes(m_setup.rebootSettleMs)
{
    qRegisterMetaType<oc::station::UnitRecord>();
    m_lanes.setNextUnit(m_setup.firstUnit);
    m_pollTimer.setInterval(m_setup.pollMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &StationLoop::poll);
    m_clock.start();
}

StationLoop::~StationLoop()
{
    for (Running &running : m_running) {
        running.job->disconnect(this);
        running.job->cancel();
    }
    // The jobs are children: each one's destructor waits for its worker.
}

void StationLoop::start()
{
    for (const QString &port : m_lanes.arm())
        startUnit(port);
    poll();
    m_pollTimer.start();
}

void StationLoop::finish()
{
    m_lanes.disarm();
    checkIdle();
}

void StationLoop::stop()
{
    m_lanes.disarm();
    for (Running &running : m_running)
        running.job->cancel();
    checkIdle();
}

bool StationLoop::isIdle() const
{
    return !m_lanes.isArmed() && m_running.isEmpty();
}

void StationLoop::poll()
{
    auto listed = m_provider->listDevices();
    if (!listed) {
        if (!m_busErrorShown)
            Q_EMIT busError(listed.error());
        m_busErrorShown = true;
        return;
    }
    m_busErrorShown = false;
    applyListing(byPort(*listed), now());
}

QHash<QString, UsbDeviceId> StationLoop::byPort(const QList<UsbDeviceId> &listed) const
{
    QHash<QString, UsbDeviceId> current;
    QSet<QString> settling;
    for (const UsbDeviceId &id : listed) {
        if (current.contains(id.portPath))
            settling.insert(id.portPath);
        current.insert(id.portPath, id);
    }
    // Two devices on one port: a board was swapped and the bus still lists the one that left (libusb
    // learns of departures asynchronously). Keep what we knew until the listing settles, rather than
    // open a device that is no longer there.
    for (const QString &port : std::as_const(settling)) {
        if (m_present.contains(port))
            current.insert(port, m_present.value(port));
        else
            current.remove(port);
    }
    return current;
}

void StationLoop::applyListing(const QHash<QString, UsbDeviceId> &current, qint64 t)
{
    // Departures first: a board that re-enumerated leaves before its new self arrives.
    for (auto it = m_present.cbegin(); it != m_present.cend(); ++it) {
        const auto found = current.constFind(it.key());
        if (found == current.cend() || found->address != it->address) {
            m_lanes.left(it.key(), t);
            Q_EMIT boardLeft(it.key());
        }
    }
    // A new device counts once two listings in a row agree on it: a device that has just appeared
    // may not answer yet (udev still setting its permissions; an emulated node being wired up).
    QHash<QString, UsbDeviceId> present;
    QHash<QString, UsbDeviceId> candidates;
    QStringList arrivals;
    for (auto it = current.cbegin(); it != current.cend(); ++it) {
        const auto known = m_present.constFind(it.key());
        if (known != m_present.cend() && known->address == it->address) {
            present.insert(it.key(), *it);
            continue;
        }
        const auto seen = m_candidates.constFind(it.key());
        if (seen != m_candidates.cend() && seen->address == it->address) {
            present.insert(it.key(), *it);
            arrivals << it.key();
        } else {
            candidates.insert(it.key(), *it);
        }
    }
    m_present = present;
    m_candidates = candidates;
    arrivals.sort();
    for (const QString &port : std::as_const(arrivals)) {
        Q_EMIT boardArrived(port);
        if (m_lanes.arrived(port, t))
            startUnit(port);
    }
    m_lanes.tick(t);
}

void StationLoop::startUnit(const QString &port)
{
    if (m_running.contains(port) || !m_present.contains(port))
        return;
    const UsbDeviceId device = m_present.value(port);
    const quint64 unit = m_lanes.started(port);
    auto *job = new FlashJob(m_setup.plan, m_provider, device, this);
    connect(job, &FlashJob::stageStarted, this,
            [this, unit](Stage stage) { Q_EMIT stageStarted(unit, stage); });
    connect(job, &FlashJob::logLine, this,
            [this, unit](LogLevel level, const QString &text) { Q_EMIT logLine(unit, level, text); });
    connect(job, &FlashJob::finished, this, [this, port] { onJobFinished(port); });
    m_running.insert(port, Running{unit, job});
    Q_EMIT unitStarted(unit, m_lanes.lane(port)->number, port);
    job->start();
    if (m_setup.maxUnits && m_lanes.unitsStarted() >= m_setup.maxUnits)
        m_lanes.disarm();
}

void StationLoop::onJobFinished(const QString &port)
{
    Running running = m_running.take(port);
    const JobResult result = running.job->result();
    m_lanes.finished(port, result.ok, result.boardState == BoardState::Rebooted, now());
    UnitContext context = m_setup.identity;
    context.unit = running.unit;
    context.lane = m_lanes.lane(port)->number;
    context.port = port;
    const UnitRecord record = UnitRecord::from(context, result);
    if (Status saved = m_records->append(record); !saved) {
        // Never flash a unit that cannot be recorded: stop taking new boards.
        m_lanes.disarm();
        Q_EMIT recordError(saved.error());
    }
    running.job->deleteLater(); // its worker has delivered the result; deleting waits for it to return
    Q_EMIT unitFinished(record, result);
    checkIdle();
}

void StationLoop::checkIdle()
{
    if (!isIdle())
        return;
    m_pollTimer.stop();
    Q_EMIT idle();
}

} // namespace oc::station
