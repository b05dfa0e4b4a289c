#pragma once

// The headless production loop behind `opencloner-cli station`: watches the bus, flashes every new
// board with one plan on a lane of its own (LaneTracker's rules), and appends a record per unit
// before it reports the unit. One board's failure never touches another's job.
//
// Threading: lives in the thread that created it and needs its event loop; jobs run on FlashJob's
// worker pool. The bus is polled (DeviceProvider::listDevices, no device I/O) every pollMs; a board
// that re-enumerated between two polls (same port, new address) counts as a departure and an arrival.
// A new board is taken once two polls in a row list it, so its first open never races its
// enumeration.

#include "lanetracker.h"
#include "recordlog.h"
#include "unitrecord.h"

#include "core/flash/flashplan.h"
#include "core/flash/jobresult.h"
#include "core/usb/deviceprovider.h"
#include "core/util/observer.h"
#include "core/util/stage.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>

namespace oc {
class FlashJob;
}

namespace oc::station {

struct StationSetup
{
    FlashPlan plan;       // validated; the same plan for every unit
    UnitContext identity; // station, operator, plan, package, version, sha256, chip
    int pollMs = 200;
    qint64 rebootSettleMs = LaneTracker::DefaultRebootSettleMs;
    quint64 maxUnits = 0; // disarm after this many units started (0: run until stopped)
    quint64 firstUnit = 1;
};

class StationLoop : public QObject
{
    Q_OBJECT
public:
    // `records` must outlive the loop; the loop never starts a unit it could not record: when an
    // append fails it disarms and emits recordError().
    StationLoop(StationSetup setup, std::shared_ptr<DeviceProvider> provider, RecordLog *records,
                QObject *parent = nullptr);
    ~StationLoop() override; // cancels running jobs and waits for them (bounded by a USB timeout each)

    void start();        // arms and starts watching the bus
    void finish();       // disarms; running jobs end normally, then idle()
    void stop();         // disarms and cancels running jobs, then idle()
    bool isIdle() const; // disarmed and no job running

    StationCounters counters() const { return m_lanes.counters(); }
    QList<Lane> lanes() const { return m_lanes.lanes(); }
    const LaneTracker &tracker() const { return m_lanes; }

Q_SIGNALS:
    void boardArrived(const QString &port);
    void boardLeft(const QString &port);
    void unitStarted(quint64 unit, int lane, const QString &port);
    void stageStarted(quint64 unit, oc::Stage stage);
    void logLine(quint64 unit, oc::LogLevel level, const QString &text);
    // After the record is on disk; `result` is the job's own (timings, retries, CPU time).
    void unitFinished(const oc::station::UnitRecord &record, const oc::JobResult &result);
    void recordError(const oc::Error &error);
    void busError(const oc::Error &error); // listing the bus failed (repeated failures: once)
    void idle();

private:
    void poll();
    QHash<QString, UsbDeviceId> byPort(const QList<UsbDeviceId> &listed) const;
    void applyListing(const QHash<QString, UsbDeviceId> &current, qint64 t);
    void startUnit(const QString &port);
    void onJobFinished(const QString &port);
    void checkIdle();
    qint64 now() const { return m_clock.elapsed(); }

    struct Running
    {
        quint64 unit = 0;
        FlashJob *job = nullptr; // a child of the loop
    };

    StationSetup m_setup;
    std::shared_ptr<DeviceProvider> m_provider;
    RecordLog *m_records;
    LaneTracker m_lanes;
    QHash<QString, UsbDeviceId> m_present;    // by port: the boards the lanes know of
    QHash<QString, UsbDeviceId> m_candidates; // by port: seen in one listing, not yet in a second
    QHash<QString, Running> m_running;        // by port
    QTimer m_pollTimer;
    QElapsedTimer m_clock;
    bool m_busErrorShown = false;
};

} // namespace oc::station

Q_DECLARE_METATYPE(oc::station::UnitRecord)
