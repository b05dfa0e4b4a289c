// The window as a whole: every control reachable by keyboard with an accessible name, settings that
// persist (geometry, language, last board, recent files, verify default), light and dark palettes,
// and the "no board detected" checklist that notices a board arriving.

#include "windowfixture.h"

#include "ui/appsettings.h"
#include "ui/boardpicker.h"
#include "ui/devicetable.h"
#include "ui/firmwarepanel.h"
#include "ui/noboarddialog.h"
#include "ui/operationpanel.h"
#include "ui/thememanager.h"

#include <QAccessible>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTreeView>

using namespace oc;
using namespace oc::ui;
using oc::ui::test::WindowFixture;

class TestWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyboardAndAccessibleNames()
    {
        WindowFixture f;
        QVERIFY(f.waitForCatalog());
        const QStringList keys = f.addBoards(1, QStringLiteral("none"));
        QCOMPARE(keys.size(), 1);
        f.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(f.window.get()));
        // Walk the Tab chain once around: every control the user needs is on it.
        QSet<QWidget *> reached;
        QWidget *start = f.window->boardPicker()->findChild<QComboBox *>();
        start->setFocus();
        QWidget *w = start;
        for (int i = 0; i < 200; ++i) {
            if (w->isVisible() && w->isEnabled() && (w->focusPolicy() & Qt::TabFocus))
                reached.insert(w);
            w = w->nextInFocusChain();
            if (w == start)
                break;
        }
        const QList<QWidget *> needed = {
            f.window->boardPicker()->findChildren<QComboBox *>().at(0),
            f.window->boardPicker()->findChildren<QComboBox *>().at(1),
            f.window->boardPicker()->findChild<QLineEdit *>(),
            f.window->firmwarePanel()->findChild<QPushButton *>(),
            f.window->operationPanel()->findChild<QComboBox *>(),
            f.window->operationPanel()->findChild<QCheckBox *>(),
            f.window->deviceTable()->view(),
            f.window->deviceTable()->actionButton(keys.first()),
            f.window->findChild<QTreeView *>(),
        };
        for (QWidget *widget : needed) {
            QVERIFY(widget);
            QVERIFY2(reached.contains(widget), widget->metaObject()->className());
        }
        // Every reachable control has a name a screen reader can say.
        for (QWidget *widget : std::as_const(reached)) {
            QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
            QVERIFY(accessible);
            QVERIFY2(!accessible->text(QAccessible::Name).trimmed().isEmpty(),
                     qPrintable(QString::fromLatin1(widget->metaObject()->className()) + QLatin1Char(' ') +
                                widget->objectName()));
        }
        // Keyboard shortcuts for the jobs.
        QStringList shortcuts;
        for (QAction *action : f.window->findChildren<QAction *>())
            shortcuts << action->shortcut().toString();
        QVERIFY(shortcuts.contains(QStringLiteral("Ctrl+Return")));
        QVERIFY(shortcuts.contains(QStringLiteral("Ctrl+Shift+Return")));
        QVERIFY(shortcuts.contains(QStringLiteral("Ctrl+.")));
    }

    void settingsPersist()
    {
        QTemporaryDir dir;
        MainWindowOptions options;
        options.settingsFile = dir.filePath(QStringLiteral("settings.ini"));
        options.dataDir = dir.filePath(QStringLiteral("data"));
        options.cacheDir = dir.filePath(QStringLiteral("cache"));
        options.useRealUsb = false;
        const QString firmware = dir.filePath(QStringLiteral("fw.bin"));
        QVERIFY(!test::writeImage(firmware, 64 * 1024).isEmpty());
        {
            MainWindow window(options);
            window.show();
            QSignalSpy ready(&window, &MainWindow::catalogReady);
            QVERIFY(ready.wait(10000));
            QVERIFY(window.boardPicker()->selectBoard(QStringLiteral("t20-emmc")));
            window.operationPanel()->setVerify(false);
            window.openFirmware(firmware);
            QTRY_VERIFY(window.firmwarePanel()->firmware().has_value());
            window.setLanguage(QStringLiteral("en"));
            window.setTheme(QStringLiteral("dark"));
            window.resize(1250, 860);
            QVERIFY(window.close());
        }
        MainWindow again(options);
        again.show();
        QSignalSpy ready(&again, &MainWindow::catalogReady);
        QVERIFY(ready.wait(10000));
        QCOMPARE(again.boardPicker()->boardName(), QStringLiteral("t20-emmc"));
        QVERIFY(!again.operationPanel()->verify());
        QCOMPARE(again.firmwarePanel()->recentFiles(), QStringList{firmware});
        QCOMPARE(again.settings().language(), QStringLiteral("en"));
        QCOMPARE(again.settings().theme(), QStringLiteral("dark"));
        QCOMPARE(again.size(), QSize(1250, 860));
        QVERIFY(again.themes()->isDark());
        again.setTheme(QStringLiteral("light"));
        QVERIFY(!again.themes()->isDark());
        again.setTheme(QStringLiteral("system"));
    }

    void checklistSeesTheBoard()
    {
        WindowFixture f;
        QVERIFY(f.waitForCatalog());
        NoBoardDialog dialog(f.window->station(), nullptr, QStringLiteral("t31"), nullptr);
        dialog.show();
        QVERIFY(!dialog.boardFound());
        QCOMPARE(f.addBoards(1, QStringLiteral("none")).size(), 1);
        QVERIFY(dialog.boardFound());
        QVERIFY(
            dialog.events().join(QLatin1Char('\n')).contains(QStringLiteral("virtual board on port 1-1")));
    }
};

QTEST_MAIN(TestWindow)
#include "tst_window.moc"
