#pragma once

#include "flashplan.h"

#include <QElapsedTimer>

#include <optional>

namespace oc {

// Turns stage events into overall progress (weighted by the plan's stage weights), a data rate
// and an ETA. Shared by the CLI progress bar and the window's rows. A stage may appear several
// times in a multi-step plan (one Write per write step): each stageStarted() moves to the next
// entry of that stage, in plan order. Not thread-safe: feed it from the thread that receives the
// job's signals.
class ProgressTracker
{
public:
    explicit ProgressTracker(QList<StageWeight> stages);

    void stageStarted(Stage stage);
    void stageProgress(Stage stage, qint64 done, qint64 total);
    void stageFinished(Stage stage);

    Stage currentStage() const { return m_current; }
    double overall() const;        // 0..1
    double stageFraction() const;  // 0..1 of the current stage
    double bytesPerSecond() const; // current data stage; 0 outside data stages
    std::optional<double> etaSeconds() const;

private:
    double currentWeight() const;

    QList<StageWeight> m_stages;
    int m_index = -1;       // entry of m_stages that runs (or ran) last
    bool m_matched = false; // the current stage is m_stages[m_index] (not an undeclared one)
    double m_total = 0;
    double m_doneWeight = 0;
    Stage m_current = Stage::Connect;
    double m_fraction = 0;
    qint64 m_stageBytes = 0;
    QElapsedTimer m_stageTimer;
    QElapsedTimer m_jobTimer;
};

} // namespace oc
