#include "devicelistmodel.h"

#include "texts.h"

#include <QColor>
#include <QFont>
#include <QIcon>

namespace oc::ui {

DeviceListModel::DeviceListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(100);
    connect(&m_flushTimer, &QTimer::timeout, this, &DeviceListModel::flush);
}

QString DeviceListModel::keyFor(const QString &sourceId, const QString &portPath)
{
    return sourceId + QLatin1Char(':') + portPath;
}

int DeviceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DeviceListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeviceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case PortColumn:
        return tr("Port");
    case ChipColumn:
        return tr("Chip");
    case StatusColumn:
        return tr("Status");
    case ProgressColumn:
        return tr("Progress");
    case SpeedColumn:
        return tr("Speed");
    case EtaColumn:
        return tr("Time left");
    case ResultColumn:
        return tr("Result");
    case ActionColumn:
        return tr("Action");
    }
    return QVariant();
}

QVariant DeviceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const DeviceRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(r, index.column());
    case Qt::ToolTipRole:
        return toolTip(r, index.column());
    case Qt::AccessibleTextRole: {
        const QVariant text = displayText(r, index.column());
        return index.column() == ProgressColumn ? QVariant(progressText(r)) : text;
    }
    case Qt::DecorationRole:
        if (index.column() == ResultColumn && r.result)
            return QIcon::fromTheme(r.result->ok ? QStringLiteral("emblem-ok")
                                                 : QStringLiteral("dialog-error"),
                                    QIcon(r.result->ok ? QStringLiteral(":/opencloner/icons/ok.svg")
                                                       : QStringLiteral(":/opencloner/icons/error.svg")));
        if (index.column() == PortColumn && r.isVirtual)
            return QIcon(QStringLiteral(":/opencloner/icons/virtual.svg"));
        return QVariant();
    case KeyRole:
        return r.key;
    case ProgressRole:
        return int(r.overall * 1000 + 0.5);
    case ProgressTextRole:
        return progressText(r);
    case ActivityRole:
        return int(r.activity);
    case OutcomeRole:
        return outcome(r);
    case PresentRole:
        return r.present;
    case LaneStateRole:
    case Qt::BackgroundRole:
    case Qt::FontRole:
        return laneData(r, index.column(), role);
    default:
        return QVariant();
    }
}

int DeviceListModel::outcome(const DeviceRow &row) const
{
    if (!row.result || row.isBusy())
        return 0;
    if (row.result->ok)
        return 1;
    return row.result->error.code == ErrorCode::Cancelled ? 3 : 2;
}

QString DeviceListModel::chipText(const DeviceRow &row) const
{
    const auto upper = [](QStringList names) {
        for (QString &n : names)
            n = n.toUpper();
        return names;
    };
    if (!row.probe)
        return row.probing ? tr("Identifying...") : upper(row.usbChips).join(QStringLiteral(" / "));
    const ProbeResult &p = *row.probe;
    switch (p.kind) {
    case ProbeResult::Kind::Rom:
        return p.chips.size() == 1 ? upper(p.chips).first()
                                   : tr("%1 (cannot tell apart)").arg(upper(p.chips).join(tr(" or ")));
    case ProbeResult::Kind::Burner:
        return tr("%1 (burner running)").arg(upper(p.chips).join(QStringLiteral(" / ")));
    case ProbeResult::Kind::ResidentSpl:
        return tr("SPL running");
    case ProbeResult::Kind::Unknown:
        return tr("Unknown (\"%1\")").arg(Texts::printable(p.answer));
    case ProbeResult::Kind::Busy:
    case ProbeResult::Kind::Failed:
        return upper(row.usbChips).join(QStringLiteral(" / "));
    }
    return QString();
}

QVariant DeviceListModel::laneData(const DeviceRow &row, int column, int role) const
{
    if (role == LaneStateRole)
        return row.lane ? int(row.lane->state) : -1;
    if (role == Qt::BackgroundRole)
        return laneBackground(row);
    if (role == Qt::FontRole && column == StatusColumn && row.lane && row.lane->doneUnplug()) {
        QFont bold; // "done, unplug": the one thing the operator has to do
        bold.setBold(true);
        return bold;
    }
    return QVariant();
}

QVariant DeviceListModel::laneBackground(const DeviceRow &row) const
{
    // Translucent over the view's own base colour: a light tint in a light palette, a dark one in a
    // dark palette, so the palette's text colour stays legible on both.
    if (!row.lane || row.isBusy() || !row.result)
        return QVariant();
    if (row.lane->state == station::LaneState::Passed)
        return QColor(46, 158, 72, 80);
    if (row.lane->state == station::LaneState::Failed)
        return row.result->error.code == ErrorCode::Cancelled ? QColor(200, 130, 30, 80)
                                                              : QColor(220, 50, 50, 90);
    return QVariant();
}

QString DeviceListModel::laneStatus(const DeviceRow &row) const
{
    if (!row.lane || row.isBusy() || !row.result)
        return QString();
    if (row.lane->doneUnplug()) {
        if (row.lane->state == station::LaneState::Passed)
            return tr("Done, unplug");
        return row.result->error.code == ErrorCode::Cancelled ? tr("Stopped, unplug") : tr("Failed, unplug");
    }
    if (row.lane->restarting && !row.present)
        return tr("Done, restarting...");
    return QString();
}

QString DeviceListModel::statusText(const DeviceRow &row) const
{
    if (const QString lane = laneStatus(row); !lane.isEmpty())
        return lane;
    switch (row.activity) {
    case DeviceRow::Activity::Preparing:
        return tr("Preparing...");
    case DeviceRow::Activity::Stopping:
        return tr("Stopping...");
    case DeviceRow::Activity::Running:
        return row.stage ? Texts::stage(*row.stage, row.op) : tr("Starting...");
    case DeviceRow::Activity::Idle:
    case DeviceRow::Activity::Finished:
        break;
    }
    if (!row.present)
        return row.result && row.result->ok && row.result->boardState == BoardState::Rebooted
                   ? tr("Done, board restarted")
                   : tr("Unplugged");
    if (row.probing || !row.probe)
        return tr("Connected");
    switch (row.probe->kind) {
    case ProbeResult::Kind::Rom:
    case ProbeResult::Kind::ResidentSpl:
        return tr("Ready");
    case ProbeResult::Kind::Burner:
        return tr("Power-cycle needed");
    case ProbeResult::Kind::Busy:
        return tr("Busy or not responding");
    case ProbeResult::Kind::Unknown:
        return tr("Not an Ingenic boot ROM");
    case ProbeResult::Kind::Failed:
        return row.probe->error.code == ErrorCode::AccessDenied ? tr("No permission") : tr("Cannot open");
    }
    return QString();
}

QString DeviceListModel::progressText(const DeviceRow &row) const
{
    const int percent = int(row.overall * 100);
    if (row.isBusy() && row.stage)
        return tr("%1 %2%").arg(Texts::stage(*row.stage, row.op)).arg(percent);
    if (row.result && !row.isBusy()) {
        if (row.result->ok)
            return tr("Done 100%");
        if (row.result->failedStage)
            return tr("%1: %2%").arg(Texts::stage(*row.result->failedStage, row.op)).arg(percent);
    }
    return row.isBusy() ? tr("Starting") : QString();
}

QVariant DeviceListModel::displayText(const DeviceRow &row, int column) const
{
    switch (column) {
    case PortColumn: {
        const QString port =
            row.isVirtual ? tr("%1 (virtual)").arg(row.device.portPath) : row.device.portPath;
        return row.lane ? tr("Lane %1 · %2").arg(row.lane->number).arg(port) : port;
    }
    case ChipColumn:
        return chipText(row);
    case StatusColumn:
        return statusText(row);
    case ProgressColumn:
        return (row.isBusy() || row.result) ? QVariant(int(row.overall * 100)) : QVariant();
    case SpeedColumn:
        return row.activity == DeviceRow::Activity::Running && row.bytesPerSecond > 0
                   ? Texts::rate(row.bytesPerSecond)
                   : QString();
    case EtaColumn:
        return row.activity == DeviceRow::Activity::Running && row.etaSeconds
                   ? Texts::duration(*row.etaSeconds)
                   : QString();
    case ResultColumn:
        if (!row.result || row.isBusy())
            return QString();
        // A lane's board back after its own restart is the same unit: its result is not "earlier".
        return row.resultFromEarlierBoard && !(row.lane && row.lane->doneUnplug())
                   ? tr("Earlier: %1").arg(Texts::resultSummary(*row.result, row.op, row.verify))
                   : Texts::resultSummary(*row.result, row.op, row.verify);
    case ActionColumn: // production mode (a lane) starts boards by itself
        return row.isBusy() ? tr("Stop") : row.lane ? QString() : tr("Start");
    }
    return QVariant();
}

QVariant DeviceListModel::toolTip(const DeviceRow &row, int column) const
{
    switch (column) {
    case PortColumn:
        return tr("%1 board on USB port %2, USB id %3:%4")
            .arg(row.isVirtual ? tr("Virtual") : tr("Real"), row.device.portPath)
            .arg(row.device.vid, 4, 16, QLatin1Char('0'))
            .arg(row.device.pid, 4, 16, QLatin1Char('0'));
    case ChipColumn:
        if (row.probe && !row.probe->answer.isEmpty())
            return tr("The board answers \"%1\"").arg(Texts::printable(row.probe->answer));
        return QVariant();
    case StatusColumn:
        if (row.probe &&
            (row.probe->kind == ProbeResult::Kind::Failed || row.probe->kind == ProbeResult::Kind::Busy))
            return QString(Texts::errorTitle(row.probe->error.code) + QLatin1Char('\n') +
                           Texts::errorAdvice(row.probe->error.code));
        if (row.probe && row.probe->kind == ProbeResult::Kind::Burner)
            return Texts::boardState(BoardState::BurnerIdle);
        return QVariant();
    case ResultColumn:
        return row.result ? QVariant(Texts::resultDetails(*row.result, row.op, row.verify)) : QVariant();
    }
    return QVariant();
}

int DeviceListModel::rowOf(const QString &key) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).key == key)
            return i;
    }
    return -1;
}

const DeviceRow *DeviceListModel::row(const QString &key) const
{
    const int i = rowOf(key);
    return i < 0 ? nullptr : &m_rows.at(i);
}

QStringList DeviceListModel::keys() const
{
    QStringList list;
    for (const DeviceRow &r : m_rows)
        list << r.key;
    return list;
}

template<typename F>
void DeviceListModel::update(const QString &key, F &&change, bool immediate)
{
    const int i = rowOf(key);
    if (i < 0)
        return;
    change(m_rows[i]);
    m_dirty.insert(i);
    if (immediate)
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void DeviceListModel::flush()
{
    m_flushTimer.stop();
    const QSet<int> dirty = std::exchange(m_dirty, {});
    for (int i : dirty) {
        if (i < m_rows.size())
            Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
    }
}

QString DeviceListModel::deviceArrived(const QString &sourceId, bool isVirtual, const UsbDeviceId &device,
                                       const QStringList &usbChips)
{
    const QString key = keyFor(sourceId, device.portPath);
    if (rowOf(key) >= 0) {
        update(
            key,
            [&](DeviceRow &r) {
                r.device = device;
                r.present = true;
                r.probe.reset();
                r.usbChips = usbChips;
                if (!r.isBusy() && r.result)
                    r.resultFromEarlierBoard = true;
            },
            true);
        return key;
    }
    DeviceRow r;
    r.key = key;
    r.sourceId = sourceId;
    r.isVirtual = isVirtual;
    r.device = device;
    r.usbChips = usbChips;
    // Keep the list in port order (real boards first): a port is always in the same place on screen.
    const auto before = [&r](const DeviceRow &other) {
        if (other.isVirtual != r.isVirtual)
            return other.isVirtual < r.isVirtual;
        if (other.device.portPath.size() != r.device.portPath.size())
            return other.device.portPath.size() < r.device.portPath.size();
        return other.device.portPath < r.device.portPath;
    };
    int at = 0;
    while (at < m_rows.size() && before(m_rows.at(at)))
        ++at;
    flush(); // pending marks are row numbers: publish them before the rows move
    beginInsertRows(QModelIndex(), at, at);
    m_rows.insert(at, r);
    endInsertRows();
    return key;
}

void DeviceListModel::deviceLeft(const QString &key)
{
    const int i = rowOf(key);
    if (i < 0)
        return;
    DeviceRow &r = m_rows[i];
    if (!r.isBusy() && !r.result) {
        flush();
        beginRemoveRows(QModelIndex(), i, i);
        m_rows.removeAt(i);
        endRemoveRows();
        return;
    }
    update(
        key,
        [](DeviceRow &row) {
            row.present = false;
            row.probing = false;
        },
        true);
}

void DeviceListModel::setProbing(const QString &key, bool probing)
{
    update(
        key, [probing](DeviceRow &r) { r.probing = probing; }, true);
}

void DeviceListModel::setProbe(const QString &key, const ProbeResult &probe)
{
    update(
        key,
        [&probe](DeviceRow &r) {
            r.probing = false;
            r.probe = probe;
        },
        true);
}

void DeviceListModel::jobPreparing(const QString &key, Operation op, const QString &target, bool verify)
{
    update(
        key,
        [op, &target, verify](DeviceRow &r) {
            r.verify = verify;
            r.activity = DeviceRow::Activity::Preparing;
            r.op = op;
            r.jobTarget = target;
            r.stage.reset();
            r.overall = r.stageFraction = r.bytesPerSecond = 0;
            r.etaSeconds.reset();
            r.result.reset();
            r.resultFromEarlierBoard = false;
        },
        true);
}

void DeviceListModel::jobStopping(const QString &key)
{
    update(
        key,
        [](DeviceRow &r) {
            if (r.isBusy())
                r.activity = DeviceRow::Activity::Stopping;
        },
        true);
}

void DeviceListModel::jobStage(const QString &key, Stage stage)
{
    update(
        key,
        [stage](DeviceRow &r) {
            if (r.activity == DeviceRow::Activity::Preparing)
                r.activity = DeviceRow::Activity::Running;
            r.stage = stage;
            r.bytesPerSecond = 0;
        },
        false);
}

void DeviceListModel::jobProgress(const QString &key, double overall, double stageFraction,
                                  double bytesPerSecond, std::optional<double> etaSeconds)
{
    update(
        key,
        [=](DeviceRow &r) {
            r.overall = overall;
            r.stageFraction = stageFraction;
            r.bytesPerSecond = bytesPerSecond;
            r.etaSeconds = etaSeconds;
        },
        false);
}

void DeviceListModel::jobFinished(const QString &key, const JobResult &result)
{
    update(
        key,
        [&result](DeviceRow &r) {
            r.activity = DeviceRow::Activity::Finished;
            r.result = result;
            if (result.ok)
                r.overall = r.stageFraction = 1;
            r.bytesPerSecond = 0;
            r.etaSeconds.reset();
        },
        true);
}

void DeviceListModel::setLane(const QString &key, const station::Lane &lane)
{
    update(
        key, [&lane](DeviceRow &r) { r.lane = lane; }, true);
}

void DeviceListModel::clearLanes()
{
    for (DeviceRow &r : m_rows)
        r.lane.reset();
    retranslate(); // every cell may change
}

int DeviceListModel::clearDeparted()
{
    flush();
    int removed = 0;
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (m_rows.at(i).present || m_rows.at(i).isBusy())
            continue;
        beginRemoveRows(QModelIndex(), i, i);
        m_rows.removeAt(i);
        endRemoveRows();
        ++removed;
    }
    return removed;
}

void DeviceListModel::retranslate()
{
    if (m_rows.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

} // namespace oc::ui
