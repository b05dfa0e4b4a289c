#pragma once

#include "usbtypes.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <memory>

namespace oc {

class LibusbContext;

// Watches the bus for Ingenic USB-boot devices (architecture "flow of one flash", step 1).
//
// Lives in the thread that created it (normally the GUI thread) and emits its signals there. With
// libusb hotplug (LIBUSB_CAP_HAS_HOTPLUG) the libusb callback does no I/O: it only posts one
// queued rescan(); otherwise a timer re-enumerates every pollInterval(). Either way a rescan diffs
// the new list against the previous one by port path, so a board that re-enumerates keeps its
// identity (its slot): it is reported as deviceLeft(old) + deviceArrived(new) with the same
// portPath and a new address. Enumeration does no device I/O (see DeviceEnumerator).
class DeviceWatcher : public QObject
{
    Q_OBJECT

public:
    enum class Mode : quint8 { Automatic, Polling }; // Automatic: hotplug when libusb has it

    explicit DeviceWatcher(std::shared_ptr<LibusbContext> context, QObject *parent = nullptr);
    ~DeviceWatcher() override;

    // Both take effect at the next start().
    void setMode(Mode mode) { m_mode = mode; }
    void setPollInterval(std::chrono::milliseconds interval) { m_pollInterval = interval; }
    std::chrono::milliseconds pollInterval() const { return m_pollInterval; }

    // Enumerates once (deviceArrived for every board already present, then devicesChanged if any) and
    // starts watching. stop() stops watching; the last known list stays.
    void start();
    void stop();
    bool isRunning() const { return m_running; }
    bool usesHotplug() const { return m_listenerId != 0; }

    QList<UsbDeviceId> devices() const; // ordered by port path

public Q_SLOTS:
    void rescan();

Q_SIGNALS:
    void deviceArrived(const oc::UsbDeviceId &id);
    void deviceLeft(const oc::UsbDeviceId &id);
    void devicesChanged();

private:
    void applyList(const QList<UsbDeviceId> &current);

    std::shared_ptr<LibusbContext> m_context;
    Mode m_mode = Mode::Automatic;
    std::chrono::milliseconds m_pollInterval{1000};
    QTimer m_pollTimer;
    QHash<QString, UsbDeviceId> m_devices; // by port path
    QList<QString> m_order;
    int m_listenerId = 0;
    bool m_running = false;
    std::atomic_bool m_rescanQueued{false};
};

} // namespace oc
