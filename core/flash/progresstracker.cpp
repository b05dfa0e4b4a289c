#include "progresstracker.h"

namespace oc {

ProgressTracker::ProgressTracker(QList<StageWeight> stages)
    : m_stages(std::move(stages))
{
    for (const StageWeight &s : m_stages)
        m_total += s.weight;
    m_jobTimer.start();
}

double ProgressTracker::currentWeight() const
{
    return m_matched && m_index >= 0 && m_index < m_stages.size() ? m_stages[m_index].weight : 0;
}

void ProgressTracker::stageStarted(Stage stage)
{
    // The next entry of this stage after the current one; a stage the plan did not declare weighs 0.
    int next = -1;
    for (int i = m_index + 1; i < m_stages.size() && next < 0; ++i) {
        if (m_stages[i].stage == stage)
            next = i;
    }
    m_matched = next >= 0;
    if (m_matched)
        m_index = next;
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
    if (stage != m_current)
        return;
    m_doneWeight += currentWeight();
    m_fraction = 1;
}

double ProgressTracker::overall() const
{
    if (m_total <= 0)
        return 0;
    const double current = m_fraction < 1 ? currentWeight() * m_fraction : 0;
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
