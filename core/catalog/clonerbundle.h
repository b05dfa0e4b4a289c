#pragma once

// Unpacks a Cloner bundle (.zip / .ingenic: an installation, or part of one, in a zip) with libarchive,
// refusing hostile archives before a single byte is written: entries whose path is absolute, has a
// drive letter or a ".." component, symbolic or hard links, devices, more than MaxEntries entries, an
// entry above MaxEntrySize or a total above MaxTotalSize. Data is then streamed into a fresh staging
// folder that only becomes `target` when everything arrived; on any error nothing is left behind.
// Blocking file I/O: call it off the GUI thread.

#include "../util/result.h"

#include <QString>

namespace oc::catalog {

class ClonerBundle
{
public:
    static constexpr int MaxEntries = 20000;
    static constexpr qint64 MaxEntrySize = qint64(2) << 30; // a whole eMMC image would not fit anyway
    static constexpr qint64 MaxTotalSize = qint64(8) << 30;

    // True for the file names the Cloner gives bundles (.zip, .ingenic), whatever their case.
    static bool looksLikeBundle(const QString &path);

    // Checks every entry of `bundle` without writing anything. ErrorCode::InputFile naming the bundle
    // and the offending entry.
    static Status check(const QString &bundle);

    // check(), then unpacks into `target`, which must not exist yet (its parent is created).
    static Status extract(const QString &bundle, const QString &target);
};

} // namespace oc::catalog
