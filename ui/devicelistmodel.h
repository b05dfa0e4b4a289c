#pragma once

#include "boardprobe.h"

#include "core/flash/flashplan.h"
#include "core/flash/jobresult.h"
#include "core/station/lanetracker.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QTimer>

#include <optional>

namespace oc::ui {

// One board slot of the device list: the board on a port (or the last one, after it left) and the
// job running or last run on it.
struct DeviceRow
{
    enum class Activity : quint8 { Idle, Preparing, Running, Stopping, Finished };

    QString key; // "<source>:<port path>"
    QString sourceId;
    bool isVirtual = false;
    UsbDeviceId device;
    bool present = true;
    bool probing = false;
    std::optional<ProbeResult> probe;
    QStringList usbChips; // chips that may enumerate with this USB id

    Activity activity = Activity::Idle;
    Operation op = Operation::Write;
    QString jobTarget;   // board profile of the running / last job
    bool verify = false; // the running / last write reads back and compares
    std::optional<Stage> stage;
    double overall = 0;       // 0..1
    double stageFraction = 0; // 0..1
    double bytesPerSecond = 0;
    std::optional<double> etaSeconds;
    std::optional<JobResult> result;
    bool resultFromEarlierBoard = false; // a board arrived on this port after the result
    std::optional<station::Lane> lane;   // production mode: the port's lane (number, verdict, unplug)

    bool isBusy() const
    {
        return activity == Activity::Preparing || activity == Activity::Running ||
               activity == Activity::Stopping;
    }
};

// The live device list: one row per (source, port), hotplug-driven. Structural changes (a board
// arrives, a finished row is cleared) are immediate; progress updates are coalesced and published at
// most every 100 ms, so four boards at full speed cost the GUI thread almost nothing.
// GUI thread only.
class DeviceListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        PortColumn,
        ChipColumn,
        StatusColumn,
        ProgressColumn,
        SpeedColumn,
        EtaColumn,
        ResultColumn,
        ActionColumn,
        ColumnCount
    };
    enum Role {
        KeyRole = Qt::UserRole + 1, // QString
        ProgressRole,               // int 0..1000 (overall, per mille)
        ProgressTextRole,           // QString shown on the bar ("Writing 45%")
        ActivityRole,               // int (DeviceRow::Activity)
        OutcomeRole,                // int: 0 none, 1 success, 2 failure, 3 stopped
        PresentRole,                // bool
        LaneStateRole,              // int (station::LaneState), -1 outside production mode
    };

    explicit DeviceListModel(QObject *parent = nullptr);

    static QString keyFor(const QString &sourceId, const QString &portPath);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int rowOf(const QString &key) const;
    const DeviceRow *row(const QString &key) const;
    const DeviceRow &rowAt(int row) const { return m_rows.at(row); }
    QStringList keys() const;

    // Hotplug. deviceArrived() returns the row key.
    QString deviceArrived(const QString &sourceId, bool isVirtual, const UsbDeviceId &device,
                          const QStringList &usbChips);
    void deviceLeft(const QString &key);

    void setProbing(const QString &key, bool probing);
    void setProbe(const QString &key, const ProbeResult &probe);
    void jobPreparing(const QString &key, Operation op, const QString &target, bool verify = false);
    void jobStopping(const QString &key);
    void jobStage(const QString &key, Stage stage);
    void jobProgress(const QString &key, double overall, double stageFraction, double bytesPerSecond,
                     std::optional<double> etaSeconds);
    void jobFinished(const QString &key, const JobResult &result);
    // Production mode: the lane of the board on `key` (its number, and a row colour and "done, unplug"
    // from its verdict). clearLanes() ends production mode's marks.
    void setLane(const QString &key, const station::Lane &lane);
    void clearLanes();

    // Removes rows of boards that left the bus and have nothing running. Returns how many.
    int clearDeparted();
    // Publishes pending progress now (tests, and before showing a result).
    void flush();
    // Texts changed language: every cell is repainted.
    void retranslate();

private:
    template<typename F>
    void update(const QString &key, F &&change, bool immediate);
    QVariant displayText(const DeviceRow &row, int column) const;
    QVariant toolTip(const DeviceRow &row, int column) const;
    QString chipText(const DeviceRow &row) const;
    QString statusText(const DeviceRow &row) const;
    QString progressText(const DeviceRow &row) const;
    QString laneStatus(const DeviceRow &row) const;
    QVariant laneData(const DeviceRow &row, int column, int role) const;
    QVariant laneBackground(const DeviceRow &row) const;
    int outcome(const DeviceRow &row) const;

    QList<DeviceRow> m_rows;
    QSet<int> m_dirty;
    QTimer m_flushTimer;
};

} // namespace oc::ui
