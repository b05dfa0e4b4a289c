#pragma once

// A station plan: what a production station flashes onto every board, prepared once by the lead
// engineer (the window's "Lock for operators", or by hand) and run all day by `opencloner-cli
// station PLAN` or the window's operator mode. A small JSON file (docs/production.md):
//
//   { "format": "opencloner-station", "formatVersion": 1,
//     "name": "T31 camera, line A",          // shown on lanes and written in every record
//     "board": "t31-nor",                    // board profile (opencloner-cli info)
//     "firmware": "/opt/cloner",             // vendor files; optional for an imported board
//     "package": "camera-1.4.zip",           // an OpenCloner package ...
//     "image": "full.bin", "offset": "0x0",  // ... or a plain / compressed image at an offset
//     "packageSha256": "<64 hex>",           // pins the package (or image): a changed file is refused
//     "verify": true,
//     "station": "bench-3",                  // default station name for the records
//     "records": "/srv/records" }            // default records folder
//
// Relative paths are relative to the plan file's folder. Parsing is strict: unknown keys, a plan
// with both or neither of package and image, and verify false are refused (a production plan always
// verifies), each with a message naming the key.

#include "core/util/result.h"

#include <QByteArray>
#include <QString>

namespace oc::station {

constexpr int StationPlanFormatVersion = 1;

struct StationPlan
{
    QString name;
    QString board;
    QString firmware;
    QString package;
    QString packageSha256; // of the package or image file, lower-case hex; empty: not pinned
    QString image;
    quint64 offset = 0;
    bool verify = true;
    QString station;
    QString records;

    bool usesPackage() const { return !package.isEmpty(); }

    // `baseDir` resolves relative paths (the plan file's folder).
    static Result<StationPlan> fromJson(const QByteArray &json, const QString &baseDir);
    static Result<StationPlan> load(const QString &path);
    QByteArray toJson() const;              // paths as given (absolute when made by the window)
    Status save(const QString &path) const; // atomic (QSaveFile)
    Status validate() const;
};

// SHA-256 of a file, streamed, as lower-case hex. InputFile error naming the file.
Result<QString> fileSha256(const QString &path);

// Checks that the plan's package (or image) still has its pinned hash. InputFile error: "the package ... has
// changed since the plan was locked (sha256 ... expected ...): ask the engineer to lock it again".
Status checkPinnedPackage(const StationPlan &plan);

} // namespace oc::station
