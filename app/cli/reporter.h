#pragma once

#include "core/flash/flashjob.h"
#include "core/flash/progresstracker.h"

#include <QElapsedTimer>
#include <QObject>

#include <cstdio>

namespace oc::cli {

enum class OutputMode { Human, Json };

// Prints one job's events: a progress bar with stage, speed and ETA on a terminal (stderr), plain
// log lines otherwise, or one JSON object per line on stdout (--json) for other programs.
class Reporter : public QObject
{
    Q_OBJECT
public:
    Reporter(const FlashJob &job, OutputMode mode, int verbosity, QObject *parent = nullptr);

    // The final line: the result, what state the board is in, and what to do next.
    void printResult(const JobResult &result);

private:
    void onStageStarted(Stage stage);
    void onProgress(Stage stage, qint64 done, qint64 total);
    void onStageFinished(Stage stage);
    void onLog(LogLevel level, const QString &text);
    void drawBar(bool force);
    void clearBar();
    void json(const QJsonObject &object);

    OutputMode m_mode;
    int m_verbosity;
    bool m_tty;
    bool m_barShown = false;
    QElapsedTimer m_lastDraw;
    ProgressTracker m_tracker;
    QString m_device;
};

// Human-readable advice for an error class: what the user should do next.
QString adviceFor(const Error &error);

// Prints a failure that happened before or outside a job (bad option, missing file, no board): a
// result event on stdout with --json, "error: ... / what to do: ..." on stderr otherwise. Returns the
// exit code of the error's class.
int reportFailure(OutputMode mode, const Error &error);

} // namespace oc::cli
