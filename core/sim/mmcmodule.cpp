#include "mmcmodule.h"

#include "../protocol/wire.h"

#include <algorithm>

namespace oc::sim {

namespace {
constexpr qint64 DdrPatchOffset = 0x4400 + 128;
} // namespace

MmcModule::MmcModule(const SimBoardConfig &config, const TimingModel &timing, Emmc *card)
    : m_config(config)
    , m_timing(timing)
    , m_card(card)
{}

Emmc *MmcModule::cardOn(int slot, qint32 *ack) const
{
    if (!m_card || m_card->slot() != slot || !m_card->isPresent()) {
        *ack = proto::AckNoDev;
        return nullptr;
    }
    if (m_card->isWriteProtected()) {
        *ack = proto::AckPerm;
        return nullptr;
    }
    *ack = proto::AckOk;
    return m_card;
}

BurnerWork MmcModule::init(const wire::MmcParam &param, int slot)
{
    BurnerWork work;
    Emmc *card = cardOn(slot, &work.ack);
    if (!card)
        return work;
    if (param.erase == 1) {
        const quint64 n = card->eraseBlocks(0, card->blockCount());
        work.busy += m_timing.emmcErase(card->capacity());
        if (n != card->blockCount())
            work.ack = proto::AckIo;
    } else if (param.erase == 2) {
        for (const wire::MmcRange &r : param.ranges) {
            const quint64 end = r.end == ~quint64(0) ? card->capacity() : r.end;
            const quint64 first = r.start / Emmc::BlockSize;
            const quint64 count = end / Emmc::BlockSize > first ? end / Emmc::BlockSize - first : 0;
            if (card->eraseBlocks(first, count) != count)
                work.ack = proto::AckIo;
            work.busy += m_timing.emmcErase(count * Emmc::BlockSize);
        }
    }
    return work;
}

BurnerWork MmcModule::write(const WriteJob &job, QByteArray &buf)
{
    BurnerWork work;
    Emmc *card = cardOn(job.cmd.subType(), &work.ack);
    if (!card)
        return work;
    const quint64 block = (job.cmd.partition + job.cmd.offset) / Emmc::BlockSize;
    const quint64 length = quint32(job.cmd.length);
    const quint64 count = (length + Emmc::BlockSize - 1) / Emmc::BlockSize;
    const qint64 bytes = qint64(count * Emmc::BlockSize);
    if (buf.size() < bytes)
        buf.append(qsizetype(bytes - buf.size()), '\0');
    const bool k1 = m_config.generation == proto::BurnerGeneration::K1;
    if (block == 0 && k1 && job.ddrType && *job.ddrType > 0 && bytes >= DdrPatchOffset + 4)
        wire::putLe32(buf, DdrPatchOffset, quint32(*job.ddrType));
    const quint32 reference = wire::jamcrc(buf, bytes); // recomputed over the patched buffer
    const quint64 written =
        card->writeBlocks(block, count, reinterpret_cast<const quint8 *>(buf.constData()));
    work.busy += m_timing.emmcWrite(bytes);
    if (written != count) {
        work.ack = proto::AckIo;
        return work;
    }
    if (job.writeBack) {
        QByteArray back(bytes, '\0');
        card->readBlocks(block, count, reinterpret_cast<quint8 *>(back.data()));
        work.busy += m_timing.emmcRead(bytes) + 2 * m_timing.crc(bytes);
        if (wire::jamcrc(back, bytes) != reference)
            work.ack = proto::AckIo;
    }
    return work;
}

BurnerWork MmcModule::read(const wire::Command &cmd, QByteArray &buf)
{
    BurnerWork work;
    Emmc *card = cardOn(cmd.subType(), &work.ack);
    if (!card)
        return work;
    const quint64 block = (cmd.partition + cmd.offset) / Emmc::BlockSize;
    const quint64 count = (quint32(cmd.length) + Emmc::BlockSize - 1) / Emmc::BlockSize;
    const qint64 bytes = qint64(count * Emmc::BlockSize);
    if (buf.size() < bytes)
        buf.append(qsizetype(bytes - buf.size()), '\0');
    const quint64 n = card->readBlocks(block, count, reinterpret_cast<quint8 *>(buf.data()));
    work.busy += m_timing.emmcRead(bytes);
    if (n != count)
        work.ack = proto::AckIo;
    return work;
}

} // namespace oc::sim
