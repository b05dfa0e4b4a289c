#include "virtualbusprovider.h"

namespace oc::sim {

VirtualBusProvider::VirtualBusProvider(std::shared_ptr<VirtualBus> bus)
    : m_bus(std::move(bus))
{}

Result<QList<UsbDeviceId>> VirtualBusProvider::listDevices()
{
    return m_bus->attachedDevices();
}

Result<std::unique_ptr<UsbTransport>> VirtualBusProvider::open(const UsbDeviceId &id)
{
    return m_bus->open(id.portPath);
}

} // namespace oc::sim
