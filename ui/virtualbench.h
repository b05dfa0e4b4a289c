#pragma once

#include "core/util/result.h"

#include <QObject>

#include <memory>

namespace oc::catalog {
class Catalog;
}

namespace oc::ui {

class LogModel;
class VirtualDeviceSource;

// The window's side of virtual boards: plugs boards that imitate a catalog profile into the virtual
// bus, pulls and re-plugs their cables, removes them, and writes a sample firmware file to try with.
// GUI thread.
class VirtualBench : public QObject
{
    Q_OBJECT
public:
    VirtualBench(VirtualDeviceSource *source, LogModel *log, const QString &cacheDir,
                 QObject *parent = nullptr);

    void setCatalog(std::shared_ptr<const catalog::Catalog> catalog) { m_catalog = std::move(catalog); }

    // Plugs `count` boards like `boardName` in; returns their ports.
    Result<QStringList> add(const QString &boardName, int count, const QString &timing,
                            const QString &faults);
    bool unplug(const QString &port);
    bool plug(const QString &port);
    int removeAll();

    // Writes `bytes` of varied data to <cache>/sample-firmware.bin on a worker thread, then emits
    // sampleReady(path) (or sampleFailed(reason)).
    void makeSampleFirmware(qint64 bytes = 1 << 20);

Q_SIGNALS:
    void sampleReady(const QString &path);
    void sampleFailed(const QString &reason);

private:
    VirtualDeviceSource *m_source;
    LogModel *m_log;
    QString m_cacheDir;
    std::shared_ptr<const catalog::Catalog> m_catalog;
};

} // namespace oc::ui
