#pragma once

#include "jobrequest.h"
#include "planpreparer.h"

#include "core/flash/jobresult.h"
#include "core/flash/progresstracker.h"
#include "core/usb/deviceprovider.h"
#include "core/util/observer.h"

#include <QFutureWatcher>
#include <QObject>

#include <memory>
#include <optional>

namespace oc::catalog {
class Catalog;
}

namespace oc {
class FlashJob;
}

namespace oc::ui {

// One job on one board row: prepares the plan on a worker thread (vendor files, placeholders, image
// size), then runs it as a FlashJob and turns its stage events into overall progress, speed and ETA.
// finished() comes exactly once, also when preparation fails or the user stopped the job before it
// reached the board (then the result says the board was not touched). GUI thread.
class RowJob : public QObject
{
    Q_OBJECT
public:
    RowJob(std::shared_ptr<const catalog::Catalog> catalog, std::shared_ptr<DeviceProvider> provider,
           UsbDeviceId device, bool virtualBoard, JobRequest request, VendorSource vendor,
           QObject *parent = nullptr);
    ~RowJob() override; // cancels; the FlashJob waits for its worker (bounded by one USB timeout)

    void start();
    void cancel();
    bool isCancelled() const { return m_cancelled; }
    const JobRequest &request() const { return m_request; }

Q_SIGNALS:
    void stageStarted(oc::Stage stage);
    // etaSeconds < 0: not known yet.
    void progressed(double overall, double stageFraction, double bytesPerSecond, double etaSeconds);
    void logLine(oc::LogLevel level, const QString &text);
    void finished(const oc::JobResult &result);

private:
    void onPrepared();
    void runPlan(FlashPlan plan);
    void reportProgress();
    void finishWithoutBoard(Error error);

    std::shared_ptr<const catalog::Catalog> m_catalog;
    std::shared_ptr<DeviceProvider> m_provider;
    UsbDeviceId m_device;
    bool m_virtual;
    JobRequest m_request;
    VendorSource m_vendor;
    QFutureWatcher<Result<FlashPlan>> m_prepare;
    std::unique_ptr<FlashJob> m_job;
    std::optional<ProgressTracker> m_tracker;
    std::shared_ptr<CancelToken> m_prepareCancel = std::make_shared<CancelToken>();
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace oc::ui
