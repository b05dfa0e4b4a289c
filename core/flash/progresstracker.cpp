#include "progresstracker.h"

namespace oc {

ProgressTracker::ProgressTracker(QList<StageWeight> stages)
    : m_stages(std::move(stages))
{
    for (const StageWeight &s : m_stages)
        m_total += s.weight;
    m_jobTimer.start();
}

double ProgressTracker::weightOf(Stage stage) const
{
    for (const StageWeight &s : m_stages) {
        if (s.stage == stage)
            return s.weight;
    }
    return 0;
}

void ProgressTracker::stageStarted(Stage stage)
{
    m_current = stage;
    m_fraction = 0;
    m_stageBytes = 0;
    m_stageTimer.start();
}

void ProgressTracker::stageProgress(Stage stage, qint64 done, qint64 total)
{
    if (stage != m_current || total <= 0)
        return;
    m_fraction = qBound(0.0, double(done) / double(total), 1.0);
    m_stageBytes = done;
}

void ProgressTracker::stageFinished(Stage stage)
{
    m_doneWeight += weightOf(stage);
    if (stage == m_current)
        m_fraction = 1;
}

double ProgressTracker::overall() const
{
    if (m_total <= 0)
        return 0;
    const double current = m_fraction < 1 ? weightOf(m_current) * m_fraction : 0;
    return qBound(0.0, (m_doneWeight + current) / m_total, 1.0);
}

double ProgressTracker::stageFraction() const
{
    return m_fraction;
}

double ProgressTracker::bytesPerSecond() const
{
    const bool data = m_current == Stage::Write || m_current == Stage::Read || m_current == Stage::Verify;
    const double seconds = double(m_stageTimer.nsecsElapsed()) / 1e9;
    return data && seconds > 0.05 ? double(m_stageBytes) / seconds : 0;
}

std::optional<double> ProgressTracker::etaSeconds() const
{
    const double done = overall();
    const double elapsed = double(m_jobTimer.nsecsElapsed()) / 1e9;
    if (done < 0.02 || elapsed < 0.5)
        return std::nullopt;
    return elapsed * (1 - done) / done;
}

} // namespace oc
