#pragma once

// One board of boards/boards/<name>.json (format: boards/README.md): a chip plus what the vendor's
// board .cfg would say [8.4] — the ginfo values, the burner's debug / SFC / MMC parameters, the
// default partition table, the chunk size and the vendor file names. Plain value; immutable once the
// catalog is loaded.

#include "../protocol/params.h"
#include "../util/result.h"
#include "evidence.h"
#include "partitiontable.h"

#include <QList>
#include <QString>

#include <optional>

class QJsonObject;

namespace oc::catalog {

class JsonReader;
struct ChipProfile;

enum class StorageKind : quint8 { Nor, Emmc };

const char *storageKindName(StorageKind kind);

// File names inside the user's vendor directory (VendorFiles searches for them).
struct VendorFileNames
{
    QString dir; // firmware directory name, default: the chip name
    QString spl = QStringLiteral("spl.bin");
    QString burner = QStringLiteral("uboot.bin");
    QString ginfo = QStringLiteral("ginfo.bin");
    QString root; // absolute folder searched after the one the user names (imported boards: the install)
};

// One operation of an imported vendor profile's policy list [8.4]: write a file at an offset, or
// read a range into a file. The engine's multi-step plans take these as the board's default steps.
enum class StepKind : quint8 { Write, Read };

const char *stepKindName(StepKind kind); // "write", "read"

struct BoardStep
{
    StepKind kind = StepKind::Write;
    QString label;      // the policy label ("uboot", "FW3")
    quint64 offset = 0; // flash / card offset
    quint64 length = 0; // Read: bytes to read; Write: 0 = the whole file
    QString path;       // absolute; empty when the vendor profile names no file yet

    bool operator==(const BoardStep &) const = default;
};

// Where an imported profile came from (absent for hand-written profiles).
struct BoardOrigin
{
    QString source;             // the Cloner installation folder or bundle, as given to the import
    QString config;             // the board .cfg, relative to the installation ("configs/t31x/x.cfg")
    QString ddrPart;            // the DDR part file the ginfo was generated from; empty: none generated
    QString rddLayout;          // "xburst1-dwc", "xburst1-inno", "xburst2"
    bool ginfoVerified = false; // the generator matched a vendor blob for this layout and DDR type

    bool operator==(const BoardOrigin &) const = default;
};

struct BoardProfile
{
    QString name;
    QString chip; // canonical chip name (aliases are resolved by the catalog)
    QString description;
    StorageKind storage = StorageKind::Nor;
    int mmcSlot = 0;      // eMMC: MSC controller index (ops sub-type, use_mmcN)
    quint64 capacity = 0; // declared storage size in bytes; 0 = unknown (NOR: from the JEDEC record)
    VendorFileNames vendorFiles;
    proto::GlobalInfo globalInfo;          // FIDB of the ginfo [3.10]
    proto::DebugParams debug;              // GBD defaults [3.5]
    proto::SpiParams spi;                  // spi_param defaults [3.9.1] (NOR boards)
    bool bootQuad = false;                 // nor_pri_data.uk_quad (cfg boot_quad)
    QList<proto::NorPartition> partitions; // default table (NOR boards); at least one entry
    proto::MmcConfig mmc;                  // mmc_param defaults (eMMC boards)
    quint32 chunkSize = 1 << 20;           // bytes per WRITE / READ (vendor transfer_size)
    bool forceReset = true;                // REBOOT at the end of a run
    bool bootStageSendLength = true;       // SET_DATA_LEN before every ROM bulk
    std::optional<qint32> ddrType;         // value of the UPDATE_CFG "\0RDD" TLV, sent only when set
    bool powerOff = false;                 // send POWEROFF at the end (vendor [info] power_off)
    bool syncTime = false;                 // send SYNC_TIME (vendor [info] sync_time)
    QList<BoardStep> steps;                // default operations (imported vendor policies), in order
    QByteArray ginfo;                      // a generated ginfo; used when no ginfo file is found
    std::optional<BoardOrigin> origin;     // set for boards imported from an Ingenic USB Cloner
    EvidenceMap evidence;
    QString sourceFile;

    Evidence evidenceFor(const QString &path) const { return evidence.value(path, Evidence{}); }

    // ILOP flags for this board's storage: use_sfc_nor, or use_mmcN for the board's slot.
    proto::PolicyParams policy() const;
    // ops of WRITE / READ: 0x00060000 (SFC NOR) or 0x0002000N (MMC slot N) [3.2].
    quint32 ops() const;
    // The chip's boot parameters with this board's boot_stage_send_length.
    proto::BootParams bootParams(const ChipProfile &chipProfile) const;
    // SFC TLV contents for a detected NOR chip: this board's spi_param, partitions and nor_pri_data.
    proto::SfcConfig sfcConfig(const proto::SpiNorChip &norChip) const;

    // Checks what depends on the chip: chunk size against the burner's buffer, spi_param fields the
    // burner's variant does not carry, download_params without a parameter offset. Errors
    // (ErrorCode::Profile) name the board file and the JSON path.
    Status checkAgainst(const ChipProfile &chipProfile) const;

    // Parses and validates one board file. Problems go to `reader`; the returned value is
    // meaningful only when reader.ok().
    static BoardProfile fromJson(JsonReader &reader, const QJsonObject &root);
};

} // namespace oc::catalog
