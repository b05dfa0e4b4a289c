#include "flashdatabase.h"

#include "jsonreader.h"

#include <QMap>
#include <QSet>

namespace oc::catalog {

namespace {

using namespace oc::proto;

constexpr quint32 SixteenMiB = 16 * 1024 * 1024;

bool isPowerOfTwo(qint64 v)
{
    return v > 0 && (v & (v - 1)) == 0;
}

QString hex(quint64 value)
{
    return QStringLiteral("0x") + QString::number(value, 16).toUpper();
}

// One element of a cmd_info / st_info array: 0..max, or -1 for "disabled", which is all ones on the
// wire (0xFFFF for the u16 opcode, 0xFF for the byte fields) [8.5].
quint16 readElement(JsonReader &reader, const QJsonValue &value, const QString &path, int max,
                    quint16 disabled = 0xFF)
{
    const auto v = reader.integer(value, path, -1, max);
    if (!v || *v < 0)
        return disabled;
    return quint16(*v);
}

std::optional<QJsonArray> readTuple(JsonReader &reader, const QJsonObject &o, const QString &path,
                                    const QString &key, int count, const char *layout)
{
    const QString itemPath = joinPath(path, key);
    if (!o.contains(key)) {
        reader.fail(itemPath, QStringLiteral("missing; give %1, or null when the part lacks the command")
                                  .arg(QLatin1String(layout)));
        return std::nullopt;
    }
    if (o.value(key).isNull())
        return std::nullopt; // disabled
    const QJsonArray a = o.value(key).toArray();
    if (!o.value(key).isArray() || a.size() != count) {
        reader.fail(itemPath, QStringLiteral("expected %1 or null").arg(QLatin1String(layout)));
        return std::nullopt;
    }
    return a;
}

CmdInfo readCmdInfo(JsonReader &reader, const QJsonObject &o, const QString &path, const QString &key)
{
    CmdInfo info; // disabled: FF FF FF FF FF
    const auto a = readTuple(reader, o, path, key, 4, "[cmd, dummy, addrBytes, transferMode]");
    if (!a)
        return info;
    const QString p = joinPath(path, key);
    info.cmd = readElement(reader, a->at(0), indexPath(p, 0), 0xFF, 0xFFFF);
    info.dummy = quint8(readElement(reader, a->at(1), indexPath(p, 1), 64));
    info.addrBytes = quint8(readElement(reader, a->at(2), indexPath(p, 2), 4));
    info.transferMode = quint8(readElement(reader, a->at(3), indexPath(p, 3), 7));
    return info;
}

StInfo readStInfo(JsonReader &reader, const QJsonObject &o, const QString &path, const QString &key)
{
    StInfo info;
    const auto a = readTuple(reader, o, path, key, 6, "[cmd, bitShift, mask, value, length, dummy]");
    if (!a)
        return info;
    const QString p = joinPath(path, key);
    info.cmd = readElement(reader, a->at(0), indexPath(p, 0), 0xFF, 0xFFFF);
    info.bitShift = quint8(readElement(reader, a->at(1), indexPath(p, 1), 31));
    info.mask = quint8(readElement(reader, a->at(2), indexPath(p, 2), 0xFF));
    info.value = quint8(readElement(reader, a->at(3), indexPath(p, 3), 0xFF));
    info.length = quint8(readElement(reader, a->at(4), indexPath(p, 4), 4));
    info.dummy = quint8(readElement(reader, a->at(5), indexPath(p, 5), 64));
    return info;
}

void readCommands(JsonReader &reader, const QJsonObject &o, const QString &path, SpiNorChip &c)
{
    c.readStandard = readCmdInfo(reader, o, path, QStringLiteral("readStandard"));
    c.readQuad = readCmdInfo(reader, o, path, QStringLiteral("readQuad"));
    c.writeStandard = readCmdInfo(reader, o, path, QStringLiteral("writeStandard"));
    c.writeQuad = readCmdInfo(reader, o, path, QStringLiteral("writeQuad"));
    c.sectorErase = readCmdInfo(reader, o, path, QStringLiteral("sectorErase"));
    c.wrEn = readCmdInfo(reader, o, path, QStringLiteral("wrEn"));
    c.en4byte = readCmdInfo(reader, o, path, QStringLiteral("en4byte"));
    c.quadSet = readStInfo(reader, o, path, QStringLiteral("quadSet"));
    c.quadGet = readStInfo(reader, o, path, QStringLiteral("quadGet"));
    c.busy = readStInfo(reader, o, path, QStringLiteral("busy"));
}

void readGeometry(JsonReader &reader, const QJsonObject &o, const QString &path, SpiNorChip &c)
{
    const auto size = reader.integer(o, path, QStringLiteral("size"), 64 * 1024, qint64(1) << 31);
    const auto page = reader.integer(o, path, QStringLiteral("pageSize"), 16, 4096);
    const auto erase = reader.integer(o, path, QStringLiteral("eraseSize"), 4096, 256 * 1024);
    for (const auto &[key, value] :
         {std::pair{QStringLiteral("size"), size}, std::pair{QStringLiteral("pageSize"), page},
          std::pair{QStringLiteral("eraseSize"), erase}}) {
        if (value && !isPowerOfTwo(*value))
            reader.fail(joinPath(path, key), QStringLiteral("%1 is not a power of two").arg(*value));
    }
    c.chipSize = quint32(size.value_or(0));
    c.pageSize = quint32(page.value_or(256));
    c.eraseSize = quint32(erase.value_or(0x8000));
    c.chipEraseCmd = quint8(reader.integer(o, path, QStringLiteral("chipEraseCmd"), 0, 0xFF).value_or(0x60));
    c.quadOpsMode = quint16(reader.integer(o, path, QStringLiteral("quadOpsMode"), 0, 3).value_or(0));
    c.addrOpsMode = quint16(reader.integer(o, path, QStringLiteral("addrOpsMode"), 0, 3).value_or(0));
    c.busyTimeMs = quint32(reader.integer(o, path, QStringLiteral("busyTimeMs"), 0, 100000).value_or(0));
    c.tCHSH = quint32(reader.integer(o, path, QStringLiteral("tCHSH"), 0, 100000).value_or(0));
    c.tSLCH = quint32(reader.integer(o, path, QStringLiteral("tSLCH"), 0, 100000).value_or(0));
    c.tSHSL_RD = quint32(reader.integer(o, path, QStringLiteral("tSHSL_RD"), 0, 100000).value_or(0));
    c.tSHSL_WR = quint32(reader.integer(o, path, QStringLiteral("tSHSL_WR"), 0, 100000).value_or(0));
    if (const auto mini = reader.integer(o, path, QStringLiteral("miniReadQuadMode"), 0, 7, Need::Optional))
        c.miniReadQuadTransferMode = quint8(*mini);
}

// Sector-erase opcodes with a fixed unit, 3- and 4-byte-address forms.
std::optional<quint32> eraseUnitOf(quint16 opcode)
{
    switch (opcode) {
    case 0x20:
    case 0x21:
        return 4096;
    case 0x52:
    case 0x5C:
        return 32768;
    case 0xD8:
    case 0xDC:
        return 65536;
    default:
        return std::nullopt;
    }
}

void checkConsistency(JsonReader &reader, const QString &path, const SpiNorChip &c)
{
    const std::pair<const char *, const CmdInfo *> required[] = {{"readStandard", &c.readStandard},
                                                                 {"writeStandard", &c.writeStandard},
                                                                 {"sectorErase", &c.sectorErase},
                                                                 {"wrEn", &c.wrEn}};
    for (const auto &[key, info] : required) {
        if (info->isDisabled())
            reader.fail(joinPath(path, QLatin1String(key)),
                        QStringLiteral("the burner cannot work without this command"));
    }
    if (c.busy.cmd == 0xFFFF)
        reader.fail(joinPath(path, QStringLiteral("busy")),
                    QStringLiteral("the burner polls this register; give it"));
    const quint8 wantAddr = c.chipSize > SixteenMiB ? 4 : 3;
    for (const auto &[key, info] :
         {std::pair{"readStandard", &c.readStandard}, std::pair{"writeStandard", &c.writeStandard},
          std::pair{"sectorErase", &c.sectorErase}}) {
        if (!info->isDisabled() && c.chipSize > 0 && info->addrBytes != wantAddr)
            reader.fail(joinPath(path, QLatin1String(key)),
                        QStringLiteral("%1 address bytes; a %2-byte part needs %3")
                            .arg(info->addrBytes)
                            .arg(c.chipSize)
                            .arg(wantAddr));
    }
    if (c.chipSize > SixteenMiB && c.en4byte.isDisabled())
        reader.fail(joinPath(path, QStringLiteral("en4byte")),
                    QStringLiteral("a part above 16 MiB needs the enter-4-byte-mode command (usually 0xB7)"));
    const auto unit = eraseUnitOf(c.sectorErase.cmd);
    if (unit && *unit != c.eraseSize)
        reader.fail(joinPath(path, QStringLiteral("eraseSize")),
                    QStringLiteral("%1 but sector erase %2 erases %3 bytes; make them agree")
                        .arg(c.eraseSize)
                        .arg(hex(c.sectorErase.cmd))
                        .arg(*unit));
    if (c.quadOpsMode != 0 && (c.quadSet.cmd == 0xFFFF || c.quadGet.cmd == 0xFFFF))
        reader.fail(joinPath(path, QStringLiteral("quadOpsMode")),
                    QStringLiteral("quad mode needs quadSet and quadGet; give them or set quadOpsMode 0"));
}

const QStringList RecordKeys = {
    QStringLiteral("name"),
    QStringLiteral("aliases"),
    QStringLiteral("jedec"),
    QStringLiteral("size"),
    QStringLiteral("pageSize"),
    QStringLiteral("eraseSize"),
    QStringLiteral("chipEraseCmd"),
    QStringLiteral("quadOpsMode"),
    QStringLiteral("addrOpsMode"),
    QStringLiteral("busyTimeMs"),
    QStringLiteral("tCHSH"),
    QStringLiteral("tSLCH"),
    QStringLiteral("tSHSL_RD"),
    QStringLiteral("tSHSL_WR"),
    QStringLiteral("readStandard"),
    QStringLiteral("readQuad"),
    QStringLiteral("writeStandard"),
    QStringLiteral("writeQuad"),
    QStringLiteral("sectorErase"),
    QStringLiteral("wrEn"),
    QStringLiteral("en4byte"),
    QStringLiteral("quadSet"),
    QStringLiteral("quadGet"),
    QStringLiteral("busy"),
    QStringLiteral("miniReadQuadMode"),
    QStringLiteral("evidence"),
};

// Most vendors encode log2(size) in the JEDEC capacity byte; a mismatch usually means a typo.
void checkCapacityCode(const JsonReader &reader, const QString &path, const SpiNorChip &c,
                       QStringList &warnings)
{
    const quint8 capacityCode = quint8(c.jedecId & 0xFF);
    if (capacityCode < 32 && c.chipSize != 0 && (quint64(1) << capacityCode) != c.chipSize)
        warnings.append(reader.displayName() + QStringLiteral(": ") + path +
                        QStringLiteral(": the JEDEC capacity code %1 suggests %2 bytes, the record says %3")
                            .arg(hex(capacityCode))
                            .arg(quint64(1) << capacityCode)
                            .arg(c.chipSize));
}

FlashRecord readRecord(JsonReader &reader, const QJsonValue &value, const QString &path,
                       QStringList &warnings)
{
    FlashRecord r;
    const QJsonObject o = value.toObject();
    if (!value.isObject()) {
        reader.fail(path, QStringLiteral("expected a chip record { ... }"));
        return r;
    }
    reader.rejectUnknownKeys(o, path, RecordKeys);
    r.chip.name = reader.string(o, path, QStringLiteral("name")).value_or(QString());
    if (r.chip.name.isEmpty() || r.chip.name.size() > 31)
        reader.fail(joinPath(path, QStringLiteral("name")),
                    QStringLiteral("must be 1 to 31 characters (a 32-byte field)"));
    const auto aliases = reader.array(o, path, QStringLiteral("aliases"), Need::Optional);
    for (int i = 0; aliases && i < aliases->size(); ++i) {
        if (!aliases->at(i).isString() || aliases->at(i).toString().isEmpty())
            reader.fail(indexPath(joinPath(path, QStringLiteral("aliases")), i),
                        QStringLiteral("expected a part name"));
        else
            r.aliases.append(aliases->at(i).toString());
    }
    r.chip.jedecId = quint32(reader.integer(o, path, QStringLiteral("jedec"), 1, 0xFFFFFE).value_or(0));
    readGeometry(reader, o, path, r.chip);
    readCommands(reader, o, path, r.chip);
    const auto evidence = reader.string(o, path, QStringLiteral("evidence"));
    if (evidence && !parseEvidence(*evidence))
        reader.fail(
            joinPath(path, QStringLiteral("evidence")),
            QStringLiteral("expected \"confirmed: <source>\", \"inferred: <source>\" or \"unknown: ...\""));
    r.evidence = evidence ? parseEvidence(*evidence).value_or(Evidence{}) : Evidence{};
    checkConsistency(reader, path, r.chip);
    checkCapacityCode(reader, path, r.chip, warnings);
    return r;
}

} // namespace

QString formatJedec(quint32 jedecId)
{
    return QStringLiteral("0x") + QString::number(jedecId, 16).toUpper().rightJustified(6, QLatin1Char('0'));
}

QList<FlashRecord> FlashDatabase::parse(JsonReader &reader, const QJsonObject &root, QStringList &warnings)
{
    QList<FlashRecord> records;
    reader.rejectUnknownKeys(root, QString(), {QStringLiteral("schema"), QStringLiteral("chips")});
    reader.checkSchema(root);
    const auto chips = reader.array(root, QString(), QStringLiteral("chips"));
    QSet<QString> names;
    for (int i = 0; chips && i < chips->size(); ++i) {
        const QString path = indexPath(QStringLiteral("chips"), i);
        FlashRecord record = readRecord(reader, chips->at(i), path, warnings);
        record.sourceFile = reader.displayName();
        for (const QString &name : QStringList{record.chip.name} + record.aliases) {
            if (names.contains(name.toUpper()))
                reader.fail(joinPath(path, QStringLiteral("name")),
                            QStringLiteral("\"%1\" appears twice in this file; merge the records").arg(name));
            names.insert(name.toUpper());
        }
        records.append(record);
    }
    return records;
}

void FlashDatabase::add(const QList<FlashRecord> &records)
{
    QList<FlashRecord> fresh;
    for (const FlashRecord &record : records) {
        auto existing = std::find_if(m_records.begin(), m_records.end(), [&](const FlashRecord &r) {
            return r.chip.name.compare(record.chip.name, Qt::CaseInsensitive) == 0;
        });
        if (existing != m_records.end())
            *existing = record;
        else
            fresh.append(record);
    }
    m_records = fresh + m_records;
}

QList<const FlashRecord *> FlashDatabase::candidates(quint32 jedecId) const
{
    QList<const FlashRecord *> result;
    for (const FlashRecord &record : m_records) {
        if (record.chip.jedecId == jedecId)
            result.append(&record);
    }
    return result;
}

Result<SpiNorChip> FlashDatabase::lookup(quint32 jedecId) const
{
    if (jedecId == 0 || (jedecId & 0xFFFFFF) == 0xFFFFFF)
        return makeError(ErrorCode::UnknownFlash,
                         QStringLiteral("JEDEC id %1: no SPI NOR chip answered; check the flash chip, its "
                                        "soldering and the board's SFC pins (ginfo gpio)")
                             .arg(formatJedec(jedecId)));
    const QList<const FlashRecord *> found = candidates(jedecId);
    if (found.isEmpty())
        return makeError(
            ErrorCode::UnknownFlash,
            QStringLiteral("JEDEC id %1 is not in the SPI NOR database; if your Ingenic USB Cloner knows "
                           "the chip, import its records with `opencloner-cli import <Cloner folder>` "
                           "(configs/spiflashinfo.cfg), else add a record for this chip (from its "
                           "datasheet) to spinor.json in your boards directory, see boards/README.md")
                .arg(formatJedec(jedecId)));
    return found.constFirst()->chip;
}

const FlashRecord *FlashDatabase::byName(const QString &name) const
{
    for (const FlashRecord &record : m_records) {
        if (record.chip.name.compare(name, Qt::CaseInsensitive) == 0 ||
            record.aliases.contains(name, Qt::CaseInsensitive))
            return &record;
    }
    return nullptr;
}

QStringList FlashDatabase::collisions() const
{
    QMap<quint32, QStringList> byId;
    for (const FlashRecord &record : m_records)
        byId[record.chip.jedecId].append(record.chip.name);
    QStringList result;
    for (auto it = byId.begin(); it != byId.end(); ++it) {
        if (it.value().size() > 1)
            result.append(QStringLiteral("JEDEC %1 is shared by %2; lookups use %3")
                              .arg(formatJedec(it.key()), it.value().join(QStringLiteral(", ")),
                                   it.value().constFirst()));
    }
    return result;
}

} // namespace oc::catalog
