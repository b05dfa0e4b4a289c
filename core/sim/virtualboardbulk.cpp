// VirtualBoard: the bulk endpoints (spec 6.2 item 3). EP 0x01 has an ordered queue of OUT requests
// in the burner (memory writes in the ROM / resident loop); EP 0x81 has at most one IN request.
// Host data fills the head request; a short packet or ZLP ends a request early; with no request
// queued the endpoint NAKs and the host's transfer times out; while the device is busy both
// endpoints NAK.

#include "virtualboard.h"

#include "../util/logging.h"

namespace oc::sim {

qint64 VirtualBoard::packetFloor(qint64 bytes) const
{
    const int packet = m_config.bulkPacketSize();
    return bytes / packet * packet;
}

FaultContext VirtualBoard::bulkContext(bool in, qint64 length, SimTime now)
{
    FaultContext ctx;
    ctx.time = now;
    ctx.stage = faultStage();
    bool &open = in ? m_bulkInOpen : m_bulkOutOpen;
    int &index = in ? m_bulkInIndex : m_bulkOutIndex;
    if (!open) {
        m_faults.noteBulk(ctx, in);
        index = ctx.bulkIndex;
    }
    ctx.bulkIndex = index;
    ctx.bulkIn = in;
    if (!m_burner || m_state != BoardState::Burner)
        return ctx;
    if (in && m_burner->hasInRequest()) {
        ctx.request = 0x13; // READ
        ctx.stream = FaultStream::Read;
        FaultContext probe;
        probe.request = 0x19; // the GET_CRC that armed it: chunk of the last READ
        m_burner->describe(probe);
        ctx.chunk = probe.chunk;
        ctx.streamBegin = m_burner->readStreamOffset();
        ctx.streamEnd = ctx.streamBegin + std::min(length, m_burner->inRemaining());
    } else if (const OutRequest *head = m_burner->headOut();
               !in && head && head->kind == OutRequest::Kind::Write) {
        ctx.request = 0x12; // WRITE
        ctx.stream = FaultStream::Write;
        ctx.chunk = head->chunk;
        ctx.streamBegin = m_burner->writeStreamOffset();
        ctx.streamEnd = ctx.streamBegin + std::min(length, head->wanted());
    }
    return ctx;
}

Reply VirtualBoard::doBulkOut(quint8 endpoint, const QByteArray &data, bool endOfTransfer, SimTime now,
                              SimDuration timeout)
{
    sync(now);
    const SimTime deadline = now + timeout;
    if (!isAttached())
        return makeReply(TransferStatus::NoDevice, now);
    if (endpoint != BulkOutEndpoint)
        return makeReply(TransferStatus::Stall, now);
    if (m_state == BoardState::Resetting)
        return waitOutReset(now, deadline);
    const bool shortEnd = data.isEmpty() || data.size() % m_config.bulkPacketSize() != 0;
    const auto start = serveTime(std::max(now, m_outEndpointFreeAt));
    if (!start || *start > deadline)
        return makeReply(TransferStatus::Timeout, deadline); // NAKed: busy or hung
    sync(*start);
    if (!isAttached())
        return makeReply(TransferStatus::NoDevice, std::max(now, m_detachedAt));
    if (!isServing())
        return makeReply(TransferStatus::Timeout, deadline);
    const FaultContext ctx = bulkContext(false, data.size(), now);
    m_bulkOutOpen = !(endOfTransfer || shortEnd);
    if (m_faults.take(FaultKind::BulkTimeout, ctx))
        return makeReply(TransferStatus::Timeout, deadline);
    std::optional<qint64> cut;
    if (const FaultSpec *f = m_faults.take(FaultKind::Disconnect, ctx))
        cut = std::min<qint64>(FaultInjector::offsetWithin(*f, ctx), data.size());
    const QByteArray piece = cut ? data.left(*cut) : data;
    Reply reply = m_state == BoardState::Burner
                      ? burnerBulkOut(piece, cut ? false : shortEnd, *start, deadline)
                      : romBulkOut(piece, *start, deadline);
    if (reply.status == TransferStatus::Ok)
        m_outEndpointFreeAt = reply.doneAt;
    if (cut && isAttached()) {
        m_hasResidue = false;
        m_outResidue.clear();
        detach(std::min(reply.doneAt, deadline), QStringLiteral("disconnect fault during bulk OUT"));
        reply.status = TransferStatus::NoDevice;
    }
    return reply;
}

Reply VirtualBoard::romBulkOut(const QByteArray &data, SimTime start, SimTime deadline)
{
    qint64 n = data.size();
    SimTime done = start + m_timing.romBulk(n);
    TransferStatus status = TransferStatus::Ok;
    if (done > deadline) {
        n = std::min(n, packetFloor(m_timing.romBulkBytesWithin(deadline - start)));
        done = deadline;
        status = TransferStatus::Timeout;
    }
    if (!m_rom->bulkOut(data.left(n), m_state == BoardState::SplLoop)) {
        enterHung(start, QStringLiteral("bulk OUT into DDR before the SPL initialised it"));
        return makeReply(TransferStatus::Timeout, deadline, {}, 0);
    }
    return makeReply(status, done, {}, int(n));
}

Reply VirtualBoard::burnerBulkOut(const QByteArray &data, bool shortEnd, SimTime start, SimTime deadline)
{
    const qint64 within = m_timing.burnerBulkOutBytesWithin(deadline - start);
    const qint64 fits = within >= data.size() ? data.size() : packetFloor(within);
    const bool truncated = fits < data.size();
    qint64 consumed = 0;
    const bool zlpTaken = data.isEmpty() && m_burner->headOut();
    const SimTime done = feedOut(data.constData(), truncated ? fits : data.size(),
                                 truncated ? false : shortEnd, start, &consumed);
    if (consumed < data.size() || (data.isEmpty() && !zlpTaken)) {
        if (!truncated) { // NAKed: no request takes it; it waits for one until the host gives up
            m_outResidue = data.mid(consumed);
            m_hasResidue = true;
            m_residueShortEnd = shortEnd;
        }
        return makeReply(TransferStatus::Timeout, deadline, {}, int(consumed));
    }
    return makeReply(TransferStatus::Ok, done, {}, int(consumed));
}

// Offers host data to the queued requests in order; completed requests are processed (the burner
// is busy meanwhile: further data waits). Returns when the last consumed byte went through.
SimTime VirtualBoard::feedOut(const char *data, qint64 length, bool shortEnd, SimTime t, qint64 *consumed)
{
    qint64 pos = 0;
    bool offered = false;
    while (m_state == BoardState::Burner && m_burner->headOut()) {
        if (pos >= length && offered)
            break;
        offered = true;
        t = std::max(t, m_busyUntil);
        const qint64 take = m_burner->feedHead(data + pos, length - pos, shortEnd);
        pos += take;
        t += m_timing.burnerBulkOut(take);
        if (!m_burner->headOut()->isComplete())
            break;
        applyWork(m_burner->completeHeadOut(t), t);
    }
    *consumed = pos;
    return t;
}

// A request queued by a control transfer takes OUT data the host left pending (spec 6.2 item 3;
// e.g. a stray ZLP is consumed by the next WRITE, which then completes short: 6.13 row 28).
void VirtualBoard::drainResidue(SimTime at)
{
    if (!m_hasResidue || !m_burner || !m_burner->headOut() || m_state != BoardState::Burner)
        return;
    qint64 consumed = 0;
    feedOut(m_outResidue.constData(), m_outResidue.size(), m_residueShortEnd, at, &consumed);
    m_outResidue.remove(0, qsizetype(consumed));
    const bool zlpTaken = consumed == 0 && m_outResidue.isEmpty();
    if (m_outResidue.isEmpty() && (consumed > 0 || zlpTaken))
        m_hasResidue = false;
}

Reply VirtualBoard::doBulkIn(quint8 endpoint, int length, SimTime now, SimDuration timeout)
{
    sync(now);
    const SimTime deadline = now + timeout;
    if (!isAttached())
        return makeReply(TransferStatus::NoDevice, now);
    if (endpoint != BulkInEndpoint)
        return makeReply(TransferStatus::Stall, now);
    if (m_state == BoardState::Resetting)
        return waitOutReset(now, deadline);
    const auto start = serveTime(std::max(now, m_inEndpointFreeAt));
    if (!start || *start > deadline)
        return makeReply(TransferStatus::Timeout, deadline);
    sync(*start);
    if (!isAttached())
        return makeReply(TransferStatus::NoDevice, std::max(now, m_detachedAt));
    if (!isServing())
        return makeReply(TransferStatus::Timeout, deadline);
    const FaultContext ctx = bulkContext(true, length, now);
    if (m_faults.take(FaultKind::BulkTimeout, ctx)) {
        m_bulkInOpen = false;
        return makeReply(TransferStatus::Timeout, deadline);
    }
    qint64 wanted = std::max(length, 0);
    std::optional<qint64> cut;
    if (const FaultSpec *f = m_faults.take(FaultKind::Disconnect, ctx))
        cut = std::min<qint64>(FaultInjector::offsetWithin(*f, ctx), wanted);
    Reply reply = m_state == BoardState::Burner ? burnerBulkIn(cut.value_or(wanted), wanted, *start, deadline)
                                                : romBulkIn(cut.value_or(wanted), *start, deadline);
    m_bulkInOpen = reply.status == TransferStatus::Ok && reply.data.size() == length;
    if (reply.status == TransferStatus::Ok)
        m_inEndpointFreeAt = reply.doneAt;
    if (cut && isAttached()) {
        detach(std::min(reply.doneAt, deadline), QStringLiteral("disconnect fault during bulk IN"));
        reply.status = TransferStatus::NoDevice;
    }
    return reply;
}

Reply VirtualBoard::romBulkIn(qint64 length, SimTime start, SimTime deadline)
{
    if (!m_config.romBulkIn)
        return makeReply(TransferStatus::Timeout, deadline); // the JZ4780B ROM has no bulk IN
    qint64 n = length;
    SimTime done = start + m_timing.romBulk(n);
    TransferStatus status = TransferStatus::Ok;
    if (done > deadline) {
        n = std::min(n, packetFloor(m_timing.romBulkBytesWithin(deadline - start)));
        done = deadline;
        status = TransferStatus::Timeout;
    }
    QByteArray data = m_rom->bulkIn(int(n), m_state == BoardState::SplLoop);
    if (status == TransferStatus::Ok)
        done = start + m_timing.romBulk(data.size());
    return makeReply(status, done, std::move(data));
}

Reply VirtualBoard::burnerBulkIn(qint64 length, qint64 hostLength, SimTime start, SimTime deadline)
{
    if (!m_burner->hasInRequest())
        return makeReply(TransferStatus::Timeout, deadline); // nothing armed: NAK until the host gives up
    const qint64 remaining = m_burner->inRemaining();
    qint64 n = std::min(length, remaining);
    TransferStatus status = TransferStatus::Ok;
    SimTime done = start + m_timing.burnerBulkIn(n);
    if (done > deadline) {
        n = std::min(n, packetFloor(m_timing.burnerBulkInBytesWithin(deadline - start)));
        done = deadline;
        status = TransferStatus::Timeout;
    } else if (remaining > hostLength && hostLength % m_config.bulkPacketSize() != 0) {
        status = TransferStatus::Overflow; // a full packet does not fit the host's buffer
    }
    return makeReply(status, done, m_burner->drainIn(n));
}

} // namespace oc::sim
