#pragma once

#include <QHash>
#include <QKeySequence>
#include <QObject>

class QAction;
class QActionGroup;
class QMenu;
class QMenuBar;

namespace oc::ui {

// The window's menus: File, Boards, Production (production mode, its settings, operator lock, station
// plan), View (appearance, language), Help (guide, checklist, USB permissions, virtual boards, about).
// Actions are looked up by id ("open", "startAll", ...) and connected by the window; texts and shortcuts live
// here, and follow the language. GUI thread.
class MainMenus : public QObject
{
    Q_OBJECT
public:
    MainMenus(QMenuBar *bar, const QString &theme, const QString &language, QObject *parent = nullptr);

    QAction *action(const QString &id) const { return m_actions.value(id); }
    QStringList ids() const { return m_actions.keys(); }
    void retranslate();
    void showTheme(const QString &theme);       // checks the theme's entry
    void showLanguage(const QString &language); // checks the language's entry
    // Operator mode: only the Production menu stays, with "Unlock..." and the operator's settings;
    // every other action is disabled, shortcuts included.
    void setLocked(bool locked);

Q_SIGNALS:
    void themeChosen(const QString &theme);
    void languageChosen(const QString &language);

private:
    QAction *add(QMenu *menu, const QString &id, const QKeySequence &shortcut = {});

    QMenu *m_file;
    QMenu *m_boards;
    QMenu *m_production;
    QMenu *m_view;
    QMenu *m_help;
    QMenu *m_theme;
    QMenu *m_language;
    QMenu *m_virtual;
    QActionGroup *m_themeGroup;
    QActionGroup *m_languageGroup;
    QHash<QString, QAction *> m_actions;
};

} // namespace oc::ui
