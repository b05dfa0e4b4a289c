#pragma once

#include <QList>
#include <QMap>
#include <QObject>
#include <QTimer>

namespace oc::ui {

// Any USB device, not only Ingenic boards: what the "no board detected" checklist shows live, so the
// user sees that plugging the cable does *something* (a phone charger cable shows nothing, a board that
// boots normally shows its normal USB id instead of the boot ROM's).
struct UsbDeviceInfo
{
    QString port; // sysfs name, "1-4.2"
    quint16 vid = 0;
    quint16 pid = 0;
    QString manufacturer;
    QString product;
    QString devNode;       // "/dev/bus/usb/001/007"
    bool writable = false; // this user may open it (udev rule / permissions)

    bool isIngenic() const { return vid == 0xa108; }
    bool operator==(const UsbDeviceInfo &) const = default;
};

// Watches the USB devices the kernel lists in sysfs (Linux; elsewhere isAvailable() is false) by
// reading it every interval while started: sysfs lives in memory, a scan costs well under a
// millisecond. GUI thread.
class UsbEventMonitor : public QObject
{
    Q_OBJECT
public:
    explicit UsbEventMonitor(const QString &sysfsRoot = QStringLiteral("/sys/bus/usb/devices"),
                             const QString &devRoot = QStringLiteral("/dev/bus/usb"),
                             QObject *parent = nullptr);

    bool isAvailable() const;
    // The devices now (root hubs and interfaces excluded), by port.
    QList<UsbDeviceInfo> scan() const;
    void start(int intervalMs = 500); // reports the devices present as arrivals first
    void stop();
    void poll();

Q_SIGNALS:
    void arrived(const oc::ui::UsbDeviceInfo &device);
    void left(const oc::ui::UsbDeviceInfo &device);

private:
    QString m_sysfs;
    QString m_dev;
    QTimer m_timer;
    QMap<QString, UsbDeviceInfo> m_known;
};

} // namespace oc::ui
