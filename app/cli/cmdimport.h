#pragma once

// `opencloner-cli import PATH`: imports an Ingenic USB Cloner installation folder or bundle (.zip /
// .ingenic) into the store of imported profiles (catalog/importstore.h), or into --boards-dir when it
// is given, and lists every board found, what was skipped and why. The imported boards are then known
// by name to every command (--board NAME). Blocking; runs on the calling thread.

#include "reporter.h"

#include <QStringList>

namespace oc::cli {

struct ImportCommand
{
    QStringList args; // exactly one: the installation folder or bundle
    QString storeDir; // --boards-dir, else the default store
    OutputMode mode = OutputMode::Human;
};

// Loads the catalog itself (built-ins, the store, $OPENCLONER_BOARDS_DIR and storeDir when it exists)
// for the chip profiles and the names already taken. Exit code: 0 when at least one board was
// imported, exitCodeFor(error) otherwise.
int runImportCommand(const ImportCommand &command);

} // namespace oc::cli
