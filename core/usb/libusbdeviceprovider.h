#pragma once

#include "deviceprovider.h"

namespace oc {

class LibusbContext;

// DeviceProvider of the real bus: DeviceEnumerator::list() and LibusbTransport::open().
// Thread-safe (both are).
class LibusbDeviceProvider final : public DeviceProvider
{
public:
    explicit LibusbDeviceProvider(std::shared_ptr<LibusbContext> context);

    Result<QList<UsbDeviceId>> listDevices() override;
    Result<std::unique_ptr<UsbTransport>> open(const UsbDeviceId &id) override;

    const std::shared_ptr<LibusbContext> &context() const { return m_context; }

private:
    std::shared_ptr<LibusbContext> m_context;
};

} // namespace oc
