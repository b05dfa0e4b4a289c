#include "spiflashinfo.h"

#include "clonerini.h"
#include "jsonreader.h"

#include <QJsonArray>
#include <QSet>

namespace oc::catalog {

namespace {

using proto::CmdInfo;
using proto::StInfo;

// cmd_info from 4 fields, st_info from 6; -1 sets that element to all ones [8.5].
CmdInfo cmdInfo(const QList<qint64> &f, int at)
{
    auto byte = [&](int i) {
        return f[at + i] < 0 ? quint8(0xFF) : quint8(f[at + i]);
    };
    return CmdInfo{f[at] < 0 ? quint16(0xFFFF) : quint16(f[at]), byte(1), byte(2), byte(3)};
}

StInfo stInfo(const QList<qint64> &f, int at)
{
    auto byte = [&](int i) {
        return f[at + i] < 0 ? quint8(0xFF) : quint8(f[at + i]);
    };
    return StInfo{f[at] < 0 ? quint16(0xFFFF) : quint16(f[at]), byte(1), byte(2), byte(3), byte(4), byte(5)};
}

QJsonValue element(int value, int allOnes, int max)
{
    return value == allOnes && max < allOnes ? QJsonValue(-1) : QJsonValue(value);
}

QJsonValue cmdJson(const CmdInfo &c)
{
    if (c.isDisabled() && c.dummy == 0xFF && c.addrBytes == 0xFF && c.transferMode == 0xFF)
        return QJsonValue::Null;
    return QJsonArray{element(c.cmd, 0xFFFF, 0xFF), element(c.dummy, 0xFF, 64), element(c.addrBytes, 0xFF, 4),
                      element(c.transferMode, 0xFF, 7)};
}

QJsonValue stJson(const StInfo &s)
{
    if (s.cmd == 0xFFFF && s.bitShift == 0xFF && s.mask == 0xFF && s.value == 0xFF && s.length == 0xFF &&
        s.dummy == 0xFF)
        return QJsonValue::Null;
    return QJsonArray{element(s.cmd, 0xFFFF, 0xFF), element(s.bitShift, 0xFF, 31),
                      element(s.mask, 0xFF, 0xFF),  element(s.value, 0xFF, 0xFF),
                      element(s.length, 0xFF, 4),   element(s.dummy, 0xFF, 64)};
}

QString hexText(quint32 v)
{
    return QStringLiteral("0x") + QString::number(v, 16).toUpper();
}

// Runs the record through the database's own rules; their messages explain a rejection.
QStringList databaseProblems(const FlashRecord &record)
{
    JsonReader reader(QStringLiteral("spiflashinfo"));
    QStringList warnings;
    const QJsonObject root{{QStringLiteral("schema"), CatalogSchema},
                           {QStringLiteral("chips"), QJsonArray{flashRecordToJson(record)}}};
    FlashDatabase::parse(reader, root, warnings);
    QStringList problems;
    for (QString e : reader.errors())
        problems << e.remove(QStringLiteral("spiflashinfo: chips[0]."));
    return problems;
}

} // namespace

Result<FlashRecord> parseSpiFlashRecord(const QString &value, const QString &where)
{
    const QStringList items = ClonerIni::splitList(value);
    if (items.size() != SpiFlashInfoFields)
        return makeError(ErrorCode::Profile, QStringLiteral("%1: %2 fields, a spiflashinfo record has %3")
                                                 .arg(where)
                                                 .arg(items.size())
                                                 .arg(SpiFlashInfoFields));
    QList<qint64> f(SpiFlashInfoFields, 0);
    for (int i = 1; i < SpiFlashInfoFields; ++i) {
        const auto v = ClonerIni::parseInteger(items[i]);
        if (!v || *v < -1 || *v > 0xFFFFFFFFLL)
            return makeError(
                ErrorCode::Profile,
                QStringLiteral("%1: field %2 (\"%3\") is not a number").arg(where).arg(i + 1).arg(items[i]));
        f[i] = *v;
    }
    FlashRecord r;
    proto::SpiNorChip &c = r.chip;
    c.name = items[0];
    c.jedecId = quint32(f[1]);
    c.chipSize = quint32(f[2]);
    c.pageSize = quint32(f[3]);
    c.eraseSize = quint32(f[4]);
    c.chipEraseCmd = quint8(f[5]);
    c.quadOpsMode = quint16(f[6]);
    c.addrOpsMode = quint16(f[7]);
    c.busyTimeMs = quint32(std::max<qint64>(f[8], 0));
    c.tCHSH = quint32(f[9]);
    c.tSLCH = quint32(f[10]);
    c.tSHSL_RD = quint32(f[11]);
    c.tSHSL_WR = quint32(f[12]);
    c.readStandard = cmdInfo(f, 13);
    c.readQuad = cmdInfo(f, 17);
    c.writeStandard = cmdInfo(f, 21);
    c.writeQuad = cmdInfo(f, 25);
    c.sectorErase = cmdInfo(f, 29);
    c.wrEn = cmdInfo(f, 33);
    c.en4byte = cmdInfo(f, 37);
    c.quadSet = stInfo(f, 41);
    c.quadGet = stInfo(f, 47);
    c.busy = stInfo(f, 53);
    r.evidence = Evidence{EvidenceMark::Confirmed, QStringLiteral("Ingenic USB Cloner %1").arg(where)};
    return r;
}

Result<SpiFlashInfoImport> importSpiFlashInfo(const ClonerIni &ini)
{
    auto count = ini.integer(QStringLiteral("spinor"), QStringLiteral("count"), 0, MaxSpiFlashRecords);
    if (!count)
        return std::move(count).error();
    SpiFlashInfoImport result;
    QSet<QString> names;
    for (int i = 0; i < *count; ++i) {
        const QString section = QStringLiteral("norkey%1").arg(i);
        const auto value = ini.value(section, QStringLiteral("value"));
        if (!value) {
            result.skipped << QStringLiteral("%1: [%2] missing although [spinor] count is %3")
                                  .arg(ini.displayName(), section)
                                  .arg(*count);
            continue;
        }
        const QString where = ini.where(section, QStringLiteral("value"));
        auto record = parseSpiFlashRecord(*value, QStringLiteral("%1 (%2)").arg(where, section));
        if (!record) {
            result.skipped << record.error().message;
            continue;
        }
        const QString name = record->chip.name;
        if (names.contains(name.toUpper())) {
            result.skipped << QStringLiteral("%1 %2: a part named %3 came earlier; this one is skipped")
                                  .arg(where, name, name);
            continue;
        }
        const QStringList problems = databaseProblems(*record);
        if (!problems.isEmpty()) {
            result.skipped << QStringLiteral("%1 %2 (JEDEC %3): %4")
                                  .arg(where, name, formatJedec(record->chip.jedecId),
                                       problems.join(QStringLiteral("; ")));
            continue;
        }
        names.insert(name.toUpper());
        result.records.append(*record);
    }
    return result;
}

QJsonObject flashRecordToJson(const FlashRecord &record)
{
    const proto::SpiNorChip &c = record.chip;
    QJsonObject o{{QStringLiteral("name"), c.name},
                  {QStringLiteral("jedec"), hexText(c.jedecId)},
                  {QStringLiteral("size"), qint64(c.chipSize)},
                  {QStringLiteral("pageSize"), qint64(c.pageSize)},
                  {QStringLiteral("eraseSize"), qint64(c.eraseSize)},
                  {QStringLiteral("chipEraseCmd"), hexText(c.chipEraseCmd)},
                  {QStringLiteral("quadOpsMode"), c.quadOpsMode},
                  {QStringLiteral("addrOpsMode"), c.addrOpsMode},
                  {QStringLiteral("busyTimeMs"), qint64(c.busyTimeMs)},
                  {QStringLiteral("tCHSH"), qint64(c.tCHSH)},
                  {QStringLiteral("tSLCH"), qint64(c.tSLCH)},
                  {QStringLiteral("tSHSL_RD"), qint64(c.tSHSL_RD)},
                  {QStringLiteral("tSHSL_WR"), qint64(c.tSHSL_WR)},
                  {QStringLiteral("readStandard"), cmdJson(c.readStandard)},
                  {QStringLiteral("readQuad"), cmdJson(c.readQuad)},
                  {QStringLiteral("writeStandard"), cmdJson(c.writeStandard)},
                  {QStringLiteral("writeQuad"), cmdJson(c.writeQuad)},
                  {QStringLiteral("sectorErase"), cmdJson(c.sectorErase)},
                  {QStringLiteral("wrEn"), cmdJson(c.wrEn)},
                  {QStringLiteral("en4byte"), cmdJson(c.en4byte)},
                  {QStringLiteral("quadSet"), stJson(c.quadSet)},
                  {QStringLiteral("quadGet"), stJson(c.quadGet)},
                  {QStringLiteral("busy"), stJson(c.busy)},
                  {QStringLiteral("evidence"),
                   QStringLiteral("%1: %2").arg(QLatin1String(evidenceMarkName(record.evidence.mark)),
                                                record.evidence.note)}};
    if (!record.aliases.isEmpty())
        o.insert(QStringLiteral("aliases"), QJsonArray::fromStringList(record.aliases));
    if (c.miniReadQuadTransferMode)
        o.insert(QStringLiteral("miniReadQuadMode"), int(*c.miniReadQuadTransferMode));
    return o;
}

} // namespace oc::catalog
