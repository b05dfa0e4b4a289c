#include "virtualbench.h"

#include "logmodel.h"
#include "texts.h"
#include "virtualdevicesource.h"

#include "core/catalog/catalog.h"

#include <QDir>
#include <QFutureWatcher>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QtConcurrent>

namespace oc::ui {

VirtualBench::VirtualBench(VirtualDeviceSource *source, LogModel *log, const QString &cacheDir,
                           QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_log(log)
    , m_cacheDir(cacheDir)
{}

Result<QStringList> VirtualBench::add(const QString &boardName, int count, const QString &timing,
                                      const QString &faults)
{
    if (!m_catalog)
        return makeError(ErrorCode::Profile, QStringLiteral("the board profiles are still loading"));
    const catalog::BoardProfile *board = m_catalog->board(boardName);
    if (!board)
        return makeError(ErrorCode::Profile, QStringLiteral("no board profile named '%1'").arg(boardName));
    VirtualBoardSpec spec = VirtualBoardSpec::forBoard(*board);
    spec.timing = timing;
    spec.faults = faults;
    QStringList ports;
    for (int i = 0; i < count; ++i) {
        auto port = m_source->addBoard(spec);
        if (!port)
            return std::move(port).error();
        ports << *port;
        m_log->append(LogLevel::Info, QString(), QString(),
                      tr("Virtual board plugged in on port %1: %2 with %3 %4%5")
                          .arg(*port, spec.chip.toUpper(), Texts::size(qint64(spec.capacity)),
                               spec.emmc ? QStringLiteral("eMMC") : QStringLiteral("NOR"),
                               faults.isEmpty() ? QString() : tr(", fault: %1").arg(faults)));
    }
    return ports;
}

bool VirtualBench::unplug(const QString &port)
{
    return m_source->unplug(port);
}

bool VirtualBench::plug(const QString &port)
{
    return m_source->plug(port);
}

int VirtualBench::removeAll()
{
    int removed = 0;
    for (const QString &port : m_source->ports())
        removed += m_source->removeBoard(port);
    return removed;
}

void VirtualBench::makeSampleFirmware(qint64 bytes)
{
    const QString path = QDir(m_cacheDir).filePath(QStringLiteral("sample-firmware.bin"));
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (error.isEmpty())
            Q_EMIT sampleReady(path);
        else
            Q_EMIT sampleFailed(error);
    });
    watcher->setFuture(QtConcurrent::run([dir = m_cacheDir, path, bytes]() -> QString {
        if (!QDir().mkpath(dir))
            return QStringLiteral("cannot create %1").arg(dir);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return file.errorString();
        // A recognisable header, then pseudo-random data: verification catches any misplaced byte.
        QByteArray data(int(bytes), Qt::Uninitialized);
        QRandomGenerator generator(0x0C10E5);
        generator.fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
        const QByteArray header("OpenCloner sample firmware - not for real boards\n");
        data.replace(0, header.size(), header);
        if (file.write(data) != data.size() || !file.commit())
            return file.errorString();
        return QString();
    }));
}

} // namespace oc::ui
