#include "devicewatcher.h"

#include "../util/logging.h"
#include "deviceenumerator.h"
#include "libusbcontext.h"

namespace oc {

DeviceWatcher::DeviceWatcher(std::shared_ptr<LibusbContext> context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
{
    connect(&m_pollTimer, &QTimer::timeout, this, &DeviceWatcher::rescan);
}

DeviceWatcher::~DeviceWatcher()
{
    stop();
}

void DeviceWatcher::start()
{
    if (m_running)
        return;
    m_running = true;
    if (m_mode == Mode::Automatic && m_context->hasHotplug()) {
        // Runs on a libusb event thread: no I/O, no libusb calls, one queued rescan at a time.
        m_listenerId = m_context->addHotplugListener([this] {
            if (!m_rescanQueued.exchange(true))
                QMetaObject::invokeMethod(this, &DeviceWatcher::rescan, Qt::QueuedConnection);
        });
    } else {
        m_pollTimer.start(m_pollInterval);
    }
    qCDebug(lcUsb) << "watching for boards" << (usesHotplug() ? "(hotplug)" : "(polling)");
    rescan();
}

void DeviceWatcher::stop()
{
    m_pollTimer.stop();
    if (m_listenerId != 0) {
        m_context->removeHotplugListener(m_listenerId); // after this no listener call is running
        m_listenerId = 0;
    }
    m_running = false;
}

QList<UsbDeviceId> DeviceWatcher::devices() const
{
    QList<UsbDeviceId> result;
    for (const QString &portPath : m_order)
        result.append(m_devices.value(portPath));
    return result;
}

void DeviceWatcher::rescan()
{
    m_rescanQueued.store(false);
    auto current = DeviceEnumerator::list(*m_context);
    if (!current) {
        qCWarning(lcUsb).noquote() << current.error().message;
        return;
    }
    applyList(*current);
}

void DeviceWatcher::applyList(const QList<UsbDeviceId> &current)
{
    QHash<QString, UsbDeviceId> next;
    QList<QString> order;
    for (const UsbDeviceId &id : current) {
        next.insert(id.portPath, id);
        order.append(id.portPath);
    }

    QList<UsbDeviceId> left;
    QList<UsbDeviceId> arrived;
    for (const QString &portPath : std::as_const(m_order)) {
        const UsbDeviceId &old = m_devices[portPath];
        const auto it = next.constFind(portPath);
        if (it == next.constEnd() || *it != old)
            left.append(old); // gone, or re-enumerated in the same slot since the last look
    }
    for (const UsbDeviceId &id : current) {
        const auto it = m_devices.constFind(id.portPath);
        if (it == m_devices.constEnd() || *it != id)
            arrived.append(id);
    }

    m_devices = std::move(next);
    m_order = std::move(order);
    for (const UsbDeviceId &id : std::as_const(left))
        Q_EMIT deviceLeft(id);
    for (const UsbDeviceId &id : std::as_const(arrived))
        Q_EMIT deviceArrived(id);
    if (!left.isEmpty() || !arrived.isEmpty())
        Q_EMIT devicesChanged();
}

} // namespace oc
