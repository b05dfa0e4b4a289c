#pragma once

#include "core/simusb/umockdevbus.h"
#include "core/usb/deviceprovider.h"
#include "core/usb/libusbcontext.h"
#include "core/usb/libusbtransport.h"
#include "loopbackdevice.h"

#include <QHash>
#include <QStringList>

namespace oc::test {

// For QVERIFY2, which evaluates its message even when the check passes: "" for success.
template<typename ResultType>
QByteArray why(const ResultType &result)
{
    return result ? QByteArray() : result.error().message.toUtf8();
}

// One emulated bus per test program (umockdev keeps one testbed per process) and one libusb
// context on it; devices are plugged per test and unplugged by clear().
class UsbFixture
{
public:
    // Creates the bus first, then libusb (the order umockdev needs). Empty on success.
    QString setUp();
    void tearDown();

    std::shared_ptr<LoopbackDevice> plug(const QString &portPath, const QString &serial = {},
                                         sim::UmockdevBus::DeviceOptions options = {});
    Status add(std::shared_ptr<sim::DeviceModel> model, const QString &portPath);
    Result<std::unique_ptr<LibusbTransport>> open(const QString &portPath);
    void clear(); // unplugs every device added since the last clear()

    // The board in `portPath` as `provider` lists it, waiting up to `timeoutMs` for it to (re)appear.
    // After a job rebooted the board only a new enumeration counts: the old one may still be listed
    // for a moment while it leaves, as on a real bus. Aborts the test program if none appears.
    UsbDeviceId waitForBoard(DeviceProvider &provider, const QString &portPath, int timeoutMs = 20000);

    sim::UmockdevBus &bus() { return *m_bus; }
    const std::shared_ptr<LibusbContext> &context() const { return m_context; }

private:
    std::unique_ptr<sim::UmockdevBus> m_bus;
    std::shared_ptr<LibusbContext> m_context;
    QStringList m_slots;
    QHash<QString, quint8> m_lastAddress; // per slot: the enumeration the previous job used
};

} // namespace oc::test
