#pragma once

#include "stage.h"

#include <QString>

namespace oc {

enum class LogLevel : quint8 { Debug, Info, Warning, Error };

const char *logLevelName(LogLevel level);

// What the engine reports while it works. Called on the worker thread, synchronously, between
// transfers: implementations must be cheap and must not block (FlashJob forwards to queued
// signals, the CLI prints). Progress is in bytes for data stages and in steps otherwise.
class SessionObserver
{
public:
    virtual ~SessionObserver() = default;
    virtual void stageStarted(Stage) {}
    virtual void stageProgress(Stage, qint64 /*done*/, qint64 /*total*/) {}
    virtual void stageFinished(Stage) {}
    virtual void log(LogLevel, const QString &) {}
};

} // namespace oc
