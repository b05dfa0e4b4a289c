#pragma once

// Arm once, one lane per USB port, and the re-flash guard: the decisions of a production station,
// shared by the window and `opencloner-cli station`. Pure bookkeeping: it is told what happened
// (arrivals, departures, job starts and ends, the time) and says whether to start a job. No I/O, no
// threads, no clock of its own, so every rule is tested with exact times.
//
// Rules
// - Armed, a board that arrives on a port is a new unit and gets a job (arrived() returns true).
//   Boards already present when the station is armed are started by arm().
// - A board whose job ended stays "done, unplug" (or "failed, unplug") while it is on the bus: it is
//   never flashed twice.
// - A job that ended by rebooting the board expects the board to leave once on its own. If the board
//   comes back on the same port within rebootSettle of that departure, it is the same board
//   restarted (boot button still held, or a jig that forces USB boot): not flashed, the lane still
//   says "done, unplug". A board arriving later, or after a departure that was not the reboot (an
//   operator unplugging a failed board), is the next unit.
// - Disarmed, arrivals are only shown; nothing starts.

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace oc::station {

enum class LaneState : quint8 {
    Empty,   // nothing has happened on this port yet, or a board arrived while disarmed and left
    Ready,   // a board is there and waits for the station to be armed
    Running, // a job runs on the board
    Passed,  // the last unit passed; `present` says whether it still has to be unplugged
    Failed,  // the last unit failed or was stopped
};
const char *laneStateName(LaneState state);

struct Lane
{
    int number = 0; // 1-based, in order of the first board seen on the port
    QString port;
    LaneState state = LaneState::Empty;
    bool present = false;    // a board is on the port now
    bool restarting = false; // the finished board left for its reboot and may come back
    quint64 unit = 0;        // the running or last unit on this lane, 0: none yet
    bool doneUnplug() const { return present && (state == LaneState::Passed || state == LaneState::Failed); }
};

struct StationCounters
{
    int passed = 0;
    int failed = 0; // failed and stopped units
    int running = 0;
    int total() const { return passed + failed; }
    friend bool operator==(const StationCounters &, const StationCounters &) = default;
};

class LaneTracker
{
public:
    explicit LaneTracker(qint64 rebootSettleMs = DefaultRebootSettleMs);
    static constexpr qint64 DefaultRebootSettleMs = 2500; // a ROM re-enumerates within ~1 s of its reset

    bool isArmed() const { return m_armed; }
    // Arms the station; returns the ports whose waiting boards should start now.
    QStringList arm();
    void disarm(); // running jobs go on; nothing new starts

    // A board appeared on `port`; true: start a job on it (then call started()).
    bool arrived(const QString &port, qint64 nowMs);
    void left(const QString &port, qint64 nowMs);
    // A job starts on the board: the lane is Running and the unit gets the next number, returned.
    quint64 started(const QString &port);
    // The job ended. `passed`: the unit passed; `rebooted`: the job's last act rebooted the board.
    void finished(const QString &port, bool passed, bool rebooted, qint64 nowMs);
    // Ends reboot windows that ran out. Returns the ports whose lane changed.
    QStringList tick(qint64 nowMs);

    const Lane *lane(const QString &port) const;
    QList<Lane> lanes() const; // by lane number
    StationCounters counters() const { return m_counters; }
    quint64 unitsStarted() const { return m_started; } // by this tracker, whatever the first number
    // The next unit number (a station that resumes a day's records continues its numbering).
    void setNextUnit(quint64 unit) { m_nextUnit = unit; }
    void resetCounters();

private:
    Lane &laneFor(const QString &port);

    struct Guard
    {
        bool leftDuringJob = false; // the board left the bus while its job ran (its reboot, a fault)
        bool expectReboot = false;  // the finished job rebooted the board and it has not left yet
        qint64 returnUntilMs = -1;  // it left for its reboot: arrivals until then are the same board
    };

    qint64 m_settleMs;
    bool m_armed = false;
    QHash<QString, Lane> m_lanes;
    QHash<QString, Guard> m_guards;
    StationCounters m_counters;
    quint64 m_nextUnit = 1;
    quint64 m_started = 0;
};

} // namespace oc::station
