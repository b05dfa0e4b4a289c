#include "usbfsdevice.h" // first: umockdev.h must precede every Qt header

#include "umockdevbus.h"

#include "core/util/logging.h"
#include "sysfsrecord.h"

#include <QFile>
#include <QHash>
#include <QSet>

#include <atomic>
#include <condition_variable>
#include <dlfcn.h>
#include <mutex>

namespace oc::sim {

namespace {

constexpr int FirstDevnum = 2; // 1 is the root hub
constexpr int LastDevnum = 127;
const ControlSetup SetConfiguration1{0x00, 0x09, 1, 0, 0};

struct Slot
{
    QString portPath;
    quint8 bus = 0;
    std::shared_ptr<DeviceModel> model;
    std::shared_ptr<std::atomic<quint64>> attachEvents = std::make_shared<std::atomic<quint64>>(0);
    std::unique_ptr<UsbfsDevice> device; // the present attachment, if any
    QString sysPath;                     // "/sys/devices/..." of the present attachment
    QString nodePath;                    // "/dev/bus/usb/BBB/DDD" of the present attachment
    quint16 vid = 0;
    quint16 pid = 0;
    bool splitBulk = false;
    bool failed = false; // attaching failed; not retried until the model attaches again
};

QByteArray utf8(const QString &text)
{
    return text.toUtf8();
}

Error glibError(GError *error, const QString &what)
{
    Error result =
        makeError(ErrorCode::Internal,
                  QStringLiteral("%1: %2").arg(what, QString::fromUtf8(error ? error->message : "failed")));
    g_clear_error(&error);
    return result;
}

bool slotsConflict(const QString &a, const QString &b)
{
    // The same slot, or one slot is a hub on the way to the other ("1-4" and "1-4.2").
    return a == b || b.startsWith(a + QLatin1Char('.')) || a.startsWith(b + QLatin1Char('.'));
}

} // namespace

struct UmockdevBus::Core
{
    std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;
    bool closed = false;
    bool announces = false; // uevents reach programs on the bus (needs the preload here, see header)
    Options options;
    UMockdevTestbed *testbed = nullptr;
    QString rootDir;
    std::vector<std::unique_ptr<Slot>> slots;
    std::vector<std::unique_ptr<UsbfsDevice>> retired; // old attachments: stale fds still reach them
    QSet<QString> hubs;
    QHash<int, QSet<int>> usedDevnums; // bus -> devnums in use
    QHash<int, int> nextDevnum;        // bus -> where the next search starts (Linux counts upwards)

    Slot *find(const QString &portPath)
    {
        for (const auto &slot : slots) {
            if (slot->portPath == portPath)
                return slot.get();
        }
        return nullptr;
    }

    int allocateDevnum(int bus);
    Status ensureHubs(const QString &portPath);
    std::unique_ptr<UsbfsDevice> createDevice(const std::shared_ptr<Core> &self, const Slot &slot, int devnum,
                                              int speedMbps);
    Status publish(const Slot &slot, UsbfsDevice &device, const UsbDescriptors &descriptors);
    Status attach(const std::shared_ptr<Core> &self, Slot &slot);
    void detach(Slot &slot);
    void service(const std::shared_ptr<Core> &self, Slot &slot, SimTime now);
    UsbDeviceId idOf(const Slot &slot) const;

    struct Link;
    static gboolean onIoctl(UMockdevIoctlBase *handler, UMockdevIoctlClient *client, gpointer data);
    static void destroyLink(gpointer data, GClosure *closure);
};

// What the umockdev "handle-ioctl" signal carries: keeps the bus state alive while any handler
// (and so any client of it) could still call in.
struct UmockdevBus::Core::Link
{
    std::shared_ptr<Core> core;
    UsbfsDevice *device = nullptr;
};

gboolean UmockdevBus::Core::onIoctl(UMockdevIoctlBase *, UMockdevIoctlClient *client, gpointer data)
{
    const auto *link = static_cast<Link *>(data);
    std::lock_guard lock(link->core->mutex);
    if (link->core->closed) {
        umockdev_ioctl_client_complete(client, -1, ENODEV);
        return TRUE;
    }
    return link->device->handleIoctl(client) ? TRUE : FALSE;
}

void UmockdevBus::Core::destroyLink(gpointer data, GClosure *)
{
    delete static_cast<Link *>(data);
}

int UmockdevBus::Core::allocateDevnum(int bus)
{
    QSet<int> &used = usedDevnums[bus];
    int candidate = nextDevnum.value(bus, FirstDevnum);
    for (int tries = 0; tries <= LastDevnum; ++tries, ++candidate) {
        if (candidate > LastDevnum)
            candidate = FirstDevnum;
        if (!used.contains(candidate)) {
            used.insert(candidate);
            nextDevnum[bus] = candidate + 1;
            return candidate;
        }
    }
    return -1;
}

Status UmockdevBus::Core::ensureHubs(const QString &portPath)
{
    for (const QString &name : SysfsRecord::hubNames(portPath)) {
        if (hubs.contains(name))
            continue;
        const bool root = name.startsWith(QLatin1String("usb"));
        const int bus = root ? name.mid(3).toInt() : name.section(QLatin1Char('-'), 0, 0).toInt();
        const int devnum = root ? 1 : allocateDevnum(bus);
        if (devnum < 0)
            return makeError(ErrorCode::Internal, QStringLiteral("bus %1 is full").arg(bus));
        if (root)
            usedDevnums[bus].insert(1);
        SysfsRecord::Device hub{quint8(bus), quint8(devnum), name, SysfsRecord::hubDescriptors(root), 480, 1};
        GError *error = nullptr;
        if (!umockdev_testbed_add_from_string(testbed, utf8(SysfsRecord::record(hub)).constData(), &error))
            return glibError(error, QStringLiteral("adding hub %1").arg(name));
        hubs.insert(name);
    }
    return {};
}

std::unique_ptr<UsbfsDevice> UmockdevBus::Core::createDevice(const std::shared_ptr<Core> &self,
                                                             const Slot &slot, int devnum, int speedMbps)
{
    const QString sysPath = QStringLiteral("/sys") + SysfsRecord::devicePath(slot.portPath);
    UMockdevTestbed *bed = testbed;
    UsbfsDevice::Config config;
    config.bus = slot.bus;
    config.devnum = quint8(devnum);
    config.speedMbps = speedMbps;
    config.splitBulk = slot.splitBulk;
    config.urbTimeout = options.urbTimeout;
    config.configurationChanged = [bed, sysPath](int value) {
        const QByteArray text = value > 0 ? QByteArray::number(value) + '\n' : QByteArray();
        umockdev_testbed_set_attribute(bed, utf8(sysPath).constData(), "bConfigurationValue",
                                       text.constData());
    };
    auto device = std::make_unique<UsbfsDevice>(slot.model, std::move(config), slot.attachEvents,
                                                slot.attachEvents->load());
    UMockdevIoctlBase *handler = umockdev_ioctl_base_new();
    const gulong signalId =
        g_signal_connect_data(handler, "handle-ioctl", G_CALLBACK(onIoctl), new Link{self, device.get()},
                              destroyLink, GConnectFlags(0));
    device->adoptHandler(handler, signalId);
    return device;
}

// The node answers before the device is announced, so libusb can open it as soon as it hears of it.
Status UmockdevBus::Core::publish(const Slot &slot, UsbfsDevice &device, const UsbDescriptors &descriptors)
{
    const quint8 devnum = device.config().devnum;
    const QString nodePath = SysfsRecord::nodePath(slot.bus, devnum);
    GError *error = nullptr;
    if (!umockdev_testbed_attach_ioctl(testbed, utf8(nodePath).constData(), device.handler(), &error))
        return glibError(error, QStringLiteral("attaching %1").arg(nodePath));
    // The kernel configures a device while it enumerates it [spec 1.3: the ROM accepts it].
    slot.model->control(SetConfiguration1, {}, SimClock::now(), options.urbTimeout);

    const SysfsRecord::Device entry{slot.bus,
                                    devnum,
                                    slot.portPath,
                                    descriptors.device + descriptors.configuration,
                                    descriptors.speedMbps,
                                    1};
    if (!umockdev_testbed_add_from_string(testbed, utf8(SysfsRecord::record(entry)).constData(), &error)) {
        umockdev_testbed_detach_ioctl(testbed, utf8(nodePath).constData(), nullptr);
        return glibError(error, QStringLiteral("adding %1").arg(slot.portPath));
    }
    return {};
}

Status UmockdevBus::Core::attach(const std::shared_ptr<Core> &self, Slot &slot)
{
    const UsbDescriptors descriptors = slot.model->descriptors();
    if (descriptors.device.size() != 18)
        return makeError(ErrorCode::Internal, QStringLiteral("%1: the model's device descriptor has %2 bytes")
                                                  .arg(slot.portPath)
                                                  .arg(descriptors.device.size()));
    OC_TRY(ensureHubs(slot.portPath));
    const int devnum = allocateDevnum(slot.bus);
    if (devnum < 0)
        return makeError(ErrorCode::Internal, QStringLiteral("bus %1 is full").arg(slot.bus));
    auto device = createDevice(self, slot, devnum, descriptors.speedMbps);
    if (Status published = publish(slot, *device, descriptors); !published) {
        usedDevnums[slot.bus].remove(devnum);
        return published;
    }
    slot.vid = quint16(quint8(descriptors.device[8]) | quint8(descriptors.device[9]) << 8);
    slot.pid = quint16(quint8(descriptors.device[10]) | quint8(descriptors.device[11]) << 8);
    slot.sysPath = QStringLiteral("/sys") + SysfsRecord::devicePath(slot.portPath);
    slot.nodePath = SysfsRecord::nodePath(slot.bus, quint8(devnum));
    slot.device = std::move(device);
    qCDebug(lcSim).noquote() << "umockdev bus:" << slot.portPath << "attached as" << slot.nodePath;
    return {};
}

void UmockdevBus::Core::detach(Slot &slot)
{
    if (!slot.device)
        return;
    slot.device->disconnect(); // transfers in flight fail first, as on a real unplug
    if (announces)             // umockdev resolves the device through this process's (redirected) /sys
        umockdev_testbed_uevent(testbed, utf8(slot.sysPath).constData(), "remove");
    umockdev_testbed_remove_device(testbed, utf8(slot.sysPath).constData());
    umockdev_testbed_detach_ioctl(testbed, utf8(slot.nodePath).constData(), nullptr);
    // umockdev 0.17 leaves the /sys/dev/char/<major>:<minor> link behind; a device that gets the same
    // number later (after 127 plugs on a bus) could not be added. The kernel removes it: so do we.
    const int devnum = slot.device->config().devnum;
    QFile::remove(rootDir + SysfsRecord::charDevLink(slot.bus, quint8(devnum)));
    usedDevnums[slot.bus].remove(devnum);
    retired.push_back(std::move(slot.device));
    qCDebug(lcSim).noquote() << "umockdev bus:" << slot.portPath << "detached from" << slot.nodePath;
}

void UmockdevBus::Core::service(const std::shared_ptr<Core> &self, Slot &slot, SimTime now)
{
    slot.model->advance(now);
    if (slot.device && (slot.device->isStale() || !slot.device->isPresent()))
        detach(slot);
    if (slot.device) {
        slot.device->poll(now);
        return;
    }
    if (!slot.model->isAttached()) {
        slot.failed = false;
        return;
    }
    if (slot.failed)
        return;
    if (Status attached = attach(self, slot); !attached) {
        slot.failed = true;
        qCWarning(lcSim).noquote() << "umockdev bus:" << attached.error().message;
    }
}

UsbDeviceId UmockdevBus::Core::idOf(const Slot &slot) const
{
    UsbDeviceId id;
    id.bus = slot.bus;
    id.portPath = slot.portPath;
    id.vid = slot.vid;
    id.pid = slot.pid;
    id.address = slot.device ? slot.device->config().devnum : 0;
    return id;
}

namespace {
std::atomic_bool busExists{false}; // umockdev keeps one testbed per process (UMOCKDEV_DIR)
} // namespace

Result<std::unique_ptr<UmockdevBus>> UmockdevBus::create(Options options)
{
    if (busExists.exchange(true))
        return makeError(ErrorCode::Internal,
                         QStringLiteral("an emulated USB bus already exists in this process"));
    auto core = std::make_shared<Core>();
    core->options = options;
    core->testbed = umockdev_testbed_new();
    if (!core->testbed) {
        busExists = false;
        return makeError(ErrorCode::Internal, QStringLiteral("cannot create the umockdev testbed"));
    }
    // umockdev announces added devices (and can send any uevent) only when /sys is redirected in
    // this process. Asked after the testbed exists: umockdev caches the answer.
    core->announces = umockdev_in_mock_environment();
    if (!core->announces)
        qCWarning(lcSim) << "umockdev bus: libumockdev-preload is not loaded in this process; programs on the"
                            " bus see the devices present when they start, but no arrivals or departures";
    gchar *root = umockdev_testbed_get_root_dir(core->testbed);
    core->rootDir = QString::fromUtf8(root);
    g_free(root);
    return std::unique_ptr<UmockdevBus>(new UmockdevBus(std::move(core)));
}

UmockdevBus::UmockdevBus(std::shared_ptr<Core> core)
    : m_core(std::move(core))
{
    m_housekeeping = std::thread(&UmockdevBus::runHousekeeping, m_core);
}

UmockdevBus::~UmockdevBus()
{
    {
        std::lock_guard lock(m_core->mutex);
        m_core->stopping = true;
    }
    m_core->wake.notify_all();
    m_housekeeping.join();
    {
        std::lock_guard lock(m_core->mutex);
        m_core->closed = true;
        for (const auto &slot : m_core->slots) {
            slot->model->setAttachmentCallback({});
            m_core->detach(*slot);
        }
        for (const auto &device : m_core->retired)
            device->shutdown(); // drops the signal connections and with them the links to Core
    }
    g_object_unref(m_core->testbed); // removes the testbed directory and unsets UMOCKDEV_DIR
    m_core->testbed = nullptr;
    busExists = false;
}

void UmockdevBus::runHousekeeping(const std::shared_ptr<Core> &core)
{
    std::unique_lock lock(core->mutex);
    while (!core->stopping) {
        core->wake.wait_for(lock, core->options.tick);
        if (core->stopping)
            break;
        const SimTime now = SimClock::now();
        for (const auto &slot : core->slots)
            core->service(core, *slot, now);
    }
}

Result<UsbDeviceId> UmockdevBus::addDevice(std::shared_ptr<DeviceModel> model, const QString &portPath,
                                           DeviceOptions options)
{
    quint8 bus = 0;
    QList<int> ports;
    if (!model || !SysfsRecord::parsePortPath(portPath, &bus, &ports))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("\"%1\" is not a port path like 1-4.2").arg(portPath));
    std::lock_guard lock(m_core->mutex);
    for (const auto &slot : m_core->slots) {
        if (slotsConflict(slot->portPath, portPath))
            return makeError(
                ErrorCode::InvalidArgument,
                QStringLiteral("slot %1 collides with the device in %2").arg(portPath, slot->portPath));
    }
    if (m_core->hubs.contains(portPath))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("slot %1 is a hub").arg(portPath));

    auto slot = std::make_unique<Slot>();
    slot->portPath = portPath;
    slot->bus = bus;
    slot->model = std::move(model);
    slot->splitBulk = options.splitBulk;
    std::weak_ptr<Core> weakCore = m_core;
    slot->model->setAttachmentCallback([events = slot->attachEvents, weakCore](bool) {
        events->fetch_add(1);
        if (const auto core = weakCore.lock())
            core->wake.notify_all();
    });
    if (slot->model->isAttached()) {
        if (Status attached = m_core->attach(m_core, *slot); !attached) {
            slot->model->setAttachmentCallback({});
            return std::move(attached).error();
        }
    }
    m_core->slots.push_back(std::move(slot));
    return m_core->idOf(*m_core->slots.back());
}

Status UmockdevBus::removeDevice(const QString &portPath)
{
    std::lock_guard lock(m_core->mutex);
    auto &slots = m_core->slots;
    const auto it =
        std::find_if(slots.begin(), slots.end(), [&](const auto &s) { return s->portPath == portPath; });
    if (it == slots.end())
        return makeError(ErrorCode::NoDevice, QStringLiteral("no device in slot %1").arg(portPath));
    (*it)->model->setAttachmentCallback({});
    m_core->detach(**it);
    slots.erase(it);
    return {};
}

Status UmockdevBus::withDevice(const QString &portPath,
                               const std::function<void(DeviceModel &model, SimTime now)> &action)
{
    std::lock_guard lock(m_core->mutex);
    Slot *slot = m_core->find(portPath);
    if (!slot)
        return makeError(ErrorCode::NoDevice, QStringLiteral("no device in slot %1").arg(portPath));
    const SimTime now = SimClock::now();
    action(*slot->model, now);
    m_core->service(m_core, *slot, now);
    return {};
}

std::optional<UsbDeviceId> UmockdevBus::device(const QString &portPath) const
{
    std::lock_guard lock(m_core->mutex);
    const Slot *slot = m_core->find(portPath);
    if (!slot || !slot->device || !slot->device->isPresent())
        return std::nullopt;
    return m_core->idOf(*slot);
}

QList<UsbDeviceId> UmockdevBus::devices() const
{
    std::lock_guard lock(m_core->mutex);
    QList<UsbDeviceId> result;
    for (const auto &slot : m_core->slots) {
        if (slot->device && slot->device->isPresent())
            result.append(m_core->idOf(*slot));
    }
    return result;
}

QString UmockdevBus::rootDir() const
{
    return m_core->rootDir;
}

QProcessEnvironment UmockdevBus::childEnvironment(QProcessEnvironment base) const
{
    // Appended like umockdev-run does: a sanitizer runtime in LD_PRELOAD must stay first.
    const QString preload = base.value(QStringLiteral("LD_PRELOAD"));
    base.insert(QStringLiteral("LD_PRELOAD"),
                preload.isEmpty() ? preloadLibrary() : preload + QLatin1Char(':') + preloadLibrary());
    base.insert(QStringLiteral("UMOCKDEV_DIR"), m_core->rootDir);
    // A child built with AddressSanitizer would refuse to start with the preload ahead of its runtime
    // (the sanitizer cannot be first in LD_PRELOAD of a program that links it); the order is harmless.
    const QString asan = base.value(QStringLiteral("ASAN_OPTIONS"));
    if (!asan.contains(QLatin1String("verify_asan_link_order")))
        base.insert(QStringLiteral("ASAN_OPTIONS"), asan.isEmpty()
                                                        ? QStringLiteral("verify_asan_link_order=0")
                                                        : asan + QStringLiteral(":verify_asan_link_order=0"));
    return base;
}

bool UmockdevBus::isPreloadActive()
{
    void *library = dlopen(preloadLibrary().toUtf8().constData(), RTLD_LAZY | RTLD_NOLOAD);
    if (library)
        dlclose(library);
    return library != nullptr;
}

} // namespace oc::sim
