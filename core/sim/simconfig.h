#pragma once

// Configuration of one virtual board: every parameter of the device profile of the protocol
// specification (section 6.1), chip presets from its per-chip tables (7.1, 7.2), and the storage
// spec ("nor:16M:0xc84018", "emmc:4G") used by the opencloner-sim tool.
//
// Plain values: copy freely. Nothing here touches the bus or the clock.

#include "../protocol/params.h"
#include "../util/result.h"
#include "devicemodel.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace oc::sim {

constexpr quint64 KiB = 1024;
constexpr quint64 MiB = 1024 * KiB;
constexpr quint64 GiB = 1024 * MiB;

// The physical SPI NOR part (spec 6.12): independent of what the host later claims in its TLV.
struct NorSpec
{
    quint32 jedecId = 0xEF4018; // manufacturer << 16 | type << 8 | capacity code
    quint64 capacity = 16 * MiB;
    quint32 pageSize = 256;
    // erase opcode -> bytes erased; 0 = whole chip (6.1: 0x20 4 KiB, 0x52 32 KiB, 0xD8 64 KiB,
    // 0x60 / 0xC7 chip; the 4-byte-address variants 0x21 / 0x5C / 0xDC are accepted as well)
    QMap<quint8, quint32> eraseOpcodes = defaultEraseOpcodes();
    quint8 statusRegister1 = 0; // BP bits at power-on (bits 2..4 BP0-BP2, bit 5 TB)
    bool statusLocked = false;  // status register writes ignored (SRP + WP#): INIT cannot unprotect
    QString imagePath;          // initial content (streamed in); empty: all 0xFF

    static QMap<quint8, quint32> defaultEraseOpcodes();
};

// The eMMC card (spec 6.12): 512-byte blocks, erase sets blocks to the erased value.
struct EmmcSpec
{
    quint64 capacity = 4 * GiB;
    quint8 erasedValue = 0x00; // 0xFF on some parts
    bool present = true;
    bool writeProtected = false;
    int slot = 0;      // MSC controller the card sits on (ops 0x0002000N, policy use_mmcN)
    QString imagePath; // initial content; empty: all erasedValue
};

// What is soldered on the board: a NOR, an eMMC, or both (the ops of each command selects).
struct StorageSpec
{
    std::optional<NorSpec> nor = NorSpec{};
    std::optional<EmmcSpec> emmc;

    // "nor:16M[:0xc84018][:key=value...]", "emmc:4G[:key=value...]", both joined with '+'.
    // NOR keys: page=256, sr1=0x1c, locked, image=PATH. eMMC keys: erased=0xff, absent, wp,
    // slot=1, image=PATH. Sizes take K / M / G suffixes (binary). A NOR without an id gets a
    // W25Q-style id whose capacity code is log2(size).
    static Result<StorageSpec> parse(const QString &text);
    QString toString() const;
};

// How a SETUP that arrived while the device was busy is treated when the host gave up on it
// (spec 6.2 item 2).
enum class LatchMode : quint8 {
    LatestOnly, // the most recent latched SETUP gets its SETUP-time effects when the device frees
    Drop,       // latched SETUPs of transfers the host abandoned are forgotten
};

struct SimBoardConfig
{
    QString chip = QStringLiteral("t31"); // preset name this config was made from (informational)

    // --- USB [1.3, 6.1] ---
    quint16 vid = 0xA108;
    quint16 pid = 0xC309;
    bool highSpeed = true;       // false: full speed, 64-byte bulk packets
    bool romString2Quirk = true; // string 2 answered with 46 bytes for bLength 38
    // false (default): iSerialNumber = 3, "OpenCloner-Virtual-<serialNumber>", so the engine can
    // tell a virtual board (placeholder vendor files are only ever sent to those).
    // true: the byte-exact ROM descriptor set (iSerialNumber = 0).
    bool exactDescriptors = false;
    int serialNumber = 1;
    quint16 burnerPid = 0xC309; // the burner gadget's own PID (1.4): only seen by a live GET_DESCRIPTOR

    // --- Boot ROM [2.1, 6.4, 7.1] ---
    QByteArray romCpuInfo = QByteArrayLiteral("T 3 1 V ");
    quint32 ginfoAddr = 0x80001000;
    quint32 splAddr = 0x80001800;
    quint32 stage2Addr = 0x80100000;
    quint32 splMax = 26 * KiB; // on-chip window = [ginfoAddr, splAddr + splMax)
    quint32 ddrBase = 0x80000000;
    quint32 ddrSize = 64 * MiB;       // usable only after the SPL ran
    bool hangOnEarlyDdrWrite = false; // false: writes to DDR before the SPL are lost
    std::optional<quint32> expectedD2i = 0x7000;
    bool hangOnD2iMismatch = false; // false: a warning only
    bool oneShotStart1 = true;      // T-series: later START1s ignored
    bool romBulkIn = true;          // false for the JZ4780B ROM (bulk IN NAKs)
    bool romBoundsOutByLen = false;
    std::optional<SimDuration> enumTimeout; // JZ4780B: gives up USB boot after 10 s unconfigured
    bool require32ByteSpl = false;
    bool strictFlush = false;        // START2 without FLUSH_CACHES after the last bulk -> HUNG
    bool start2ReturnsToRom = false; // START2 guard failure: "code returned" instead of HUNG

    // --- SPL [6.5, 6.6] ---
    bool residentCapable = false;
    QByteArray residentCpuInfo = QByteArray("ingenic\0", 8);

    // --- Burner [6.7, 7.2] ---
    QByteArray burnerCpuInfo = QByteArrayLiteral("BOOTx1830"); // full string; NUL appended
    proto::BurnerGeneration generation = proto::BurnerGeneration::K1;
    proto::CommandLayout layout = proto::CommandLayout::B;
    proto::DebugLayout debugLayout = proto::DebugLayout::K1Size20;
    proto::PolicyLayout policyLayout = proto::PolicyLayout::K1Size164;
    proto::SpiParamVariant spiParam = proto::SpiParamVariant::Vendor24;
    quint32 paramOffset = 0x6800;     // CONFIG_SPIFLASH_PART_OFFSET of the build
    quint32 heapSize = 16 * MiB;      // buffer growth beyond -> HUNG
    quint32 minBurnerSize = 64 * KiB; // any image at least this large at stage2Addr is "the burner"
    QList<QByteArray> burnerSha256;   // if not empty: only these images boot (hex or raw digests)

    // --- Reset [6.1] ---
    bool usbBootSelectHeld = false; // re-appear as a fresh ROM after REBOOT
    SimDuration reenumerateDelay = std::chrono::milliseconds(500);

    LatchMode latchMode = LatchMode::LatestOnly;
    StorageSpec storage;

    int bulkPacketSize() const { return highSpeed ? 512 : 64; }
    // Switches the burner generation with the structure sizes that go with it (6.7.2): K1 = Layout B,
    // 20-byte GBD, 164-byte policy, 24-byte spi_param (vendor 2.5.43); ICU = Layout A, 24 / ICU / 16.
    void setBurnerGeneration(proto::BurnerGeneration gen);
    QByteArray romCpuInfoBytes() const; // exactly 8 bytes, NUL-padded

    // Preset for a chip directory name of the vendor tool ("t31", "x2000", "a1_n_ne_x", ...).
    static Result<SimBoardConfig> preset(const QString &chip);
    static QStringList presetNames(); // canonical names, aliases excluded
};

} // namespace oc::sim
