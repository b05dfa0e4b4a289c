#include "virtualdevicesource.h"

#include "core/catalog/boardprofile.h"
#include "core/sim/virtualbus.h"
#include "core/sim/virtualbusprovider.h"

#include <mutex>

namespace oc::ui {

// Lets bus callbacks on other threads reach the source only while it exists.
struct VirtualDeviceSource::Mailbox
{
    std::mutex mutex;
    VirtualDeviceSource *target = nullptr;
};

VirtualBoardSpec VirtualBoardSpec::forBoard(const catalog::BoardProfile &board)
{
    VirtualBoardSpec spec;
    spec.chip = board.chip;
    spec.emmc = board.storage == catalog::StorageKind::Emmc;
    if (spec.emmc) {
        spec.capacity = board.capacity ? board.capacity : 4ull << 30;
        spec.storage = QStringLiteral("emmc:%1K:slot=%2").arg(spec.capacity / 1024).arg(board.mmcSlot);
    } else {
        spec.capacity = board.capacity ? board.capacity : 16ull << 20;
        spec.storage = QStringLiteral("nor:%1K").arg(spec.capacity / 1024);
    }
    return spec;
}

VirtualDeviceSource::VirtualDeviceSource(QObject *parent)
    : DeviceSource(parent)
    , m_bus(std::make_shared<sim::VirtualBus>())
    , m_provider(std::make_shared<sim::VirtualBusProvider>(m_bus))
    , m_mailbox(std::make_shared<Mailbox>())
{
    m_mailbox->target = this;
    m_bus->setHotplugCallback([mailbox = m_mailbox](const UsbDeviceId &device, bool arrived) {
        std::lock_guard lock(mailbox->mutex);
        if (VirtualDeviceSource *target = mailbox->target) {
            QMetaObject::invokeMethod(
                target, [target, device, arrived] { target->onHotplug(device, arrived); },
                Qt::QueuedConnection);
        }
    });
    // Reset delays and re-appearance after a reboot only happen when time is passed to the boards.
    m_advancePool.setMaxThreadCount(1);
    m_advanceTimer.setInterval(100);
    connect(&m_advanceTimer, &QTimer::timeout, this, [this] {
        if (m_advancing->exchange(true))
            return; // the previous pass still waits for a busy board
        m_advancePool.start([bus = m_bus, busy = m_advancing] {
            bus->advance(sim::SimClock::now());
            busy->store(false);
        });
    });
}

VirtualDeviceSource::~VirtualDeviceSource()
{
    m_advanceTimer.stop();
    m_advancePool.waitForDone();
    {
        std::lock_guard lock(m_mailbox->mutex);
        m_mailbox->target = nullptr;
    }
    m_bus->setHotplugCallback({});
}

std::shared_ptr<DeviceProvider> VirtualDeviceSource::provider() const
{
    return m_provider;
}

QList<UsbDeviceId> VirtualDeviceSource::devices() const
{
    return m_attached.values();
}

void VirtualDeviceSource::start()
{
    m_started = true;
    m_advanceTimer.start();
}

void VirtualDeviceSource::onHotplug(const UsbDeviceId &device, bool arrived)
{
    if (arrived) {
        m_attached.insert(device.portPath, device);
        Q_EMIT deviceArrived(device);
    } else if (m_attached.remove(device.portPath) > 0) {
        Q_EMIT deviceLeft(device);
    }
}

Result<QString> VirtualDeviceSource::addBoard(const VirtualBoardSpec &spec)
{
    auto config = sim::SimBoardConfig::preset(spec.chip);
    if (!config)
        return std::move(config).error();
    auto storage = sim::StorageSpec::parse(spec.storage);
    if (!storage)
        return std::move(storage).error();
    config->storage = *storage;
    auto timing = sim::TimingModel::parse(spec.timing);
    if (!timing)
        return std::move(timing).error();
    auto faults = sim::FaultPlan::parse(spec.faults);
    if (!faults)
        return std::move(faults).error();
    return m_bus->addBoard(*config, *timing, *faults, true);
}

bool VirtualDeviceSource::unplug(const QString &port)
{
    return m_bus->unplug(port);
}

bool VirtualDeviceSource::plug(const QString &port)
{
    return m_bus->plug(port);
}

bool VirtualDeviceSource::removeBoard(const QString &port)
{
    return m_bus->removeBoard(port);
}

QStringList VirtualDeviceSource::ports() const
{
    return m_bus->ports();
}

std::shared_ptr<sim::VirtualBoard> VirtualDeviceSource::board(const QString &port) const
{
    return m_bus->board(port);
}

} // namespace oc::ui
