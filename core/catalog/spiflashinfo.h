#pragma once

// Import of the Ingenic USB Cloner's SPI NOR database, configs/spiflashinfo.cfg [8.5]: [norkeyN]
// value="f1,...,f59" records, [spinor] count=N. Each record becomes a FlashRecord of our database and
// is checked by the same rules as boards/spinor.json (FlashDatabase::parse), so an imported part can
// do nothing a hand-written one could not. Records that fail are skipped with the reason; the rest
// are kept. Pure functions; thread-safe.

#include "../util/result.h"
#include "flashdatabase.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace oc::catalog {

class ClonerIni;

constexpr int SpiFlashInfoFields = 59;
constexpr int MaxSpiFlashRecords = 1024;

struct SpiFlashInfoImport
{
    QList<FlashRecord> records; // file order of norkey0 .. norkeyN-1
    QStringList skipped;        // "spiflashinfo.cfg:12: [norkey3] XYZ: reason"
};

// One record's value. ErrorCode::Profile naming `where` and the field when it is not 59 fields or a
// number is malformed; the record is not yet checked against the database rules.
Result<FlashRecord> parseSpiFlashRecord(const QString &value, const QString &where);

// The whole file. ErrorCode::Profile only when the file as a whole is unusable ([spinor] count
// missing or above MaxSpiFlashRecords); bad records go to `skipped`.
Result<SpiFlashInfoImport> importSpiFlashInfo(const ClonerIni &ini);

// The record in the boards/spinor.json format (boards/README.md).
QJsonObject flashRecordToJson(const FlashRecord &record);

} // namespace oc::catalog
