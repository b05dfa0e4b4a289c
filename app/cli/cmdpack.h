#pragma once

// `opencloner-cli pack OUT.zip --board NAME --write FILE@WHERE ... [--read FILE@WHERE[:LENGTH]]
// [--erase-step WHERE[:LENGTH]] [--erase MODE] [--boot-last] [--no-verify] [--name TEXT]
// [--package-version TEXT]`: builds an OpenCloner firmware package from a burn plan. WHERE is a
// flash offset (0x40000, 256K) or a partition of the board. The plan is checked against the board
// profile with every preflight rule first; the package then holds manifest.json (steps, offsets,
// erase mode, verify, each file's size and SHA-256) and the files, streamed from disk. Steps keep
// the order in which they are given. Blocking; runs on the calling thread.

#include "reporter.h"

#include <QCommandLineParser>
#include <QStringList>

namespace oc::catalog {
class Catalog;
}

namespace oc::cli {

// Declares pack's own options (--write, --read, --erase-step, --boot-last, --name,
// --package-version, --description) on the shared parser; pack also reads --board, --erase,
// --erase-all, --no-verify, --no-reboot and --json.
void addPackOptions(QCommandLineParser &parser);

struct PackCommand
{
    const QCommandLineParser &parser;
    QStringList arguments; // the whole command line: the step options' order comes from it
    QStringList args;      // positional arguments after "pack": exactly one, the package to write
    OutputMode mode = OutputMode::Human;
};

// Exit code: 0 when the package was written, exitCodeFor(error) otherwise (1 usage, 2 files).
int runPackCommand(const catalog::Catalog &catalog, const PackCommand &command);

} // namespace oc::cli
