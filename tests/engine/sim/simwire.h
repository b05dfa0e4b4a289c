#pragma once

// Wire-level test host for the virtual board: hand-built SETUP packets and payloads written from
// the protocol specification's offsets (section 3) and byte vectors, driving a VirtualBoard with
// synthetic times (no sleeping). Test code only: it deliberately shares nothing with the host-side
// encoders of core/protocol.

#include "core/sim/virtualboard.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <zlib.h>

#include <chrono>
#include <utility>

namespace simwire {

using namespace std::chrono_literals;
using oc::ControlSetup;
using oc::sim::Reply;
using oc::sim::SimDuration;
using oc::sim::SimTime;
using oc::sim::TransferStatus;
using oc::sim::VirtualBoard;

inline QByteArray le32(quint32 v)
{
    QByteArray b(4, '\0');
    for (int i = 0; i < 4; ++i)
        b[i] = char(v >> (8 * i));
    return b;
}
inline QByteArray le64(quint64 v)
{
    return le32(quint32(v)) + le32(quint32(v >> 32));
}
inline quint32 u32(const QByteArray &b, int at)
{
    quint32 v = 0;
    for (int i = 3; i >= 0; --i)
        v = v << 8 | quint8(b.at(at + i));
    return v;
}
inline void put32(QByteArray &b, int at, quint32 v)
{
    b.replace(at, 4, le32(v));
}
inline quint32 jamcrc(const QByteArray &d)
{
    return ~quint32(crc32(0, reinterpret_cast<const Bytef *>(d.constData()), uInt(d.size())));
}

// --- 3.1 command blocks --------------------------------------------------------------------------

// Layout B: partition u64 @0, offset u64 @8, length u64 @0x10, ops @0x18, crc @0x1C, 8 unused.
inline QByteArray commandB(quint64 partition, quint64 offset, quint64 length, quint32 ops, quint32 crc = 0)
{
    return le64(partition) + le64(offset) + le64(length) + le32(ops) + le32(crc) + QByteArray(8, '\0');
}
// Layout A: partition u64 @0, ops @8, offset @0xC, length @0x10, crc @0x14, 16 unused.
inline QByteArray commandA(quint64 partition, quint32 offset, quint32 length, quint32 ops, quint32 crc = 0)
{
    return le64(partition) + le32(ops) + le32(offset) + le32(length) + le32(crc) + QByteArray(16, '\0');
}

// --- 3.4 TLVs ----------------------------------------------------------------------------------------

inline QByteArray tlv(const char magic[4], const QByteArray &data)
{
    return QByteArray(magic, 4) + le32(quint32(data.size())) + data;
}
// ILOP, K1 164 bytes: use_mmc0/1/2 @8/0xC/0x10, use_sfc_nor @0x14.
inline QByteArray policy(bool sfcNor, int mmcSlot = -1, int size = 164)
{
    QByteArray d(size, '\0');
    if (sfcNor)
        put32(d, 0x14, 1);
    if (mmcSlot >= 0)
        put32(d, 0x08 + 4 * mmcSlot, 1);
    return tlv("ILOP", d);
}
// \0GBD, K1 20 bytes: log, transfer_data_chk, write_back_chk, transfer_size, stage2_timeout.
inline QByteArray debug(bool transferCheck = true, bool writeBack = true)
{
    return tlv(QByteArray("\0GBD", 4).constData(),
               le32(1) + le32(transferCheck) + le32(writeBack) + le32(0) + le32(0));
}
inline QByteArray ddr(quint32 type)
{
    return tlv(QByteArray("\0RDD", 4).constData(), le32(type));
}

struct Partition
{
    QByteArray name;
    quint32 offset = 0;
    quint32 size = 0xFFFFFFFF;
    quint32 mask = 0; // 1 = read-only
    quint32 mode = 0; // 2 = MTD_D_MODE
};

struct NorTlv
{
    quint32 downloadParams = 0, quadMode = 0, eraseBlock = 0x8000, spiErase = 0, frequency = 0;
    QByteArray name = "W25Q128JVSM";
    quint32 id = 0xEF4018;
    quint8 sectorErase = 0x52;
    quint32 chipSize = 16u << 20, pageSize = 256, eraseSize = 0x8000;
    quint8 chipErase = 0x60;
    QList<Partition> partitions = {{"all", 0, 0xFFFFFFFF, 0, 0}};
    int spiParamBytes = 24; // 2.5.43 burners; ICU: 16
};

inline QByteArray cmdInfo(quint8 cmd, quint8 dummy, quint8 addr, quint8 mode)
{
    QByteArray b(6, '\0'); // u16 cmd, u8 dummy, u8 addr_nbyte, u8 transfer_mode, pad
    b[0] = char(cmd);
    b[2] = char(dummy);
    b[3] = char(addr);
    b[4] = char(mode);
    return b;
}

// \0CFS = spi_param (24-byte vendor variant) + spiflash_info (0x2E4 bytes from N) [3.9].
inline QByteArray sfc(const NorTlv &t)
{
    QByteArray n(0x2E4, '\0');
    n.replace(0x000, 4, QByteArray("nor\0", 4));
    put32(n, 0x004, 1);
    n.replace(0x008, t.name.size(), t.name);
    put32(n, 0x028, t.id);
    n.replace(0x02C, 6, cmdInfo(0x03, 0, 3, 0));
    n.replace(0x038, 6, cmdInfo(0x02, 0, 3, 0));
    n.replace(0x044, 6, cmdInfo(t.sectorErase, 0, 3, 0));
    n.replace(0x04A, 6, cmdInfo(0x06, 0, 0, 0));
    n.replace(0x050, 6, QByteArray::fromHex("ffffffffff00")); // en4byte disabled
    put32(n, 0x084, t.chipSize);
    put32(n, 0x088, t.pageSize);
    put32(n, 0x08C, t.eraseSize);
    n[0x090] = char(t.chipErase);
    for (int i = 0; i < t.partitions.size(); ++i) {
        const Partition &p = t.partitions[i];
        const int at = 0x094 + 48 * i;
        n.replace(at, p.name.size(), p.name);
        put32(n, at + 0x20, p.size); // size before offset
        put32(n, at + 0x24, p.offset);
        put32(n, at + 0x28, p.mask);
        put32(n, at + 0x2C, p.mode);
    }
    put32(n, 0x274, quint32(t.partitions.size()));
    put32(n, 0x278, t.eraseSize);
    n.replace(0x280, t.name.size(), t.name); // mini copy
    put32(n, 0x2D8, t.chipSize);
    const QByteArray spi = le32(t.downloadParams) + le32(t.quadMode) + le32(t.eraseBlock) + le32(t.spiErase) +
                           le32(t.frequency) + le32(0);
    return tlv(QByteArray("\0CFS", 4).constData(), spi.left(t.spiParamBytes) + n);
}

// \0CMM, K1 0xF8 bytes: open_card, erase, range count, pad, 10 x {u64 start, u64 end}.
inline QByteArray mmc(qint32 erase, const QList<std::pair<quint64, quint64>> &ranges = {})
{
    QByteArray d(0xF8, '\0');
    put32(d, 0x04, quint32(erase));
    put32(d, 0x08, quint32(ranges.size()));
    for (int i = 0; i < ranges.size(); ++i)
        d.replace(0x10 + 16 * i, 16, QByteArray(le64(ranges[i].first) + le64(ranges[i].second)));
    return tlv(QByteArray("\0CMM", 4).constData(), d);
}

// ginfo [3.10]: FIDB (184 bytes: extal, cpufreq, ddrfreq, ...) + RDD (196 bytes, content opaque).
inline QByteArray ginfo(quint32 extal = 24000000)
{
    QByteArray fidb(184, '\0');
    put32(fidb, 0x00, extal);
    put32(fidb, 0x04, 800000000);
    put32(fidb, 0x08, 400000000);
    put32(fidb, 0x10, 1);
    put32(fidb, 0x14, 115200);
    return tlv("FIDB", fidb) + tlv(QByteArray("\0RDD", 4).constData(), QByteArray(196, '\x5a'));
}

inline QByteArray pattern(qint64 size, quint32 seed)
{
    QByteArray d(size, Qt::Uninitialized);
    quint32 x = seed * 2654435761u + 1;
    for (qint64 i = 0; i < size; ++i) {
        x = x * 1103515245u + 12345u;
        d[i] = char(x >> 16);
    }
    return d;
}

// --- the host ------------------------------------------------------------------------------------

class Host
{
public:
    explicit Host(VirtualBoard &board)
        : m_board(board)
    {
        board.plug(now);
    }

    SimTime now = SimTime{} + std::chrono::hours(1);
    SimDuration timeout = 5s;

    Reply control(const ControlSetup &s, const QByteArray &data = {})
    {
        return settle(m_board.control(s, data, now, timeout));
    }
    Reply in(quint8 request, quint16 length, quint16 value = 0, quint16 index = 0)
    {
        return control({0xC0, request, value, index, length});
    }
    Reply out(quint8 request, const QByteArray &data = {}, quint16 value = 0, quint16 index = 0)
    {
        return control({0x40, request, value, index, quint16(data.size())}, data);
    }
    Reply out32(quint8 request, quint32 value) // 32-bit value split wValue = high, wIndex = low [1.6]
    {
        return out(request, {}, quint16(value >> 16), quint16(value));
    }
    Reply bulkOut(const QByteArray &data) { return settle(m_board.bulkOut(0x01, data, true, now, timeout)); }
    Reply bulkIn(int length) { return settle(m_board.bulkIn(0x81, length, now, timeout)); }
    void wait(SimDuration d)
    {
        now += d;
        m_board.advance(now);
    }

    qint32 ack()
    {
        const Reply r = in(0x10, 4);
        return r.status == TransferStatus::Ok && r.data.size() == 4 ? qint32(u32(r.data, 0))
                                                                    : qint32(0x7EADBEEF);
    }
    // UPDATE_CFG: u32 length + 36 zero bytes, then the blob over bulk, then GET_ACK.
    qint32 config(const QByteArray &blob)
    {
        out(0x14, le32(quint32(blob.size())) + QByteArray(36, '\0'));
        bulkOut(blob);
        return ack();
    }
    qint32 write(const QByteArray &command, const QByteArray &payload)
    {
        out(0x12, command);
        bulkOut(payload);
        return ack();
    }
    // READ, GET_CRC (ack, crc), bulk IN of `length` if the ack allows, GET_ACK.
    QByteArray read(const QByteArray &command, int length, qint32 *ack = nullptr, quint32 *crc = nullptr)
    {
        out(0x13, command);
        const Reply c = in(0x19, 8);
        if (ack)
            *ack = c.data.size() == 8 ? qint32(u32(c.data, 0)) : 0x7EADBEEF;
        if (crc)
            *crc = c.data.size() == 8 ? u32(c.data, 4) : 0;
        const Reply data = bulkIn(length);
        in(0x10, 4);
        return data.status == TransferStatus::Ok ? data.data : QByteArray();
    }

    // Sequence A [5.7] with placeholder images. Returns false if the burner never answers.
    bool boot(const QByteArray &ginfoBlob = ginfo(), qint64 splSize = 10176, qint64 burnerSize = 390480,
              std::optional<quint32> d2i = 0x7000)
    {
        const auto &cfg = m_board.config();
        in(0x00, 8);
        out32(0x01, cfg.ginfoAddr);
        out32(0x02, quint32(ginfoBlob.size()));
        bulkOut(ginfoBlob);
        out32(0x01, cfg.splAddr);
        out32(0x02, quint32(splSize));
        bulkOut(pattern(splSize, 1));
        if (d2i)
            out32(0x02, *d2i);
        out32(0x04, cfg.splAddr);
        if (in(0x00, 8).status != TransferStatus::Ok)
            return false;
        out32(0x01, cfg.stage2Addr);
        out32(0x02, quint32(burnerSize));
        bulkOut(pattern(burnerSize, 2));
        out(0x03);
        out32(0x05, cfg.stage2Addr);
        return in(0x00, 8).status == TransferStatus::Ok;
    }

    // Sequence B/C configuration for SFC NOR: ILOP-only blob, GET_FLASH_INFO, full blob, INIT.
    qint32 configureNor(const NorTlv &tlvs, bool transferCheck = true, bool writeBack = true)
    {
        if (config(policy(true)) != 0)
            return -1000;
        in(0x26, 3);
        if (config(debug(transferCheck, writeBack) + policy(true) + sfc(tlvs)) != 0)
            return -1001;
        out(0x11);
        return ack();
    }

private:
    Reply settle(Reply r)
    {
        now = std::max(now, r.doneAt);
        return r;
    }
    VirtualBoard &m_board;
};

} // namespace simwire
