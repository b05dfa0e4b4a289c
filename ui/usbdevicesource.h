#pragma once

#include "devicesource.h"

namespace oc {
class DeviceWatcher;
class LibusbContext;
class LibusbDeviceProvider;
} // namespace oc

namespace oc::ui {

// The real bus: DeviceWatcher (libusb hotplug, or polling) and LibusbDeviceProvider. When libusb
// cannot start (no /dev/bus/usb, sandbox), the source stays empty and unavailableReason() says why.
class UsbDeviceSource final : public DeviceSource
{
    Q_OBJECT
public:
    explicit UsbDeviceSource(QObject *parent = nullptr);
    ~UsbDeviceSource() override;

    QString sourceId() const override { return QStringLiteral("usb"); }
    bool isVirtual() const override { return false; }
    std::shared_ptr<DeviceProvider> provider() const override;
    QList<UsbDeviceId> devices() const override;
    void start() override;
    QString unavailableReason() const override { return m_unavailable; }
    bool usesHotplug() const;

private:
    std::shared_ptr<LibusbContext> m_context;
    std::shared_ptr<LibusbDeviceProvider> m_provider;
    DeviceWatcher *m_watcher = nullptr;
    QString m_unavailable;
};

} // namespace oc::ui
