#pragma once

#include "usbtransport.h"

#include <QList>

#include <memory>

namespace oc {

// Where boards come from: the real bus (LibusbDeviceProvider) or an in-process virtual bus
// (sim::VirtualBusProvider, for demos and training). Both list Ingenic USB-boot devices and
// open one by its identity. Thread-safe: open() is called on job worker threads.
class DeviceProvider
{
public:
    virtual ~DeviceProvider() = default;

    // The Ingenic boards currently on the bus, ordered by port path.
    virtual Result<QList<UsbDeviceId>> listDevices() = 0;

    // Opens the board in the given slot (port path). NoDevice if it is not there (any more).
    virtual Result<std::unique_ptr<UsbTransport>> open(const UsbDeviceId &id) = 0;
};

} // namespace oc
