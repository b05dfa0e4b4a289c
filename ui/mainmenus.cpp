#include "mainmenus.h"

#include "languagemanager.h"

#include <QActionGroup>
#include <QMenu>
#include <QMenuBar>

namespace oc::ui {

namespace {
QString languageId(const QString &code)
{
    return QStringLiteral("lang-") + (code.isEmpty() ? QStringLiteral("system") : code);
}
} // namespace

MainMenus::MainMenus(QMenuBar *bar, const QString &theme, const QString &language, QObject *parent)
    : QObject(parent)
    , m_file(bar->addMenu(QString()))
    , m_boards(bar->addMenu(QString()))
    , m_production(bar->addMenu(QString()))
    , m_view(bar->addMenu(QString()))
    , m_help(bar->addMenu(QString()))
    , m_theme(m_view->addMenu(QString()))
    , m_language(m_view->addMenu(QString()))
    , m_virtual(nullptr)
    , m_themeGroup(new QActionGroup(this))
    , m_languageGroup(new QActionGroup(this))
{
    add(m_file, QStringLiteral("open"), QKeySequence::Open);
    add(m_file, QStringLiteral("saveLog"), QKeySequence::Save);
    m_file->addSeparator();
    add(m_file, QStringLiteral("settings"), QKeySequence::Preferences);
    m_file->addSeparator();
    add(m_file, QStringLiteral("quit"), QKeySequence::Quit);

    add(m_boards, QStringLiteral("startSelected"), QKeySequence(Qt::CTRL | Qt::Key_Return));
    add(m_boards, QStringLiteral("startAll"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    add(m_boards, QStringLiteral("stopSelected"), QKeySequence(Qt::CTRL | Qt::Key_Period));
    add(m_boards, QStringLiteral("stopAll"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Period));
    m_boards->addSeparator();
    add(m_boards, QStringLiteral("identify"));
    add(m_boards, QStringLiteral("clear"));

    add(m_production, QStringLiteral("productionMode"))->setCheckable(true);
    add(m_production, QStringLiteral("productionSettings"));
    add(m_production, QStringLiteral("openRecords"));
    m_production->addSeparator();
    add(m_production, QStringLiteral("lock"));
    add(m_production, QStringLiteral("unlock"));
    add(m_production, QStringLiteral("savePlan"));

    for (const QString &name : {QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")}) {
        QAction *a = add(m_theme, QStringLiteral("theme-") + name);
        a->setCheckable(true);
        a->setChecked(theme == name);
        m_themeGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, name] { Q_EMIT themeChosen(name); });
    }
    for (const auto &[code, name] : LanguageManager::available()) {
        QAction *a = add(m_language, languageId(code));
        a->setCheckable(true);
        a->setChecked(language == code);
        a->setText(name); // each language in its own words; "system" is retranslated
        m_languageGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { Q_EMIT languageChosen(code); });
    }

    add(m_help, QStringLiteral("guide"), QKeySequence::HelpContents);
    add(m_help, QStringLiteral("noBoard"));
    add(m_help, QStringLiteral("permissions"));
    m_virtual = m_help->addMenu(QString());
    add(m_virtual, QStringLiteral("addVirtual"));
    add(m_virtual, QStringLiteral("unplugVirtual"));
    add(m_virtual, QStringLiteral("plugVirtual"));
    add(m_virtual, QStringLiteral("removeVirtual"));
    m_help->addSeparator();
    add(m_help, QStringLiteral("about"));
    action(QStringLiteral("unlock"))->setVisible(false);
    retranslate();
}

QAction *MainMenus::add(QMenu *menu, const QString &id, const QKeySequence &shortcut)
{
    QAction *action = menu->addAction(QString());
    action->setObjectName(id);
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    m_actions.insert(id, action);
    return action;
}

void MainMenus::showTheme(const QString &theme)
{
    if (QAction *a = action(QStringLiteral("theme-") + theme))
        a->setChecked(true);
}

void MainMenus::showLanguage(const QString &language)
{
    if (QAction *a = action(languageId(language)))
        a->setChecked(true);
}

void MainMenus::setLocked(bool locked)
{
    for (QMenu *menu : {m_file, m_boards, m_view, m_help}) {
        menu->menuAction()->setVisible(!locked);
        for (QAction *action : menu->actions()) {
            if (!action->menu())
                action->setEnabled(!locked);
        }
    }
    for (QMenu *menu : {m_theme, m_language, m_virtual}) {
        for (QAction *action : menu->actions())
            action->setEnabled(!locked);
    }
    const QStringList engineer = {QStringLiteral("productionMode"), QStringLiteral("openRecords"),
                                  QStringLiteral("lock"), QStringLiteral("savePlan")};
    for (const QString &id : engineer)
        action(id)->setVisible(!locked);
    action(QStringLiteral("unlock"))->setVisible(locked);
}

void MainMenus::retranslate()
{
    m_file->setTitle(tr("&File"));
    m_boards->setTitle(tr("&Boards"));
    m_production->setTitle(tr("&Production"));
    m_view->setTitle(tr("&View"));
    m_help->setTitle(tr("&Help"));
    m_theme->setTitle(tr("&Appearance"));
    m_language->setTitle(tr("&Language"));
    m_virtual->setTitle(tr("&Virtual boards"));
    const QList<QPair<QString, QString>> texts = {
        {QStringLiteral("open"), tr("&Open firmware...")},
        {QStringLiteral("saveLog"), tr("&Save log...")},
        {QStringLiteral("settings"), tr("S&ettings...")},
        {QStringLiteral("quit"), tr("&Quit")},
        {QStringLiteral("startSelected"), tr("&Start selected boards")},
        {QStringLiteral("startAll"), tr("Start &all ready boards")},
        {QStringLiteral("stopSelected"), tr("S&top selected boards")},
        {QStringLiteral("stopAll"), tr("Stop a&ll")},
        {QStringLiteral("identify"), tr("&Identify selected boards again")},
        {QStringLiteral("clear"), tr("&Remove unplugged boards from the list")},
        {QStringLiteral("productionMode"), tr("&Production mode")},
        {QStringLiteral("productionSettings"), tr("Production &settings...")},
        {QStringLiteral("openRecords"), tr("Open the &records folder")},
        {QStringLiteral("lock"), tr("&Lock for operators...")},
        {QStringLiteral("unlock"), tr("&Unlock...")},
        {QStringLiteral("savePlan"), tr("Sa&ve station plan...")},
        {QStringLiteral("theme-system"), tr("Follow the &system")},
        {QStringLiteral("theme-light"), tr("&Light")},
        {QStringLiteral("theme-dark"), tr("&Dark")},
        {QStringLiteral("lang-system"), tr("System language")},
        {QStringLiteral("guide"), tr("&User guide")},
        {QStringLiteral("noBoard"), tr("&No board detected...")},
        {QStringLiteral("permissions"), tr("USB &permissions...")},
        {QStringLiteral("addVirtual"), tr("&Add virtual boards...")},
        {QStringLiteral("unplugVirtual"), tr("&Unplug the selected virtual boards")},
        {QStringLiteral("plugVirtual"), tr("&Plug them back in")},
        {QStringLiteral("removeVirtual"), tr("&Remove all virtual boards")},
        {QStringLiteral("about"), tr("&About OpenCloner")},
    };
    for (const auto &[id, text] : texts) {
        if (QAction *a = action(id))
            a->setText(text);
    }
}

} // namespace oc::ui
