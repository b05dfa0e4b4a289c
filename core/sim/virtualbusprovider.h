#pragma once

#include "../usb/deviceprovider.h"
#include "virtualbus.h"

#include <memory>

namespace oc::sim {

// DeviceProvider over a VirtualBus (demos, training, the CLI's --virtual mode).
class VirtualBusProvider : public DeviceProvider
{
public:
    explicit VirtualBusProvider(std::shared_ptr<VirtualBus> bus);
    Result<QList<UsbDeviceId>> listDevices() override;
    Result<std::unique_ptr<UsbTransport>> open(const UsbDeviceId &id) override;
    VirtualBus &bus() { return *m_bus; }

private:
    std::shared_ptr<VirtualBus> m_bus;
};

} // namespace oc::sim
