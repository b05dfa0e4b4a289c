#pragma once

#include <QObject>
#include <QPalette>

namespace oc::ui {

// Light / dark appearance. "system" keeps the platform's style and palette (and with it the
// desktop's light or dark choice and scaling); "light" and "dark" use the Fusion style with fixed
// palettes, for desktops that do not tell Qt their colour scheme. GUI thread, one per application.
class ThemeManager : public QObject
{
    Q_OBJECT
public:
    enum class Theme : quint8 { System, Light, Dark };

    explicit ThemeManager(QObject *parent = nullptr);

    void setTheme(Theme theme);
    Theme theme() const { return m_theme; }
    bool isDark() const; // what is shown now

    static Theme fromName(const QString &name);
    static QString name(Theme theme);
    static QPalette lightPalette();
    static QPalette darkPalette();

Q_SIGNALS:
    void changed();

private:
    Theme m_theme = Theme::System;
    QString m_systemStyle;
};

} // namespace oc::ui
