#include "logfilterproxy.h"

#include "logmodel.h"

namespace oc::ui {

LogFilterProxy::LogFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

void LogFilterProxy::setMinimumLevel(LogLevel level)
{
    if (level == m_minimum)
        return;
    m_minimum = level;
    invalidateFilter();
}

void LogFilterProxy::setDeviceKey(const QString &key)
{
    if (key == m_deviceKey)
        return;
    m_deviceKey = key;
    invalidateFilter();
}

bool LogFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(LogModel::LevelRole).toInt() < int(m_minimum))
        return false;
    return m_deviceKey.isEmpty() || index.data(LogModel::DeviceKeyRole).toString() == m_deviceKey;
}

} // namespace oc::ui
