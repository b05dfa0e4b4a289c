#pragma once

#include "../usb/usbtransport.h"
#include "virtualboard.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace oc::sim {

// A bus of virtual boards on port paths "1-1", "1-2", ...: lists the attached ones, plugs and
// unplugs them, opens SimTransports, and reports arrivals / departures (including those the boards
// cause themselves: REBOOT, disconnect faults, re-appearance after a reset).
//
// Time: boards only change state when driven; advance(now) (or listing devices, which advances to
// the clock's now) lets pending events (reset delays, re-appearance) happen.
//
// Threading: every method is thread-safe. Each board has its own mutex, shared with the transports
// opened on it. The hotplug callback runs synchronously on the thread whose call caused the event
// (a job's worker thread for a REBOOT, the caller of advance()/plug()) while that board's mutex is
// held: it must not call back into the bus for the same board; post to your own thread instead.
class VirtualBus
{
public:
    using HotplugCallback = std::function<void(const UsbDeviceId &device, bool arrived)>;

    VirtualBus();
    ~VirtualBus();

    // Adds a board on the next free port; returns the port path. The board's serial number is
    // set to the port number ("OpenCloner-Virtual-<n>") by the second overload.
    QString addBoard(std::shared_ptr<VirtualBoard> board, bool plugIn = true);
    Result<QString> addBoard(SimBoardConfig config, TimingModel timing = TimingModel::none(),
                             FaultPlan faults = {}, bool plugIn = true);
    bool removeBoard(const QString &portPath);

    std::shared_ptr<VirtualBoard> board(const QString &portPath) const;
    QStringList ports() const;            // every port with a board, attached or not
    QList<UsbDeviceId> attachedDevices(); // advances to now first; ordered by port path
    bool plug(const QString &portPath);
    bool unplug(const QString &portPath);
    void advance(SimTime now);

    Result<std::unique_ptr<UsbTransport>> open(const QString &portPath);

    void setHotplugCallback(HotplugCallback callback);
    void setClock(std::function<SimTime()> now); // tests; default SimClock::now

private:
    struct Slot;
    std::shared_ptr<Slot> slot(const QString &portPath) const;
    void announce(const UsbDeviceId &id, bool arrived);

    mutable std::mutex m_mutex; // the slot list
    QList<std::shared_ptr<Slot>> m_slots;
    int m_nextPort = 1;
    std::atomic<int> m_nextAddress{2};
    std::mutex m_callbackMutex;
    HotplugCallback m_callback;
    std::function<SimTime()> m_now;
};

} // namespace oc::sim
