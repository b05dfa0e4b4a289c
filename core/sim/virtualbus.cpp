#include "virtualbus.h"

#include "simtransport.h"

#include <algorithm>
#include <thread>

namespace oc::sim {

struct VirtualBus::Slot
{
    QString port;
    std::shared_ptr<VirtualBoard> board;
    std::shared_ptr<std::recursive_mutex> mutex = std::make_shared<std::recursive_mutex>();
    UsbDeviceId id; // guarded by `mutex`
};

VirtualBus::VirtualBus()
    : m_now([] { return SimClock::now(); })
{}

VirtualBus::~VirtualBus()
{
    // Boards may outlive the bus (transports hold them): their callbacks must not reach it.
    for (const auto &s : std::as_const(m_slots)) {
        std::lock_guard lock(*s->mutex);
        s->board->setAttachmentCallback({});
    }
}

void VirtualBus::setClock(std::function<SimTime()> now)
{
    m_now = std::move(now);
}

void VirtualBus::setHotplugCallback(HotplugCallback callback)
{
    std::lock_guard lock(m_callbackMutex);
    m_callback = std::move(callback);
}

void VirtualBus::announce(const UsbDeviceId &id, bool arrived)
{
    HotplugCallback callback;
    {
        std::lock_guard lock(m_callbackMutex);
        callback = m_callback;
    }
    if (callback)
        callback(id, arrived);
}

QString VirtualBus::addBoard(std::shared_ptr<VirtualBoard> board, bool plugIn)
{
    auto s = std::make_shared<Slot>();
    s->board = std::move(board);
    {
        std::lock_guard lock(m_mutex);
        s->port = QStringLiteral("1-%1").arg(m_nextPort++);
        m_slots.append(s);
    }
    std::lock_guard lock(*s->mutex);
    const UsbDescriptors descriptors = s->board->descriptors();
    s->id.bus = 1;
    s->id.portPath = s->port;
    s->id.vid = quint16(quint8(descriptors.device[8]) | quint8(descriptors.device[9]) << 8);
    s->id.pid = quint16(quint8(descriptors.device[10]) | quint8(descriptors.device[11]) << 8);
    s->id.isVirtual = true;
    Slot *raw = s.get(); // the slot outlives the callback: ~VirtualBus and removeBoard clear it
    s->board->setAttachmentCallback([this, raw](bool attached) {
        if (attached)
            raw->id.address = quint8(m_nextAddress.fetch_add(1) % 126 + 2);
        announce(raw->id, attached);
    });
    if (plugIn)
        s->board->plug(m_now());
    return s->port;
}

Result<QString> VirtualBus::addBoard(SimBoardConfig config, TimingModel timing, FaultPlan faults, bool plugIn)
{
    {
        std::lock_guard lock(m_mutex);
        config.serialNumber = m_nextPort;
    }
    auto board = VirtualBoard::create(std::move(config), std::move(timing), std::move(faults));
    if (!board)
        return std::move(board).error().withContext(QStringLiteral("virtual board"));
    return addBoard(std::shared_ptr<VirtualBoard>(std::move(*board)), plugIn);
}

bool VirtualBus::removeBoard(const QString &portPath)
{
    std::shared_ptr<Slot> s;
    {
        std::lock_guard lock(m_mutex);
        const auto it =
            std::find_if(m_slots.begin(), m_slots.end(), [&](const auto &x) { return x->port == portPath; });
        if (it == m_slots.end())
            return false;
        s = *it;
        m_slots.erase(it);
    }
    std::lock_guard lock(*s->mutex);
    s->board->unplug(m_now());
    s->board->setAttachmentCallback({});
    return true;
}

std::shared_ptr<VirtualBus::Slot> VirtualBus::slot(const QString &portPath) const
{
    std::lock_guard lock(m_mutex);
    for (const auto &s : m_slots) {
        if (s->port == portPath)
            return s;
    }
    return nullptr;
}

std::shared_ptr<VirtualBoard> VirtualBus::board(const QString &portPath) const
{
    const auto s = slot(portPath);
    return s ? s->board : nullptr;
}

QStringList VirtualBus::ports() const
{
    std::lock_guard lock(m_mutex);
    QStringList ports;
    for (const auto &s : m_slots)
        ports << s->port;
    return ports;
}

QList<UsbDeviceId> VirtualBus::attachedDevices()
{
    QList<std::shared_ptr<Slot>> slots;
    {
        std::lock_guard lock(m_mutex);
        slots = m_slots;
    }
    const SimTime now = m_now();
    QList<UsbDeviceId> devices;
    for (const auto &s : std::as_const(slots)) {
        std::lock_guard lock(*s->mutex);
        s->board->advance(now);
        if (s->board->isAttached())
            devices << s->id;
    }
    std::sort(devices.begin(), devices.end(), [](const UsbDeviceId &a, const UsbDeviceId &b) {
        return a.portPath.size() != b.portPath.size() ? a.portPath.size() < b.portPath.size()
                                                      : a.portPath < b.portPath;
    });
    return devices;
}

bool VirtualBus::plug(const QString &portPath)
{
    const auto s = slot(portPath);
    if (!s)
        return false;
    std::lock_guard lock(*s->mutex);
    s->board->plug(m_now());
    return true;
}

bool VirtualBus::unplug(const QString &portPath)
{
    const auto s = slot(portPath);
    if (!s)
        return false;
    std::lock_guard lock(*s->mutex);
    s->board->unplug(m_now());
    return true;
}

void VirtualBus::advance(SimTime now)
{
    QList<std::shared_ptr<Slot>> slots;
    {
        std::lock_guard lock(m_mutex);
        slots = m_slots;
    }
    for (const auto &s : std::as_const(slots)) {
        std::lock_guard lock(*s->mutex);
        s->board->advance(now);
    }
}

Result<std::unique_ptr<UsbTransport>> VirtualBus::open(const QString &portPath)
{
    const auto s = slot(portPath);
    if (!s)
        return makeError(ErrorCode::NoDevice, QStringLiteral("no virtual board on port %1").arg(portPath));
    std::lock_guard lock(*s->mutex);
    s->board->advance(m_now());
    if (!s->board->isAttached())
        return makeError(ErrorCode::NoDevice,
                         QStringLiteral("the virtual board on port %1 is not attached").arg(portPath));
    auto transport = std::make_unique<SimTransport>(s->board, s->mutex, s->id);
    transport->setClock(m_now, [](SimTime t) { std::this_thread::sleep_until(t); });
    Result<std::unique_ptr<UsbTransport>> result(std::unique_ptr<UsbTransport>(std::move(transport)));
    return result;
}

} // namespace oc::sim
