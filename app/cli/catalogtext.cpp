#include "catalogtext.h"

#include "core/catalog/catalog.h"
#include "core/protocol/wire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace oc::cli {

namespace {

QString hex(quint64 v)
{
    return QStringLiteral("0x%1").arg(v, 0, 16);
}

QString jsonLine(const QJsonValue &value)
{
    const QJsonDocument doc =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return QString::fromUtf8(doc.toJson(QJsonDocument::Compact)) + QLatin1Char('\n');
}

QJsonObject boardJson(const catalog::Catalog &catalog, const catalog::BoardProfile &b)
{
    return {{QStringLiteral("name"), b.name},
            {QStringLiteral("chip"), catalog.chipOf(b).name},
            {QStringLiteral("storage"), QLatin1String(catalog::storageKindName(b.storage))},
            {QStringLiteral("capacity"), double(b.capacity)},
            {QStringLiteral("chunkSize"), double(b.chunkSize)},
            {QStringLiteral("description"), b.description}};
}

QJsonObject chipJson(const catalog::ChipProfile &c)
{
    return {{QStringLiteral("name"), c.name},
            {QStringLiteral("aliases"), QJsonArray::fromStringList(c.aliases)},
            {QStringLiteral("romCpuInfo"), proto::printableId(c.boot.romCpuInfo)},
            {QStringLiteral("burnerId"), proto::printableId(c.burner.idString)},
            {QStringLiteral("layout"), QLatin1String(catalog::commandLayoutName(c.burner.layout))},
            {QStringLiteral("description"), c.description}};
}

QString boardText(const catalog::Catalog &catalog, const catalog::BoardProfile &b)
{
    const catalog::ChipProfile &c = catalog.chipOf(b);
    QString s = QStringLiteral("board %1: %2\n  chip %3, %4")
                    .arg(b.name, b.description, c.name, QLatin1String(catalog::storageKindName(b.storage)));
    if (b.capacity)
        s += QStringLiteral(", %1 MiB").arg(b.capacity >> 20);
    s += QStringLiteral("\n  chunk %1 bytes, CRC check %2, read-back check %3, reboot at the end %4\n")
             .arg(b.chunkSize)
             .arg(b.debug.transferDataCheck ? "on" : "off", b.debug.writeBackCheck ? "on" : "off",
                  b.forceReset ? "yes" : "no");
    s += QStringLiteral("  vendor files: %1/{%2, %3, %4}\n")
             .arg(b.vendorFiles.dir.isEmpty() ? c.name : b.vendorFiles.dir, b.vendorFiles.spl,
                  b.vendorFiles.burner, b.vendorFiles.ginfo);
    for (const proto::NorPartition &p : b.partitions)
        s +=
            QStringLiteral("  partition %1 at %2, size %3%4\n")
                .arg(p.name, hex(p.offset), p.size == 0xFFFFFFFF ? QStringLiteral("to the end") : hex(p.size),
                     p.readOnly ? QStringLiteral(", read-only") : QString());
    return s;
}

QString chipText(const catalog::Catalog &catalog, const catalog::ChipProfile &c)
{
    QString s = QStringLiteral("chip %1: %2\n").arg(c.name, c.description);
    QStringList ids;
    for (const catalog::UsbId &id : c.usbIds)
        ids << catalog::formatUsbId(id);
    s += QStringLiteral("  USB %1, ROM answers '%2', burner '%3' (command layout %4)\n")
             .arg(ids.join(QStringLiteral(", ")), proto::printableId(c.boot.romCpuInfo),
                  proto::printableId(c.burner.idString),
                  QLatin1String(catalog::commandLayoutName(c.burner.layout)));
    s += QStringLiteral("  ginfo %1, SPL %2, stage 2 %3, d2i %4\n")
             .arg(hex(c.boot.ginfoAddr), hex(c.boot.splAddr), hex(c.boot.stage2Addr),
                  c.boot.d2iLen ? hex(*c.boot.d2iLen) : QStringLiteral("none"));
    QStringList boards;
    for (const catalog::BoardProfile *b : catalog.boardsForChip(c.name))
        boards << b->name;
    s += QStringLiteral("  boards: %1\n")
             .arg(boards.isEmpty() ? QStringLiteral("none yet") : boards.join(QStringLiteral(", ")));
    return s;
}

} // namespace

QString describeStage(const catalog::Catalog &catalog, const QByteArray &answer)
{
    QStringList rom;
    for (const catalog::ChipProfile *c : catalog.chipsByRomString(answer))
        rom << c->name;
    if (!rom.isEmpty())
        return QStringLiteral("rom %1").arg(rom.join(QLatin1Char('/')));
    QStringList burner;
    for (const catalog::ChipProfile *c : catalog.chips()) {
        if (c->matchesBurnerId(answer))
            burner << c->name;
    }
    if (!burner.isEmpty())
        return QStringLiteral("burner %1").arg(burner.join(QLatin1Char('/')));
    if (answer.startsWith("ingenic"))
        return QStringLiteral("resident-spl");
    return QStringLiteral("unknown");
}

QString catalogSummary(const catalog::Catalog &catalog, bool json)
{
    if (json) {
        QJsonArray boards;
        QJsonArray chips;
        for (const catalog::BoardProfile *b : catalog.boards())
            boards.append(boardJson(catalog, *b));
        for (const catalog::ChipProfile *c : catalog.chips())
            chips.append(chipJson(*c));
        return jsonLine(QJsonObject{{QStringLiteral("boards"), boards}, {QStringLiteral("chips"), chips}});
    }
    QString s = QStringLiteral("Board profiles (--board):\n");
    for (const catalog::BoardProfile *b : catalog.boards())
        s += QStringLiteral("  %1 %2 %3  %4\n")
                 .arg(b->name, -14)
                 .arg(catalog.chipOf(*b).name, -6)
                 .arg(QLatin1String(catalog::storageKindName(b->storage)), -5)
                 .arg(b->description);
    s += QStringLiteral("\nChips:\n ");
    for (const catalog::ChipProfile *c : catalog.chips())
        s += QLatin1Char(' ') + c->name;
    return s + QStringLiteral("\n\n`opencloner-cli info NAME` shows one in detail.\n");
}

Result<QString> catalogDetails(const catalog::Catalog &catalog, const QString &name, bool json)
{
    if (const catalog::BoardProfile *b = catalog.board(name))
        return json ? jsonLine(boardJson(catalog, *b)) : boardText(catalog, *b);
    if (const catalog::ChipProfile *c = catalog.chip(name))
        return json ? jsonLine(chipJson(*c)) : chipText(catalog, *c);
    return makeError(
        ErrorCode::Profile,
        QStringLiteral("no board profile or chip named '%1' (`opencloner-cli info` lists them)").arg(name));
}

} // namespace oc::cli
