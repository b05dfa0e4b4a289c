#include "stationalerts.h"

#include <QApplication>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QWidget>

namespace oc::ui {

namespace {
constexpr int BeepSpacingMs = 350; // three beeps a person hears as three, not as one long one
} // namespace

StationAlerts::StationAlerts(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{}

StationAlerts::~StationAlerts() = default;

void StationAlerts::setArmed(bool armed)
{
    if (armed && !m_tray && QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/opencloner/icons/opencloner.svg")), this);
        m_tray->setToolTip(QApplication::applicationDisplayName());
    }
    if (m_tray)
        m_tray->setVisible(armed);
}

void StationAlerts::passed(const QString &title, const QString &text)
{
    beep(1);
    notify(title, text, false);
}

void StationAlerts::failed(const QString &title, const QString &text)
{
    beep(3);
    notify(title, text, true);
}

void StationAlerts::beep(int times)
{
    for (int i = 0; i < times; ++i) {
        ++m_beeps;
        if (i == 0)
            QApplication::beep();
        else
            QTimer::singleShot(i * BeepSpacingMs, this, [] { QApplication::beep(); });
    }
}

void StationAlerts::notify(const QString &title, const QString &text, bool failure)
{
    // The window in front already shows it; a notification then would only be noise.
    if (!m_tray || !m_tray->isVisible() || !QSystemTrayIcon::supportsMessages() ||
        (m_window && m_window->isActiveWindow()))
        return;
    m_tray->showMessage(title, text, failure ? QSystemTrayIcon::Critical : QSystemTrayIcon::Information,
                        failure ? 15000 : 5000);
    ++m_notifications;
}

} // namespace oc::ui
