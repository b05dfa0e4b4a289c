#pragma once

#include "core/sim/devicemodel.h"
#include "core/util/result.h"

#include <QList>
#include <QProcessEnvironment>

#include <functional>
#include <memory>
#include <optional>
#include <thread>

namespace oc::sim {

// An emulated USB bus for the REAL libusb code path (architecture, "Testing without hardware"):
// umockdev redirects /sys and /dev/bus/usb of a process into a testbed directory, and this bus
// answers the usbdevfs ioctls on each device node by driving a DeviceModel (see UsbfsDevice).
// Not part of the shipped GUI/CLI: only opencloner-sim and tests link it.
//
// Order of creation matters: create the bus BEFORE libusb is initialised in the process that uses
// it (libusb starts its udev monitor at libusb_init), and destroy every LibusbContext (and every
// transport) before the bus. Create the bus before starting other threads: umockdev sets
// UMOCKDEV_DIR.
//
// umockdev's preload library must be loaded in the bus's own process (tests link it with
// opencloner_use_umockdev_preload; a tool can link it the same way): umockdev can only announce
// devices ("add" / "remove" uevents, libusb hotplug) where /sys is redirected. Without it, programs
// on the bus see the devices present when their libusb starts and never hear of arrivals or
// departures (a warning is logged). A child process gets the preload through childEnvironment().
//
// Each device sits in a slot named by its port path ("1-4.2": bus 1, hub port 4, port 2); the hubs
// on the way are created as needed. The kernel's enumeration is emulated: sysfs attributes and the
// descriptor cache come from DeviceModel::descriptors(), and the model receives
// SET_CONFIGURATION 1 before the device appears. When the model reports that it left the bus
// (attachment callback false), its transfers in flight fail as after an unplug (libusb:
// LIBUSB_ERROR_NO_DEVICE) and its node and sysfs entry disappear with a "remove" uevent; when it
// re-attaches, it appears again in the same slot with a new device number.
//
// Threading: thread-safe. Ioctls are answered on umockdev's worker thread; a housekeeping thread
// calls DeviceModel::advance() every Options::tick and applies attachment changes. All model calls
// are serialised by one bus lock, never made while sleeping, so devices do not block each other.
// Attachment callbacks may come from any thread; they only wake the housekeeping thread.
class UmockdevBus
{
public:
    struct Options
    {
        SimDuration tick = std::chrono::milliseconds(2);
        // The timeout handed to the model for every URB; the host's real timeout is enforced by
        // libusb, which discards the URB (DeviceModel::cancelPending).
        SimDuration urbTimeout = std::chrono::seconds(60);
    };

    struct DeviceOptions
    {
        // Report no scatter-gather support, so libusb splits bulk transfers into 16 KiB URBs and
        // the model sees them piece by piece (what kernels without it do).
        bool splitBulk = false;
    };

    // One bus per process at a time (umockdev's testbed is process-wide): Internal error otherwise.
    static Result<std::unique_ptr<UmockdevBus>> create(Options options);
    static Result<std::unique_ptr<UmockdevBus>> create() { return create(Options{}); }
    ~UmockdevBus();

    UmockdevBus(const UmockdevBus &) = delete;
    UmockdevBus &operator=(const UmockdevBus &) = delete;

    // Plugs `model` into the slot `portPath` ("<bus>-<port>[.<port>...]"). Returns the device as the
    // host will see it (isVirtual is not evaluated here). The device appears now if the model is
    // attached, otherwise when it attaches. InvalidArgument for a malformed or occupied slot.
    Result<UsbDeviceId> addDevice(std::shared_ptr<DeviceModel> model, const QString &portPath,
                                  DeviceOptions options);
    Result<UsbDeviceId> addDevice(std::shared_ptr<DeviceModel> model, const QString &portPath)
    {
        return addDevice(std::move(model), portPath, DeviceOptions{});
    }
    // Unplugs the device for good and forgets the model. NoDevice if the slot is empty.
    Status removeDevice(const QString &portPath);

    // Runs `action` on the model in `portPath` under the bus lock, with the bus's current time, and
    // applies its outcome at once (after plug() the device is on the bus, after an unplug() it is
    // gone). The way to touch a model that is not thread-safe (VirtualBoard) while the bus runs.
    // `action` must not call the bus. NoDevice if the slot is empty.
    Status withDevice(const QString &portPath,
                      const std::function<void(DeviceModel &model, SimTime now)> &action);

    // The device currently on the bus in a slot (nullopt while its model is detached).
    std::optional<UsbDeviceId> device(const QString &portPath) const;
    QList<UsbDeviceId> devices() const;

    // Running another program against the bus (opencloner-sim -- COMMAND): start it with
    // childEnvironment(), i.e. UMOCKDEV_DIR = rootDir() and LD_PRELOAD += preloadLibrary(), as
    // umockdev-run does. The bus must outlive the child.
    QString rootDir() const;
    static QString preloadLibrary() { return QStringLiteral("libumockdev-preload.so.0"); }
    QProcessEnvironment
    childEnvironment(QProcessEnvironment base = QProcessEnvironment::systemEnvironment()) const;
    // Whether umockdev's preload library is loaded into this process (needed for in-process use).
    static bool isPreloadActive();

private:
    struct Core;
    explicit UmockdevBus(std::shared_ptr<Core> core);
    static void runHousekeeping(const std::shared_ptr<Core> &core); // the thread holds its own reference

    std::shared_ptr<Core> m_core;
    std::thread m_housekeeping;
};

} // namespace oc::sim
