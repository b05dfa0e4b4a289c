#pragma once

#include "flashplan.h"
#include "jobresult.h"

#include "../usb/deviceprovider.h"
#include "../util/cancel.h"
#include "../util/observer.h"

#include <QFuture>
#include <QObject>
#include <QSemaphore>

#include <memory>

namespace oc {

// Runs one FlashPlan on one board on a worker thread of its own (QtConcurrent on a pool reserved for
// jobs, never Qt's global pool: a job blocks its thread for minutes). The job opens the board
// through `provider` inside its Connect stage, so opening never blocks the caller's thread.
//
// Signals are always emitted from the thread the job lives in (queued from the worker), in
// order: stageStarted / stageProgress / stageFinished / logLine, then finished() exactly once.
// cancel() is cooperative: the worker stops between chunks or poll tries, so finished() follows
// within one USB transfer timeout. Never terminates threads.
class FlashJob : public QObject
{
    Q_OBJECT
public:
    FlashJob(FlashPlan plan, std::shared_ptr<DeviceProvider> provider, UsbDeviceId device,
             QObject *parent = nullptr);
    ~FlashJob() override; // cancels and waits for the worker

    const FlashPlan &plan() const { return m_plan; }
    const UsbDeviceId &device() const { return m_device; }
    bool isRunning() const { return m_running; }
    JobResult result() const { return m_result; }

    void start();
    void cancel();
    // Blocks the calling thread until the worker ended, at most `ms` milliseconds. For the CLI and
    // tests; a GUI waits for finished() instead.
    bool waitForWorker(int ms);

Q_SIGNALS:
    void stageStarted(oc::Stage stage);
    void stageProgress(oc::Stage stage, qint64 done, qint64 total);
    void stageFinished(oc::Stage stage);
    void logLine(oc::LogLevel level, const QString &text);
    void finished(const oc::JobResult &result);

private:
    JobResult work();
    JobResult runSession();
    Result<std::unique_ptr<UsbTransport>> openBoard(SessionObserver &observer);
    void deliver(const JobResult &result);

    FlashPlan m_plan;
    std::shared_ptr<DeviceProvider> m_provider;
    UsbDeviceId m_device;
    CancelToken m_cancel;
    QFuture<void> m_future;
    QSemaphore m_workerDone{0};
    bool m_running = false;
    bool m_started = false;
    JobResult m_result;
};

} // namespace oc
