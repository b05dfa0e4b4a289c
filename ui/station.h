#pragma once

#include "boardprobe.h"
#include "jobrequest.h"
#include "planpreparer.h"

#include "core/flash/jobresult.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>

namespace oc::catalog {
class Catalog;
}

namespace oc::ui {

class DeviceListModel;
class DeviceSource;
class LogModel;
class RowJob;

// The bench of boards: follows the device sources into the device list, asks every new board who it
// is (off the GUI thread), and runs one job per board, several boards at once. Stop always works:
// a job ends within one USB timeout and its row says where it left the board.
//
// Threading: GUI thread; probes and jobs run on worker threads. The destructor stops every job and
// waits for it (bounded), so the sources must outlive the station.
class Station : public QObject
{
    Q_OBJECT
public:
    Station(DeviceListModel *devices, LogModel *log, QObject *parent = nullptr);
    ~Station() override;

    void setCatalog(std::shared_ptr<const catalog::Catalog> catalog);
    std::shared_ptr<const catalog::Catalog> catalog() const { return m_catalog; }
    void addSource(DeviceSource *source);
    QList<DeviceSource *> sources() const { return m_sources; }
    void setVendorSource(const VendorSource &vendor) { m_vendor = vendor; }
    const VendorSource &vendorSource() const { return m_vendor; }

    // A board is there, identified or identifying, and nothing runs on it.
    bool canStart(const QString &key) const;
    // Starts `request` on the board (after its identification, if that is still running). False when
    // the board is busy, gone or unknown.
    bool start(const QString &key, const JobRequest &request);
    void stop(const QString &key);
    void stopAll();
    int busyCount() const;
    bool isBusy(const QString &key) const;
    void reprobe(const QString &key);
    QString labelFor(const QString &key) const; // what the log and dialogs call the board
    QStringList presentKeys() const;            // boards on the bus now

Q_SIGNALS:
    void boardArrived(const QString &key);
    void boardLeft(const QString &key);
    void probed(const QString &key, const oc::ui::ProbeResult &result);
    void jobStarted(const QString &key);
    void stageStarted(const QString &key, oc::Stage stage);
    void jobFinished(const QString &key, const oc::JobResult &result);
    void busyCountChanged(int busy);

private:
    void onArrived(DeviceSource *source, const UsbDeviceId &device);
    void onLeft(DeviceSource *source, const UsbDeviceId &device);
    void startProbe(const QString &key);
    void onProbed(const QString &key, const ProbeResult &result);
    void launch(const QString &key, const JobRequest &request);
    void onJobFinished(const QString &key, const JobResult &result);
    DeviceSource *sourceOf(const QString &key) const;

    DeviceListModel *m_devices;
    LogModel *m_log;
    std::shared_ptr<const catalog::Catalog> m_catalog;
    QList<DeviceSource *> m_sources;
    VendorSource m_vendor;
    QHash<QString, RowJob *> m_jobs;
    QHash<QString, QFutureWatcher<ProbeResult> *> m_probes;
    QHash<QString, JobRequest> m_pendingStarts; // waiting for the board's identification
    int m_lastBusy = 0;
};

} // namespace oc::ui
