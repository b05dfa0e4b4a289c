#include "clonerimport.h"

#include "../util/logging.h"
#include "boardjson.h"
#include "catalog.h"
#include "clonerboardreader.h"
#include "clonerginfo.h"
#include "clonerini.h"
#include "jsonreader.h"
#include "spiflashinfo.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace oc::catalog {

namespace {

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

bool isInstallation(const QString &dir)
{
    return QFileInfo(QDir(dir).filePath(QStringLiteral("configs"))).isDir() &&
           QFileInfo(QDir(dir).filePath(QStringLiteral("firmwares"))).isDir();
}

// A catalog name from a file or folder name: lowercase, other characters folded to '_'.
QString catalogName(const QString &text)
{
    static const QRegularExpression invalid(QStringLiteral("[^a-z0-9_.-]"));
    QString name = text.toLower().replace(invalid, QStringLiteral("_"));
    while (!name.isEmpty() && !name[0].isLetterOrNumber())
        name.remove(0, 1);
    return name.isEmpty() ? QStringLiteral("board") : name;
}

// The checks a stored profile will meet when the catalog loads it, run now so a profile that would
// break the catalog is skipped with the reason instead.
Status validate(const BoardProfile &board, const ChipProfile &chip)
{
    JsonReader reader(board.name + QStringLiteral(".json"));
    BoardProfile parsed = BoardProfile::fromJson(reader, boardToJson(board));
    if (!reader.ok())
        return reader.error();
    parsed.sourceFile = board.name + QStringLiteral(".json");
    return parsed.checkAgainst(chip);
}

class FolderImport
{
public:
    FolderImport(const Catalog &catalog, ClonerImport &result)
        : m_catalog(catalog)
        , m_result(result)
    {}

    void readInstallationFiles();
    void importChipDir(const QString &chipDir);

private:
    QString uniqueName(const QString &chipDir, const QString &file);
    void skip(const QString &config, const QString &reason)
    {
        m_result.skipped.append(SkippedBoard{config, reason});
    }

    const Catalog &m_catalog;
    ClonerImport &m_result;
    QSet<QString> m_names;
    int m_files = 0;
};

void FolderImport::readInstallationFiles()
{
    const QDir root(m_result.root);
    const QString platforms = root.filePath(QStringLiteral("configs/platforms.cfg"));
    if (QFileInfo::exists(platforms)) {
        if (auto ini = ClonerIni::load(platforms, QStringLiteral("configs/platforms.cfg")))
            m_result.version =
                ini->valueOr(QStringLiteral("version"), QStringLiteral("value"), QString()).trimmed();
        else
            m_result.warnings << ini.error().message;
    }
    const QString flash = root.filePath(QStringLiteral("configs/spiflashinfo.cfg"));
    if (!QFileInfo::exists(flash)) {
        m_result.warnings << QStringLiteral("configs/spiflashinfo.cfg is missing: no SPI NOR parts imported");
        return;
    }
    auto ini = ClonerIni::load(flash, QStringLiteral("configs/spiflashinfo.cfg"));
    auto records = ini ? importSpiFlashInfo(*ini) : Result<SpiFlashInfoImport>(std::move(ini).error());
    if (!records) {
        m_result.warnings << records.error().message;
        return;
    }
    m_result.flash = records->records;
    m_result.flashSkipped = records->skipped;
}

QString FolderImport::uniqueName(const QString &chipDir, const QString &file)
{
    QString name = catalogName(QFileInfo(file).completeBaseName());
    const BoardProfile *existing = m_catalog.board(name);
    // Never take over a hand-written board or one imported from another installation.
    if (m_names.contains(name) ||
        (existing && (!existing->origin || existing->origin->source != m_result.root)))
        name = catalogName(chipDir) + QLatin1Char('-') + name;
    const QString base = name;
    for (int n = 2; m_names.contains(name); ++n)
        name = base + QLatin1Char('-') + QString::number(n);
    m_names.insert(name);
    return name;
}

void FolderImport::importChipDir(const QString &chipDir)
{
    const QDir configs(QDir(m_result.root).filePath(QStringLiteral("configs/") + chipDir));
    const QStringList files =
        configs.entryList({QStringLiteral("*.cfg"), QStringLiteral("*.CFG")}, QDir::Files, QDir::Name);
    const QString firmware = QStringLiteral("firmwares/%1/config.cfg").arg(chipDir);
    auto chipIni = ClonerIni::load(QDir(m_result.root).filePath(firmware), firmware);
    auto chipConfig =
        chipIni ? ClonerChipConfig::fromIni(*chipIni) : Result<ClonerChipConfig>(std::move(chipIni).error());
    const ChipProfile *chip = m_catalog.chip(catalogName(chipDir));
    for (const QString &file : files) {
        const QString relative = QStringLiteral("configs/%1/%2").arg(chipDir, file);
        if (++m_files > ClonerImporter::MaxBoardFiles) {
            skip(relative, QStringLiteral("more than %1 board files; the rest is ignored")
                               .arg(ClonerImporter::MaxBoardFiles));
            return;
        }
        if (!chip) {
            skip(relative,
                 QStringLiteral("OpenCloner has no chip profile for \"%1\" (a configs/ folder is named after "
                                "its chip)")
                     .arg(chipDir));
            continue;
        }
        if (!chipConfig) {
            skip(relative, chipConfig.error().message);
            continue;
        }
        auto cfg = ClonerIni::load(configs.filePath(file), relative);
        if (!cfg) {
            skip(relative, cfg.error().message);
            continue;
        }
        ClonerBoardReader::Context context{m_result.root, chipDir, m_result.version, chip, &*chipConfig};
        ClonerBoardReader reader(context, *cfg, relative);
        const QString name = uniqueName(chipDir, file);
        auto board = reader.read(name);
        const Status valid = board ? validate(board->board, *chip) : Status(board.error());
        if (!valid) {
            m_names.remove(name);
            skip(relative, valid.error().message);
            continue;
        }
        qCDebug(lcCatalog) << "imported" << relative << "as" << board->board.name;
        m_result.boards.append(std::move(board).value());
    }
}

} // namespace

Result<QString> findClonerRoot(const QString &dir)
{
    const QFileInfo info(dir);
    if (!info.isDir())
        return makeError(
            ErrorCode::InputFile,
            QStringLiteral("%1 is not a folder; choose the folder of your Ingenic USB Cloner installation "
                           "(the one holding configs/ and firmwares/) or a Cloner bundle")
                .arg(native(dir)));
    if (isInstallation(dir))
        return QDir(dir).absolutePath();
    const QStringList children = QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    if (children.size() == 1 && isInstallation(QDir(dir).filePath(children.first())))
        return QDir(QDir(dir).filePath(children.first())).absolutePath();
    return makeError(
        ErrorCode::InputFile,
        QStringLiteral("%1 is not an Ingenic USB Cloner installation: it has no configs/ and firmwares/ "
                       "folders")
            .arg(native(dir)));
}

ClonerImporter::ClonerImporter(const Catalog &catalog)
    : m_catalog(catalog)
{}

Result<ClonerImport> ClonerImporter::importFolder(const QString &dir, const QString &source) const
{
    auto root = findClonerRoot(dir);
    if (!root)
        return std::move(root).error();
    ClonerImport result;
    result.root = *root;
    result.source = source.isEmpty() ? *root : source;
    FolderImport folder(m_catalog, result);
    folder.readInstallationFiles();
    const QStringList chipDirs = QDir(QDir(*root).filePath(QStringLiteral("configs")))
                                     .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &chipDir : chipDirs)
        folder.importChipDir(chipDir);
    if (result.boards.isEmpty()) {
        QStringList reasons;
        for (const SkippedBoard &s : std::as_const(result.skipped))
            reasons << (s.reason.startsWith(s.config) ? s.reason
                                                      : QStringLiteral("%1: %2").arg(s.config, s.reason));
        return makeError(ErrorCode::Profile,
                         QStringLiteral("no board profile of %1 could be imported%2%3")
                             .arg(native(result.source),
                                  reasons.isEmpty() ? QStringLiteral(" (configs/ has no board "
                                                                     ".cfg files)")
                                                    : QStringLiteral(":\n"),
                                  reasons.join(QLatin1Char('\n'))));
    }
    return result;
}

} // namespace oc::catalog
