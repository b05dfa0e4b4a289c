#pragma once

#include "core/util/observer.h"

#include <QSortFilterProxyModel>

namespace oc::ui {

// The log pane's view of the LogModel: lines at or above a level, of one board or of all.
class LogFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit LogFilterProxy(QObject *parent = nullptr);

    void setMinimumLevel(LogLevel level);
    LogLevel minimumLevel() const { return m_minimum; }
    // Empty: every board and the application's own lines.
    void setDeviceKey(const QString &key);
    QString deviceKey() const { return m_deviceKey; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    LogLevel m_minimum = LogLevel::Info;
    QString m_deviceKey;
};

} // namespace oc::ui
