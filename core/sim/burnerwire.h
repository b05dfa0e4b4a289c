#pragma once

// The device side's reading of the burner's wire structures, straight from the spec's offsets
// (3.1 command block, 3.5 debug_param, 3.6 policy_param, 3.7 mmc_param, 3.9 spi_param +
// spiflash_info). Deliberately independent of the host-side encoders in core/protocol: the two
// implementations meet on the wire in the tests.
//
// All readers take the raw buffer (the burner's args buffer or EP0 buffer) and an offset; bytes
// outside the buffer read as zero, as the burner would read whatever lies in its RAM.

#include "../protocol/params.h"

#include <QByteArray>
#include <QList>

namespace oc::sim::wire {

quint32 le32(const QByteArray &buf, qint64 offset);
quint64 le64(const QByteArray &buf, qint64 offset);
quint16 le16(const QByteArray &buf, qint64 offset);
void putLe32(QByteArray &buf, qint64 offset, quint32 value); // grows buf if needed

// CRC-32/JAMCRC [4] of the first `length` bytes: ~zlib crc32.
quint32 jamcrc(const QByteArray &data, qint64 length);

// union cmd, 40 bytes [3.1].
struct Command
{
    quint64 partition = 0;
    quint64 offset = 0;
    quint64 length = 0;
    quint32 ops = 0;
    quint32 crc = 0;

    quint16 medium() const { return quint16(ops >> 16); }
    quint16 subType() const { return quint16(ops & 0xFFFF); }
};
Command decodeCommand(const QByteArray &block, proto::CommandLayout layout);

// debug_param [3.5]
struct DebugFlags
{
    bool transferDataCheck = false;
    bool writeBackCheck = false;
};
DebugFlags decodeDebug(const QByteArray &args, qint64 dataOffset, proto::DebugLayout layout);

// policy_param [3.6]
struct PolicyFlags
{
    bool useSfcNor = false;
    bool useMmc[3] = {false, false, false};
};
PolicyFlags decodePolicy(const QByteArray &args, qint64 dataOffset, proto::PolicyLayout layout);

// spi_param [3.9.1]
int spiParamSize(proto::SpiParamVariant variant);
struct SpiParam
{
    quint32 downloadParams = 0;
    quint32 quadMode = 0;
    quint32 eraseBlockSize = 0;
    quint32 spiErase = 0;
    quint32 sfcFrequency = 0;
    qint32 paramOffset = 0; // 0 when the variant has no such field
};
SpiParam decodeSpiParam(const QByteArray &args, qint64 dataOffset, proto::SpiParamVariant variant);

// nor_partition, 48 bytes [3.9.2]
struct NorPartition
{
    QByteArray name;
    quint32 size = 0; // 0xFFFFFFFF (negative as signed) = to the end of the chip
    quint32 offset = 0;
    quint32 maskFlags = 0;
    quint32 managerMode = 0; // 0 MTD_MODE, 1 UBI_MANAGER, 2 MTD_D_MODE
};

// spiflash_info at N [3.9.2]. `raw` keeps the 0x2E4 bytes for the parameter-block patch (3.12).
constexpr int NorInfoSize = 0x2E4;
constexpr int NorBurnerParamsSize = 0x280;
constexpr int NorMiniInfoOffset = 0x280;
constexpr int NorMiniInfoSize = 100;
struct NorInfo
{
    QByteArray raw;
    quint32 magic = 0;
    quint32 version = 0;
    QByteArray name;
    quint32 id = 0;
    quint8 sectorEraseOpcode = 0;
    quint8 en4byteOpcode = 0;
    quint32 chipSize = 0;
    quint32 pageSize = 0;
    quint32 eraseSize = 0;
    quint8 chipEraseCmd = 0;
    QList<NorPartition> partitions; // num_partition_info entries, at most 10
};
NorInfo decodeNorInfo(const QByteArray &args, qint64 n);

// mmc_param [3.7]: K1 layout (u64 ranges from 0x10) or ICU layout (u32 ranges from 0x0C).
struct MmcRange
{
    quint64 start = 0;
    quint64 end = 0;
};
struct MmcParam
{
    qint32 openCard = 0;
    qint32 erase = 0;       // 0 none, 1 whole card, 2 ranges
    QList<MmcRange> ranges; // count clamped to 10
};
MmcParam decodeMmcParam(const QByteArray &args, qint64 dataOffset, proto::BurnerGeneration generation);

} // namespace oc::sim::wire
