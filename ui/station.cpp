#include "station.h"

#include "devicelistmodel.h"
#include "devicesource.h"
#include "logmodel.h"
#include "rowjob.h"
#include "texts.h"

#include "core/catalog/catalog.h"

#include <QtConcurrent>

namespace oc::ui {

Station::Station(DeviceListModel *devices, LogModel *log, QObject *parent)
    : QObject(parent)
    , m_devices(devices)
    , m_log(log)
{
    qRegisterMetaType<oc::ui::ProbeResult>();
    qRegisterMetaType<oc::JobResult>();
}

Station::~Station()
{
    for (RowJob *job : std::as_const(m_jobs)) {
        job->disconnect(this);
        delete job; // cancels and waits for the worker, bounded by one USB timeout
    }
    for (QFutureWatcher<ProbeResult> *probe : std::as_const(m_probes)) {
        probe->disconnect(this);
        probe->waitForFinished();
        delete probe;
    }
}

void Station::setCatalog(std::shared_ptr<const catalog::Catalog> catalog)
{
    m_catalog = std::move(catalog);
    // Boards that arrived while the catalog loaded are identified now.
    for (const QString &key : m_devices->keys()) {
        const DeviceRow *row = m_devices->row(key);
        if (row && row->present && !row->probe && !isBusy(key))
            startProbe(key);
    }
}

void Station::addSource(DeviceSource *source)
{
    m_sources.append(source);
    connect(source, &DeviceSource::deviceArrived, this,
            [this, source](const UsbDeviceId &device) { onArrived(source, device); });
    connect(source, &DeviceSource::deviceLeft, this,
            [this, source](const UsbDeviceId &device) { onLeft(source, device); });
    for (const UsbDeviceId &device : source->devices())
        onArrived(source, device);
}

DeviceSource *Station::sourceOf(const QString &key) const
{
    const DeviceRow *row = m_devices->row(key);
    if (!row)
        return nullptr;
    for (DeviceSource *source : m_sources) {
        if (source->sourceId() == row->sourceId)
            return source;
    }
    return nullptr;
}

QString Station::labelFor(const QString &key) const
{
    const DeviceRow *row = m_devices->row(key);
    if (!row)
        return key;
    return row->isVirtual ? tr("virtual board on port %1").arg(row->device.portPath)
                          : tr("board on port %1").arg(row->device.portPath);
}

QStringList Station::presentKeys() const
{
    QStringList keys;
    for (const QString &key : m_devices->keys()) {
        if (m_devices->row(key)->present)
            keys << key;
    }
    return keys;
}

void Station::onArrived(DeviceSource *source, const UsbDeviceId &device)
{
    const QStringList chips = m_catalog ? chipsForUsbId(*m_catalog, device) : QStringList();
    const QString key = m_devices->deviceArrived(source->sourceId(), source->isVirtual(), device, chips);
    m_log->append(LogLevel::Info, key, m_devices->data(m_devices->index(m_devices->rowOf(key), 0)).toString(),
                  tr("Board connected (USB id %1:%2)")
                      .arg(device.vid, 4, 16, QLatin1Char('0'))
                      .arg(device.pid, 4, 16, QLatin1Char('0')));
    Q_EMIT boardArrived(key);
    if (!isBusy(key))
        startProbe(key);
}

void Station::onLeft(DeviceSource *source, const UsbDeviceId &device)
{
    const QString key = DeviceListModel::keyFor(source->sourceId(), device.portPath);
    const int row = m_devices->rowOf(key);
    if (row < 0)
        return;
    const QString label = m_devices->data(m_devices->index(row, 0)).toString();
    m_log->append(isBusy(key) ? LogLevel::Warning : LogLevel::Info, key, label, tr("Board left the USB bus"));
    if (m_pendingStarts.remove(key) > 0) {
        JobResult result;
        result.error =
            makeError(ErrorCode::Disconnected, QStringLiteral("the board left before the job started"));
        result.flashState = QStringLiteral("unchanged");
        onJobFinished(key, result);
    }
    m_devices->deviceLeft(key);
    Q_EMIT boardLeft(key);
}

void Station::startProbe(const QString &key)
{
    DeviceSource *source = sourceOf(key);
    const DeviceRow *row = m_devices->row(key);
    if (!m_catalog || !source || !row || m_probes.contains(key))
        return;
    m_devices->setProbing(key, true);
    auto *watcher = new QFutureWatcher<ProbeResult>(this);
    m_probes.insert(key, watcher);
    connect(watcher, &QFutureWatcher<ProbeResult>::finished, this, [this, key, watcher] {
        m_probes.remove(key);
        watcher->deleteLater();
        onProbed(key, watcher->result());
    });
    watcher->setFuture(
        QtConcurrent::run([provider = source->provider(), device = row->device, catalog = m_catalog] {
            return probeBoard(*provider, device, catalog.get());
        }));
}

void Station::onProbed(const QString &key, const ProbeResult &result)
{
    const DeviceRow *row = m_devices->row(key);
    if (!row || !row->present)
        return;
    m_devices->setProbe(key, result);
    const QString label = m_devices->data(m_devices->index(m_devices->rowOf(key), 0)).toString();
    if (result.kind == ProbeResult::Kind::Failed || result.kind == ProbeResult::Kind::Busy)
        m_log->append(LogLevel::Warning, key, label,
                      tr("Could not identify the board: %1 (%2)")
                          .arg(Texts::errorTitle(result.error.code), result.error.message));
    else
        m_log->append(LogLevel::Info, key, label,
                      tr("The board answers \"%1\"").arg(Texts::printable(result.answer)));
    Q_EMIT probed(key, result);
    if (m_pendingStarts.contains(key))
        launch(key, m_pendingStarts.take(key));
}

void Station::reprobe(const QString &key)
{
    if (!isBusy(key))
        startProbe(key);
}

bool Station::canStart(const QString &key) const
{
    const DeviceRow *row = m_devices->row(key);
    return m_catalog && row && row->present && !isBusy(key) && sourceOf(key);
}

bool Station::isBusy(const QString &key) const
{
    return m_jobs.contains(key) || m_pendingStarts.contains(key);
}

int Station::busyCount() const
{
    return int(m_jobs.size() + m_pendingStarts.size());
}

bool Station::start(const QString &key, const JobRequest &request)
{
    if (!canStart(key))
        return false;
    if (m_probes.contains(key)) {
        // Opening the board twice at once would fail: start once it has answered.
        m_pendingStarts.insert(key, request);
        m_devices->jobPreparing(key, request.op, request.boardName,
                                request.op == Operation::Write && request.verify);
        Q_EMIT jobStarted(key);
        Q_EMIT busyCountChanged(busyCount());
        return true;
    }
    launch(key, request);
    return true;
}


void Station::launch(const QString &key, const JobRequest &request)
{
    DeviceSource *source = sourceOf(key);
    const DeviceRow *row = m_devices->row(key);
    auto *job =
        new RowJob(m_catalog, source->provider(), row->device, row->isVirtual, request, m_vendor, this);
    m_jobs.insert(key, job);
    const QString label = m_devices->data(m_devices->index(m_devices->rowOf(key), 0)).toString();
    m_devices->jobPreparing(key, request.op, request.boardName,
                            request.op == Operation::Write && request.verify);
    connect(job, &RowJob::stageStarted, this, [this, key](Stage stage) {
        m_devices->jobStage(key, stage);
        Q_EMIT stageStarted(key, stage);
    });
    connect(job, &RowJob::progressed, this,
            [this, key](double overall, double fraction, double rate, double eta) {
                m_devices->jobProgress(key, overall, fraction, rate,
                                       eta < 0 ? std::nullopt : std::optional<double>(eta));
            });
    connect(job, &RowJob::logLine, this, [this, key, label](LogLevel level, const QString &text) {
        m_log->append(level, key, label, text);
    });
    connect(job, &RowJob::finished, this,
            [this, key](const JobResult &result) { onJobFinished(key, result); });
    m_log->append(LogLevel::Info, key, label,
                  tr("%1 started with profile %2").arg(Texts::operation(request.op), request.boardName));
    job->start();
    Q_EMIT jobStarted(key);
    Q_EMIT busyCountChanged(busyCount());
}

void Station::stop(const QString &key)
{
    if (m_pendingStarts.remove(key) > 0) {
        JobResult result;
        result.error = makeError(ErrorCode::Cancelled, QStringLiteral("stopped before the job started"));
        result.flashState = QStringLiteral("unchanged");
        onJobFinished(key, result);
        return;
    }
    RowJob *job = m_jobs.value(key);
    if (!job || job->isCancelled())
        return;
    const QString label = m_devices->data(m_devices->index(m_devices->rowOf(key), 0)).toString();
    m_log->append(LogLevel::Info, key, label, tr("Stopping after the current transfer..."));
    m_devices->jobStopping(key);
    job->cancel();
}

void Station::stopAll()
{
    const QStringList keys = QStringList(m_jobs.keys()) + QStringList(m_pendingStarts.keys());
    for (const QString &key : keys)
        stop(key);
}

void Station::onJobFinished(const QString &key, const JobResult &result)
{
    const DeviceRow *row = m_devices->row(key);
    const Operation op = row ? row->op : Operation::Write;
    m_devices->jobFinished(key, result);
    const QString label = row ? m_devices->data(m_devices->index(m_devices->rowOf(key), 0)).toString() : key;
    const LogLevel level =
        result.ok ? LogLevel::Info
                  : (result.error.code == ErrorCode::Cancelled ? LogLevel::Warning : LogLevel::Error);
    QString text = Texts::resultSummary(result, op, row && row->verify);
    if (!result.ok && result.error.code != ErrorCode::Cancelled)
        text = tr("%1. What to do: %2 %3")
                   .arg(text, Texts::errorAdvice(result.error.code),
                        Texts::boardStateAfter(result.error.code, result.boardState))
                   .trimmed();
    m_log->append(level, key, label, text);
    if (RowJob *job = m_jobs.take(key))
        job->deleteLater();
    Q_EMIT jobFinished(key, result);
    Q_EMIT busyCountChanged(busyCount());
    // The status column shows where the board is now: after a failure, and when the board came back
    // on its port while the job was ending (restarted into USB boot mode).
    if (row && row->present && (!result.ok || !row->probe))
        startProbe(key);
}

} // namespace oc::ui
