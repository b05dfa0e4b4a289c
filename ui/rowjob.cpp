#include "rowjob.h"

#include "core/catalog/catalog.h"
#include "core/flash/flashjob.h"

#include <QtConcurrent>

namespace oc::ui {

RowJob::RowJob(std::shared_ptr<const catalog::Catalog> catalog, std::shared_ptr<DeviceProvider> provider,
               UsbDeviceId device, bool virtualBoard, JobRequest request, VendorSource vendor,
               QObject *parent)
    : QObject(parent)
    , m_catalog(std::move(catalog))
    , m_provider(std::move(provider))
    , m_device(std::move(device))
    , m_virtual(virtualBoard)
    , m_request(std::move(request))
    , m_vendor(std::move(vendor))
{
    connect(&m_prepare, &QFutureWatcher<Result<FlashPlan>>::finished, this, &RowJob::onPrepared);
}

RowJob::~RowJob()
{
    m_cancelled = true;
    m_prepareCancel->cancel();
    m_prepare.waitForFinished(); // file I/O only: short
    m_job.reset();
}

void RowJob::start()
{
    m_prepare.setFuture(QtConcurrent::run([catalog = m_catalog, request = m_request, vendor = m_vendor,
                                           isVirtual = m_virtual, cancel = m_prepareCancel] {
        return preparePlan(*catalog, request, vendor, isVirtual, cancel.get());
    }));
}

void RowJob::cancel()
{
    m_cancelled = true;
    m_prepareCancel->cancel();
    if (m_job)
        m_job->cancel();
}

void RowJob::finishWithoutBoard(Error error)
{
    JobResult result;
    result.ok = false;
    result.error = std::move(error);
    result.boardState = BoardState::Untouched;
    result.flashState = QStringLiteral("unchanged");
    if (result.error.code != ErrorCode::Cancelled)
        Q_EMIT logLine(LogLevel::Error, result.error.message);
    m_finished = true;
    Q_EMIT finished(result);
}

void RowJob::onPrepared()
{
    Result<FlashPlan> plan = m_prepare.result();
    if (m_cancelled)
        return finishWithoutBoard(
            makeError(ErrorCode::Cancelled, QStringLiteral("stopped before the job started")));
    if (!plan)
        return finishWithoutBoard(std::move(plan).error());
    runPlan(std::move(plan).value());
}

void RowJob::runPlan(FlashPlan plan)
{
    m_tracker.emplace(plan.stages);
    m_job = std::make_unique<FlashJob>(std::move(plan), m_provider, m_device);
    connect(m_job.get(), &FlashJob::stageStarted, this, [this](Stage stage) {
        m_tracker->stageStarted(stage);
        Q_EMIT stageStarted(stage);
        reportProgress();
    });
    connect(m_job.get(), &FlashJob::stageProgress, this, [this](Stage stage, qint64 done, qint64 total) {
        m_tracker->stageProgress(stage, done, total);
        reportProgress();
    });
    connect(m_job.get(), &FlashJob::stageFinished, this, [this](Stage stage) {
        m_tracker->stageFinished(stage);
        reportProgress();
    });
    connect(m_job.get(), &FlashJob::logLine, this, &RowJob::logLine);
    connect(m_job.get(), &FlashJob::finished, this, [this](const JobResult &result) {
        m_finished = true;
        Q_EMIT finished(result);
    });
    m_job->start();
}

void RowJob::reportProgress()
{
    const auto eta = m_tracker->etaSeconds();
    Q_EMIT progressed(m_tracker->overall(), m_tracker->stageFraction(), m_tracker->bytesPerSecond(),
                      eta ? *eta : -1.0);
}

} // namespace oc::ui
