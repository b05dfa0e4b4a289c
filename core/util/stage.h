#pragma once

#include <QMetaType>
#include <QtGlobal>

namespace oc {

// The protocol stages of one job, in the order they run. A FlashPlan declares which of them it
// contains, with weights, before the first transfer; every stage is reported started / progress /
// finished exactly once per job.
enum class Stage : quint8 {
    Connect,     // open the device, claim interface 0
    Identify,    // GET_CPU_INFO in the boot ROM, compare with the chip profile
    LoadSpl,     // ginfo + SPL upload, d2i length, PROGRAM_START1
    RunSpl,      // the SPL initialises DDR; wait for the ROM to answer again
    LoadBurner,  // stage-2 upload, FLUSH_CACHES, PROGRAM_START2
    StartBurner, // wait for the burner's ID string
    Configure,   // UPDATE_CFG policy, GET_FLASH_INFO, UPDATE_CFG full configuration
    Init,        // INIT; includes the erase-at-init / chip / range erase when the plan asks for one
    Write,       // WRITE chunks
    Read,        // READ chunks into a file
    Verify,      // read back and compare with the image
    Reboot,      // REBOOT; the board leaves the bus
};
constexpr int StageCount = int(Stage::Reboot) + 1;

// Stable lowercase identifier ("load-spl", "write", ...) used in logs and JSON events.
const char *stageName(Stage stage);

// English label for logs ("Loading SPL"); the UI has its own translated labels.
const char *stageLabel(Stage stage);

} // namespace oc

Q_DECLARE_METATYPE(oc::Stage)
