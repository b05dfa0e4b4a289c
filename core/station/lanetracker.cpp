#include "lanetracker.h"

#include <algorithm>

namespace oc::station {

const char *laneStateName(LaneState state)
{
    switch (state) {
    case LaneState::Empty:
        return "empty";
    case LaneState::Ready:
        return "ready";
    case LaneState::Running:
        return "running";
    case LaneState::Passed:
        return "passed";
    case LaneState::Failed:
        return "failed";
    }
    return "?";
}

LaneTracker::LaneTracker(qint64 rebootSettleMs)
    : m_settleMs(rebootSettleMs)
{}

Lane &LaneTracker::laneFor(const QString &port)
{
    auto it = m_lanes.find(port);
    if (it == m_lanes.end()) {
        Lane lane;
        lane.number = int(m_lanes.size()) + 1;
        lane.port = port;
        it = m_lanes.insert(port, lane);
    }
    return *it;
}

QStringList LaneTracker::arm()
{
    m_armed = true;
    QStringList ready;
    for (const Lane &lane : lanes()) {
        if (lane.present && lane.state == LaneState::Ready)
            ready << lane.port;
    }
    return ready;
}

void LaneTracker::disarm()
{
    m_armed = false;
}

bool LaneTracker::arrived(const QString &port, qint64 nowMs)
{
    Lane &lane = laneFor(port);
    lane.present = true;
    if (lane.state == LaneState::Running)
        return false; // the job's own board re-enumerating (after its reboot, or a reset)
    Guard &guard = m_guards[port];
    if (lane.restarting && nowMs <= guard.returnUntilMs) {
        // The board that just finished, back after its own reboot: never flashed twice.
        lane.restarting = false;
        guard.returnUntilMs = -1;
        return false;
    }
    lane.restarting = false;
    guard = Guard();
    lane.state = LaneState::Ready;
    return m_armed;
}

void LaneTracker::left(const QString &port, qint64 nowMs)
{
    Lane &lane = laneFor(port);
    lane.present = false;
    Guard &guard = m_guards[port];
    if (lane.state == LaneState::Running) {
        guard.leftDuringJob = true;
    } else if (lane.state == LaneState::Ready) {
        lane.state = LaneState::Empty;
    } else if (guard.expectReboot) {
        guard.expectReboot = false;
        guard.returnUntilMs = nowMs + m_settleMs;
        lane.restarting = true;
    }
}

quint64 LaneTracker::started(const QString &port)
{
    Lane &lane = laneFor(port);
    lane.state = LaneState::Running;
    lane.restarting = false;
    lane.unit = m_nextUnit++;
    ++m_started;
    m_guards[port] = Guard();
    ++m_counters.running;
    return lane.unit;
}

void LaneTracker::finished(const QString &port, bool passed, bool rebooted, qint64 nowMs)
{
    Lane &lane = laneFor(port);
    if (lane.state != LaneState::Running)
        return;
    lane.state = passed ? LaneState::Passed : LaneState::Failed;
    --m_counters.running;
    ++(passed ? m_counters.passed : m_counters.failed);
    Guard &guard = m_guards[port];
    const bool leftDuringJob = guard.leftDuringJob;
    guard = Guard();
    if (!rebooted)
        return;
    if (!leftDuringJob) {
        guard.expectReboot = true; // its coming departure is the reboot
    } else if (!lane.present) {
        guard.returnUntilMs = nowMs + m_settleMs; // it left for its reboot and may still come back
        lane.restarting = true;
    }
    // Else it left and came back while the job ended: the same board, done; the next departure is
    // the operator's.
}

QStringList LaneTracker::tick(qint64 nowMs)
{
    QStringList changed;
    for (auto it = m_guards.begin(); it != m_guards.end(); ++it) {
        if (it->returnUntilMs < 0 || nowMs <= it->returnUntilMs)
            continue;
        it->returnUntilMs = -1;
        m_lanes[it.key()].restarting = false;
        changed << it.key();
    }
    return changed;
}

const Lane *LaneTracker::lane(const QString &port) const
{
    const auto it = m_lanes.constFind(port);
    return it == m_lanes.cend() ? nullptr : &*it;
}

QList<Lane> LaneTracker::lanes() const
{
    QList<Lane> all = m_lanes.values();
    std::sort(all.begin(), all.end(), [](const Lane &a, const Lane &b) { return a.number < b.number; });
    return all;
}

void LaneTracker::resetCounters()
{
    m_counters.passed = 0;
    m_counters.failed = 0;
}

} // namespace oc::station
