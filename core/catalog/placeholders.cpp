#include "placeholders.h"

#include "../protocol/config.h"
#include "boardprofile.h"
#include "chipprofile.h"

#include <QDir>
#include <QSaveFile>

namespace oc::catalog {

namespace {

constexpr int MaxDescriptionLength = 1024;

QByteArray marker()
{
    return QByteArray(PlaceholderMarker);
}

// The ASCII self-description every placeholder starts with (ginfo: its RDD data), NUL-terminated.
QByteArray description(const QString &kind, const ChipProfile &chip, const BoardProfile &board)
{
    QByteArray text = marker() + '\n';
    text += "This file stands in for a vendor file on an OpenCloner virtual board. It contains no code\n";
    text += "and no DDR parameters; a real board cannot use it and OpenCloner never sends it to one.\n";
    text += "kind: " + kind.toLatin1() + '\n';
    text += "chip: " + chip.name.toLatin1() + '\n';
    text += "board: " + board.name.toLatin1() + '\n';
    text += "burner-id: " + chip.burner.idString + '\n';
    text += '\0';
    return text;
}

QByteArray padded(QByteArray data, int size)
{
    data.resize(qMax<qsizetype>(size, data.size()), '\0');
    return data;
}

Status writeFile(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return makeError(
            ErrorCode::InputFile,
            QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

} // namespace

QByteArray placeholderSpl(const ChipProfile &chip, const BoardProfile &board)
{
    const int size =
        chip.maxSplSize > 0 ? qMin<int>(PlaceholderSplSize, int(chip.maxSplSize)) : PlaceholderSplSize;
    return padded(description(QStringLiteral("spl"), chip, board), size);
}

QByteArray placeholderBurner(const ChipProfile &chip, const BoardProfile &board)
{
    return padded(description(QStringLiteral("burner"), chip, board), PlaceholderBurnerSize);
}

QByteArray placeholderGinfo(const ChipProfile &chip, const BoardProfile &board)
{
    // TLV sizes stay multiples of 4: the SPL stops at an unaligned entry [3.4].
    QByteArray rdd = description(QStringLiteral("ginfo"), chip, board);
    rdd = padded(rdd, int((rdd.size() + 3) / 4 * 4));
    return proto::buildGinfo(board.globalInfo, rdd);
}

Status writePlaceholders(const QString &dir, const ChipProfile &chip, const BoardProfile &board)
{
    const QString chipDir = board.vendorFiles.dir.isEmpty() ? chip.name : board.vendorFiles.dir;
    const QDir root(dir);
    if (!root.mkpath(chipDir))
        return makeError(
            ErrorCode::InputFile,
            QStringLiteral("cannot create %1").arg(QDir::toNativeSeparators(root.filePath(chipDir))));
    const QDir target(root.filePath(chipDir));
    OC_TRY(writeFile(target.filePath(board.vendorFiles.spl), placeholderSpl(chip, board)));
    OC_TRY(writeFile(target.filePath(board.vendorFiles.burner), placeholderBurner(chip, board)));
    OC_TRY(writeFile(target.filePath(board.vendorFiles.ginfo), placeholderGinfo(chip, board)));
    return {};
}

bool isPlaceholder(const QByteArray &data)
{
    return data.contains(marker());
}

std::optional<PlaceholderInfo> parsePlaceholder(const QByteArray &data)
{
    const qsizetype start = data.indexOf(marker());
    if (start < 0)
        return std::nullopt;
    const QByteArray text = data.mid(start, MaxDescriptionLength).split('\0').constFirst();
    PlaceholderInfo info;
    for (const QByteArray &line : text.split('\n')) {
        const qsizetype colon = line.indexOf(": ");
        if (colon < 0)
            continue;
        const QByteArray key = line.left(colon);
        const QByteArray value = line.mid(colon + 2);
        if (key == "kind")
            info.kind = QString::fromLatin1(value);
        else if (key == "chip")
            info.chip = QString::fromLatin1(value);
        else if (key == "board")
            info.board = QString::fromLatin1(value);
        else if (key == "burner-id")
            info.burnerId = value;
    }
    return info;
}

} // namespace oc::catalog
