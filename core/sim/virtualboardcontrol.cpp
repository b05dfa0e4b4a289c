// VirtualBoard: control transfers (spec 6.2 item 2 busy model and latched SETUPs, 6.3 transitions
// on PROGRAM_START1/2 and REBOOT / POWEROFF, 2.2 standard requests, 6.7.3 burner dispatch).

#include "virtualboard.h"

#include "../util/logging.h"
#include "usbdescriptors.h"

namespace oc::sim {

namespace {
constexpr quint8 StdGetStatus = 0x00;
constexpr quint8 StdSetAddress = 0x05;
constexpr quint8 StdGetDescriptor = 0x06;
constexpr quint8 StdGetConfiguration = 0x08;
constexpr quint8 StdSetConfiguration = 0x09;
} // namespace

// --- control transfers -----------------------------------------------------------------------------

// Every transfer leaves the board as it is at the transfer's completion: events due by then (an
// instantaneous SPL under the `none` timing model, a reset that ends before the host's timeout)
// have happened when the call returns.
Reply VirtualBoard::control(const ControlSetup &setup, const QByteArray &outData, SimTime now,
                            SimDuration timeout)
{
    const Reply reply = doControl(setup, outData, now, timeout);
    sync(reply.doneAt);
    return reply;
}

Reply VirtualBoard::bulkOut(quint8 endpoint, const QByteArray &data, bool endOfTransfer, SimTime now,
                            SimDuration timeout)
{
    const Reply reply = doBulkOut(endpoint, data, endOfTransfer, now, timeout);
    sync(reply.doneAt);
    return reply;
}

Reply VirtualBoard::bulkIn(quint8 endpoint, int length, SimTime now, SimDuration timeout)
{
    const Reply reply = doBulkIn(endpoint, length, now, timeout);
    sync(reply.doneAt);
    return reply;
}

Reply VirtualBoard::doControl(const ControlSetup &setup, const QByteArray &outData, SimTime now,
                              SimDuration timeout)
{
    sync(now);
    const SimTime deadline = now + timeout;
    if (!isAttached())
        return makeReply(TransferStatus::NoDevice, now);
    if (m_state == BoardState::Resetting)
        return waitOutReset(now, deadline);
    const QByteArray out = setup.isIn() ? QByteArray() : outData.left(setup.length);
    FaultContext ctx;
    ctx.time = now;
    m_faults.noteRequest(ctx, setup.request, faultStage());
    if (m_burner && m_state == BoardState::Burner)
        m_burner->describe(ctx);
    m_configured = true;
    qCDebug(lcSim).noquote() << "control" << requestText(setup) << "in state" << boardStateName(state());
    if (m_faults.take(FaultKind::Disconnect, ctx)) {
        detach(now, QStringLiteral("disconnect fault at control %1").arg(requestText(setup)));
        return makeReply(TransferStatus::NoDevice, now);
    }
    const SimDuration rtt = m_timing.controlRtt();
    if (m_faults.take(FaultKind::Stall, ctx))
        return makeReply(TransferStatus::Stall, now + rtt);
    const FaultSpec *timeoutFault = m_faults.take(FaultKind::CtrlTimeout, ctx);
    const auto start = serveTime(now);
    if (!start || *start + rtt > deadline || timeoutFault) {
        if (start && (m_config.latchMode == LatchMode::LatestOnly || timeoutFault))
            m_latched =
                Latched{setup, out, now, timeoutFault && timeoutFault->flag(QStringLiteral("hang")), ctx};
        sync(now);
        return makeReply(TransferStatus::Timeout, deadline);
    }
    m_latched.reset(); // a newer SETUP supersedes a latched one
    sync(*start);
    if (!isAttached())
        return makeReply(TransferStatus::NoDevice, std::max(now, m_detachedAt));
    if (!isServing())
        return makeReply(TransferStatus::Timeout, deadline);
    const SimTime done = *start + rtt;
    if (isStandard(setup))
        return standardRequest(setup, done);
    if (m_state == BoardState::Burner)
        return burnerControl(setup, out, ctx, done, deadline);
    return romControl(setup, out, ctx, done);
}

Reply VirtualBoard::standardRequest(const ControlSetup &setup, SimTime done)
{
    const bool burner = m_state == BoardState::Burner;
    if (m_state == BoardState::SplLoop)
        return makeReply(TransferStatus::Stall, done); // the resident loop stalls all standard requests
    switch (setup.request) {
    case StdGetDescriptor: {
        const auto answer = getDescriptor(burner ? burnerDescriptors(m_config) : romDescriptors(m_config),
                                          setup.value, setup.length);
        return answer ? makeReply(TransferStatus::Ok, done, *answer) : makeReply(TransferStatus::Stall, done);
    }
    case StdSetAddress:
    case StdSetConfiguration:
        return makeReply(TransferStatus::Ok, done);
    case StdGetStatus:
        if (burner)
            return makeReply(TransferStatus::Ok, done, QByteArray(2, '\0').left(setup.length));
        break;
    case StdGetConfiguration:
        if (burner)
            return makeReply(TransferStatus::Ok, done, QByteArray(1, '\1').left(setup.length));
        break;
    default:
        break;
    }
    return makeReply(TransferStatus::Stall, done); // the ROM stalls everything else (2.2)
}

QByteArray VirtualBoard::shortenIn(QByteArray data, const FaultContext &ctx)
{
    if (const FaultSpec *f = m_faults.take(FaultKind::ShortControlIn, ctx))
        data.truncate(qsizetype(std::max<qint64>(0, f->number(QStringLiteral("bytes"), 0))));
    return data;
}

Reply VirtualBoard::romControl(const ControlSetup &setup, const QByteArray &out, const FaultContext &ctx,
                               SimTime done)
{
    if ((setup.requestType & 0x60) != 0x40)
        return makeReply(TransferStatus::Stall, done); // class requests
    const RomControlResult r = m_rom->control(setup, out, m_state == BoardState::SplLoop);
    if (r.status == RomControlResult::Stall)
        return makeReply(TransferStatus::Stall, done);
    if (r.status == RomControlResult::Overflow)
        return makeReply(TransferStatus::Overflow, done, r.data.left(setup.length));
    Reply reply = makeReply(TransferStatus::Ok, done);
    if (setup.isIn())
        reply.data = shortenIn(r.data.left(setup.length), ctx);
    else
        reply.accepted = int(out.size());
    if (r.action == RomAction::Start1)
        startSpl(r.entry, ctx, done);
    else if (r.action == RomAction::Start2)
        startBurner(r.entry, ctx, done);
    else if (r.action == RomAction::ExitLoop)
        enterHung(done, QStringLiteral("EXIT_LOOP: the SPL's normal boot is not modelled"));
    return reply;
}

void VirtualBoard::startSpl(quint32 entry, const FaultContext &ctx, SimTime at)
{
    bool oneShot = m_config.oneShotStart1;
    if (const FaultSpec *f = m_faults.take(FaultKind::Start1OneShot, ctx))
        oneShot = !f->flag(QStringLiteral("off"));
    if (oneShot && m_rom->start1Done()) {
        note(at, QStringLiteral("PROGRAM_START1 ignored (one-shot ROM)"));
        return;
    }
    m_rom->noteStart1();
    m_splEntry = entry;
    m_splHangFault = m_faults.take(FaultKind::SplHang, ctx) != nullptr;
    m_state = BoardState::SplRunning;
    m_stateUntil = at + m_timing.splRun();
    m_busyUntil = m_stateUntil;
    note(at, QStringLiteral("PROGRAM_START1 0x%1, d2i 0x%2: SPL running")
                 .arg(entry, 8, 16, QLatin1Char('0'))
                 .arg(m_rom->d2i(), 0, 16));
}

void VirtualBoard::startBurner(quint32 entry, const FaultContext &ctx, SimTime at)
{
    QString reason;
    if (!m_rom->burnerImageReady(entry, &reason)) {
        if (m_config.start2ReturnsToRom) {
            note(at, QStringLiteral("PROGRAM_START2: %1; the code returned").arg(reason));
            return;
        }
        enterHung(at, reason);
        return;
    }
    if (m_faults.take(FaultKind::BurnerNoBoot, ctx)) {
        enterHung(at, QStringLiteral("burner_no_boot fault"));
        return;
    }
    m_state = BoardState::BurnerBooting;
    m_stateUntil = at + m_timing.burnerBoot();
    m_busyUntil = m_stateUntil;
    note(at, QStringLiteral("PROGRAM_START2 0x%1: burner booting").arg(entry, 8, 16, QLatin1Char('0')));
}

Reply VirtualBoard::burnerControl(const ControlSetup &setup, const QByteArray &out, const FaultContext &ctx,
                                  SimTime done, SimTime deadline)
{
    const auto r = m_burner->setup(setup, ctx);
    if (r.hang) {
        enterHung(done, r.reason);
        return makeReply(TransferStatus::Timeout, deadline);
    }
    if (r.stall)
        return makeReply(TransferStatus::Stall, done);
    Reply reply = makeReply(TransferStatus::Ok, done);
    if (setup.isIn()) {
        reply.data = shortenIn(m_burner->inData(setup.length), ctx);
    } else {
        m_burner->outData(out);
        reply.accepted = int(out.size());
    }
    applyWork(m_burner->complete(setup, int(out.size()), ctx), done);
    drainResidue(done);
    return reply;
}

void VirtualBoard::applyWork(const BurnerWork &work, SimTime at)
{
    if (work.hang) {
        enterHung(at, work.hangReason);
        return;
    }
    m_busyUntil = std::max(m_busyUntil, at + work.busy);
    if (work.powerLossAfter)
        m_powerLossAt = at + *work.powerLossAfter;
    if (work.after != BurnerWork::After::Nothing) {
        m_resetIsPowerOff = work.after == BurnerWork::After::PowerOff;
        m_state = BoardState::Resetting;
        m_stateUntil = at + m_timing.resetDelay();
        note(at,
             m_resetIsPowerOff ? QStringLiteral("POWEROFF: resetting") : QStringLiteral("REBOOT: resetting"));
    }
}

} // namespace oc::sim
