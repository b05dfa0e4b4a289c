#pragma once

#include <QObject>
#include <QPointer>

class QSystemTrayIcon;
class QWidget;

namespace oc::ui {

// How a production station tells the operator that a board is done without them looking: one beep
// when a unit passes, three spaced beeps when it fails (QApplication::beep, the desktop's bell), and,
// while the window is not the active one, a desktop notification through the system tray where the
// desktop has one. A stopped unit makes no sound: the operator stopped it. GUI thread.
class StationAlerts : public QObject
{
    Q_OBJECT
public:
    explicit StationAlerts(QWidget *window, QObject *parent = nullptr);
    ~StationAlerts() override;

    // The tray icon is shown while the station is armed (notifications need it).
    void setArmed(bool armed);
    void passed(const QString &title, const QString &text);
    void failed(const QString &title, const QString &text);

    int beeps() const { return m_beeps; }                 // so far (tests; beep() itself is silent offscreen)
    int notifications() const { return m_notifications; } // shown so far

private:
    void beep(int times);
    void notify(const QString &title, const QString &text, bool failure);

    QPointer<QWidget> m_window;
    QSystemTrayIcon *m_tray = nullptr;
    int m_beeps = 0;
    int m_notifications = 0;
};

} // namespace oc::ui
