#pragma once

// What one job does to one board: the operation, the target (chip + board facts as protocol
// parameters), the vendor images and the data ranges. Built and validated before any byte moves
// (planner.h); its stage list with weights is known up front so progress has weights from the start.

#include "flashstep.h"

#include "../protocol/params.h"
#include "../protocol/timeouts.h"
#include "../util/result.h"
#include "../util/stage.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace oc {

enum class Operation : quint8 {
    Boot,   // load SPL + burner and stop (burner left running)
    Write,  // write an image at an offset (optionally verify)
    Read,   // read a range (or the whole flash) into one file
    Erase,  // erase a range or the whole flash
    Verify, // compare the flash with an image, byte for byte
};

enum class EraseMode : quint8 {
    None,   // the range is known to be erased already (spi_erase 3); writing over data corrupts it
    Lazy,   // erase exactly the blocks being written, as they are written (default)
    AtInit, // erase the whole target range at INIT, then write
    Chip,   // chip-erase command at INIT (everything is lost)
};

enum class StorageKind : quint8 { Nor, Emmc };

const char *operationName(Operation op);
const char *eraseModeName(EraseMode mode);
std::optional<EraseMode> eraseModeFromName(const QString &name);

struct VendorImages
{
    QByteArray ginfo;
    QByteArray spl;
    QByteArray burner;
    bool placeholder = false; // generated stand-ins: only a virtual board may receive them
};

// The chip + board facts the engine needs, as wire-level parameters.
struct TargetProfile
{
    QString chipName;
    QString boardName;
    proto::BootParams boot;
    proto::BurnerProfile burner;
    StorageKind storage = StorageKind::Nor;
    int mmcSlot = 0;
    proto::DebugParams debug;
    proto::SpiParams spi;  // spi_param defaults (erase block size, quad, frequency)
    bool bootQuad = false; // nor_pri_data.uk_quad
    bool powerOff = false; // end with POWEROFF instead of REBOOT (vendor [info] power_off)
    bool syncTime = false; // set the board's RTC after the burner starts (vendor [info] sync_time)
    proto::MmcConfig mmc;  // mmc_param defaults (erase ranges are set per plan)
    std::optional<qint32> ddrType;
    quint64 capacity = 0;        // declared capacity; NOR is re-checked against the JEDEC record, 0 = unknown
    int writeChunk = 64 * 1024;  // bytes per WRITE (multiple of the erase block, <= 1 MiB)
    int readChunk = 1024 * 1024; // bytes per READ
    QList<proto::SpiNorChip> norDatabase; // JEDEC lookup for GET_FLASH_INFO
    // The board's NOR partition table (multi-step plans send it, see partitionlayout.h); empty: none.
    QList<proto::NorPartition> partitions;
};

struct StageWeight
{
    Stage stage;
    double weight; // expected seconds under the realistic timing model; only ratios matter
};

struct FlashPlan
{
    Operation op = Operation::Boot;
    TargetProfile target;
    VendorImages images;
    QString imagePath;  // Write, Verify
    QString outputPath; // Read
    quint64 offset = 0; // Write / Read / Erase / Verify start
    quint64 length = 0; // Read / Erase length; 0 = to the end of the flash
    EraseMode erase = EraseMode::Lazy;
    bool verify = true;       // Write: read back and compare after writing
    bool reboot = true;       // REBOOT at the end (not for Boot)
    qint64 imageSize = 0;     // Write / Verify: filled by the planner
    proto::Timeouts timeouts; // spec 5.3 defaults; tests may shorten waits, never remove them
    QList<StageWeight> stages;

    // Multi-step plans (planner.h): the steps in the order they run. Empty: the single operation
    // described by op / imagePath / offset / length above. In a multi-step plan `op` says what the
    // steps do (Write if any step writes, else Read if any reads, else Erase), `erase`, `verify` and
    // `reboot` hold for the whole plan, and each write / read step has its own Write / Read stage
    // entry in `stages` (a stage may then appear more than once), followed by one Verify stage
    // covering every written step.
    QList<FlashStep> steps;
    bool bootLast = false; // the boot region's write steps were moved after the others
    QString packagePath;   // the package the plan came from, if any
    QStringList notes;     // what the plan will do and non-blocking preflight findings, for the log

    bool hasStage(Stage stage) const;
    bool isMultiStep() const { return !steps.isEmpty(); }
};

// Stages with weights for a plan whose sizes are known (imageSize, length).
QList<StageWeight> planStages(const FlashPlan &plan);

// Checks everything that can be checked without the board: ranges, alignment, sizes, images; for
// multi-step plans every preflight rule (preflight.h).
Status validatePlan(const FlashPlan &plan);

} // namespace oc
