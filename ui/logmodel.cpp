#include "logmodel.h"

#include "texts.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

namespace oc::ui {

QString LogEntry::toLine() const
{
    return QStringLiteral("%1  %2  [%3]  %4")
        .arg(time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")),
             QString::fromLatin1(logLevelName(level)).leftJustified(7),
             deviceLabel.isEmpty() ? QStringLiteral("app") : deviceLabel, text);
}

LogModel::LogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    qRegisterMetaType<oc::ui::LogEntry>();
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(50);
    connect(&m_flushTimer, &QTimer::timeout, this, &LogModel::flush);
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case BoardColumn:
        return tr("Board");
    case MessageColumn:
        return tr("Message");
    }
    return QVariant();
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const LogEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case TimeColumn:
            return e.time.toString(QStringLiteral("HH:mm:ss.zzz"));
        case LevelColumn:
            return Texts::logLevel(e.level);
        case BoardColumn:
            return e.deviceLabel.isEmpty() ? tr("OpenCloner") : e.deviceLabel;
        case MessageColumn:
            return e.text;
        }
        return QVariant();
    case Qt::ToolTipRole:
        return index.column() == MessageColumn ? QVariant(e.text) : QVariant();
    case Qt::ForegroundRole:
        if (e.level == LogLevel::Error)
            return QBrush(QColor(0xd0, 0x30, 0x30));
        if (e.level == LogLevel::Debug)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return QVariant();
    case LevelRole:
        return int(e.level);
    case DeviceKeyRole:
        return e.deviceKey;
    }
    return QVariant();
}

void LogModel::append(LogLevel level, const QString &deviceKey, const QString &deviceLabel,
                      const QString &text)
{
    LogEntry e{QDateTime::currentDateTime(), level, deviceKey, deviceLabel, text};
    if (!deviceKey.isEmpty() && !m_devices.contains(deviceKey)) {
        m_devices.insert(deviceKey);
        Q_EMIT deviceSeen(deviceKey, deviceLabel);
    }
    Q_EMIT entryAdded(e);
    m_pending.append(std::move(e));
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void LogModel::flush()
{
    m_flushTimer.stop();
    if (m_pending.isEmpty())
        return;
    if (m_pending.size() > m_maxEntries)
        m_pending.remove(0, m_pending.size() - m_maxEntries);
    const int excess = int(m_entries.size() + m_pending.size()) - m_maxEntries;
    if (excess > 0) {
        // Drop in big steps so the view is not reshuffled at every line.
        const int drop = int(qMin<qsizetype>(m_entries.size(), excess + m_maxEntries / 10));
        if (drop > 0) {
            beginRemoveRows(QModelIndex(), 0, drop - 1);
            m_entries.remove(0, drop);
            endRemoveRows();
        }
    }
    const int first = int(m_entries.size());
    beginInsertRows(QModelIndex(), first, first + int(m_pending.size()) - 1);
    m_entries.append(m_pending);
    m_pending.clear();
    endInsertRows();
}

void LogModel::clear()
{
    m_flushTimer.stop();
    m_pending.clear();
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

void LogModel::retranslate()
{
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0, LevelColumn), index(int(m_entries.size()) - 1, BoardColumn));
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

} // namespace oc::ui
