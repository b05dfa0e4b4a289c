#pragma once

// A MainWindow on virtual boards only, with its settings, logs and caches in a temporary folder.

#include "uitestutil.h"

#include "ui/boardpicker.h"
#include "ui/devicelistmodel.h"
#include "ui/mainwindow.h"
#include "ui/station.h"
#include "ui/virtualdevicesource.h"

#include <QDragEnterEvent>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

namespace oc::ui::test {

class WindowFixture
{
public:
    WindowFixture()
    {
        MainWindowOptions options;
        options.settingsFile = m_dir.filePath(QStringLiteral("settings.ini"));
        options.dataDir = m_dir.filePath(QStringLiteral("data"));
        options.cacheDir = m_dir.filePath(QStringLiteral("cache"));
        options.useRealUsb = false;
        window = std::make_unique<MainWindow>(options);
        window->show();
    }

    bool waitForCatalog()
    {
        if (window->isCatalogReady())
            return true;
        QSignalSpy ready(window.get(), &MainWindow::catalogReady);
        return ready.wait(10000);
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Sends a drag carrying `mime` over the window and drops it, as a file manager would.
    static bool drop(QWidget *target, QMimeData *mime)
    {
        QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &enter);
        if (!enter.isAccepted())
            return false;
        QDragMoveEvent move(QPoint(30, 30), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &move);
        QDropEvent drop(QPointF(30, 30), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &drop);
        return drop.isAccepted();
    }
    bool dropFile(const QString &file)
    {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(file)});
        return drop(window.get(), &mime);
    }

    const DeviceRow *row(const QString &key) const { return window->devices()->row(key); }

    // Plugs virtual boards like `board`, picks that profile, and waits until each board answered its
    // identification.
    QStringList addBoards(int count, const QString &timing, const QString &faults = QString(),
                          const QString &board = QStringLiteral("t31-nor"))
    {
        auto keys = window->addVirtualBoards(board, count, timing, faults);
        if (!keys || !window->boardPicker()->selectBoard(board))
            return {};
        for (const QString &key : *keys) {
            if (!QTest::qWaitFor([&] { return row(key) && row(key)->probe; }, 10000))
                return {};
        }
        return *keys;
    }

    std::unique_ptr<MainWindow> window;

private:
    QTemporaryDir m_dir;
};

} // namespace oc::ui::test
