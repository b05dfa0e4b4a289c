#include "sfcnormodule.h"

#include "../protocol/wire.h"
#include "../util/logging.h"

#include <algorithm>
#include <cstring>

namespace oc::sim {

namespace {
constexpr quint32 NorVersionInFlash = 2; // NOR_VERSION written into the embedded block [3.9.2]
constexpr quint64 Bytes16MiB = 16 * MiB;
constexpr quint64 IcuReadbackBuffer = 512 * KiB;
constexpr quint32 ModeMtdD = 2;

quint64 roundUp(quint64 value, quint64 unit)
{
    return (value + unit - 1) / unit * unit;
}
} // namespace

SfcNorModule::SfcNorModule(const SimBoardConfig &config, const TimingModel &timing, NorFlash *chip)
    : m_config(config)
    , m_timing(timing)
    , m_chip(chip)
{}

BurnerWork SfcNorModule::init(const QByteArray &args, qint64 storageOffset, bool useSfcNor)
{
    BurnerWork work;
    if (!useSfcNor)
        return work; // ack 0, nothing configured: later SFC READ / WRITE crash
    m_spi = wire::decodeSpiParam(args, storageOffset + 8, m_config.spiParam);
    m_info = wire::decodeNorInfo(args, storageOffset + 8 + wire::spiParamSize(m_config.spiParam));
    m_configured = true;
    if (m_chip) {
        // K1 writes SR1..SR3 := 0 (removes block protection, unless the registers are locked). Only a
        // write that changes the register is charged its write cycle: the observed 5 ms INIT (6.15)
        // leaves no room for three 10 ms cycles on an unprotected part.
        for (int reg = 1; reg <= 3; ++reg) {
            const quint8 before = m_chip->statusRegister(reg);
            if (m_chip->writeStatusRegister(reg, 0) && before != 0)
                work.busy += m_timing.norStatusWrite();
        }
        const quint8 sr2 = m_chip->statusRegister(2);
        if (m_spi.quadMode && !(sr2 & 0x02) && m_chip->writeStatusRegister(2, sr2 | 0x02))
            work.busy += m_timing.norStatusWrite();
        if (m_info.chipSize > Bytes16MiB && m_chip->capacity() > Bytes16MiB)
            m_chip->enter4ByteMode();
    }
    const bool k1 = m_config.generation == proto::BurnerGeneration::K1;
    if (k1 && m_spi.spiErase == 1) {
        eraseAtInit(work.busy);
    } else if ((k1 && m_spi.spiErase == 2) || (!k1 && m_spi.spiErase == 1)) {
        const quint64 erased = m_chip ? m_chip->erase(m_info.chipEraseCmd, 0) : 0;
        if (erased)
            work.busy += m_timing.norErase(0, m_chip->capacity());
    }
    return work; // ack 0 even if an erase failed or was ignored (6.13 row 23)
}

// spi_erase = 1 (K1): every non-read-only partition, in table order, in erase_size steps with the
// host's sector-erase opcode. Overlapping partitions are erased again.
void SfcNorModule::eraseAtInit(SimDuration &busy)
{
    for (const wire::NorPartition &p : std::as_const(m_info.partitions)) {
        if (p.maskFlags == 1)
            continue;
        const quint32 size = qint32(p.size) <= 0 ? m_info.chipSize - p.offset : p.size;
        if (!eraseSteps(p.offset, size, busy))
            return; // erase_size 0: the burner's loop would not advance; the tests never need that
    }
}

bool SfcNorModule::eraseSteps(quint64 start, quint64 length, SimDuration &busy)
{
    if (m_info.eraseSize == 0)
        return false;
    for (quint64 a = start; a < start + length; a += m_info.eraseSize) {
        const quint64 covered = m_chip ? m_chip->erase(m_info.sectorEraseOpcode, a) : 0;
        if (covered)
            busy += m_timing.norErase(covered, m_chip->capacity());
    }
    return true;
}

// The first table entry that holds [offset, offset + length) (6.9 step 6).
std::optional<SfcNorModule::Partition> SfcNorModule::findPartition(quint64 offset, quint64 length) const
{
    if (offset > m_info.chipSize)
        return std::nullopt;
    for (int i = 0; i < m_info.partitions.size(); ++i) {
        const wire::NorPartition &p = m_info.partitions[i];
        const quint32 size = qint32(p.size) <= 0 ? m_info.chipSize - p.offset : p.size;
        if (offset >= p.offset && offset + length <= quint64(p.offset) + size)
            return Partition{i, p.offset, size, &p};
    }
    return std::nullopt;
}

// 3.12: the NOR parameter block at param_offset (SPL header byte 16 = 1), the DDR type at 128
// (K1), and the word at 512 forced to 0x1111 when it is 0 or > 65535.
void SfcNorModule::patchParameterBlock(QByteArray &buf, std::optional<qint32> ddrType) const
{
    const quint32 paramOffset = m_spi.paramOffset > 0 ? quint32(m_spi.paramOffset) : m_config.paramOffset;
    const quint8 header16 = buf.size() > 16 ? quint8(buf[16]) : 0;
    if (header16 == 1) {
        QByteArray block = m_info.raw.left(wire::NorInfoSize);
        wire::putLe32(block, 4, NorVersionInFlash);
        if (buf.size() < qint64(paramOffset) + wire::NorInfoSize)
            buf.append(qsizetype(paramOffset + wire::NorInfoSize - buf.size()), '\0');
        std::memcpy(buf.data() + paramOffset, block.constData(), wire::NorInfoSize);
    } else {
        qCWarning(lcSim) << "SFC NOR: SPL header byte 16 is" << header16
                         << "- legacy / unknown parameter block not modelled";
    }
    if (ddrType && *ddrType > 0 && m_config.generation == proto::BurnerGeneration::K1)
        wire::putLe32(buf, 128, quint32(*ddrType));
    const quint32 word512 = wire::le32(buf, 512);
    if (word512 == 0 || word512 > 65535)
        wire::putLe32(buf, 512, 0x00001111);
}

// Page programs split at the host's page size; returns the time at which power failed (fault).
std::optional<SimDuration> SfcNorModule::program(quint64 offset, const QByteArray &buf, quint64 length,
                                                 int powerLossPage, SimDuration &busy)
{
    const quint64 page = m_info.pageSize;
    const auto *data = reinterpret_cast<const quint8 *>(buf.constData());
    int pageIndex = 0;
    for (quint64 pos = 0; pos < length; ++pageIndex) {
        const quint64 address = offset + pos;
        const quint64 n = std::min(length - pos, page - address % page);
        if (pageIndex == powerLossPage) {
            if (m_chip)
                m_chip->pageProgram(address, data + pos, qint64(n / 2)); // half programmed
            busy += m_timing.norPageProgram(qint64(n / 2));
            return busy;
        }
        if (m_chip)
            m_chip->pageProgram(address, data + pos, qint64(n));
        busy += m_timing.norPageProgram(qint64(n));
        pos += n;
    }
    return std::nullopt;
}

// 6.9 step 7: spi_erase 0 (or, K1, a read-only partition) erases on first touch; one tracker only.
void SfcNorModule::lazyErase(const Partition &part, quint64 offset, quint64 length, SimDuration &busy)
{
    const bool k1 = m_config.generation == proto::BurnerGeneration::K1;
    if (m_spi.spiErase != 0 && !(k1 && part.entry->maskFlags == 1))
        return;
    const quint64 blk = m_spi.eraseBlockSize;
    const bool perRange = part.entry->managerMode == ModeMtdD;
    const qint64 key = perRange ? qint64(offset / blk) : part.index;
    if (key == m_lazyKey)
        return;
    m_lazyKey = key;
    if (perRange)
        eraseSteps(offset, roundUp(length, m_info.eraseSize), busy);
    else
        eraseSteps(part.offset, part.size, busy);
}

// 6.9 step 10: K1 sizes its read-back buffer by the first chunk; ICU has a fixed 512 KiB one.
BurnerWork SfcNorModule::readBack(quint64 offset, quint64 len, const QByteArray &buf, BurnerWork work)
{
    const bool k1 = m_config.generation == proto::BurnerGeneration::K1;
    if (k1 && m_readbackSize == 0)
        m_readbackSize = len;
    const quint64 capacity = k1 ? m_readbackSize : IcuReadbackBuffer;
    if (len > capacity)
        return BurnerWork::hung(
            QStringLiteral("read-back buffer overrun (%1 > %2 bytes)").arg(len).arg(capacity));
    QByteArray back(qsizetype(len), '\0');
    if (m_chip)
        m_chip->read(offset, reinterpret_cast<quint8 *>(back.data()), qint64(len));
    work.busy += m_timing.norRead(qint64(len));
    if (std::memcmp(back.constData(), buf.constData(), len) != 0)
        work.ack = proto::AckPerm;
    return work;
}

BurnerWork SfcNorModule::write(const WriteJob &job, QByteArray &buf)
{
    BurnerWork work;
    const quint64 offset = quint32(job.cmd.partition + job.cmd.offset);
    const quint64 length = quint32(job.cmd.length);
    const quint64 blk = m_spi.eraseBlockSize;
    if (blk == 0 || m_info.pageSize == 0 || m_info.eraseSize == 0)
        return BurnerWork::hung(QStringLiteral("SFC NOR geometry with a zero block / page / erase size"));
    const quint64 len = (length < blk || length % blk == 0) ? length : roundUp(length, blk);
    if (quint64(buf.size()) < len)
        buf.append(qsizetype(len - quint64(buf.size())), '\0');
    const auto part = findPartition(offset, len);
    if (!part) {
        qCInfo(lcSim) << "SFC NOR: out of partition at" << Qt::hex << offset << "+" << len;
        work.ack = proto::AckIo;
        return work;
    }
    lazyErase(*part, offset, length, work.busy);
    if (offset == 0 && m_spi.downloadParams)
        patchParameterBlock(buf, job.ddrType);
    work.powerLossAfter = program(offset, buf, len, job.powerLossPage, work.busy);
    if (work.powerLossAfter || !job.writeBack)
        return work;
    return readBack(offset, len, buf, work);
}

BurnerWork SfcNorModule::read(quint64 offset, qint64 length, QByteArray &buf)
{
    BurnerWork work;
    if (buf.size() < length)
        buf.append(qsizetype(length - buf.size()), '\0');
    if (m_chip)
        m_chip->read(offset, reinterpret_cast<quint8 *>(buf.data()), length);
    else
        std::memset(buf.data(), 0, size_t(length));
    work.busy = m_timing.norRead(length);
    return work;
}

} // namespace oc::sim
