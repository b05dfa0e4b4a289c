#pragma once

#include "burnermodel.h"
#include "devicemodel.h"
#include "emmc.h"
#include "faultinjector.h"
#include "norflash.h"
#include "rommodel.h"
#include "simconfig.h"
#include "timingmodel.h"

#include <QStringList>

#include <memory>
#include <optional>

namespace oc::sim {

// The states of spec 6.3. BurnerBusy is Burner while busy_until lies in the future.
enum class BoardState : quint8 {
    Detached,
    Rom,
    SplRunning,
    SplLoop,
    BurnerBooting,
    Burner,
    BurnerBusy,
    Resetting,
    Hung,
};
const char *boardStateName(BoardState state);

// A whole virtual Ingenic board: boot ROM, SPL, resident SPL loop, stage-2 burner, SPI NOR and / or
// eMMC, on one emulated USB device (spec section 6), with the busy model and bulk queues of 6.2,
// the fault plan of 6.14 and the timing model of 6.15.
//
// A pure function of (calls, times): it never sleeps and never reads the clock. Each call carries
// the host's submission time; replies carry the completion time (doneAt). Internal events (SPL
// end, burner boot, reset, re-appearance, timed faults) happen when a call or advance() passes
// their time. Times passed in must not go backwards.
//
// Threading: not thread-safe; SimTransport / VirtualBus / the umockdev bridge serialise calls.
// The attachment callback runs synchronously inside the call that caused it.
class VirtualBoard : public DeviceModel
{
public:
    // Storage images named in the config are streamed in; InputFile error if one cannot be read.
    static Result<std::unique_ptr<VirtualBoard>>
    create(SimBoardConfig config, TimingModel timing = TimingModel::none(), FaultPlan faults = {});
    VirtualBoard(SimBoardConfig config, TimingModel timing, FaultPlan faults); // no image loading
    ~VirtualBoard() override;

    // --- DeviceModel ---
    Reply control(const ControlSetup &setup, const QByteArray &outData, SimTime now,
                  SimDuration timeout) override;
    Reply bulkOut(quint8 endpoint, const QByteArray &data, bool endOfTransfer, SimTime now,
                  SimDuration timeout) override;
    Reply bulkIn(quint8 endpoint, int length, SimTime now, SimDuration timeout) override;
    void cancelPending(SimTime now) override;
    void advance(SimTime now) override;
    UsbDescriptors descriptors() const override;
    bool isAttached() const override { return m_state != BoardState::Detached; }

    // --- bus side ---
    void plug(SimTime now);   // power-on with USB boot selected: a fresh ROM
    void unplug(SimTime now); // power removed: leaves the bus, RAM lost, NOR back to 3-byte mode

    // --- introspection (tests, the sim tool) ---
    BoardState state() const;
    SimTime busyUntil() const { return m_busyUntil; }
    SimTime deviceTime() const { return m_now; }
    QString hangReason() const { return m_hangReason; }
    const SimBoardConfig &config() const { return m_config; }
    const TimingModel &timing() const { return m_timing; }
    const FaultInjector &faults() const { return m_faults; }
    NorFlash *nor() { return m_nor.get(); }
    Emmc *emmc() { return m_emmc.get(); }
    const RomModel *rom() const { return m_rom.get(); }
    const BurnerModel *burner() const { return m_burner.get(); }
    bool norLeftIn4ByteMode() const { return m_norFourByteAtReset; } // at the last SoC reset
    int attachCount() const { return m_attachCount; }
    QStringList eventLog() const { return m_log; }

private:
    enum class Event : quint8 { None, TimedDisconnect, StateEnd, Reattach, EnumTimeout, PowerLoss, Latched };
    struct Latched
    {
        ControlSetup setup;
        QByteArray out;
        SimTime at;
        bool hangAfter = false;
        FaultContext ctx;
    };

    Reply doControl(const ControlSetup &setup, const QByteArray &outData, SimTime now, SimDuration timeout);
    Reply doBulkOut(quint8 endpoint, const QByteArray &data, bool endOfTransfer, SimTime now,
                    SimDuration timeout);
    Reply doBulkIn(quint8 endpoint, int length, SimTime now, SimDuration timeout);
    static bool isStandard(const ControlSetup &s);
    static Reply makeReply(TransferStatus status, SimTime at, QByteArray data = {}, int accepted = 0);
    static QString requestText(const ControlSetup &s);
    void applyHardwareFaults();
    void sync(SimTime t);
    Event nextEvent(SimTime *at) const;
    void handleEvent(Event event, SimTime at);
    void finishSpl(SimTime at);
    void finishBurnerBoot(SimTime at);
    void finishReset(SimTime at);
    void applyLatched(SimTime at);

    void powerOn(SimTime at, bool keepRam);
    void detach(SimTime at, const QString &why, bool keepRam = false);
    void enterHung(SimTime at, const QString &why);
    void note(SimTime at, const QString &text);
    bool isServing() const;
    FaultStage faultStage() const;
    std::optional<SimTime> serveTime(SimTime now) const;
    Reply waitOutReset(SimTime now, SimTime deadline);

    Reply standardRequest(const ControlSetup &setup, SimTime done);
    Reply romControl(const ControlSetup &setup, const QByteArray &out, const FaultContext &ctx, SimTime done);
    Reply burnerControl(const ControlSetup &setup, const QByteArray &out, const FaultContext &ctx,
                        SimTime done, SimTime deadline);
    QByteArray shortenIn(QByteArray data, const FaultContext &ctx);
    void startSpl(quint32 entry, const FaultContext &ctx, SimTime at);
    void startBurner(quint32 entry, const FaultContext &ctx, SimTime at);
    void applyWork(const BurnerWork &work, SimTime at);
    SimTime feedOut(const char *data, qint64 length, bool shortEnd, SimTime t, qint64 *consumed);
    void drainResidue(SimTime at);
    FaultContext bulkContext(bool in, qint64 length, SimTime now);
    Reply romBulkOut(const QByteArray &data, SimTime start, SimTime deadline);
    Reply burnerBulkOut(const QByteArray &data, bool shortEnd, SimTime start, SimTime deadline);
    Reply romBulkIn(qint64 length, SimTime start, SimTime deadline);
    Reply burnerBulkIn(qint64 length, qint64 hostLength, SimTime start, SimTime deadline);
    qint64 packetFloor(qint64 bytes) const;

    SimBoardConfig m_config;
    TimingModel m_timing;
    FaultInjector m_faults;
    std::unique_ptr<NorFlash> m_nor;
    std::unique_ptr<Emmc> m_emmc;
    std::unique_ptr<SparseStore> m_memory;
    std::unique_ptr<RomModel> m_rom;
    std::unique_ptr<BurnerModel> m_burner;

    BoardState m_state = BoardState::Detached;
    SimTime m_now{};
    SimTime m_busyUntil{};
    SimTime m_stateUntil{}; // end of SplRunning / BurnerBooting / Resetting
    SimTime m_detachedAt{};
    SimTime m_attachedAt{};
    std::optional<SimTime> m_reattachAt;
    bool m_reattachKeepsRam = false;
    BoardState m_stateBeforeDetach = BoardState::Rom;
    std::optional<SimTime> m_powerLossAt;
    std::optional<Latched> m_latched;
    quint32 m_splEntry = 0;
    bool m_splHangFault = false;
    bool m_resetIsPowerOff = false;
    bool m_configured = false; // SET_CONFIGURATION or a vendor request seen (enum_timeout)
    bool m_epochSet = false;
    QByteArray m_outResidue;   // host OUT data no request took yet (NAKed)
    bool m_hasResidue = false; // (an empty residue is a pending ZLP)
    bool m_residueShortEnd = false;
    SimTime m_outEndpointFreeAt{}; // URBs submitted back to back (umockdev bridge) go through in turn
    SimTime m_inEndpointFreeAt{};
    bool m_bulkOutOpen = false;
    bool m_bulkInOpen = false;
    int m_bulkOutIndex = 0;
    int m_bulkInIndex = 0;
    bool m_norFourByteAtReset = false;
    int m_attachCount = 0;
    QString m_hangReason;
    QStringList m_log;
};

} // namespace oc::sim
