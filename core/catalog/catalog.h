#pragma once

// All chip profiles, board profiles and the SPI NOR database, validated at load (architecture rule
// 6). The built-in data (boards/ in the source tree) is compiled in as a Qt resource, so every
// binary is self-contained; user directories add or override entries by name.
//
// A catalog directory ("root") holds chips/<chip>.json, boards/<board>.json and spinor.json, each
// optional (boards/README.md). Load order, later overriding earlier: the built-in root, the store of
// imported Ingenic USB Cloner profiles (ImportStore::defaultDir(), when it exists), the directories
// in $OPENCLONER_BOARDS_DIR (separated by ':' on Unix, ';' on Windows), then the `extraDirs` given
// by the caller (command line / settings).
//
// Threading: load() does file I/O; call it off the GUI thread if the user directories may be slow.
// A loaded Catalog is immutable: its const methods are thread-safe, and the pointers they return
// stay valid as long as the Catalog object lives.

#include "../util/result.h"
#include "boardprofile.h"
#include "chipprofile.h"
#include "flashdatabase.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace oc::catalog {

class Catalog
{
public:
    static constexpr char BuiltinRoot[] = ":/opencloner/boards";
    static constexpr char EnvironmentVariable[] = "OPENCLONER_BOARDS_DIR";

    // Built-ins, then $OPENCLONER_BOARDS_DIR, then `extraDirs`. Any problem in any file fails the
    // whole load (ErrorCode::Profile), listing every problem with file, JSON path and what to do: a
    // broken override must never silently fall back to the built-in profile.
    static Result<Catalog> load(const QStringList &extraDirs = {});
    // Exactly the given roots in order (no built-ins, no environment): for tools and tests.
    static Result<Catalog> loadRoots(const QStringList &roots);
    // The user directories load() would read after the built-ins.
    static QStringList userDirs(const QStringList &extraDirs);

    const ChipProfile *chip(const QString &nameOrAlias) const;
    const BoardProfile *board(const QString &name) const;
    QList<const ChipProfile *> chips() const;   // by name
    QList<const BoardProfile *> boards() const; // by name
    QList<const BoardProfile *> boardsForChip(const QString &nameOrAlias) const;
    // The chip a board refers to (always present in a loaded catalog).
    const ChipProfile &chipOf(const BoardProfile &board) const;

    // Chips whose ROM may enumerate as vid:pid, those with confirmed evidence first.
    QList<const ChipProfile *> chipsByUsbId(quint16 vid, quint16 pid) const;
    // Chips whose known ROM string (or alias) equals `answer` (8 bytes). Chips with an unknown ROM
    // string are not listed; T-series strings are generic (a T41 answers "T 3 1 V ") [7.3].
    QList<const ChipProfile *> chipsByRomString(const QByteArray &answer) const;
    // Every VID:PID any chip lists (for the device watcher), sorted.
    QList<UsbId> knownUsbIds() const;

    const FlashDatabase &flashDatabase() const { return m_flash; }

    // Non-fatal findings: overrides of built-in entries, JEDEC collisions, odd capacity codes.
    const QStringList &warnings() const { return m_warnings; }
    const QStringList &roots() const { return m_roots; }

private:
    friend class CatalogLoader;

    QMap<QString, ChipProfile> m_chips;   // by canonical name
    QMap<QString, BoardProfile> m_boards; // by name
    FlashDatabase m_flash;
    QStringList m_warnings;
    QStringList m_roots;
};

} // namespace oc::catalog
