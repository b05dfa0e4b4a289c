#include "cmdimport.h"

#include "reporter.h"

#include "core/catalog/catalog.h"
#include "core/catalog/importstore.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace oc::cli {

namespace {

void out(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
}

QString ginfoText(const catalog::BoardProfile &b)
{
    if (b.ginfo.isEmpty())
        return QStringLiteral("needs ginfo.bin");
    const QString layout = b.origin ? b.origin->rddLayout : QString();
    return b.origin && b.origin->ginfoVerified
               ? QStringLiteral("generated (%1, checked against the vendor tool)").arg(layout)
               : QStringLiteral("generated (%1, unverified layout / DDR type)").arg(layout);
}

QJsonObject boardJson(const catalog::ImportedBoard &imported)
{
    const catalog::BoardProfile &b = imported.board;
    QJsonArray steps;
    for (const catalog::BoardStep &s : b.steps)
        steps.append(QJsonObject{{QStringLiteral("kind"), QLatin1String(catalog::stepKindName(s.kind))},
                                 {QStringLiteral("label"), s.label},
                                 {QStringLiteral("offset"), double(s.offset)},
                                 {QStringLiteral("length"), double(s.length)},
                                 {QStringLiteral("file"), s.path}});
    return {{QStringLiteral("name"), b.name},
            {QStringLiteral("chip"), b.chip},
            {QStringLiteral("storage"), QLatin1String(catalog::storageKindName(b.storage))},
            {QStringLiteral("config"), b.origin ? b.origin->config : QString()},
            {QStringLiteral("ginfo"), ginfoText(b)},
            {QStringLiteral("steps"), steps},
            {QStringLiteral("warnings"), QJsonArray::fromStringList(imported.warnings)}};
}

void printJson(const catalog::ClonerImport &r, const QString &store)
{
    QJsonArray boards, skipped;
    for (const catalog::ImportedBoard &b : r.boards)
        boards.append(boardJson(b));
    for (const catalog::SkippedBoard &s : r.skipped)
        skipped.append(
            QJsonObject{{QStringLiteral("config"), s.config}, {QStringLiteral("reason"), s.reason}});
    const QJsonObject o{{QStringLiteral("event"), QStringLiteral("import")},
                        {QStringLiteral("ok"), true},
                        {QStringLiteral("source"), r.source},
                        {QStringLiteral("version"), r.version},
                        {QStringLiteral("store"), store},
                        {QStringLiteral("boards"), boards},
                        {QStringLiteral("skipped"), skipped},
                        {QStringLiteral("flashParts"), int(r.flash.size())},
                        {QStringLiteral("flashSkipped"), QJsonArray::fromStringList(r.flashSkipped)},
                        {QStringLiteral("warnings"), QJsonArray::fromStringList(r.warnings)}};
    out(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
}

void printHuman(const catalog::ClonerImport &r, const QString &store)
{
    out(QStringLiteral("Imported %1 board profile(s) from %2%3 into %4:\n")
            .arg(r.boards.size())
            .arg(QDir::toNativeSeparators(r.source),
                 r.version.isEmpty() ? QString() : QStringLiteral(" (Ingenic USB Cloner %1)").arg(r.version),
                 QDir::toNativeSeparators(store)));
    for (const catalog::ImportedBoard &imported : r.boards) {
        const catalog::BoardProfile &b = imported.board;
        out(QStringLiteral("  %1 %2 %3 %4 step(s), ginfo %5\n")
                .arg(b.name, -32)
                .arg(b.chip, -6)
                .arg(QLatin1String(catalog::storageKindName(b.storage)), -5)
                .arg(b.steps.size())
                .arg(ginfoText(b)));
        for (const QString &w : imported.warnings)
            out(QStringLiteral("      note: %1\n").arg(w));
    }
    if (!r.skipped.isEmpty())
        out(QStringLiteral("Skipped %1 profile(s):\n").arg(r.skipped.size()));
    for (const catalog::SkippedBoard &s : r.skipped)
        out(QStringLiteral("  %1\n").arg(
            QString(s.reason.startsWith(s.config) ? s.reason : s.config + QStringLiteral(": ") + s.reason)
                .replace(QLatin1Char('\n'), QStringLiteral("\n    "))));
    out(QStringLiteral("SPI NOR parts: %1 imported from configs/spiflashinfo.cfg, %2 skipped\n")
            .arg(r.flash.size())
            .arg(r.flashSkipped.size()));
    for (const QString &s : r.flashSkipped)
        out(QStringLiteral("  %1\n").arg(s));
    for (const QString &w : r.warnings)
        out(QStringLiteral("note: %1\n").arg(w));
    if (!r.boards.isEmpty())
        out(QStringLiteral("Use a board with --board, e.g. `opencloner-cli info %1`.\n")
                .arg(r.boards.first().board.name));
}

int fail(const Error &error, OutputMode mode)
{
    return reportFailure(mode, error);
}

} // namespace

int runImportCommand(const ImportCommand &command)
{
    if (command.args.size() != 1) {
        std::fputs("opencloner-cli: `import` takes one path: your Ingenic USB Cloner folder or a bundle "
                   "(.zip / .ingenic)\nTry `opencloner-cli --help`.\n",
                   stderr);
        return exitCodeFor(ErrorCode::InvalidArgument);
    }
    const QString store = command.storeDir.isEmpty() ? catalog::ImportStore::defaultDir() : command.storeDir;
    const QStringList extra =
        QFileInfo(command.storeDir).isDir() ? QStringList{command.storeDir} : QStringList();
    const auto catalog = catalog::Catalog::load(extra);
    if (!catalog)
        return fail(catalog.error(), command.mode);
    catalog::ImportStore importStore(store);
    const auto imported = importStore.importAndSave(*catalog, command.args.first());
    if (!imported)
        return fail(imported.error(), command.mode);
    if (command.mode == OutputMode::Json)
        printJson(*imported, store);
    else
        printHuman(*imported, store);
    return 0;
}

} // namespace oc::cli
