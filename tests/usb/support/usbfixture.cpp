#include "usbfixture.h"

#include <QElapsedTimer>
#include <QThread>

namespace oc::test {

QString UsbFixture::setUp()
{
    if (!sim::UmockdevBus::isPreloadActive())
        return QStringLiteral("libumockdev-preload is not loaded (opencloner_use_umockdev_preload)");
    auto bus = sim::UmockdevBus::create();
    if (!bus)
        return bus.error().message;
    m_bus = std::move(*bus);
    auto context = LibusbContext::create();
    if (!context)
        return context.error().message;
    m_context = std::move(*context);
    return {};
}

void UsbFixture::tearDown()
{
    clear();
    m_context.reset(); // libusb goes before the bus
    m_bus.reset();
}

std::shared_ptr<LoopbackDevice> UsbFixture::plug(const QString &portPath, const QString &serial,
                                                 sim::UmockdevBus::DeviceOptions options)
{
    auto device = std::make_shared<LoopbackDevice>(serial);
    auto added = m_bus->addDevice(device, portPath, options);
    if (!added) {
        qWarning("%s", qPrintable(added.error().message));
        return nullptr;
    }
    m_slots.append(portPath);
    return device;
}

Status UsbFixture::add(std::shared_ptr<sim::DeviceModel> model, const QString &portPath)
{
    auto added = m_bus->addDevice(std::move(model), portPath);
    if (!added)
        return std::move(added).error();
    m_slots.append(portPath);
    return {};
}

Result<std::unique_ptr<LibusbTransport>> UsbFixture::open(const QString &portPath)
{
    const auto id = m_bus->device(portPath);
    if (!id)
        return makeError(ErrorCode::NoDevice, QStringLiteral("nothing in slot %1").arg(portPath));
    return LibusbTransport::open(m_context, *id);
}

void UsbFixture::clear()
{
    for (const QString &portPath : std::as_const(m_slots))
        (void)m_bus->removeDevice(portPath);
    m_slots.clear();
}

UsbDeviceId UsbFixture::waitForBoard(DeviceProvider &provider, const QString &portPath, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (auto devices = provider.listDevices()) {
            for (const UsbDeviceId &id : *devices) {
                if (id.portPath == portPath && id.address != m_lastAddress.value(portPath)) {
                    m_lastAddress.insert(portPath, id.address);
                    return id;
                }
            }
        }
        QThread::msleep(20);
    }
    qFatal("no board appeared at %s", qPrintable(portPath));
}

} // namespace oc::test
