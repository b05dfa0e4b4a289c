#pragma once

#include "core/station/pinlock.h"

namespace oc::ui {

// The rules for unlocking an operator station with the engineer's PIN: the PIN is checked against
// its salted hash (station::PinHash), and after three wrong PINs in a row every further try waits
// 30 seconds, so guessing a 4-digit PIN takes days. Plain bookkeeping with the time passed in, so the
// rules are tested with exact times; the window keeps the attempts in its settings, so a restart
// does not end the wait.
class OperatorLock
{
public:
    static constexpr int FreeAttempts = 3;
    static constexpr qint64 WaitMs = 30000;

    enum class Answer : quint8 { Unlocked, Wrong, Wait };

    OperatorLock() = default;
    OperatorLock(station::PinHash pin, int failures = 0, qint64 waitUntilMs = 0);

    // Wait: a wrong PIN was given too often and the time is not up (the PIN is not even checked).
    // Wrong: the PIN does not match; after the third wrong one, waitLeftMs() says how long to wait.
    // Blocking for the hash (about 0.1 s): GUI thread is fine for a PIN typed by a person.
    Answer tryPin(const QString &pin, qint64 nowMs);
    qint64 waitLeftMs(qint64 nowMs) const;
    int failures() const { return m_failures; }
    qint64 waitUntilMs() const { return m_waitUntilMs; }

private:
    station::PinHash m_pin;
    int m_failures = 0;
    qint64 m_waitUntilMs = 0;
};

} // namespace oc::ui
