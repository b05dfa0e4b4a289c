#include "catalog.h"

#include "../util/logging.h"
#include "importstore.h"
#include "jsonreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>

namespace oc::catalog {

namespace {

constexpr qint64 MaxCatalogFileSize = 4 * 1024 * 1024; // catalog files are a few KiB

bool isValidName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9_.-]*$"));
    return pattern.match(name).hasMatch();
}

} // namespace

// Reads catalog roots into a Catalog, collecting every problem of every file.
class CatalogLoader
{
public:
    explicit CatalogLoader(Catalog &catalog)
        : m_catalog(catalog)
    {}

    void loadRoot(const QString &root);
    void finish();
    const QStringList &errors() const { return m_errors; }

private:
    std::optional<QJsonObject> readFile(const QString &path, JsonReader &reader);
    QString displayPath(const QString &path) const;
    void checkName(JsonReader &reader, const QString &name, const QString &path);
    void loadChips(const QString &root);
    void loadBoards(const QString &root);
    void loadFlash(const QString &root);
    void indexChipNames();
    void resolveBoard(BoardProfile &board);

    Catalog &m_catalog;
    QStringList m_errors;
    QMap<QString, QString> m_chipByAnyName; // name or alias -> canonical name
};

QString CatalogLoader::displayPath(const QString &path) const
{
    const QString builtin = QLatin1String(Catalog::BuiltinRoot);
    if (path.startsWith(builtin))
        return QStringLiteral("<built-in>") + path.mid(builtin.size());
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}

std::optional<QJsonObject> CatalogLoader::readFile(const QString &path, JsonReader &reader)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        reader.fail(QStringLiteral("(file)"), QStringLiteral("cannot read: %1").arg(file.errorString()));
        return std::nullopt;
    }
    if (file.size() > MaxCatalogFileSize) {
        reader.fail(QStringLiteral("(file)"),
                    QStringLiteral("%1 bytes is far too large for a catalog file; is "
                                   "this the right file?")
                        .arg(file.size()));
        return std::nullopt;
    }
    return reader.parseObject(file.readAll());
}

void CatalogLoader::checkName(JsonReader &reader, const QString &name, const QString &path)
{
    const QString expected = QFileInfo(path).completeBaseName();
    if (!isValidName(name))
        reader.fail(QStringLiteral("name"),
                    QStringLiteral("\"%1\" must be lowercase letters, digits, '_', '-' "
                                   "or '.'")
                        .arg(name));
    else if (name != expected)
        reader.fail(QStringLiteral("name"),
                    QStringLiteral("\"%1\" does not match the file name; rename the file "
                                   "to %1.json or change the name to \"%2\"")
                        .arg(name, expected));
}

void CatalogLoader::loadChips(const QString &root)
{
    const QDir dir(root + QStringLiteral("/chips"));
    for (const QString &fileName : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QString path = dir.filePath(fileName);
        JsonReader reader(displayPath(path));
        if (const auto object = readFile(path, reader)) {
            ChipProfile chip = ChipProfile::fromJson(reader, *object);
            checkName(reader, chip.name, path);
            chip.sourceFile = reader.displayName();
            if (reader.ok()) {
                if (const auto old = m_catalog.m_chips.constFind(chip.name);
                    old != m_catalog.m_chips.constEnd())
                    m_catalog.m_warnings.append(
                        QStringLiteral("%1 overrides %2").arg(chip.sourceFile, old->sourceFile));
                m_catalog.m_chips.insert(chip.name, chip);
            }
        }
        m_errors += reader.errors();
    }
}

void CatalogLoader::loadBoards(const QString &root)
{
    const QDir dir(root + QStringLiteral("/boards"));
    for (const QString &fileName : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QString path = dir.filePath(fileName);
        JsonReader reader(displayPath(path));
        if (const auto object = readFile(path, reader)) {
            BoardProfile board = BoardProfile::fromJson(reader, *object);
            checkName(reader, board.name, path);
            board.sourceFile = reader.displayName();
            if (reader.ok()) {
                if (const auto old = m_catalog.m_boards.constFind(board.name);
                    old != m_catalog.m_boards.constEnd())
                    m_catalog.m_warnings.append(
                        QStringLiteral("%1 overrides %2").arg(board.sourceFile, old->sourceFile));
                m_catalog.m_boards.insert(board.name, board);
            }
        }
        m_errors += reader.errors();
    }
}

void CatalogLoader::loadFlash(const QString &root)
{
    const QString path = root + QStringLiteral("/spinor.json");
    if (!QFileInfo::exists(path))
        return;
    JsonReader reader(displayPath(path));
    if (const auto object = readFile(path, reader)) {
        QStringList warnings;
        const QList<FlashRecord> records = FlashDatabase::parse(reader, *object, warnings);
        if (reader.ok())
            m_catalog.m_flash.add(records);
        m_catalog.m_warnings += warnings;
    }
    m_errors += reader.errors();
}

void CatalogLoader::loadRoot(const QString &root)
{
    const QFileInfo info(root);
    if (!info.isDir()) {
        m_errors.append(QStringLiteral("%1: not a directory; check %2 and the boards directory option")
                            .arg(displayPath(root), QLatin1String(Catalog::EnvironmentVariable)));
        return;
    }
    const QDir dir(root);
    if (!dir.exists(QStringLiteral("chips")) && !dir.exists(QStringLiteral("boards")) &&
        !dir.exists(QStringLiteral("spinor.json")))
        m_catalog.m_warnings.append(
            QStringLiteral("%1 has no chips/, boards/ or spinor.json; nothing loaded from "
                           "it (a boards directory is laid out like boards/ in the "
                           "OpenCloner sources)")
                .arg(displayPath(root)));
    qCDebug(lcCatalog) << "loading catalog root" << root;
    m_catalog.m_roots.append(displayPath(root));
    loadChips(root);
    loadBoards(root);
    loadFlash(root);
}

void CatalogLoader::indexChipNames()
{
    for (const ChipProfile &chip : std::as_const(m_catalog.m_chips)) {
        for (const QString &name : QStringList{chip.name} + chip.aliases) {
            const auto clash = m_chipByAnyName.constFind(name);
            if (clash != m_chipByAnyName.constEnd() && *clash != chip.name)
                m_errors.append(
                    QStringLiteral("%1: aliases: \"%2\" also names chip \"%3\" (%4); every chip name and "
                                   "alias must be unique")
                        .arg(chip.sourceFile, name, *clash, m_catalog.m_chips.value(*clash).sourceFile));
            else if (!isValidName(name))
                m_errors.append(
                    QStringLiteral("%1: aliases: \"%2\" must be lowercase letters, digits, '_', '-' or '.'")
                        .arg(chip.sourceFile, name));
            else
                m_chipByAnyName.insert(name, chip.name);
        }
    }
}

void CatalogLoader::resolveBoard(BoardProfile &board)
{
    const auto canonical = m_chipByAnyName.constFind(board.chip);
    if (canonical == m_chipByAnyName.constEnd()) {
        m_errors.append(
            QStringLiteral("%1: chip: unknown chip \"%2\"; use one of: %3 — or add chips/%2.json to "
                           "your boards directory")
                .arg(board.sourceFile, board.chip, m_catalog.m_chips.keys().join(QStringLiteral(", "))));
        return;
    }
    board.chip = *canonical;
    const ChipProfile &chip = m_catalog.m_chips[board.chip];
    if (board.vendorFiles.dir.isEmpty())
        board.vendorFiles.dir = chip.name;
    if (const Status status = board.checkAgainst(chip); !status)
        m_errors += status.error().message.split(QLatin1Char('\n'));
}

void CatalogLoader::finish()
{
    indexChipNames();
    for (BoardProfile &board : m_catalog.m_boards)
        resolveBoard(board);
    m_catalog.m_warnings += m_catalog.m_flash.collisions();
    for (const QString &warning : std::as_const(m_catalog.m_warnings))
        qCInfo(lcCatalog).noquote() << warning;
}

Result<Catalog> Catalog::loadRoots(const QStringList &roots)
{
    Catalog catalog;
    CatalogLoader loader(catalog);
    for (const QString &root : roots)
        loader.loadRoot(root);
    loader.finish();
    if (!loader.errors().isEmpty())
        return makeError(ErrorCode::Profile, QStringLiteral("the board catalog has %1 problem(s):\n%2")
                                                 .arg(loader.errors().size())
                                                 .arg(loader.errors().join(QLatin1Char('\n'))));
    return catalog;
}

QStringList Catalog::userDirs(const QStringList &extraDirs)
{
    QStringList dirs;
    // Imported Cloner profiles first, so the user's own directories can still override them.
    if (const QString store = ImportStore::defaultDir(); QFileInfo(store).isDir())
        dirs.append(store);
    const QString fromEnvironment = qEnvironmentVariable(EnvironmentVariable);
    for (const QString &dir : fromEnvironment.split(QDir::listSeparator(), Qt::SkipEmptyParts))
        dirs.append(dir);
    return dirs + extraDirs;
}

Result<Catalog> Catalog::load(const QStringList &extraDirs)
{
    return loadRoots(QStringList{QLatin1String(BuiltinRoot)} + userDirs(extraDirs));
}

const ChipProfile *Catalog::chip(const QString &nameOrAlias) const
{
    if (const auto it = m_chips.constFind(nameOrAlias); it != m_chips.constEnd())
        return &*it;
    for (const ChipProfile &chip : m_chips) {
        if (chip.aliases.contains(nameOrAlias))
            return &chip;
    }
    return nullptr;
}

const BoardProfile *Catalog::board(const QString &name) const
{
    const auto it = m_boards.constFind(name);
    return it == m_boards.constEnd() ? nullptr : &*it;
}

QList<const ChipProfile *> Catalog::chips() const
{
    QList<const ChipProfile *> result;
    for (const ChipProfile &chip : m_chips)
        result.append(&chip);
    return result;
}

QList<const BoardProfile *> Catalog::boards() const
{
    QList<const BoardProfile *> result;
    for (const BoardProfile &board : m_boards)
        result.append(&board);
    return result;
}

QList<const BoardProfile *> Catalog::boardsForChip(const QString &nameOrAlias) const
{
    QList<const BoardProfile *> result;
    const ChipProfile *wanted = chip(nameOrAlias);
    for (const BoardProfile &board : m_boards) {
        if (wanted && board.chip == wanted->name)
            result.append(&board);
    }
    return result;
}

const ChipProfile &Catalog::chipOf(const BoardProfile &board) const
{
    const ChipProfile *found = chip(board.chip);
    Q_ASSERT_X(found, "Catalog::chipOf", "a loaded catalog resolves every board's chip");
    return *found;
}

QList<const ChipProfile *> Catalog::chipsByUsbId(quint16 vid, quint16 pid) const
{
    QList<const ChipProfile *> result;
    for (const ChipProfile &chip : m_chips) {
        if (chip.usbIds.contains(UsbId{vid, pid}))
            result.append(&chip);
    }
    std::stable_sort(result.begin(), result.end(), [](const ChipProfile *a, const ChipProfile *b) {
        return a->evidenceFor(QStringLiteral("usb")).mark < b->evidenceFor(QStringLiteral("usb")).mark;
    });
    return result;
}

QList<const ChipProfile *> Catalog::chipsByRomString(const QByteArray &answer) const
{
    QList<const ChipProfile *> result;
    for (const ChipProfile &chip : m_chips) {
        if (chip.romStringKnown() && chip.matchesRomString(answer))
            result.append(&chip);
    }
    return result;
}

QList<UsbId> Catalog::knownUsbIds() const
{
    QList<UsbId> ids;
    for (const ChipProfile &chip : m_chips) {
        for (const UsbId &id : chip.usbIds) {
            if (!ids.contains(id))
                ids.append(id);
        }
    }
    std::sort(ids.begin(), ids.end(), [](const UsbId &a, const UsbId &b) {
        return (quint32(a.vid) << 16 | a.pid) < (quint32(b.vid) << 16 | b.pid);
    });
    return ids;
}

} // namespace oc::catalog
