#include "usbeventmonitor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace oc::ui {

namespace {

QString readLine(const QDir &dir, const QString &name)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.readLine(256)).trimmed();
}

} // namespace

UsbEventMonitor::UsbEventMonitor(const QString &sysfsRoot, const QString &devRoot, QObject *parent)
    : QObject(parent)
    , m_sysfs(sysfsRoot)
    , m_dev(devRoot)
{
    connect(&m_timer, &QTimer::timeout, this, &UsbEventMonitor::poll);
}

bool UsbEventMonitor::isAvailable() const
{
    return QFileInfo(m_sysfs).isDir();
}

QList<UsbDeviceInfo> UsbEventMonitor::scan() const
{
    QList<UsbDeviceInfo> devices;
    const QDir root(m_sysfs);
    for (const QString &name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        // "1-4.2" is a device; "1-4.2:1.0" an interface; "usb1" a root hub.
        if (name.contains(QLatin1Char(':')) || name.startsWith(QLatin1String("usb")))
            continue;
        const QDir dir(root.filePath(name));
        bool okVid = false;
        bool okPid = false;
        UsbDeviceInfo d;
        d.port = name;
        d.vid = quint16(readLine(dir, QStringLiteral("idVendor")).toUInt(&okVid, 16));
        d.pid = quint16(readLine(dir, QStringLiteral("idProduct")).toUInt(&okPid, 16));
        if (!okVid || !okPid)
            continue;
        d.manufacturer = readLine(dir, QStringLiteral("manufacturer"));
        d.product = readLine(dir, QStringLiteral("product"));
        const int bus = readLine(dir, QStringLiteral("busnum")).toInt();
        const int dev = readLine(dir, QStringLiteral("devnum")).toInt();
        d.devNode = QStringLiteral("%1/%2/%3")
                        .arg(m_dev)
                        .arg(bus, 3, 10, QLatin1Char('0'))
                        .arg(dev, 3, 10, QLatin1Char('0'));
        d.writable = QFileInfo(d.devNode).isWritable();
        devices << d;
    }
    return devices;
}

void UsbEventMonitor::start(int intervalMs)
{
    m_known.clear();
    poll();
    m_timer.start(intervalMs);
}

void UsbEventMonitor::stop()
{
    m_timer.stop();
}

void UsbEventMonitor::poll()
{
    QMap<QString, UsbDeviceInfo> now;
    for (const UsbDeviceInfo &d : scan())
        now.insert(d.port, d);
    for (auto it = m_known.cbegin(); it != m_known.cend(); ++it) {
        const auto current = now.constFind(it.key());
        if (current == now.cend() || current->vid != it->vid || current->pid != it->pid)
            Q_EMIT left(*it);
    }
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        const auto before = m_known.constFind(it.key());
        if (before == m_known.cend() || before->vid != it->vid || before->pid != it->pid)
            Q_EMIT arrived(*it);
    }
    m_known = now;
}

} // namespace oc::ui
