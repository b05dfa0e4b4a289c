#include "libusbdeviceprovider.h"

#include "deviceenumerator.h"
#include "libusbcontext.h"
#include "libusbtransport.h"

namespace oc {

LibusbDeviceProvider::LibusbDeviceProvider(std::shared_ptr<LibusbContext> context)
    : m_context(std::move(context))
{}

Result<QList<UsbDeviceId>> LibusbDeviceProvider::listDevices()
{
    return DeviceEnumerator::list(*m_context);
}

Result<std::unique_ptr<UsbTransport>> LibusbDeviceProvider::open(const UsbDeviceId &id)
{
    auto transport = LibusbTransport::open(m_context, id);
    if (!transport)
        return std::move(transport).error();
    return std::unique_ptr<UsbTransport>(std::move(*transport));
}

} // namespace oc
