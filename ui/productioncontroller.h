#pragma once

#include "jobrequest.h"

#include "core/station/lanetracker.h"
#include "core/station/recordlog.h"
#include "core/station/unitrecord.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <optional>

namespace oc::ui {

class DeviceListModel;
class Station;
struct ProbeResult;

// What production mode gives every unit: one job, the identity every record carries (station,
// operator, chip, plan, package, version, sha256; unit, lane and port are filled per unit), and the
// folder of the records.
struct ProductionSetup
{
    JobRequest request;
    station::UnitContext identity;
    QString recordsFolder;
};

// The window's production station, on the window's Station and device list: armed once, it starts
// the job on every present board the Station identified as an Ingenic boot ROM (or a resident SPL)
// and on every such board that arrives later, each on its own lane, and never touches a board it
// already finished (station::LaneTracker's rules: a board back on its port after its own reboot
// stays "done, unplug"). Each finished unit is appended to the day's records (CSV + JSON lines,
// fsync'ed) before the counters count it; when that fails the station disarms and says which file.
// Jobs are independent: one board's failure only ends its own lane's unit.
//
// No dialogs: productionmode.h asks the questions. GUI thread. The record is written on the GUI
// thread (one short append and fsync per unit); the Station and the model must outlive this object.
class ProductionController : public QObject
{
    Q_OBJECT
public:
    ProductionController(Station *station, DeviceListModel *devices, QObject *parent = nullptr);
    ~ProductionController() override;

    // Production mode on: the lanes follow the bus from now on (numbered from 1 in the order boards
    // are seen, present boards first in port order) and the device list shows them. Off: disarms,
    // and the marks go; units still running are still recorded.
    void setActive(bool on);
    bool isActive() const { return m_active; }

    // Opens (or keeps) the records of `setup.recordsFolder` for the station, continues today's unit
    // numbers and counters from the day's JSON-lines file, arms, and starts every waiting board.
    // Errors name the folder or file (not translated: the caller adds what to do).
    Status arm(const ProductionSetup &setup);
    void disarm();  // nothing new starts; running units go on and are recorded
    void stopAll(); // disarms and stops every running unit (each is recorded as stopped)
    bool isArmed() const { return m_tracker.isArmed(); }
    int runningUnits() const { return int(m_units.size()); }
    const ProductionSetup &setup() const { return m_setup; }

    station::StationCounters counters() const; // today's, in this station's records
    QList<station::Lane> lanes() const { return m_tracker.lanes(); }
    QString jsonPath() const; // today's record files; empty before the first arm
    QString csvPath() const;
    QString recordsFolder() const { return m_records ? m_records->folder() : QString(); }

    // Boards coming back after their reboot within this time are the same unit (tests shorten it).
    void setRebootSettleMs(qint64 ms);

Q_SIGNALS:
    void armedChanged(bool armed);
    void countersChanged();
    void unitStarted(quint64 unit, const QString &key);
    // After the record was appended (`recorded`) or not (then recordFailed came first).
    void unitFinished(const oc::station::UnitRecord &record, const QString &key, bool recorded);
    // Appending a record failed: the station disarmed. `file` is the folder or file concerned.
    void recordFailed(const QString &file, const QString &reason);

private:
    void onArrived(const QString &key);
    void onLeft(const QString &key);
    void onProbed(const QString &key, const ProbeResult &result);
    void onJobFinished(const QString &key, const JobResult &result);
    void finishLane(const QString &key, const JobResult &result);
    void consider(const QString &key);
    void startUnit(const QString &key);
    Status openRecords(const ProductionSetup &setup);
    void resumeFromToday();
    void tick();
    void mark(const QString &key);
    qint64 now() const { return m_clock.elapsed(); }

    Station *m_station;
    DeviceListModel *m_devices;
    station::LaneTracker m_tracker;
    std::optional<station::RecordLog> m_records;
    QString m_recordsStation; // the station name m_records was opened for
    ProductionSetup m_setup;
    QHash<QString, station::UnitContext> m_units; // running units by row key
    QSet<QString> m_waiting;                      // arrived while armed: start once identified
    station::StationCounters m_earlier;           // today's records before this run, minus the run's
    quint64 m_lastUnit = 0;                       // the highest unit number started by this window
    QElapsedTimer m_clock;
    QTimer m_tickTimer;
    qint64 m_settleMs = station::LaneTracker::DefaultRebootSettleMs;
    bool m_active = false;
    bool m_recordErrorShown = false;
};

} // namespace oc::ui
