#include "flashjob.h"

#include "flashsession.h"

#include <QMetaObject>
#include <QPointer>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent>

#include <time.h>

namespace oc {

namespace {

// Jobs block a thread for their whole run (minutes), so they get threads of their own: on Qt's global
// pool, as many jobs as cores would starve everything else Qt runs there (threaded painting, image
// conversion, short QtConcurrent tasks) and would cap the boards flashed at once to the core count.
Q_GLOBAL_STATIC(QThreadPool, jobThreads)

QThreadPool *jobPool()
{
    QThreadPool *pool = jobThreads();
    if (pool->maxThreadCount() < 1024) {
        pool->setMaxThreadCount(1024); // one thread per running job; a station flashes dozens at once
        pool->setExpiryTimeout(60000);
    }
    return pool;
}

// Forwards session events to the job's thread as queued calls, preserving their order.
class QueuedObserver final : public SessionObserver
{
public:
    explicit QueuedObserver(FlashJob *job)
        : m_job(job)
    {}

    void stageStarted(Stage s) override
    {
        post([job = m_job, s] { Q_EMIT job->stageStarted(s); });
    }
    void stageProgress(Stage s, qint64 done, qint64 total) override
    {
        post([job = m_job, s, done, total] { Q_EMIT job->stageProgress(s, done, total); });
    }
    void stageFinished(Stage s) override
    {
        post([job = m_job, s] { Q_EMIT job->stageFinished(s); });
    }
    void log(LogLevel level, const QString &text) override
    {
        post([job = m_job, level, text] { Q_EMIT job->logLine(level, text); });
    }

private:
    template<typename F>
    void post(F &&f)
    {
        QMetaObject::invokeMethod(m_job, std::forward<F>(f), Qt::QueuedConnection);
    }
    FlashJob *m_job;
};

} // namespace

FlashJob::FlashJob(FlashPlan plan, std::shared_ptr<DeviceProvider> provider, UsbDeviceId device,
                   QObject *parent)
    : QObject(parent)
    , m_plan(std::move(plan))
    , m_provider(std::move(provider))
    , m_device(std::move(device))
{
    qRegisterMetaType<oc::Stage>();
    qRegisterMetaType<oc::JobResult>();
    qRegisterMetaType<oc::LogLevel>();
}

FlashJob::~FlashJob()
{
    if (m_started) {
        m_cancel.cancel();
        m_future.waitForFinished(); // bounded: every transfer has a timeout
    }
}

void FlashJob::start()
{
    Q_ASSERT(!m_started);
    m_started = true;
    m_running = true;
    m_future = QtConcurrent::run(jobPool(), [this] {
        const JobResult result = work();
        QMetaObject::invokeMethod(
            this, [this, result] { deliver(result); }, Qt::QueuedConnection);
        m_workerDone.release();
    });
}

void FlashJob::cancel()
{
    m_cancel.cancel();
}

bool FlashJob::waitForWorker(int ms)
{
    if (!m_started)
        return true;
    if (!m_workerDone.tryAcquire(1, ms))
        return false;
    m_workerDone.release();
    return true;
}

namespace {

// CPU time of the calling thread: what one job costs the host, apart from the other boards' jobs.
double threadCpuSeconds()
{
#if defined(CLOCK_THREAD_CPUTIME_ID)
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
#else
    return 0;
#endif
}

} // namespace

JobResult FlashJob::work()
{
    const double cpu0 = threadCpuSeconds();
    JobResult result = runSession();
    result.cpuSeconds = threadCpuSeconds() - cpu0;
    return result;
}

Result<std::unique_ptr<UsbTransport>> FlashJob::openBoard(SessionObserver &observer)
{
    // A board that has only just appeared may not be ready to open: udev is still giving the user
    // access to its node, or it re-enumerates once more. Opening is by port, so a retry finds the
    // board wherever its latest enumeration put it. Nothing has been sent to the board yet.
    constexpr int Tries = 4;
    constexpr int PauseMs = 150;
    auto transport = m_provider->open(m_device);
    for (int attempt = 1; !transport && attempt < Tries && !m_cancel.isCancelled(); ++attempt) {
        const ErrorCode code = transport.error().code;
        if (code != ErrorCode::AccessDenied && code != ErrorCode::NoDevice &&
            code != ErrorCode::Disconnected && code != ErrorCode::Transfer)
            break;
        observer.log(
            LogLevel::Info,
            QStringLiteral("the board is not ready yet (%1); trying again").arg(transport.error().message));
        QThread::msleep(PauseMs);
        transport = m_provider->open(m_device);
    }
    return transport;
}

JobResult FlashJob::runSession()
{
    QueuedObserver observer(this);
    auto transport = openBoard(observer);
    if (!transport) {
        JobResult failed;
        failed.error = std::move(transport).error().withContext(QLatin1String(stageLabel(Stage::Connect)));
        failed.failedStage = Stage::Connect;
        failed.flashState = QStringLiteral("unchanged");
        observer.stageStarted(Stage::Connect);
        observer.log(LogLevel::Error, failed.error.message);
        return failed;
    }
    FlashSession session(m_plan, **transport, observer, m_cancel);
    return session.run();
}

void FlashJob::deliver(const JobResult &result)
{
    m_result = result;
    m_running = false;
    Q_EMIT finished(m_result);
}

} // namespace oc
