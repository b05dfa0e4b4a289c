#include "operatorlock.h"

namespace oc::ui {

OperatorLock::OperatorLock(station::PinHash pin, int failures, qint64 waitUntilMs)
    : m_pin(std::move(pin))
    , m_failures(failures)
    , m_waitUntilMs(waitUntilMs)
{}

qint64 OperatorLock::waitLeftMs(qint64 nowMs) const
{
    // Bounded: a clock set back, or a settings file edited by hand, never makes the wait longer.
    return qBound<qint64>(0, m_waitUntilMs - nowMs, WaitMs);
}

OperatorLock::Answer OperatorLock::tryPin(const QString &pin, qint64 nowMs)
{
    if (waitLeftMs(nowMs) > 0)
        return Answer::Wait;
    if (m_pin.matches(pin)) {
        m_failures = 0;
        m_waitUntilMs = 0;
        return Answer::Unlocked;
    }
    ++m_failures;
    if (m_failures >= FreeAttempts)
        m_waitUntilMs = nowMs + WaitMs;
    return Answer::Wrong;
}

} // namespace oc::ui
