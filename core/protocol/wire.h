#pragma once

// Wire constants of the Ingenic USB boot ROM and the stage-2 "cloner" burner, declared once.
// Reference: ../shared/docs/ingenic-usb-protocol.md (sections in brackets).

#include <QString>
#include <QtGlobal>

#include <utility>

namespace oc::proto {

// Vendor requests [2.1, 2.4.2]. bmRequestType is 0x40 (OUT) or 0xC0 (IN), recipient device.
enum Request : quint8 {
    GetCpuInfo = 0x00,
    SetDataAddr = 0x01,
    SetDataLen = 0x02,
    FlushCaches = 0x03,
    ProgramStart1 = 0x04,
    ProgramStart2 = 0x05,
    GetAck = 0x10,
    Init = 0x11,
    Write = 0x12,
    Read = 0x13,
    UpdateCfg = 0x14,
    SyncTime = 0x15,
    Reboot = 0x16,
    PowerOff = 0x17,
    Check = 0x18,
    GetCrc = 0x19,
    GetFlashInfo = 0x26,
};
constexpr quint8 RequestTypeVendorOut = 0x40;
constexpr quint8 RequestTypeVendorIn = 0xC0;

// 32-bit values in a SETUP packet are split: wValue = bits 31..16, wIndex = bits 15..0 [1.6].
constexpr std::pair<quint16, quint16> splitValue(quint32 v)
{
    return {quint16(v >> 16), quint16(v & 0xFFFF)};
}
constexpr quint32 joinValue(quint16 wValue, quint16 wIndex)
{
    return (quint32(wValue) << 16) | wIndex;
}

constexpr int CommandBlockSize = 40; // the `union cmd` data stage [3.1]
constexpr int CpuInfoLength = 8;     // GET_CPU_INFO wLength [2.1]
constexpr int FlashInfoLength = 3;   // GET_FLASH_INFO wLength as the vendor sends it [3.3]
constexpr int CrcReplyLength = 8;    // GET_CRC: int32 ack, u32 crc
constexpr int AckReplyLength = 4;
constexpr int ArgsBufferSize = 1 << 20; // the burner's UPDATE_CFG buffer [3.4]
constexpr int MaxChunkSize = 1 << 20;   // upper bound for WRITE/READ chunks [5.6]

// TLV magics [3.4]: 'A'<<24 | 'B'<<16 | 'C'<<8 | 'D', little-endian on the wire.
enum Magic : quint32 {
    MagicInfo = 0x42444946,      // "FIDB" global_info (ginfo only)
    MagicDdr = 0x44445200,       // "\0RDD"
    MagicDebug = 0x44424700,     // "\0GBD"
    MagicPolicy = 0x504F4C49,    // "ILOP"
    MagicSfc = 0x53464300,       // "\0CFS"
    MagicMmc = 0x4D4D4300,       // "\0CMM"
    MagicNand = 0x4E414E44,      // "DNAN"
    MagicGpio = 0x4750494F,      // "OIPG"
    MagicEfuse = 0x45465553,     // "SUFE"
    MagicExtPolicy = 0x45585059, // "YPXE"
    MagicBoot = 0x424F4F54,      // "TOOB"
};
constexpr quint32 NorParamsMagic = 0x00726F6E; // "nor\0" at the start of spiflash_info [3.9.2]

// ops = (medium << 16) | sub-type [3.2]
enum class Medium : quint16 {
    Memory = 0,
    Nand = 1,
    Mmc = 2,
    I2c = 3,
    Efuse = 4, // one-time fuses: never sent by OpenCloner
    Register = 5,
    SpiSfc = 6,
    ExtPolicy = 7,
};
enum SfcSubType : quint16 { SfcNor = 0, SfcNand = 1 };
constexpr quint32 makeOps(Medium medium, quint16 subType)
{
    return (quint32(medium) << 16) | subType;
}
constexpr quint32 OpsSfcNor = makeOps(Medium::SpiSfc, SfcNor); // 0x00060000
constexpr quint32 opsMmc(int slot)
{
    return makeOps(Medium::Mmc, quint16(slot));
}

// The burner's ack values: U-Boot's generic (MIPS) errno numbers, negated [2.4.3].
enum Ack : qint32 {
    AckOk = 0,
    AckPerm = -1,        // NOR read-back mismatch, MMC init failure / write-protected
    AckIo = -5,          // short bulk, out of partition, MMC block error
    AckBusy = -16,       // UPDATE_CFG / WRITE accepted, data not yet received
    AckNoDev = -19,      // no MMC card
    AckInval = -22,      // WRITE CRC mismatch, INIT without storage TLV or policy
    AckNoSys = -38,      // no module for the medium
    AckConnReset = -104, // a SETUP cancelled the pending WRITE bulk
    AckTimedOut = -110,  // reported by some vendor burners while busy
};

// "EBUSY (-16)" for the values of the table above, "unknown ack" for anything else (see ackText()).
const char *ackName(qint32 ack);

// "EBUSY (-16)", or "ack 7" for values outside the table.
QString ackText(qint32 ack);

// An ID string as text for messages: printable ASCII as is, NUL as \0, other bytes as \xNN
// ("T 2 0 V ", "X2580\0\0\0").
QString printableId(const QByteArray &bytes);

} // namespace oc::proto
