#pragma once

// Finds a board's vendor files — SPL, burner ("uboot.bin") and ginfo — in a directory the user owns.
// OpenCloner ships none of them: they come from the user's own Ingenic USB Cloner installation
// (firmwares/<chip>/spl.bin, uboot.bin) or from the board vendor (boards/README.md).
//
// For each file, in this order (first existing file wins):
//   <dir>/firmwares/<chipdir>/<file>   an Ingenic USB Cloner installation
//   <dir>/<chipdir>/<file>             a folder per chip
//   <dir>/<file>                       a folder for one board
// where <chipdir> is the board's vendorFiles.dir (default: the chip name). An imported board also
// searches its Cloner installation (vendorFiles.root) after `dir`, and uses the ginfo generated at
// import (BoardProfile::ginfo) when no ginfo file exists; a ginfo file, where one exists, wins.
//
// Blocking file I/O (a few MiB at most): call it off the GUI thread.

#include "../util/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace oc::catalog {

struct ChipProfile;
struct BoardProfile;

struct VendorFileSet
{
    QString splPath;
    QString burnerPath;
    QString ginfoPath;
    QByteArray spl;
    QByteArray burner;
    QByteArray ginfo;
    bool placeholder = false; // at least one is an OpenCloner placeholder: virtual boards only
};

class VendorFiles
{
public:
    static constexpr qint64 MinSplSize = 1024;
    static constexpr qint64 MinBurnerSize = 64 * 1024;
    static constexpr qint64 MaxBurnerSize = 4 * 1024 * 1024;
    static constexpr qint64 MinGinfoSize = 8 + 184; // one FIDB TLV [3.10]

    // Where `fileName` is looked for under `dir`, in search order.
    static QStringList candidates(const QString &dir, const QString &chipDir, const QString &fileName);

    // Finds, reads and checks all three files. ErrorCode::InputFile when a file is missing (the
    // message lists every path tried and where to get the file), empty, unreadable, too small or too
    // large for the chip (SPL above the chip's max SPL size, burner outside 64 KiB .. 4 MiB, ginfo
    // beyond the space below the SPL or not starting with a FIDB TLV).
    static Result<VendorFileSet> locate(const QString &dir, const ChipProfile &chip,
                                        const BoardProfile &board);
};

} // namespace oc::catalog
