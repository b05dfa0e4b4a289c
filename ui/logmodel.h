#pragma once

#include "core/util/observer.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QSet>
#include <QTimer>

class QIODevice;

namespace oc::ui {

struct LogEntry
{
    QDateTime time;
    LogLevel level = LogLevel::Info;
    QString deviceKey;   // row key of the board ("usb:1-4.2"), empty for the application itself
    QString deviceLabel; // what the user sees ("1-4.2", "1-1 (virtual)")
    QString text;

    // "2026-11-21 14:30:05.123  warning  [1-4.2]  text": one line of a saved or session log.
    QString toLine() const;
};

// Every log line of the session: the engine's lines per board and the window's own messages.
// Appends are batched (published every 50 ms) so a chatty job never floods the view; the oldest
// lines are dropped beyond maxEntries() (the session log on disk keeps everything). GUI thread only.
class LogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, LevelColumn, BoardColumn, MessageColumn, ColumnCount };
    enum Role { LevelRole = Qt::UserRole + 1, DeviceKeyRole };

    explicit LogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void append(LogLevel level, const QString &deviceKey, const QString &deviceLabel, const QString &text);
    void flush(); // publishes pending lines now
    void clear();
    const LogEntry &entry(int row) const { return m_entries.at(row); }

    void setMaxEntries(int max) { m_maxEntries = qMax(100, max); }
    int maxEntries() const { return m_maxEntries; }

    void retranslate();

Q_SIGNALS:
    // Every line, at once (not batched): the session log writes them all.
    void entryAdded(const oc::ui::LogEntry &entry);
    // The first line of a board not seen before (the board filter lists it).
    void deviceSeen(const QString &deviceKey, const QString &deviceLabel);

private:
    QList<LogEntry> m_entries;
    QList<LogEntry> m_pending;
    QSet<QString> m_devices;
    QTimer m_flushTimer;
    int m_maxEntries = 20000;
};

} // namespace oc::ui

Q_DECLARE_METATYPE(oc::ui::LogEntry)
