#pragma once

#include "devicemodel.h"

#include <QString>

#include <optional>

namespace oc::sim {

// The outcome of one piece of burner work (INIT, WRITE data, READ, ...): the ack it leaves, how
// long the burner is busy (EP0 and bulk NAKed), and whether it crashed or lost power.
struct BurnerWork
{
    enum class After : quint8 { Nothing, Reset, PowerOff };

    qint32 ack = 0;
    SimDuration busy{0};
    bool hang = false;
    QString hangReason;
    std::optional<SimDuration> powerLossAfter; // power fails this long after the work started
    After after = After::Nothing;

    static BurnerWork hung(QString why)
    {
        BurnerWork w;
        w.hang = true;
        w.hangReason = std::move(why);
        return w;
    }
};

} // namespace oc::sim
