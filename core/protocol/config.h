#pragma once

// Encoders of the burner configuration (UPDATE_CFG TLV data, [3.5-3.9]) and of the ginfo blob the
// SPL consumes [3.10], byte-exact with the vendor tool. encode*() return one structure's data
// (without the 8-byte TLV header); build*() return whole blobs framed with TlvWriter, in the
// vendor's TLV order and without a terminator.
//
// The encoders never fail: text longer than its field is cut to leave a NUL, lists longer than their
// arrays are cut. Callers (the catalog) run the validate*() functions first and report what does not
// fit. All functions are pure and thread-safe.

#include "../util/result.h"
#include "params.h"

#include <QByteArray>

#include <optional>

namespace oc::proto {

constexpr int SpiFlashInfoSize = 0x2E4; // 740: spiflash_info incl. partitions and the mini copy
constexpr int GlobalInfoSize = 184;     // FIDB as the vendor always sends it
constexpr int MaxNorPartitions = 10;
constexpr int MaxMmcEraseRanges = 10;
constexpr int MaxGpioGroups = 12; // (184 - 0x28) / 12
constexpr int NorNameSize = 32;   // chip and partition names, NUL-padded

int debugParamsSize(DebugLayout layout);    // 20 or 24
int policySize(PolicyLayout layout);        // 164, 152 or 172
int spiParamsSize(SpiParamVariant variant); // 16, 20, 24, 28 or 32
int sfcTlvSize(SpiParamVariant variant);    // spi_param + spiflash_info (+ 4 for A1): 0x2FC, 0x300 ...
int mmcParamsSize(bool gppFields);          // 0xF8 or 0xB0

// --- structures -----------------------------------------------------------------------------------

QByteArray encodeDebugParams(DebugLayout layout, const DebugParams &debug);
QByteArray encodePolicy(PolicyLayout layout, const PolicyParams &policy);
// param_offset (where the variant has it) = spi.paramOffset, or defaultParamOffset when that is 0.
QByteArray encodeSpiParams(SpiParamVariant variant, const SpiParams &spi, quint32 defaultParamOffset);
QByteArray encodeSpiFlashInfo(const SfcConfig &sfc); // SpiFlashInfoSize bytes, starting with "nor\0"
QByteArray encodeMmc(const MmcConfig &mmc);
QByteArray encodeDdrType(qint32 ddrType);            // ddr_param of UPDATE_CFG: 4 bytes
QByteArray encodeGlobalInfo(const GlobalInfo &info); // GlobalInfoSize bytes

// --- validation (ErrorCode::Profile, naming the offending field) ------------------------------------

Status validateSfcConfig(const SfcConfig &sfc);
Status validateMmcConfig(const MmcConfig &mmc);
Status validateGlobalInfo(const GlobalInfo &info);

// --- blobs ----------------------------------------------------------------------------------------

// Blob #1: ILOP only (172 bytes with the K1 policy). Sent before GET_FLASH_INFO (rule O5).
QByteArray buildPolicyBlob(const BurnerProfile &profile, const PolicyParams &policy);

// SFC NOR blob #2: [RDD] GBD ILOP CFS [5.8 B5].
QByteArray buildNorConfigBlob(const BurnerProfile &profile, const DebugParams &debug,
                              const PolicyParams &policy, const SfcConfig &sfc,
                              std::optional<qint32> ddrType);

// eMMC blob #2: GBD CMM ILOP [5.10 D3].
QByteArray buildMmcConfigBlob(const BurnerProfile &profile, const DebugParams &debug,
                              const PolicyParams &policy, const MmcConfig &mmc);

// ginfo: FIDB + RDD, where rddData is the DDR controller/PHY parameter block built by the catalog.
QByteArray buildGinfo(const GlobalInfo &info, const QByteArray &rddData);

} // namespace oc::proto
