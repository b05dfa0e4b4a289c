#include "burnerwire.h"

#include <zlib.h>

#include <algorithm>

namespace oc::sim::wire {

namespace {
quint8 byteAt(const QByteArray &buf, qint64 offset)
{
    return offset >= 0 && offset < buf.size() ? quint8(buf[qsizetype(offset)]) : 0;
}

QByteArray cString(const QByteArray &buf, qint64 offset, int size)
{
    QByteArray s;
    for (int i = 0; i < size; ++i) {
        const quint8 c = byteAt(buf, offset + i);
        if (!c)
            break;
        s.append(char(c));
    }
    return s;
}
} // namespace

quint16 le16(const QByteArray &buf, qint64 offset)
{
    return quint16(byteAt(buf, offset) | byteAt(buf, offset + 1) << 8);
}

quint32 le32(const QByteArray &buf, qint64 offset)
{
    return quint32(le16(buf, offset)) | quint32(le16(buf, offset + 2)) << 16;
}

quint64 le64(const QByteArray &buf, qint64 offset)
{
    return quint64(le32(buf, offset)) | quint64(le32(buf, offset + 4)) << 32;
}

void putLe32(QByteArray &buf, qint64 offset, quint32 value)
{
    if (offset + 4 > buf.size())
        buf.append(qsizetype(offset + 4 - buf.size()), '\0');
    for (int i = 0; i < 4; ++i)
        buf[qsizetype(offset + i)] = char(value >> (8 * i));
}

quint32 jamcrc(const QByteArray &data, qint64 length)
{
    length = std::clamp<qint64>(length, 0, data.size());
    return ~quint32(crc32_z(0, reinterpret_cast<const Bytef *>(data.constData()), size_t(length)));
}

// Layout B: partition u64 @0, offset u64 @8, length u64 @0x10, ops @0x18, crc @0x1C.
// Layout A: partition u64 @0, ops @8, offset @0x0C, length @0x10, crc @0x14.
// Both burners use only the low 32 bits of offset and length.
Command decodeCommand(const QByteArray &block, proto::CommandLayout layout)
{
    Command c;
    c.partition = le64(block, 0x00);
    if (layout == proto::CommandLayout::B) {
        c.offset = le32(block, 0x08);
        c.length = le32(block, 0x10);
        c.ops = le32(block, 0x18);
        c.crc = le32(block, 0x1C);
    } else {
        c.ops = le32(block, 0x08);
        c.offset = le32(block, 0x0C);
        c.length = le32(block, 0x10);
        c.crc = le32(block, 0x14);
    }
    return c;
}

// K1 / 2.5.43 (20 bytes): log, transfer_data_chk @4, write_back_chk @8, ...
// ICU / XB2 (24 bytes): efuse_gpio, log, transfer_data_chk @8, write_back_chk @0xC, ...
DebugFlags decodeDebug(const QByteArray &args, qint64 dataOffset, proto::DebugLayout layout)
{
    const qint64 base = layout == proto::DebugLayout::K1Size20 ? 0x04 : 0x08;
    return {le32(args, dataOffset + base) != 0, le32(args, dataOffset + base + 4) != 0};
}

// K1 / A1: use_mmc0 @8, use_mmc1 @0xC, use_mmc2 @0x10, use_sfc_nor @0x14.
// ICU: use_mmc @8, use_sfc_nor @0xC.
PolicyFlags decodePolicy(const QByteArray &args, qint64 dataOffset, proto::PolicyLayout layout)
{
    PolicyFlags p;
    if (layout == proto::PolicyLayout::IcuSize) {
        p.useMmc[0] = le32(args, dataOffset + 0x08) != 0;
        p.useSfcNor = le32(args, dataOffset + 0x0C) != 0;
        return p;
    }
    for (int i = 0; i < 3; ++i)
        p.useMmc[i] = le32(args, dataOffset + 0x08 + 4 * i) != 0;
    p.useSfcNor = le32(args, dataOffset + 0x14) != 0;
    return p;
}

int spiParamSize(proto::SpiParamVariant variant)
{
    switch (variant) {
    case proto::SpiParamVariant::Icu16:
        return 16;
    case proto::SpiParamVariant::A1Size20:
        return 20;
    case proto::SpiParamVariant::Vendor24:
        return 24;
    case proto::SpiParamVariant::Wt28:
        return 28;
    case proto::SpiParamVariant::K1Size32:
        return 32;
    }
    return 24;
}

SpiParam decodeSpiParam(const QByteArray &args, qint64 dataOffset, proto::SpiParamVariant variant)
{
    SpiParam s;
    s.downloadParams = le32(args, dataOffset + 0x00);
    s.quadMode = le32(args, dataOffset + 0x04);
    s.eraseBlockSize = le32(args, dataOffset + 0x08);
    s.spiErase = le32(args, dataOffset + 0x0C);
    if (spiParamSize(variant) >= 20)
        s.sfcFrequency = le32(args, dataOffset + 0x10);
    if (variant == proto::SpiParamVariant::Wt28)
        s.paramOffset = qint32(le32(args, dataOffset + 0x18));
    else if (variant == proto::SpiParamVariant::K1Size32)
        s.paramOffset = qint32(le32(args, dataOffset + 0x1C));
    return s;
}

NorInfo decodeNorInfo(const QByteArray &args, qint64 n)
{
    NorInfo info;
    info.raw = n >= 0 && n < args.size() ? args.mid(qsizetype(n), NorInfoSize) : QByteArray();
    info.raw.append(NorInfoSize - info.raw.size(), '\0');
    const QByteArray &r = info.raw;
    info.magic = le32(r, 0x000);
    info.version = le32(r, 0x004);
    info.name = cString(r, 0x008, 32);
    info.id = le32(r, 0x028);
    info.sectorEraseOpcode = byteAt(r, 0x044); // cmd_info.cmd low byte
    info.en4byteOpcode = byteAt(r, 0x050);
    info.chipSize = le32(r, 0x084);
    info.pageSize = le32(r, 0x088);
    info.eraseSize = le32(r, 0x08C);
    info.chipEraseCmd = byteAt(r, 0x090);
    const quint32 count = std::min<quint32>(le32(r, 0x274), 10);
    for (quint32 i = 0; i < count; ++i) {
        const qint64 p = 0x094 + 48 * qint64(i);
        info.partitions.append(
            {cString(r, p, 32), le32(r, p + 0x20), le32(r, p + 0x24), le32(r, p + 0x28), le32(r, p + 0x2C)});
    }
    return info;
}

MmcParam decodeMmcParam(const QByteArray &args, qint64 dataOffset, proto::BurnerGeneration generation)
{
    MmcParam m;
    m.openCard = qint32(le32(args, dataOffset + 0x00));
    m.erase = qint32(le32(args, dataOffset + 0x04));
    const quint32 count = std::min<quint32>(le32(args, dataOffset + 0x08), 10);
    const bool k1 = generation == proto::BurnerGeneration::K1;
    for (quint32 i = 0; i < count; ++i) {
        if (k1) {
            const qint64 at = dataOffset + 0x10 + 16 * qint64(i);
            m.ranges.append({le64(args, at), le64(args, at + 8)});
        } else {
            const qint64 at = dataOffset + 0x0C + 8 * qint64(i);
            const quint32 end = le32(args, at + 4);
            m.ranges.append({le32(args, at), end == 0xFFFFFFFFu ? ~quint64(0) : end});
        }
    }
    return m;
}

} // namespace oc::sim::wire
