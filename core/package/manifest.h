#pragma once

// The manifest of an OpenCloner firmware package: manifest.json, the first file of the zip. It
// names the package, the chips and boards it is for, and the steps of its burn plan with each
// file's size and SHA-256. Format (docs/packages.md):
//
//   { "format": "opencloner-package", "formatVersion": 1,
//     "name": "...", "version": "...", "description": "...",
//     "targets": { "chips": ["t31"], "boards": ["t31-nor"] },
//     "erase": "lazy" | "init" | "chip" | "none", "verify": true, "bootLast": false, "reboot": true,
//     "steps": [
//       { "op": "write", "file": "uboot.bin", "offset": "0x0", "partition": "uboot",
//         "size": 262144, "imageSize": 262144, "compression": "none", "sha256": "<64 hex>" },
//       { "op": "read", "output": "factory.bin", "offset": "0xFF0000", "length": 65536 },
//       { "op": "erase", "partition": "data" } ],
//     "createdBy": "OpenCloner 0.1.0" }
//
// Numbers are JSON integers or "0x..." strings. Parsing is strict and bounded (it reads outside
// input): unknown keys, unsafe file names (absolute, "..", backslashes), more than MaxSteps steps
// and impossible sizes are refused with a message naming the step and the key.

#include "compression.h"

#include "../util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace oc::pkg {

constexpr int ManifestFormatVersion = 1;
constexpr int MaxSteps = 64;
constexpr qint64 MaxManifestBytes = 1 << 20;
constexpr quint64 MaxImageBytes = quint64(1) << 40; // 1 TiB: far beyond any board's storage
constexpr int MaxFileNameLength = 200;
inline constexpr char ManifestName[] = "manifest.json";

enum class StepOp : quint8 { Write, Read, Erase };
const char *stepOpName(StepOp op);

struct ManifestStep
{
    StepOp op = StepOp::Write;
    QString label;                 // optional, for people
    QString file;                  // write: the file inside the package
    QString output;                // read: name of the file the data is saved to (no folders)
    QString partition;             // optional: the board's partition it targets
    std::optional<quint64> offset; // absent: the partition's start
    quint64 length = 0;            // read / erase; 0 with a partition: the whole partition
    qint64 storedSize = 0;         // write: bytes of the file in the package ("size")
    qint64 imageSize = 0;          // write: bytes that go to the flash after decompression
    Compression compression = Compression::None;
    QByteArray sha256; // write: of the stored file, 32 bytes
};

struct Manifest
{
    QString name;
    QString version;
    QString description;
    QStringList chips;  // chip names the package is for; empty: any
    QStringList boards; // board profile names; empty: any board of those chips
    QString erase = QStringLiteral("lazy");
    bool verify = true;
    bool bootLast = false;
    bool reboot = true;
    QList<ManifestStep> steps;
    QString createdBy;

    // Strict parse of manifest.json (see above). ErrorCode::InputFile, every problem on one line.
    static Result<Manifest> fromJson(const QByteArray &json);
    QByteArray toJson() const;

    // The same checks fromJson() makes, for a manifest built in code (pack).
    Status validate() const;
};

// A safe relative name for a file inside a package: 1..MaxFileNameLength characters, '/'-separated
// components that are neither empty, "." nor "..", no backslash, no control characters, and not the
// manifest itself. Empty on success, otherwise why not.
QString fileNameProblem(const QString &name);

} // namespace oc::pkg
