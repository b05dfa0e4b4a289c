#include "virtualboard.h"

#include "../protocol/wire.h"
#include "../util/logging.h"
#include "usbdescriptors.h"

namespace oc::sim {

namespace {
constexpr quint64 AddressSpace = 1ull << 32;
constexpr qint64 MemoryPageSize = 4096;
constexpr int MaxLogLines = 4000;
const QByteArray DefaultGarbage = QByteArray::fromHex("4b4e554a00000000"); // unknown magic "JUNK"

} // namespace

bool VirtualBoard::isStandard(const ControlSetup &s)
{
    return (s.requestType & 0x60) == 0x00;
}

Reply VirtualBoard::makeReply(TransferStatus status, SimTime at, QByteArray data, int accepted)
{
    Reply r;
    r.status = status;
    r.doneAt = at;
    r.data = std::move(data);
    r.accepted = accepted;
    return r;
}

QString VirtualBoard::requestText(const ControlSetup &s)
{
    return QStringLiteral("0x%1/0x%2")
        .arg(s.requestType, 2, 16, QLatin1Char('0'))
        .arg(s.request, 2, 16, QLatin1Char('0'));
}

const char *boardStateName(BoardState state)
{
    switch (state) {
    case BoardState::Detached:
        return "detached";
    case BoardState::Rom:
        return "rom";
    case BoardState::SplRunning:
        return "spl-running";
    case BoardState::SplLoop:
        return "spl-loop";
    case BoardState::BurnerBooting:
        return "burner-booting";
    case BoardState::Burner:
        return "burner";
    case BoardState::BurnerBusy:
        return "burner-busy";
    case BoardState::Resetting:
        return "resetting";
    case BoardState::Hung:
        return "hung";
    }
    return "?";
}

Result<std::unique_ptr<VirtualBoard>> VirtualBoard::create(SimBoardConfig config, TimingModel timing,
                                                           FaultPlan faults)
{
    auto board = std::make_unique<VirtualBoard>(std::move(config), std::move(timing), std::move(faults));
    const StorageSpec &storage = board->m_config.storage;
    if (board->m_nor && !storage.nor->imagePath.isEmpty())
        OC_TRY_CTX(board->m_nor->array().load(storage.nor->imagePath), QStringLiteral("NOR image"));
    if (board->m_emmc && !storage.emmc->imagePath.isEmpty())
        OC_TRY_CTX(board->m_emmc->array().load(storage.emmc->imagePath), QStringLiteral("eMMC image"));
    Result<std::unique_ptr<VirtualBoard>> result(std::move(board));
    return result;
}

VirtualBoard::VirtualBoard(SimBoardConfig config, TimingModel timing, FaultPlan faults)
    : m_config(std::move(config))
    , m_timing(std::move(timing))
    , m_faults(std::move(faults))
{
    if (m_config.storage.nor)
        m_nor = std::make_unique<NorFlash>(*m_config.storage.nor);
    if (m_config.storage.emmc)
        m_emmc = std::make_unique<Emmc>(*m_config.storage.emmc);
    applyHardwareFaults();
}

// Faults that shape the hardware rather than an event apply for the board's whole life, whatever
// their trigger.
void VirtualBoard::applyHardwareFaults()
{
    for (const FaultSpec &f : m_faults.plan().faults) {
        const double factor = f.params.value(QStringLiteral("factor"), QStringLiteral("2")).toDouble();
        if (f.kind == FaultKind::SlowErase || f.kind == FaultKind::SlowProgram ||
            f.kind == FaultKind::SlowRead) {
            double &target = f.kind == FaultKind::SlowErase     ? m_timing.eraseFactor
                             : f.kind == FaultKind::SlowProgram ? m_timing.programFactor
                                                                : m_timing.readFactor;
            target *=
                f.flag(QStringLiteral("max")) && !f.params.contains(QStringLiteral("factor")) ? 1.0 : factor;
            m_timing.useMaxTimes = m_timing.useMaxTimes || f.flag(QStringLiteral("max"));
        } else if (f.kind == FaultKind::ProgramFail && m_nor) {
            m_nor->addProgramFail(quint64(f.number(QStringLiteral("start"), 0)),
                                  quint64(f.number(QStringLiteral("end"), 0)),
                                  quint8(f.number(QStringLiteral("stuck"), 0xFF)));
        } else if (f.kind == FaultKind::EraseFail && m_nor) {
            m_nor->addEraseFail(quint64(f.number(QStringLiteral("start"), 0)),
                                quint64(f.number(QStringLiteral("end"), 0)));
        } else if (f.kind == FaultKind::WriteProtect) {
            if (m_nor) {
                m_nor->writeStatusRegister(1, m_nor->statusRegister(1) | 0x1C);
                m_nor->setStatusLocked(true);
            }
            if (m_emmc)
                m_emmc->setWriteProtected(true);
        }
    }
}

VirtualBoard::~VirtualBoard() = default;

BoardState VirtualBoard::state() const
{
    if (m_state == BoardState::Burner && m_busyUntil > m_now)
        return BoardState::BurnerBusy;
    return m_state;
}

void VirtualBoard::note(SimTime at, const QString &text)
{
    const auto ms = std::chrono::duration<double, std::milli>(at - m_faults.epoch()).count();
    m_log << QStringLiteral("%1 ms: %2").arg(ms, 0, 'f', 3).arg(text);
    if (m_log.size() > MaxLogLines)
        m_log.removeFirst();
    qCInfo(lcSim).noquote() << "board" << m_config.serialNumber << m_log.constLast();
}

bool VirtualBoard::isServing() const
{
    return m_state == BoardState::Rom || m_state == BoardState::SplLoop || m_state == BoardState::Burner;
}

FaultStage VirtualBoard::faultStage() const
{
    if (m_state == BoardState::SplLoop)
        return FaultStage::Spl;
    if (m_state == BoardState::Burner || m_state == BoardState::BurnerBooting)
        return FaultStage::Burner;
    return FaultStage::Rom;
}

std::optional<SimTime> VirtualBoard::serveTime(SimTime now) const
{
    if (isServing())
        return std::max(now, m_busyUntil);
    if (m_state == BoardState::SplRunning || m_state == BoardState::BurnerBooting)
        return std::max(now, m_stateUntil); // the next state may still turn out to be HUNG
    return std::nullopt;
}

// --- life cycle ------------------------------------------------------------------------------------

void VirtualBoard::plug(SimTime now)
{
    sync(now);
    if (isAttached())
        return;
    m_reattachAt.reset();
    if (m_nor)
        m_nor->powerCycle();
    powerOn(std::max(now, m_now), false);
}

void VirtualBoard::unplug(SimTime now)
{
    sync(now);
    m_reattachAt.reset();
    if (isAttached())
        detach(m_now, QStringLiteral("unplugged"));
    if (m_nor)
        m_nor->powerCycle();
}

void VirtualBoard::powerOn(SimTime at, bool keepRam)
{
    if (!m_epochSet) {
        m_faults.setEpoch(at);
        m_epochSet = true;
    }
    if (keepRam && m_rom) {
        m_state = m_stateBeforeDetach;
    } else {
        m_memory = std::make_unique<SparseStore>(AddressSpace, 0x00, MemoryPageSize);
        m_rom = std::make_unique<RomModel>(m_config, *m_memory);
        m_burner.reset();
        m_state = BoardState::Rom;
    }
    m_now = std::max(m_now, at);
    m_busyUntil = at;
    m_attachedAt = at;
    m_configured = false;
    m_latched.reset();
    m_outResidue.clear();
    m_hasResidue = false;
    m_bulkOutOpen = m_bulkInOpen = false;
    m_outEndpointFreeAt = m_inEndpointFreeAt = at;
    m_hangReason.clear();
    ++m_attachCount;
    note(at, QStringLiteral("attached (%1)").arg(QLatin1String(boardStateName(m_state))));
    notifyAttached(true);
}

void VirtualBoard::detach(SimTime at, const QString &why, bool keepRam)
{
    if (isServing())
        m_stateBeforeDetach = m_state;
    m_state = BoardState::Detached;
    m_detachedAt = at;
    m_latched.reset();
    m_powerLossAt.reset();
    m_outResidue.clear();
    m_hasResidue = false;
    if (!keepRam) {
        m_burner.reset();
        m_rom.reset();
        m_memory.reset();
    }
    note(at, QStringLiteral("left the bus: %1").arg(why));
    notifyAttached(false);
}

void VirtualBoard::enterHung(SimTime at, const QString &why)
{
    m_state = BoardState::Hung;
    m_hangReason = why;
    m_latched.reset();
    note(at, QStringLiteral("HUNG: %1").arg(why));
}

// --- time ------------------------------------------------------------------------------------------

void VirtualBoard::sync(SimTime t)
{
    t = std::max(t, m_now);
    for (;;) {
        SimTime at;
        const Event event = nextEvent(&at);
        if (event == Event::None || at > t)
            break;
        m_now = std::max(m_now, at);
        handleEvent(event, std::max(at, m_now));
    }
    m_now = t;
}

VirtualBoard::Event VirtualBoard::nextEvent(SimTime *at) const
{
    Event best = Event::None;
    auto consider = [&](Event e, SimTime when) {
        if (best == Event::None || when < *at) {
            best = e;
            *at = when;
        }
    };
    if (!isAttached()) {
        if (m_reattachAt)
            consider(Event::Reattach, *m_reattachAt);
        return best;
    }
    if (const auto d = m_faults.nextTimedDisconnect())
        consider(Event::TimedDisconnect, std::max(*d, m_attachedAt));
    if (m_powerLossAt)
        consider(Event::PowerLoss, *m_powerLossAt);
    if (m_state == BoardState::SplRunning || m_state == BoardState::BurnerBooting ||
        m_state == BoardState::Resetting)
        consider(Event::StateEnd, m_stateUntil);
    if (m_config.enumTimeout && !m_configured && m_state == BoardState::Rom)
        consider(Event::EnumTimeout, m_attachedAt + *m_config.enumTimeout);
    if (m_latched && isServing())
        consider(Event::Latched, std::max(m_busyUntil, m_latched->at));
    return best;
}

void VirtualBoard::handleEvent(Event event, SimTime at)
{
    switch (event) {
    case Event::TimedDisconnect: {
        FaultContext ctx;
        ctx.time = at;
        ctx.stage = faultStage();
        m_faults.take(FaultKind::Disconnect, ctx);
        detach(at, QStringLiteral("disconnect fault (time)"));
        break;
    }
    case Event::PowerLoss:
        detach(at, QStringLiteral("power loss fault"));
        break;
    case Event::StateEnd:
        if (m_state == BoardState::SplRunning)
            finishSpl(at);
        else if (m_state == BoardState::BurnerBooting)
            finishBurnerBoot(at);
        else
            finishReset(at);
        break;
    case Event::Reattach:
        m_reattachAt.reset();
        powerOn(at, m_reattachKeepsRam);
        break;
    case Event::EnumTimeout:
        detach(at, QStringLiteral("ROM gave up USB boot (not configured in time)"));
        break;
    case Event::Latched:
        applyLatched(at);
        break;
    case Event::None:
        break;
    }
}

void VirtualBoard::finishSpl(SimTime at)
{
    FaultContext ctx;
    ctx.time = at;
    ctx.stage = FaultStage::Rom;
    QByteArray garbage;
    if (const FaultSpec *f = m_faults.take(FaultKind::GarbageAfterGinfo, ctx))
        garbage = f->hex(QStringLiteral("data"), DefaultGarbage);
    const SplOutcome outcome = m_rom->runSpl(m_splEntry, garbage);
    m_busyUntil = at;
    if (m_splHangFault || !outcome.ok) {
        enterHung(at, m_splHangFault ? QStringLiteral("spl_hang fault") : outcome.reason);
        return;
    }
    m_state = outcome.resident ? BoardState::SplLoop : BoardState::Rom;
    note(at, QStringLiteral("SPL done, DDR ready -> %1").arg(QLatin1String(boardStateName(m_state))));
    if (const FaultSpec *f = m_faults.take(FaultKind::ReenumerateAfterSpl, ctx)) {
        detach(at, QStringLiteral("re-enumerates after the SPL (fault)"), true);
        m_reattachAt = at + m_timing.scaled(f->duration(QStringLiteral("delay"), m_config.reenumerateDelay));
        m_reattachKeepsRam = true;
    }
}

void VirtualBoard::finishBurnerBoot(SimTime at)
{
    m_burner =
        std::make_unique<BurnerModel>(m_config, m_timing, m_faults, m_nor.get(), m_emmc.get(), *m_memory);
    m_state = BoardState::Burner;
    m_busyUntil = at;
    note(at, QStringLiteral("burner running"));
}

void VirtualBoard::finishReset(SimTime at)
{
    m_norFourByteAtReset = m_nor && m_nor->isFourByteMode();
    FaultContext ctx;
    ctx.time = at;
    ctx.stage = FaultStage::Burner;
    const FaultSpec *reappear = m_faults.take(FaultKind::ReappearAfterReboot, ctx);
    detach(at, m_resetIsPowerOff ? QStringLiteral("POWEROFF") : QStringLiteral("REBOOT (SoC reset)"));
    if (reappear || m_config.usbBootSelectHeld) {
        const SimDuration delay = reappear
                                      ? reappear->duration(QStringLiteral("delay"), m_config.reenumerateDelay)
                                      : m_config.reenumerateDelay;
        m_reattachAt = at + m_timing.scaled(delay);
        m_reattachKeepsRam = false;
    }
}

// 6.2 item 2: when the device frees, the most recent latched SETUP gets its SETUP-time effects;
// its completion-time effects do not happen (the host gave up on it).
void VirtualBoard::applyLatched(SimTime at)
{
    const Latched latched = *m_latched;
    m_latched.reset();
    const ControlSetup &s = latched.setup;
    if (!isStandard(s) && m_state == BoardState::Burner) {
        const auto r = m_burner->setup(s, latched.ctx);
        if (r.hang) {
            enterHung(at, r.reason);
            return;
        }
    } else if (!isStandard(s) && (s.requestType & 0x60) == 0x40 && s.request != proto::ProgramStart1 &&
               s.request != proto::ProgramStart2) {
        m_rom->control(s, latched.out, m_state == BoardState::SplLoop);
    }
    note(at, QStringLiteral("latched SETUP %1 processed (SETUP-time effects only)").arg(requestText(s)));
    if (latched.hangAfter)
        enterHung(at, QStringLiteral("ctrl_timeout fault with hang"));
}

void VirtualBoard::advance(SimTime now)
{
    sync(now);
}

void VirtualBoard::cancelPending(SimTime now)
{
    sync(now);
    m_outResidue.clear();
    m_hasResidue = false;
    m_bulkOutOpen = m_bulkInOpen = false;
}

UsbDescriptors VirtualBoard::descriptors() const
{
    return romDescriptors(m_config);
}

Reply VirtualBoard::waitOutReset(SimTime now, SimTime deadline)
{
    if (m_stateUntil > deadline)
        return makeReply(TransferStatus::Timeout, deadline);
    sync(m_stateUntil);
    return makeReply(TransferStatus::NoDevice, std::max(now, m_stateUntil));
}

} // namespace oc::sim
