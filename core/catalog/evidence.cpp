#include "evidence.h"

#include "jsonreader.h"

#include <QJsonObject>

namespace oc::catalog {

const char *evidenceMarkName(EvidenceMark mark)
{
    switch (mark) {
    case EvidenceMark::Confirmed:
        return "confirmed";
    case EvidenceMark::Inferred:
        return "inferred";
    case EvidenceMark::Unknown:
        return "unknown";
    }
    return "unknown";
}

std::optional<Evidence> parseEvidence(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const QString markText = (colon < 0 ? text : text.left(colon)).trimmed();
    const QString note = colon < 0 ? QString() : text.mid(colon + 1).trimmed();
    for (EvidenceMark mark : {EvidenceMark::Confirmed, EvidenceMark::Inferred, EvidenceMark::Unknown}) {
        if (markText == QLatin1String(evidenceMarkName(mark)))
            return Evidence{mark, note};
    }
    return std::nullopt;
}

EvidenceMap readEvidenceMap(JsonReader &reader, const QJsonObject &parent, const QString &path,
                            const QStringList &knownPaths)
{
    EvidenceMap result;
    const auto object = reader.object(parent, path, QStringLiteral("evidence"), Need::Optional);
    if (!object)
        return result;
    const QString evidencePath = joinPath(path, QStringLiteral("evidence"));
    for (auto it = object->begin(); it != object->end(); ++it) {
        const QString keyPath = joinPath(evidencePath, it.key());
        if (!knownPaths.contains(it.key())) {
            reader.fail(keyPath, QStringLiteral("names no value of this file; use one of: %1")
                                     .arg(knownPaths.join(QStringLiteral(", "))));
            continue;
        }
        const auto evidence = it.value().isString() ? parseEvidence(it.value().toString()) : std::nullopt;
        if (!evidence) {
            reader.fail(keyPath, QStringLiteral("expected \"confirmed\", \"inferred\" or \"unknown\", "
                                                "optionally followed by \": <source or reason>\""));
            continue;
        }
        result.insert(it.key(), *evidence);
    }
    return result;
}

} // namespace oc::catalog
