#pragma once

// One step of a multi-step burn plan: write an image at an offset, read a range into a file, or
// erase a range / partition. A plan runs its steps in order within one boot of the burner (one
// configuration, one INIT), so the board's partition table, erase mode and flags hold for all of
// them; planner.h turns StepRequests into validated FlashSteps, preflight.h says what is wrong.

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace oc {

enum class StepKind : quint8 { Write, Read, Erase };
const char *stepKindName(StepKind kind);

// Where a write step's bytes come from. Streamed (imagesource.h), never loaded whole.
struct ImageRef
{
    QString path;         // a plain or compressed image, or the package holding `entry`
    QString entry;        // the file inside the package; empty: `path` itself
    qint64 size = 0;      // bytes that go to the flash (after decompression), known before the plan runs
    QByteArray sha256;    // SHA-256 of the stored file when it was checked (packages, compressed files)
    qint64 fileSize = -1; // `path` as it was when the plan was made: a changed file is refused
    QDateTime modified;   // before any transfer (preflight) instead of flashing something else

    bool isSet() const { return !path.isEmpty(); }
    QString displayName() const; // "kernel.bin (in fw.zip)" or the path
};

// What a user (or a package, or an imported profile) asks one step to do.
struct StepRequest
{
    StepKind kind = StepKind::Write;
    QString path;                  // write: the image (plain or compressed); read: the output file
    QString entry;                 // write: the file inside the package `path` (package plans)
    qint64 imageSize = 0;          // write, package entry: the size its manifest states (0: measure)
    QByteArray sha256;             // write, package entry: as checked when the package was loaded
    QString partition;             // the board's partition the step targets (optional)
    std::optional<quint64> offset; // absent: the partition's start
    quint64 length = 0;            // read / erase: bytes; 0 with a partition: the whole partition
    QString label;                 // for people; default: the file or partition name
};

// A step resolved against the board: offset and length are final, the image is measured.
struct FlashStep
{
    StepKind kind = StepKind::Write;
    ImageRef image;     // write
    QString outputPath; // read
    QString partition;  // name of the board's partition holding the step; empty if none / no table
    quint64 offset = 0;
    quint64 length = 0; // write: image.size; read / erase: the range, 0 = to the end of the flash
    QString label;

    // End of the range; "to the end of the flash" ends at `capacity` (0, unknown: 4 GiB).
    quint64 endOn(quint64 capacity) const;
    // "write kernel.bin at 0x40000", "read 0x10000 bytes at 0xFF0000 into factory.bin", ...
    QString describe() const;
};

} // namespace oc
