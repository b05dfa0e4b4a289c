#pragma once

// Turns an Ingenic USB Cloner installation [8.1] into board profiles [8.4, 8.7]: every
// configs/<chip>/<board>.cfg whose chip has firmwares/<chip>/{config.cfg, spl.bin, uboot.bin} becomes a
// BoardProfile (chip, storage, steps from the policies, erase mode, debug flags, transfer size, ginfo
// generated from the DDR part, UART, GPIO groups, clocks, reboot / power-off, partitions, eMMC options),
// and configs/spiflashinfo.cfg becomes SPI NOR records.
//
// The import only reads: nothing in the installation is written, moved or created. A board that cannot
// be imported is skipped with the reason (the file and line, or the exact path of the missing file);
// the import fails as a whole only when the folder is not an installation or no board at all can be
// imported. Every imported profile has been through BoardProfile::fromJson and checkAgainst() so it
// loads like a hand-written one. Blocking file I/O: call it off the GUI thread.

#include "../util/result.h"
#include "boardprofile.h"
#include "flashdatabase.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace oc::catalog {

class Catalog;

struct ImportedBoard
{
    BoardProfile board;
    QStringList warnings; // things to check ("policy0 'uboot' names no file yet")
};

struct SkippedBoard
{
    QString config; // the .cfg, relative to the installation
    QString reason;
};

struct ClonerImport
{
    QString source;  // what the user named (folder or bundle)
    QString root;    // the installation folder that was read
    QString version; // configs/platforms.cfg [version] value, if any
    QList<ImportedBoard> boards;
    QList<SkippedBoard> skipped;
    QList<FlashRecord> flash; // from configs/spiflashinfo.cfg
    QStringList flashSkipped; // records that failed, with the reason
    QStringList warnings;     // installation-wide findings
};

class ClonerImporter
{
public:
    static constexpr int MaxPolicies = 64; // the largest vendor profile has 32 (a 32 MiB reader)
    static constexpr int MaxBoardFiles = 4096;

    // `catalog` supplies the chip profiles (the import adds boards, never chips).
    explicit ClonerImporter(const Catalog &catalog);

    // `dir` is the installation folder; `source` names it in the result (a bundle's path when the
    // folder was extracted from one; empty: `dir`). ErrorCode::InputFile when `dir` is not an
    // installation, ErrorCode::Profile when no board could be imported (listing every reason).
    Result<ClonerImport> importFolder(const QString &dir, const QString &source = QString()) const;

private:
    const Catalog &m_catalog;
};

// The installation folder inside `dir`: `dir` itself when it holds configs/ and firmwares/, or its
// only subfolder that does (a bundle usually wraps the installation in one folder).
Result<QString> findClonerRoot(const QString &dir);

} // namespace oc::catalog
