#pragma once

// The SPI NOR database (boards/spinor.json plus user files; format: boards/README.md): one record per
// part with every field spiflash_info carries [3.9.2, 8.5], looked up by the JEDEC id the burner
// reports in GET_FLASH_INFO. Immutable once the catalog is loaded; const methods are thread-safe.

#include "../protocol/params.h"
#include "../util/result.h"
#include "evidence.h"

#include <QList>
#include <QString>
#include <QStringList>

class QJsonObject;

namespace oc::catalog {

class JsonReader;

struct FlashRecord
{
    proto::SpiNorChip chip;
    QStringList aliases; // other part names with the same id and commands (e.g. GD25Q128C)
    Evidence evidence;   // where the values come from (spec worked example, datasheet ...)
    QString sourceFile;
};

class FlashDatabase
{
public:
    // Parses and validates one spinor.json document. Problems go to `reader`; suspicious but usable
    // values (a capacity code that disagrees with the size) go to `warnings`.
    static QList<FlashRecord> parse(JsonReader &reader, const QJsonObject &root, QStringList &warnings);

    // Adds the records of one source, in file order. A record whose name equals an existing one
    // replaces it in place; new records take precedence over older sources for JEDEC lookups.
    void add(const QList<FlashRecord> &records);

    // The record for `jedecId` ((manufacturer << 16) | (type << 8) | capacity). ErrorCode::UnknownFlash
    // for 0 / 0xFFFFFF (no chip answered) and for ids without a record, saying how to add one.
    Result<proto::SpiNorChip> lookup(quint32 jedecId) const;
    // Every record with that id, preferred first.
    QList<const FlashRecord *> candidates(quint32 jedecId) const;
    // By part name or alias (case-insensitive).
    const FlashRecord *byName(const QString &name) const;

    const QList<FlashRecord> &records() const { return m_records; }
    // "JEDEC 0x0B4018 is shared by XT25F128B and XT25F128F; lookups use XT25F128B", one per id.
    QStringList collisions() const;

private:
    QList<FlashRecord> m_records; // lookup preference order
};

// "0xC84018"
QString formatJedec(quint32 jedecId);

} // namespace oc::catalog
