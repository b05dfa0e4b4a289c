#include "burnermodel.h"

#include "../protocol/wire.h"
#include "../util/logging.h"

#include <cstring>

namespace oc::sim {

namespace {
constexpr int Ep0BufferSize = 4096;
constexpr qint64 InitialBufferSize = 1 << 20;
constexpr int PolicyZeroStart = 8; // GET_FLASH_INFO zeroes args[8..172) [6.11]
constexpr int PolicyZeroLength = 164;
constexpr quint32 RegisterLow = 0xB0000000;
constexpr quint32 RegisterHigh = 0xB8000000;

bool isVendor(const ControlSetup &s)
{
    return (s.requestType & 0x60) == 0x40;
}

void flipBit(QByteArray &buf, qint64 length, qint64 bit)
{
    if (length <= 0)
        return;
    bit %= length * 8;
    buf[qsizetype(bit / 8)] = char(buf[qsizetype(bit / 8)] ^ (1 << (bit % 8)));
}
} // namespace

BurnerModel::BurnerModel(const SimBoardConfig &config, const TimingModel &timing, FaultInjector &faults,
                         NorFlash *nor, Emmc *emmc, SparseStore &ram)
    : m_config(config)
    , m_timing(timing)
    , m_faults(faults)
    , m_norChip(nor)
    , m_ram(ram)
    , m_nor(std::make_unique<SfcNorModule>(config, timing, nor))
    , m_mmc(std::make_unique<MmcModule>(config, timing, emmc))
    , m_args(proto::ArgsBufferSize, '\0')
    , m_buf(InitialBufferSize, '\0')
    , m_ep0(Ep0BufferSize, '\0')
{}

void BurnerModel::describe(FaultContext &ctx) const
{
    if (ctx.request == proto::Write) {
        ctx.stream = FaultStream::Write;
        ctx.chunk = m_writeChunks;
    } else if (ctx.request == proto::Read) {
        ctx.stream = FaultStream::Read;
        ctx.chunk = m_readChunks;
    } else if (ctx.request == proto::GetCrc) {
        ctx.stream = FaultStream::Read;
        ctx.chunk = m_readChunks - 1;
    }
}

FaultContext BurnerModel::streamContext(FaultStream stream, int chunk, quint8 request, SimTime at) const
{
    FaultContext c;
    c.time = at;
    c.stage = FaultStage::Burner;
    c.request = request;
    const auto occurrence = m_occurrence.value(request, {0, 0});
    c.occurrence = occurrence.first;
    c.stageOccurrence = occurrence.second;
    c.stream = stream;
    c.chunk = chunk;
    return c;
}

void BurnerModel::applyBadAck(BurnerWork &work, const FaultContext &ctx)
{
    if (const FaultSpec *f = m_faults.take(FaultKind::BadAck, ctx))
        m_ack = qint32(f->number(QStringLiteral("value"), 0));
    work.ack = m_ack;
}

// 6.7.3 step 1: a SETUP cancels the queued WRITE (ack -104) and the armed READ data; ARGS stay.
void BurnerModel::cancelPending()
{
    const auto removed =
        m_outQueue.removeIf([](const OutRequest &r) { return r.kind == OutRequest::Kind::Write; });
    if (removed)
        m_ack = proto::AckConnReset;
    m_inRequest.reset();
}

BurnerModel::SetupResult BurnerModel::setup(const ControlSetup &setup, const FaultContext &ctx)
{
    cancelPending();
    m_occurrence.insert(setup.request, {ctx.occurrence, ctx.stageOccurrence});
    if (!isVendor(setup)) {
        m_ack = proto::AckNoSys; // class request: the function's handler fails -> STALL
        return {true, false, {}};
    }
    switch (setup.request) {
    case proto::GetCpuInfo: {
        const QByteArray id = m_config.burnerCpuInfo + '\0';
        std::memcpy(m_ep0.data(), id.constData(), size_t(std::min<qsizetype>(id.size(), Ep0BufferSize)));
        break;
    }
    case proto::GetAck:
        wire::putLe32(m_ep0, 0, ackWord(setup.request, ctx));
        break;
    case proto::GetCrc:
        wire::putLe32(m_ep0, 0, ackWord(setup.request, ctx));
        wire::putLe32(m_ep0, 4, crcWord(ctx));
        break;
    case proto::GetFlashInfo: {
        QString reason;
        if (!flashInfo(ctx, &reason))
            return {false, true, reason};
        break;
    }
    case proto::UpdateCfg:
    case proto::Write:
        m_ack = proto::AckBusy;
        break;
    case proto::SetDataAddr:
    case proto::SetDataLen:
        m_fullSize = proto::joinValue(setup.value, setup.index);
        break;
    default:
        break; // ROM requests, unknown vendor requests: accepted, stale EP0 buffer, no stall
    }
    return {};
}

quint32 BurnerModel::crcWord(const FaultContext &ctx)
{
    if (const FaultSpec *f = m_faults.take(FaultKind::WrongCrcField, ctx))
        return quint32(f->number(QStringLiteral("value"), qint64(~m_crc)));
    return m_crc;
}

quint32 BurnerModel::ackWord(quint8 request, const FaultContext &ctx)
{
    Q_UNUSED(request)
    if (const FaultSpec *f = m_faults.take(FaultKind::BadAck, ctx))
        return quint32(f->number(QStringLiteral("value"), 0));
    return quint32(m_ack);
}

// 6.11: needs the *first* TLV of the latest blob to be ILOP; otherwise 164 bytes at args offset 8
// are zeroed, whatever lives there.
bool BurnerModel::flashInfo(const FaultContext &ctx, QString *reason)
{
    if (wire::le32(m_args, 0) == proto::MagicPolicy)
        m_offPolicy = 8;
    else
        std::memset(m_args.data() + PolicyZeroStart, 0, PolicyZeroLength);
    if (!m_offPolicy) {
        *reason = QStringLiteral("GET_FLASH_INFO without a policy: NULL dereference");
        return false;
    }
    const wire::PolicyFlags policy = wire::decodePolicy(m_args, *m_offPolicy, m_config.policyLayout);
    quint32 id = 0;
    if (policy.useSfcNor) {
        id = m_norChip ? m_norChip->jedecId() : 0;
        if (const FaultSpec *f = m_faults.take(FaultKind::Jedec, ctx))
            id = quint32(f->number(QStringLiteral("id"), 0)) & 0xFFFFFF;
    }
    wire::putLe32(m_ep0, 0, id);
    m_ack = proto::AckOk;
    return true;
}

QByteArray BurnerModel::inData(quint16 length) const
{
    return m_ep0.left(std::min<int>(length, Ep0BufferSize));
}

void BurnerModel::outData(const QByteArray &data)
{
    std::memcpy(m_ep0.data(), data.constData(), size_t(std::min<qsizetype>(data.size(), Ep0BufferSize)));
}

BurnerWork BurnerModel::complete(const ControlSetup &setup, int outLength, const FaultContext &ctx)
{
    if (!setup.isIn() && outLength < setup.length) {
        m_ack = proto::AckIo; // short OUT data stage
        return BurnerWork{m_ack};
    }
    BurnerWork work;
    switch (setup.request) {
    case proto::UpdateCfg:
        work = queueArgs();
        break;
    case proto::Write:
        work = queueWrite(ctx);
        break;
    case proto::Init:
        work = init(ctx);
        break;
    case proto::Read:
        work = read(ctx);
        break;
    case proto::GetCrc:
        work = getCrcDone(ctx);
        break;
    case proto::SyncTime: {
        m_ack = proto::AckOk; // rtc_set() succeeded, unless a bad_ack@sync_time says otherwise
        BurnerWork none;
        applyBadAck(none, ctx);
        break;
    }
    case proto::Check:
        m_ack = proto::AckNoSys; // the SFC and MMC modules have no check hook
        break;
    case proto::Reboot:
    case proto::PowerOff:
        work = reboot(setup.request == proto::PowerOff);
        break;
    default:
        break;
    }
    if (!work.hang)
        work.ack = m_ack;
    return work;
}

BurnerWork BurnerModel::queueArgs()
{
    const quint32 length = wire::le32(m_ep0, 0);
    if (length > quint32(proto::ArgsBufferSize))
        return BurnerWork::hung(
            QStringLiteral("UPDATE_CFG of %1 bytes overruns the 1 MiB args buffer").arg(length));
    OutRequest r;
    r.kind = OutRequest::Kind::Args;
    r.length = length;
    m_outQueue.append(r);
    return {};
}

BurnerWork BurnerModel::queueWrite(const FaultContext &ctx)
{
    const wire::Command cmd = wire::decodeCommand(m_ep0.left(proto::CommandBlockSize), m_config.layout);
    const quint32 length = quint32(cmd.length);
    if (length > m_config.heapSize)
        return BurnerWork::hung(
            QStringLiteral("WRITE of %1 bytes: buffer growth beyond the heap").arg(length));
    if (m_buf.size() < qint64(length))
        m_buf.append(qsizetype(length - m_buf.size()), '\0');
    OutRequest r;
    r.kind = OutRequest::Kind::Write;
    r.length = length;
    r.cmd = cmd;
    r.chunk = m_writeChunks++;
    const FaultContext c = streamContext(FaultStream::Write, r.chunk, proto::Write, ctx.time);
    if (const FaultSpec *f = m_faults.take(FaultKind::AcceptPartialOut, c))
        r.acceptLimit = f->number(QStringLiteral("bytes"), 0);
    m_outQueue.append(r);
    return {};
}

qint64 BurnerModel::feedHead(const char *data, qint64 length, bool shortEnd)
{
    OutRequest &r = m_outQueue.first();
    const qint64 take = std::min(length, r.wanted());
    r.received.append(data, take);
    r.touched = true;
    if (r.kind == OutRequest::Kind::Write)
        m_writeStream += take;
    if (shortEnd && take == length)
        r.ended = true; // the host's short packet (or ZLP) ends the request early
    return take;
}

BurnerWork BurnerModel::completeHeadOut(SimTime at)
{
    OutRequest req = m_outQueue.takeFirst();
    if (req.kind == OutRequest::Kind::Args)
        return argsArrived(req, at);
    return writeArrived(std::move(req), at);
}

// The walk of 6.7.4: stops at an unaligned offset, past the buffer or at magic 0. Returns false
// if it never ends (a size that brings the walk back: the device loops forever).
bool BurnerModel::parseArgs()
{
    quint32 offset = 0;
    for (int i = 0; i <= proto::ArgsBufferSize / 8; ++i) {
        if (offset % 4 || offset > quint32(proto::ArgsBufferSize))
            return true;
        const quint32 magic = wire::le32(m_args, offset);
        if (magic == 0)
            return true;
        const std::optional<qint64> data = qint64(offset) + 8;
        switch (magic) {
        case proto::MagicPolicy:
            m_offPolicy = data;
            break;
        case proto::MagicDebug:
            m_offDebug = data;
            break;
        case proto::MagicDdr:
            m_offDdr = data;
            break;
        case proto::MagicEfuse:
            if (m_config.generation == proto::BurnerGeneration::K1)
                m_offEfuse = data;
            break;
        case proto::MagicSfc:
        case proto::MagicMmc:
        case proto::MagicNand:
            m_offStorage = offset;
            break;
        default:
            qCDebug(lcSim) << "burner: unknown magic" << Qt::hex << magic << "at" << offset;
            break;
        }
        offset = offset + 8 + wire::le32(m_args, offset + 4); // 32-bit arithmetic, as on the device
    }
    return false;
}

BurnerWork BurnerModel::argsArrived(const OutRequest &req, SimTime at)
{
    std::memcpy(m_args.data(), req.received.constData(), size_t(req.received.size()));
    BurnerWork work;
    if (m_config.generation == proto::BurnerGeneration::K1) {
        if (!parseArgs())
            return BurnerWork::hung(QStringLiteral("UPDATE_CFG TLV walk never ends"));
        m_ack = proto::AckOk; // even when the bulk was short (6.13 row 22)
    } else {
        m_ack = req.received.size() < req.length ? proto::AckIo : proto::AckOk;
    }
    work.busy = m_timing.configParse();
    applyBadAck(work, streamContext(FaultStream::None, -1, proto::UpdateCfg, at));
    return work;
}

BurnerWork BurnerModel::init(const FaultContext &ctx)
{
    if (m_inited)
        return BurnerWork{m_ack}; // one-shot, even after a failure
    BurnerWork work = initStorage();
    m_inited = true;
    if (work.hang)
        return work;
    if (m_config.generation == proto::BurnerGeneration::Icu)
        work.ack = proto::AckOk; // ICU forces INIT's ack to 0
    work.busy += m_timing.initBase();
    m_ack = work.ack;
    applyBadAck(work, ctx);
    return work;
}

BurnerWork BurnerModel::initStorage()
{
    if (m_config.generation == proto::BurnerGeneration::Icu && !parseArgs())
        return BurnerWork::hung(QStringLiteral("INIT: TLV walk never ends"));
    if (!m_offStorage)
        return BurnerWork{proto::AckInval};
    const quint32 magic = wire::le32(m_args, *m_offStorage);
    if (magic == proto::MagicSfc) {
        if (!m_offPolicy)
            return BurnerWork{proto::AckInval};
        const auto policy = wire::decodePolicy(m_args, *m_offPolicy, m_config.policyLayout);
        return m_nor->init(m_args, *m_offStorage, policy.useSfcNor);
    }
    if (magic == proto::MagicMmc) {
        if (!m_offPolicy)
            return BurnerWork::hung(QStringLiteral("MMC INIT without a policy: NULL dereference"));
        const auto policy = wire::decodePolicy(m_args, *m_offPolicy, m_config.policyLayout);
        const int slot = policy.useMmc[0] ? 0 : policy.useMmc[1] ? 1 : policy.useMmc[2] ? 2 : -1;
        if (slot < 0)
            return {};
        const auto param = wire::decodeMmcParam(m_args, *m_offStorage + 8, m_config.generation);
        return m_mmc->init(param, slot);
    }
    return BurnerWork{proto::AckNoSys}; // NAND: no module in this build
}

std::optional<qint32> BurnerModel::ddrType() const
{
    if (!m_offDdr)
        return std::nullopt;
    return qint32(wire::le32(m_args, *m_offDdr));
}

BurnerWork BurnerModel::read(const FaultContext &ctx)
{
    const wire::Command cmd = wire::decodeCommand(m_ep0.left(proto::CommandBlockSize), m_config.layout);
    const qint64 length = quint32(cmd.length);
    const bool k1 = m_config.generation == proto::BurnerGeneration::K1;
    if (length > qint64(m_config.heapSize) || (!k1 && length > m_buf.size()))
        return BurnerWork::hung(QStringLiteral("READ of %1 bytes overruns the buffer").arg(length));
    if (k1) {
        if (m_buf.size() < length)
            m_buf.append(qsizetype(length - m_buf.size()), '\0');
        std::memset(m_buf.data(), 0, size_t(length));
    }
    if (!m_offDebug)
        return BurnerWork::hung(QStringLiteral("READ without a GBD TLV: NULL dereference"));
    BurnerWork work;
    if (cmd.medium() == quint16(proto::Medium::SpiSfc)) {
        if (cmd.subType() != proto::SfcNor || !k1)
            work.ack = proto::AckInval;
        else if (!m_nor->isConfigured())
            return BurnerWork::hung(QStringLiteral("SFC NOR READ before a successful INIT"));
        else
            work = m_nor->read(quint32(cmd.offset), length, m_buf);
    } else if (cmd.medium() == quint16(proto::Medium::Mmc)) {
        work = m_mmc->read(cmd, m_buf);
    } else {
        work.ack = proto::AckNoSys;
    }
    const FaultContext c = streamContext(FaultStream::Read, m_readChunks, proto::Read, ctx.time);
    m_ack = work.ack;
    applyBadAck(work, c);
    if (wire::decodeDebug(m_args, *m_offDebug, m_config.debugLayout).transferDataCheck) {
        m_crc = wire::jamcrc(m_buf, length);
        work.busy += m_timing.crc(length);
    }
    if (const FaultSpec *f = m_faults.take(FaultKind::CrcCorruptIn, c))
        flipBit(m_buf, length, f->number(QStringLiteral("bit"), 0));
    m_readLen = length;
    ++m_readChunks;
    return work;
}

BurnerWork BurnerModel::getCrcDone(const FaultContext &ctx)
{
    const bool k1 = m_config.generation == proto::BurnerGeneration::K1;
    if (k1 ? m_ack < 0 : m_ack != 0)
        return {}; // no IN request queued: the host's bulk IN times out
    InRequest in;
    in.data = m_buf.left(qsizetype(m_readLen));
    const FaultContext c = streamContext(FaultStream::Read, m_readChunks - 1, proto::GetCrc, ctx.time);
    if (const FaultSpec *f = m_faults.take(FaultKind::ShortBulkIn, c))
        in.limit = std::min<qint64>(f->number(QStringLiteral("bytes"), 0), in.data.size());
    m_inRequest = in;
    return {};
}

qint64 BurnerModel::inRemaining() const
{
    if (!m_inRequest)
        return 0;
    const qint64 end = m_inRequest->limit >= 0 ? m_inRequest->limit : m_inRequest->data.size();
    return end - m_inRequest->position;
}

QByteArray BurnerModel::drainIn(qint64 n)
{
    if (!m_inRequest)
        return {};
    const qint64 take = std::min(n, inRemaining());
    const QByteArray out = m_inRequest->data.mid(qsizetype(m_inRequest->position), qsizetype(take));
    m_inRequest->position += take;
    m_readStream += take;
    if (inRemaining() == 0)
        m_inRequest.reset();
    return out;
}

BurnerWork BurnerModel::reboot(bool powerOff)
{
    BurnerWork work;
    work.after = powerOff ? BurnerWork::After::PowerOff : BurnerWork::After::Reset;
    // K1 runs the reset hook of the module named by the stale command bytes 0x14..0x17 (check.ops).
    const bool k1 = m_config.generation == proto::BurnerGeneration::K1;
    if (!powerOff && k1 && (wire::le32(m_ep0, 0x14) >> 16) == quint32(proto::Medium::SpiSfc) && m_norChip)
        m_norChip->softwareReset();
    return work;
}

BurnerWork BurnerModel::writeArrived(OutRequest req, SimTime at)
{
    const qint64 received = req.received.size();
    std::memcpy(m_buf.data(), req.received.constData(), size_t(std::min<qint64>(received, m_buf.size())));
    if (received != req.length) {
        m_ack = proto::AckIo;
        return BurnerWork{m_ack};
    }
    if (!m_offDebug)
        return BurnerWork::hung(QStringLiteral("WRITE without a GBD TLV: NULL dereference"));
    const FaultContext c = streamContext(FaultStream::Write, req.chunk, proto::Write, at);
    if (const FaultSpec *f = m_faults.take(FaultKind::CrcCorruptOut, c))
        flipBit(m_buf, received, f->number(QStringLiteral("bit"), 0));
    BurnerWork work;
    if (wire::decodeDebug(m_args, *m_offDebug, m_config.debugLayout).transferDataCheck) {
        work.busy += m_timing.crc(received);
        if (wire::jamcrc(m_buf, received) != req.cmd.crc) {
            m_ack = proto::AckInval; // nothing written, buffer kept
            work.ack = m_ack;
            return work;
        }
    }
    BurnerWork done = dispatchWrite(req, c);
    done.busy += work.busy;
    if (done.hang)
        return done;
    m_ack = done.ack;
    applyBadAck(done, c);
    std::memset(m_buf.data(), 0, size_t(std::min<qint64>(req.length, m_buf.size())));
    return done;
}

BurnerWork BurnerModel::dispatchWrite(const OutRequest &req, const FaultContext &ctx)
{
    const wire::Command &cmd = req.cmd;
    const bool writeBack = wire::decodeDebug(m_args, *m_offDebug, m_config.debugLayout).writeBackCheck;
    switch (proto::Medium(cmd.medium())) {
    case proto::Medium::Memory: {
        const quint32 address = quint32(cmd.partition + cmd.offset);
        const quint64 n = std::min<quint64>(quint64(req.length), m_ram.size() - address);
        m_ram.write(address, reinterpret_cast<const quint8 *>(m_buf.constData()), n);
        return {};
    }
    case proto::Medium::Register: {
        const quint32 address = quint32(cmd.partition);
        return BurnerWork{address > RegisterLow && address < RegisterHigh ? proto::AckOk : proto::AckNoDev};
    }
    case proto::Medium::I2c:
        return {};
    case proto::Medium::SpiSfc: {
        if (cmd.subType() != proto::SfcNor)
            return BurnerWork{proto::AckInval};
        if (!m_nor->isConfigured())
            return BurnerWork::hung(QStringLiteral("SFC NOR WRITE before a successful INIT"));
        SfcNorModule::WriteJob job{cmd, writeBack, ddrType(), -1};
        if (const FaultSpec *f = m_faults.take(FaultKind::PowerLoss, ctx))
            job.powerLossPage = int(f->number(QStringLiteral("page"), 0));
        return m_nor->write(job, m_buf);
    }
    case proto::Medium::Mmc:
        return m_mmc->write({cmd, writeBack, ddrType()}, m_buf);
    default:
        return BurnerWork{proto::AckNoSys}; // NAND, EFUSE, EXT_POL, unknown: no module here
    }
}

} // namespace oc::sim
