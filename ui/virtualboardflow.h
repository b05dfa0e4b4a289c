#pragma once

#include "core/util/result.h"

#include <QObject>

class QStatusBar;
class QWidget;

namespace oc::ui {

class AppSettings;
class BoardPicker;
class DeviceListModel;
class Station;
class VirtualBench;
class VirtualDeviceSource;

// The window's Help > Virtual boards: the dialog that adds boards, pulling and re-plugging the
// cables of the selected ones, and removing them all (their jobs are stopped first). GUI thread.
class VirtualBoardFlow : public QObject
{
    Q_OBJECT
public:
    struct Parts
    {
        QWidget *window = nullptr;
        VirtualBench *bench = nullptr;
        VirtualDeviceSource *source = nullptr;
        Station *station = nullptr;
        DeviceListModel *devices = nullptr;
        BoardPicker *picker = nullptr;
        AppSettings *settings = nullptr;
        QStatusBar *statusBar = nullptr;
        bool developer = false; // free-text fault plans
    };

    explicit VirtualBoardFlow(const Parts &parts, QObject *parent = nullptr);

    // Plugs `count` virtual boards like `boardName` in; returns their row keys.
    Result<QStringList> add(const QString &boardName, int count, const QString &timing,
                            const QString &faults = QString());
    void showDialog();
    void setPlugged(const QStringList &keys, bool plugged); // the virtual ones among `keys`
    void removeAll();

private:
    Parts m_parts;
};

} // namespace oc::ui
