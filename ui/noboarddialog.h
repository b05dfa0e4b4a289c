#pragma once

#include <QDialog>

#include <memory>

class QLabel;
class QListWidget;

namespace oc::catalog {
class Catalog;
}

namespace oc::ui {

class Station;
class UsbEventMonitor;
struct UsbDeviceInfo;

// "No board detected": a short guided checklist (a cable that carries data, the boot button, a port
// on the computer itself, the USB id to expect) beside a live list of USB events, so every step shows
// its effect at once. Closes the loop when an Ingenic board in USB boot mode appears.
class NoBoardDialog : public QDialog
{
    Q_OBJECT
public:
    NoBoardDialog(Station *station, std::shared_ptr<const catalog::Catalog> catalog, const QString &chip,
                  UsbEventMonitor *monitor, QWidget *parent = nullptr);

    QStringList events() const;
    bool boardFound() const { return m_found; }

Q_SIGNALS:
    void permissionHelpRequested();
    void virtualBoardRequested();

private:
    void addEvent(const QString &text);
    void onUsbArrived(const UsbDeviceInfo &device);
    void onUsbLeft(const UsbDeviceInfo &device);
    void onBoardArrived(const QString &key);
    QString expectedIds(const QString &chip) const;

    Station *m_station;
    std::shared_ptr<const catalog::Catalog> m_catalog;
    QLabel *m_status;
    QListWidget *m_events;
    bool m_found = false;
};

} // namespace oc::ui
