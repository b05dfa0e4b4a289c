#pragma once

#include <QObject>
#include <QString>
#include <QTemporaryDir>
#include <QTimer>

#include <functional>

class QWidget;

namespace oc::ui {
class MainWindow;
}

// Drives the real window through a short session on virtual boards and saves review screenshots
// (tests/ui/screenshots.sh runs it under Xvfb): no board yet, idle, the confirmation, flashing,
// success, a failed board with its advice, the checklist, virtual-board, settings and USB permission
// dialogs, then production mode (lanes passed, failed and running) and the operator-locked station. Files:
// <dir>/<lang>-<theme>-NN-<name>.png. Quits when done; exitCode() is 1 if a step did not happen within its
// time.
class ScreenshotTour : public QObject
{
    Q_OBJECT
public:
    ScreenshotTour(oc::ui::MainWindow *window, const QString &dir);

    int exitCode() const { return m_exitCode; }

private:
    using Check = std::function<bool()>;
    void begin();
    void flashHealthyBoard();
    void waitFor(const QString &what, Check check, std::function<void()> then, int timeoutMs = 60000);
    void shoot(const QString &name);
    void acceptNextDialog(const QString &shotName);
    void startBoard(const QString &key, const QString &confirmShot);
    void failedBoard();
    void dialogs();
    void production();
    bool lanesToShow() const;
    void lockStation();
    void shootWidget(QWidget *widget, const QString &name);
    void finish(int code);
    bool rowIs(const QString &key, int activity) const;

    oc::ui::MainWindow *m_window;
    QString m_dir;
    QString m_prefix;
    QString m_healthy;
    QString m_faulty;
    QTemporaryDir m_records; // the production shots' records
    int m_exitCode = 0;
};
