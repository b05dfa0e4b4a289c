#pragma once

// Stand-ins for the vendor files, for VIRTUAL boards only (demos, training, tests): OpenCloner ships
// no vendor binaries, yet a virtual board must be booted through the same path as a real one.
//
// Each placeholder says what it is in plain ASCII at its start, so no tool and no person can take it
// for a vendor file: SPL (4 KiB) and burner (64 KiB) begin with PlaceholderMarker; the ginfo is a
// real FIDB built from the board's GlobalInfo followed by an RDD TLV whose data is the marker text
// (it carries no DDR parameters). The flash engine refuses to send a placeholder to a real board; it
// uses isPlaceholder() for that check.

#include "../util/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace oc::catalog {

struct ChipProfile;
struct BoardProfile;

// The first bytes of every placeholder SPL / burner, and of the ginfo placeholder's RDD data.
inline constexpr char PlaceholderMarker[] = "OPENCLONER PLACEHOLDER - NOT A VENDOR FILE";

constexpr int PlaceholderSplSize = 4 * 1024;
constexpr int PlaceholderBurnerSize = 64 * 1024;

// What a placeholder says about itself (the "key: value" lines after the marker line).
struct PlaceholderInfo
{
    QString kind; // "spl", "burner" or "ginfo"
    QString chip;
    QString board;
    QByteArray burnerId; // the burner ID string a virtual board should answer with
};

QByteArray placeholderSpl(const ChipProfile &chip, const BoardProfile &board);
QByteArray placeholderBurner(const ChipProfile &chip, const BoardProfile &board);
QByteArray placeholderGinfo(const ChipProfile &chip, const BoardProfile &board);

// Writes the three placeholders as <dir>/<vendorFiles.dir>/<vendorFiles.spl|burner|ginfo>, where
// VendorFiles::locate(dir, ...) finds them; creates directories as needed. ErrorCode::InputFile on
// I/O failure. For virtual boards only.
Status writePlaceholders(const QString &dir, const ChipProfile &chip, const BoardProfile &board);

// True if `data` contains the placeholder marker anywhere (an SPL / burner placeholder, a ginfo
// whose RDD carries it, or either embedded in a larger file). Vendor files never contain it.
bool isPlaceholder(const QByteArray &data);

// The self-description of a placeholder, or nullopt if `data` is not one.
std::optional<PlaceholderInfo> parsePlaceholder(const QByteArray &data);

} // namespace oc::catalog
