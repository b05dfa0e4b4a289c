#pragma once

// Reads one board profile of an Ingenic USB Cloner installation, configs/<chip>/<board>.cfg [8.4], into
// a BoardProfile. Used by ClonerImporter (clonerimport.h), which supplies the chip and the chip's
// config.cfg. Only reads files; one instance per board, not thread-safe.

#include "../util/result.h"
#include "clonerimport.h"

namespace oc::catalog {

class ClonerIni;
struct ChipProfile;
struct ClonerChipConfig;

class ClonerBoardReader
{
public:
    struct Context
    {
        QString root;    // the installation folder
        QString chipDir; // firmwares/<chipDir>, configs/<chipDir>
        QString version; // Cloner version for the description
        const ChipProfile *chip = nullptr;
        const ClonerChipConfig *chipConfig = nullptr;
    };

    // `relativePath`: the .cfg relative to the installation, for messages and the profile's origin.
    ClonerBoardReader(const Context &context, const ClonerIni &cfg, const QString &relativePath);

    // The profile named `name`; ErrorCode::Profile / InputFile saying what is wrong and where.
    Result<ImportedBoard> read(const QString &name);

    // Resolves a path written in a profile: as given when it exists, else relative to the
    // installation (the longest tail of a foreign absolute path that exists there). `tried` gets
    // every candidate, for the message when nothing exists.
    static QString resolve(const QString &root, const QString &written, bool parentSuffices,
                           QStringList *tried);

private:
    Status readStorage();
    Status readPolicies();
    Status readPolicy(int index);
    Status readDebugAndInfo();
    Status readSfc();
    Status readPartitions();
    Status readMmc();
    void readGinfo();
    Status checkVendorFiles() const;

    const Context &m_context;
    const ClonerIni &m_cfg;
    QString m_relative;
    ImportedBoard m_result;
    quint32 m_transferSize = 1 << 20;
};

} // namespace oc::catalog
