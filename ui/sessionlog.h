#pragma once

#include "logmodel.h"

#include <QObject>
#include <QThread>

namespace oc::ui {

// Keeps every session's log on disk: one file per run in `dir` (normally
// <AppLocalDataLocation>/logs), named session-<date>-<time>.log; the oldest files beyond keepFiles
// are removed at start. Lines are written on a worker thread, so a slow disk never stalls the window.
class SessionLog : public QObject
{
    Q_OBJECT
public:
    explicit SessionLog(const QString &dir, int keepFiles = 50, QObject *parent = nullptr);
    ~SessionLog() override; // writes what is queued, then closes the file

    QString filePath() const { return m_path; }
    QString directory() const { return m_dir; }
    bool isOpen() const { return !m_path.isEmpty(); }

    void write(const LogEntry &entry);

private:
    QString m_dir;
    QString m_path;
    QThread m_thread;
    QObject *m_writer = nullptr;
};

} // namespace oc::ui
