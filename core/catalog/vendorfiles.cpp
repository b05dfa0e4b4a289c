#include "vendorfiles.h"

#include "../util/logging.h"
#include "boardprofile.h"
#include "chipprofile.h"
#include "placeholders.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace oc::catalog {

namespace {

struct FileRule
{
    QString role;     // "SPL", "burner", "ginfo"
    QString fileName; // from the board profile
    qint64 minSize = 1;
    qint64 maxSize = 0;
    QString origin; // where a user gets the file
};

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

Error notFound(const FileRule &rule, const QStringList &tried, const QString &context)
{
    QString message =
        QStringLiteral("%1 file %2 for %3 not found. Tried:").arg(rule.role, rule.fileName, context);
    for (const QString &path : tried)
        message += QStringLiteral("\n  ") + native(path);
    message += QStringLiteral("\n") + rule.origin;
    return makeError(ErrorCode::InputFile, message);
}

Result<QByteArray> readChecked(const QString &path, const FileRule &rule, const QString &context)
{
    QFile file(path);
    const qint64 size = file.size();
    if (size == 0)
        return makeError(ErrorCode::InputFile, QStringLiteral("%1 (%2 for %3) is empty; replace it with the "
                                                              "vendor's file. %4")
                                                   .arg(native(path), rule.role, context, rule.origin));
    if (size < rule.minSize || size > rule.maxSize)
        return makeError(
            ErrorCode::InputFile,
            QStringLiteral("%1 is %2 bytes, but a %3 for %4 has %5 to %6 bytes: this is not the right "
                           "file. %7")
                .arg(native(path))
                .arg(size)
                .arg(rule.role, context)
                .arg(rule.minSize)
                .arg(rule.maxSize)
                .arg(rule.origin));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("cannot read %1: %2").arg(native(path), file.errorString()));
    QByteArray data = file.readAll();
    if (data.size() != size)
        return makeError(
            ErrorCode::InputFile,
            QStringLiteral("cannot read %1 completely: %2").arg(native(path), file.errorString()));
    return data;
}

Result<QString> find(const QStringList &dirs, const QString &chipDir, const FileRule &rule,
                     const QString &context)
{
    QStringList tried;
    for (const QString &dir : dirs)
        tried += VendorFiles::candidates(dir, chipDir, rule.fileName);
    for (const QString &path : tried) {
        if (QFileInfo(path).isFile())
            return path;
    }
    return notFound(rule, tried, context);
}

QList<FileRule> rulesFor(const ChipProfile &chip, const BoardProfile &board)
{
    const QString fromCloner =
        QStringLiteral(
            "Copy it from firmwares/%1/ of your own Ingenic USB Cloner installation, or get it from "
            "your board vendor; OpenCloner does not ship vendor files (see boards/README.md).")
            .arg(board.vendorFiles.dir);
    const QString ginfoOrigin =
        QStringLiteral(
            "ginfo carries the board's clock, pin and DDR settings; the Ingenic USB Cloner builds it "
            "from the board's .cfg and DDR file when it boots the board. Save the ginfo your vendor "
            "tool sends for this board (see boards/README.md) as %1.")
            .arg(board.vendorFiles.ginfo);
    return {
        {QStringLiteral("SPL"), board.vendorFiles.spl, VendorFiles::MinSplSize, chip.maxSplSize, fromCloner},
        {QStringLiteral("burner"), board.vendorFiles.burner, VendorFiles::MinBurnerSize,
         VendorFiles::MaxBurnerSize, fromCloner},
        {QStringLiteral("ginfo"), board.vendorFiles.ginfo, VendorFiles::MinGinfoSize, chip.ginfoCapacity(),
         ginfoOrigin},
    };
}

Status checkGinfo(const QString &path, const QByteArray &ginfo)
{
    // The SPL stops at the first unknown magic [3.10]: a blob without FIDB first configures nothing.
    if (!ginfo.startsWith(QByteArrayLiteral("FIDB")))
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("%1 does not start with a FIDB (global_info) entry: "
                                        "it is not a ginfo blob")
                             .arg(native(path)));
    return {};
}

} // namespace

QStringList VendorFiles::candidates(const QString &dir, const QString &chipDir, const QString &fileName)
{
    const QDir root(dir);
    return {root.filePath(QStringLiteral("firmwares/%1/%2").arg(chipDir, fileName)),
            root.filePath(QStringLiteral("%1/%2").arg(chipDir, fileName)), root.filePath(fileName)};
}

Result<VendorFileSet> VendorFiles::locate(const QString &dir, const ChipProfile &chip,
                                          const BoardProfile &board)
{
    const QString context = QStringLiteral("chip %1 (board %2)").arg(chip.name, board.name);
    if (!QFileInfo(dir).isDir())
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("vendor file directory %1 does not exist; choose the "
                                        "folder of your Ingenic USB Cloner installation or "
                                        "the folder holding spl.bin and uboot.bin")
                             .arg(native(dir)));
    const QList<FileRule> rules = rulesFor(chip, board);
    QStringList dirs{dir};
    if (!board.vendorFiles.root.isEmpty() && QDir(board.vendorFiles.root) != QDir(dir))
        dirs.append(board.vendorFiles.root); // an imported board's Cloner installation
    QStringList paths;
    QList<QByteArray> contents;
    for (const FileRule &rule : rules) {
        Result<QString> path = find(dirs, board.vendorFiles.dir, rule, context);
        if (!path && rule.role == QLatin1String("ginfo") && !board.ginfo.isEmpty()) {
            // No ginfo file: the one generated at import from the board's .cfg and DDR part.
            paths.append(QStringLiteral("<generated from %1>")
                             .arg(board.origin ? board.origin->ddrPart : board.sourceFile));
            contents.append(board.ginfo);
            continue;
        }
        if (!path)
            return std::move(path).error();
        Result<QByteArray> data = readChecked(*path, rule, context);
        if (!data)
            return std::move(data).error();
        paths.append(*path);
        contents.append(*data);
        qCDebug(lcCatalog) << "vendor" << rule.role << "for" << board.name << ":" << *path << data->size()
                           << "bytes";
    }
    OC_TRY(checkGinfo(paths[2], contents[2]));
    VendorFileSet set{paths[0], paths[1], paths[2], contents[0], contents[1], contents[2], false};
    set.placeholder = isPlaceholder(set.spl) || isPlaceholder(set.burner) || isPlaceholder(set.ginfo);
    return set;
}

} // namespace oc::catalog
