#pragma once

// Parameter structures of the burner configuration (UPDATE_CFG TLVs) and of the boot sequence,
// as plain values. The catalog fills them from boards/*.json; the TLV builders (tlv.h) turn them
// into wire bytes; which layout variant applies is a property of the burner profile [3.5-3.9].

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace oc::proto {

// --- Burner build properties [3.1, 3.5, 3.6, 3.9.1, 6.7.2, 7.2] ---------------------------------

enum class CommandLayout : quint8 { A, B };              // A: legacy 32-bit fields; B: 64-bit fields
enum class DebugLayout : quint8 { K1Size20, IcuSize24 }; // GBD
enum class PolicyLayout : quint8 { K1Size164, IcuSize, A1Size172 };
enum class SpiParamVariant : quint8 {
    Icu16,    // download_params, sfc_quad_mode, spi_erase_block_size, spi_erase
    A1Size20, // + sfc_frequency
    Vendor24, // + sfc_frequency, reserve_space (cloner 2.5.43 xburst1 and T41)
    Wt28,     // + sfc_frequency, 0, param_offset
    K1Size32, // + sfc_frequency, reserve_space, reserve_space_protect, param_offset
};
enum class BurnerGeneration : quint8 { K1, Icu };

struct BurnerProfile
{
    QByteArray idString;   // full burner GET_CPU_INFO string, e.g. "BOOTx1830"; compared truncated
    int cpuInfoLength = 8; // wLength of GET_CPU_INFO (5 on X2000 configs)
    CommandLayout layout = CommandLayout::B;
    DebugLayout debugLayout = DebugLayout::K1Size20;
    PolicyLayout policyLayout = PolicyLayout::K1Size164;
    SpiParamVariant spiParam = SpiParamVariant::Vendor24;
    BurnerGeneration generation = BurnerGeneration::K1;
    quint32 paramOffset = 0x6800; // CONFIG_SPIFLASH_PART_OFFSET of the build
    int maxChunk = 1 << 20;       // ICU: 512 KiB with write-back checking
};

// --- Boot ROM stage [2.1, 5.7, 7.1] ---------------------------------------------------------------

struct BootParams
{
    QByteArray romCpuInfo;        // expected ROM answer, e.g. "T 3 1 V " (8 bytes)
    QList<QByteArray> romAliases; // other ROM strings seen for this chip (T41 answers "T 3 1 V ")
    quint32 ginfoAddr = 0x80001000;
    quint32 splAddr = 0x80001800;
    quint32 stage2Addr = 0x80100000;
    std::optional<quint32> d2iLen;    // SET_DATA_LEN before PROGRAM_START1, only if defined
    bool sendLengthBeforeBulk = true; // board cfg boot_stage_send_length
};

// --- UPDATE_CFG TLV contents ------------------------------------------------------------------------

struct DebugParams // "\0GBD" [3.5]
{
    bool logEnabled = true;
    bool transferDataCheck = true; // burner checks WRITE CRCs and computes READ CRCs
    bool writeBackCheck = true;    // burner reads back and compares after programming
    quint32 transferSize = 0;      // observed 0; the host's chunk size is separate
    quint32 stage2Timeout = 0;
};

struct PolicyParams // "ILOP" [3.6]
{
    bool useNandMgr = false;
    bool useNandMtd = false;
    bool useMmc[3] = {false, false, false};
    bool useSfcNor = false;
    bool useSfcNand = false;
    bool useSpiNand = false;
    bool useSpiNor = false;
};

enum class SpiEraseMode : quint32 {
    Partition = 0,     // lazy: erase a partition (or, MTD_D_MODE, the written range) on first write
    AllPartitions = 1, // at INIT erase every non-read-only partition ("CHIP_ERASE" in K1)
    ChipCommand = 2,   // at INIT send the chip-erase command ("FORCE_ERASE")
    None = 3,          // never erase ("FACTORY_ERASE")
};

struct SpiParams // spi_param [3.9.1]
{
    quint32 downloadParams = 0;
    quint32 sfcQuadMode = 0;
    quint32 eraseBlockSize = 0x8000;
    SpiEraseMode erase = SpiEraseMode::Partition;
    quint32 sfcFrequency = 0; // Hz; 0 = keep the default
    quint32 reserveSpace = 0;
    quint32 reserveSpaceProtect = 0;
    quint32 paramOffset = 0; // 0 -> the build's default (BurnerProfile::paramOffset)
};

struct CmdInfo // 6 bytes [3.9.2]
{
    quint16 cmd = 0xFFFF;
    quint8 dummy = 0xFF;
    quint8 addrBytes = 0xFF;
    quint8 transferMode = 0xFF; // cfg -1 = disabled: FF FF FF FF FF 00
    bool isDisabled() const { return cmd == 0xFFFF; }
};

struct StInfo // 8 bytes [3.9.2]
{
    quint16 cmd = 0xFFFF;
    quint8 bitShift = 0xFF;
    quint8 mask = 0xFF;
    quint8 value = 0xFF;
    quint8 length = 0xFF;
    quint8 dummy = 0xFF;
};

struct SpiNorChip // the chip part of spiflash_info, one record of the SPI NOR database
{
    QString name;        // up to 31 characters
    quint32 jedecId = 0; // (manufacturer << 16) | (type << 8) | capacity
    CmdInfo readStandard, readQuad, writeStandard, writeQuad, sectorErase, wrEn, en4byte;
    StInfo quadSet, quadGet, busy;
    quint16 quadOpsMode = 0;
    quint16 addrOpsMode = 0;
    quint32 tCHSH = 0, tSLCH = 0, tSHSL_RD = 0, tSHSL_WR = 0; // ns
    quint32 chipSize = 0;
    quint32 pageSize = 256;
    quint32 eraseSize = 0x8000;
    quint8 chipEraseCmd = 0x60;
    quint32 busyTimeMs = 0;                         // spiflashinfo.cfg field 9 (not placed in the structure)
    std::optional<quint8> miniReadQuadTransferMode; // the mini copy may differ (prj008: 6 vs 5)
};

enum class PartitionMode : quint32 { Mtd = 0, Ubi = 1, MtdD = 2 };

struct NorPartition // nor_partition, 48 bytes; note size before offset on the wire
{
    QString name;
    quint32 offset = 0;
    quint32 size = 0xFFFFFFFF; // 0xFFFFFFFF = to the end of the chip
    bool readOnly = false;
    PartitionMode mode = PartitionMode::Mtd;
};

struct SfcConfig // "\0CFS" = spi_param + spiflash_info
{
    SpiParams spi;
    SpiNorChip chip;
    QList<NorPartition> partitions; // at most 10
    quint32 fsEraseSize = 0x8000;   // nor_pri_data
    quint8 ukQuad = 0;
    quint32 version = 1;
};

struct MmcRange
{
    quint64 start = 0;
    quint64 end = ~quint64(0); // -1 = to capacity
};

enum class MmcEraseMode : qint32 { None = 0, All = 1, Ranges = 2 };

struct MmcConfig // "\0CMM" [3.7]
{
    qint32 openCard = 0;
    MmcEraseMode erase = MmcEraseMode::None;
    QList<MmcRange> ranges; // at most 10
    bool gppFields = true;  // 0xF8-byte K1 variant with GPP/enhanced-area fields (all zero)
};

// global_info ("FIDB", 184 bytes on the wire) [3.10]
struct GpioGroup
{
    quint32 port = 0, func = 0, pins = 0;
};
struct GlobalInfo
{
    quint32 extal = 24000000;
    quint32 cpuFreq = 800000000;
    quint32 ddrFreq = 400000000;
    quint32 ddrDiv = 0;
    quint32 uartIndex = 1;
    quint32 baudRate = 115200;
    GpioGroup uartGpio;
    QList<GpioGroup> gpio;
};

} // namespace oc::proto
