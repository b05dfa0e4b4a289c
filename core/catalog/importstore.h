#pragma once

// Where imported Ingenic USB Cloner profiles are remembered: a catalog directory (boards/README.md) of
// our own JSON — boards/<board>.json per imported board, spinor.json with the imported SPI NOR parts —
// plus sources.json (which boards each installation gave, so importing it again replaces them and
// drops the ones it no longer has) and bundles/ (unpacked Cloner bundles; the vendor files a bundle
// carries stay there, in the user's own data folder).
//
// Catalog::load() reads the default store after the built-in data, so an imported board is known by
// name to every command without parsing the .cfg files again. Nothing is written when the import
// fails; the vendor's installation is never written. Blocking file I/O: call it off the GUI thread.

#include "../util/result.h"
#include "clonerimport.h"

#include <QString>
#include <QStringList>

namespace oc::catalog {

class Catalog;

class ImportStore
{
public:
    static constexpr char EnvironmentVariable[] = "OPENCLONER_IMPORT_DIR";

    // $OPENCLONER_IMPORT_DIR, else <generic data location>/OpenCloner/imported: one place for the
    // window and the command line (their AppDataLocation differ by application name).
    static QString defaultDir();

    explicit ImportStore(QString dir);
    const QString &dir() const { return m_dir; }

    // Imports `path` — an installation folder, or a .zip / .ingenic bundle, which is unpacked into
    // bundles/ first — and saves the result. On any error the store is left as it was.
    Result<ClonerImport> importAndSave(const Catalog &catalog, const QString &path);

    // Writes the import's boards, merges its SPI NOR records into spinor.json, removes the boards an
    // earlier import of the same installation had and this one has not. Returns the removed names.
    Result<QStringList> save(const ClonerImport &import);

    // The names of the boards stored from `source` (an installation folder), per sources.json.
    QStringList boardsFrom(const QString &source) const;

private:
    Result<ClonerImport> importBundle(const Catalog &catalog, const QString &bundle);

    QString m_dir;
};

} // namespace oc::catalog
