#pragma once

#include "devicesource.h"

#include <QMap>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <memory>

namespace oc::catalog {
class Catalog;
struct BoardProfile;
} // namespace oc::catalog

namespace oc::sim {
class VirtualBoard;
class VirtualBus;
class VirtualBusProvider;
} // namespace oc::sim

namespace oc::ui {

// What a virtual board is: the chip preset, its storage, its speed and the faults it will show.
struct VirtualBoardSpec
{
    QString chip = QStringLiteral("t31");
    QString storage = QStringLiteral("nor:16M");  // sim::StorageSpec syntax
    QString timing = QStringLiteral("realistic"); // sim::TimingModel syntax ("none", "realistic:0.1")
    QString faults;                               // sim::FaultPlan syntax, empty: a healthy board
    quint64 capacity = 16ull << 20;               // informational (what `storage` says)
    bool emmc = false;                            // informational

    // A board like `board` of the catalog: its chip, its storage kind and size (16 MiB NOR or a 4 GiB
    // eMMC when the profile leaves the size to the flash chip).
    static VirtualBoardSpec forBoard(const catalog::BoardProfile &board);
};

// The in-process virtual bus (core/sim) as a device source: the same virtual boards the tests use,
// for demos and training without hardware. Boards arrive and leave like real ones (REBOOT, unplug,
// disconnect faults, re-appearance after a reset).
//
// Threading: GUI thread. The bus reports events from whichever thread caused them (a job's worker
// for a REBOOT, the time-keeping thread for a re-appearance); they are posted here and re-emitted in
// order on the GUI thread. addBoard/unplug/plug/removeBoard take the board's lock: they wait for the
// transfer in progress on that board (one transfer, bounded by its timeout).
class VirtualDeviceSource final : public DeviceSource
{
    Q_OBJECT
public:
    explicit VirtualDeviceSource(QObject *parent = nullptr);
    ~VirtualDeviceSource() override;

    QString sourceId() const override { return QStringLiteral("virtual"); }
    bool isVirtual() const override { return true; }
    std::shared_ptr<DeviceProvider> provider() const override;
    QList<UsbDeviceId> devices() const override;
    void start() override;

    // Plugs a new virtual board into the next free port; returns its port path ("1-3").
    // InvalidArgument when the chip, storage, timing or fault text is not valid.
    Result<QString> addBoard(const VirtualBoardSpec &spec);
    bool unplug(const QString &port); // pulls the cable: the board leaves the bus (a job on it fails)
    bool plug(const QString &port);   // plugs it back in as a fresh boot ROM
    bool removeBoard(const QString &port);
    QStringList ports() const;
    std::shared_ptr<sim::VirtualBoard> board(const QString &port) const;

private:
    struct Mailbox;
    void onHotplug(const UsbDeviceId &device, bool arrived);

    std::shared_ptr<sim::VirtualBus> m_bus;
    std::shared_ptr<sim::VirtualBusProvider> m_provider;
    std::shared_ptr<Mailbox> m_mailbox;
    QMap<QString, UsbDeviceId> m_attached; // by port path
    QTimer m_advanceTimer;
    // Passing time to the boards takes each board's lock, which a job holds during every transfer:
    // it runs on a thread of its own so the GUI thread never waits for a busy board.
    QThreadPool m_advancePool;
    std::shared_ptr<std::atomic_bool> m_advancing = std::make_shared<std::atomic_bool>(false);
    bool m_started = false;
};

} // namespace oc::ui
