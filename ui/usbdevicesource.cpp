#include "usbdevicesource.h"

#include "core/usb/devicewatcher.h"
#include "core/usb/libusbcontext.h"
#include "core/usb/libusbdeviceprovider.h"

namespace oc::ui {

UsbDeviceSource::UsbDeviceSource(QObject *parent)
    : DeviceSource(parent)
{
    auto context = LibusbContext::create();
    if (!context) {
        m_unavailable = context.error().message;
        return;
    }
    m_context = *context;
    m_provider = std::make_shared<LibusbDeviceProvider>(m_context);
    m_watcher = new DeviceWatcher(m_context, this);
    connect(m_watcher, &DeviceWatcher::deviceArrived, this, &DeviceSource::deviceArrived);
    connect(m_watcher, &DeviceWatcher::deviceLeft, this, &DeviceSource::deviceLeft);
}

UsbDeviceSource::~UsbDeviceSource()
{
    if (m_watcher)
        m_watcher->stop();
}

std::shared_ptr<DeviceProvider> UsbDeviceSource::provider() const
{
    return m_provider;
}

QList<UsbDeviceId> UsbDeviceSource::devices() const
{
    return m_watcher ? m_watcher->devices() : QList<UsbDeviceId>();
}

void UsbDeviceSource::start()
{
    if (m_watcher && !m_watcher->isRunning())
        m_watcher->start();
}

bool UsbDeviceSource::usesHotplug() const
{
    return m_watcher && m_watcher->usesHotplug();
}

} // namespace oc::ui
