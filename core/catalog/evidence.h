#pragma once

// How sure the catalog is of a value, mirroring the protocol specification's marks [0.1]. Profiles
// list evidence only for values that are not plainly confirmed by the source the file names; a value
// without an entry is confirmed. The UI shows inferred / unknown values so a user knows what to
// double-check on a new board.

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

class QJsonObject;

namespace oc::catalog {

class JsonReader;

enum class EvidenceMark : quint8 {
    Confirmed, // seen in vendor files, public source or on real hardware
    Inferred,  // deduced, reported by a third party, or consistent with everything known
    Unknown,   // nobody has seen it: the value is a guess that lets the engine try
};

struct Evidence
{
    EvidenceMark mark = EvidenceMark::Confirmed;
    QString note; // where it comes from or why it is believed

    bool operator==(const Evidence &) const = default;
};

// Keyed by the JSON path of the value inside its file, e.g. "burner.layout" or "globalInfo.gpio".
using EvidenceMap = QMap<QString, Evidence>;

const char *evidenceMarkName(EvidenceMark mark);

// Parses "<mark>" or "<mark>: <note>" with mark confirmed / inferred / unknown.
std::optional<Evidence> parseEvidence(const QString &text);

// Reads the optional "evidence" object of `parent`: every key must be one of `knownPaths` and every
// value an evidence string. Problems go to `reader`.
EvidenceMap readEvidenceMap(JsonReader &reader, const QJsonObject &parent, const QString &path,
                            const QStringList &knownPaths);

} // namespace oc::catalog
