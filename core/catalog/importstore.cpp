#include "importstore.h"

#include "boardjson.h"
#include "clonerbundle.h"
#include "jsonreader.h"
#include "spiflashinfo.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

namespace oc::catalog {

namespace {

const QString Sources = QStringLiteral("sources.json");
const QString Spinor = QStringLiteral("spinor.json");

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

Result<QJsonObject> readJson(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return QJsonObject();
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("cannot read %1: %2").arg(native(path), file.errorString()));
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(16 * 1024 * 1024), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorCode::Profile,
                         QStringLiteral("%1 is damaged (%2); move it away and import again")
                             .arg(native(path), error.errorString()));
    return doc.object();
}

Status writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("cannot write %1: %2").arg(native(path), file.errorString()));
    return {};
}

// spinor.json of the store with `records` merged in: a record replaces the one with its name.
QJsonObject mergedSpinor(const QJsonObject &existing, const QList<FlashRecord> &records)
{
    QJsonArray chips = existing.value(QStringLiteral("chips")).toArray();
    for (const FlashRecord &record : records) {
        const QJsonObject json = flashRecordToJson(record);
        bool replaced = false;
        for (qsizetype i = 0; i < chips.size() && !replaced; ++i) {
            if (chips[i]
                    .toObject()
                    .value(QStringLiteral("name"))
                    .toString()
                    .compare(record.chip.name, Qt::CaseInsensitive) == 0) {
                chips[i] = json;
                replaced = true;
            }
        }
        if (!replaced)
            chips.append(json);
    }
    return {{QStringLiteral("schema"), CatalogSchema}, {QStringLiteral("chips"), chips}};
}

QString bundleFolderName(const QString &bundle)
{
    static const QRegularExpression invalid(QStringLiteral("[^a-z0-9_.-]"));
    const QByteArray id =
        QCryptographicHash::hash(QFileInfo(bundle).absoluteFilePath().toUtf8(), QCryptographicHash::Sha1);
    return QFileInfo(bundle).completeBaseName().toLower().replace(invalid, QStringLiteral("_")) +
           QLatin1Char('-') + QString::fromLatin1(id.toHex().left(8));
}

// Removes the folders in `created` that are still empty (rmdir fails on anything else).
void removeIfEmpty(const QStringList &created)
{
    for (auto it = created.crbegin(); it != created.crend(); ++it)
        QDir().rmdir(*it);
}

} // namespace

QString ImportStore::defaultDir()
{
    const QString fromEnvironment = qEnvironmentVariable(EnvironmentVariable);
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("OpenCloner/imported"));
}

ImportStore::ImportStore(QString dir)
    : m_dir(std::move(dir))
{}

QStringList ImportStore::boardsFrom(const QString &source) const
{
    const auto sources = readJson(QDir(m_dir).filePath(Sources));
    if (!sources)
        return {};
    QStringList names;
    for (const QJsonValue &v : sources->value(QStringLiteral("sources"))
                                   .toObject()
                                   .value(source)
                                   .toObject()
                                   .value(QStringLiteral("boards"))
                                   .toArray())
        names << v.toString();
    return names;
}

Result<QStringList> ImportStore::save(const ClonerImport &import)
{
    const QDir dir(m_dir);
    auto spinor = readJson(dir.filePath(Spinor));
    auto sources = readJson(dir.filePath(Sources));
    if (!spinor)
        return std::move(spinor).error();
    if (!sources)
        return std::move(sources).error();
    QStringList names;
    for (const ImportedBoard &b : import.boards)
        names << b.board.name;
    QStringList removed;
    for (const QString &old : boardsFrom(import.root)) {
        if (!names.contains(old))
            removed << old;
    }
    QJsonObject all = sources->value(QStringLiteral("sources")).toObject();
    all.insert(import.root, QJsonObject{{QStringLiteral("given"), import.source},
                                        {QStringLiteral("version"), import.version},
                                        {QStringLiteral("imported"),
                                         QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                                        {QStringLiteral("boards"), QJsonArray::fromStringList(names)}});
    if (!dir.mkpath(QStringLiteral("boards")))
        return makeError(
            ErrorCode::InputFile,
            QStringLiteral("cannot create %1").arg(native(dir.filePath(QStringLiteral("boards")))));
    for (const ImportedBoard &b : import.boards)
        OC_TRY(writeFile(dir.filePath(QStringLiteral("boards/%1.json").arg(b.board.name)),
                         QJsonDocument(boardToJson(b.board)).toJson()));
    if (!import.flash.isEmpty())
        OC_TRY(writeFile(dir.filePath(Spinor), QJsonDocument(mergedSpinor(*spinor, import.flash)).toJson()));
    OC_TRY(
        writeFile(dir.filePath(Sources), QJsonDocument(QJsonObject{{QStringLiteral("schema"), CatalogSchema},
                                                                   {QStringLiteral("sources"), all}})
                                             .toJson()));
    for (const QString &old : std::as_const(removed))
        QFile::remove(dir.filePath(QStringLiteral("boards/%1.json").arg(old)));
    return removed;
}

Result<ClonerImport> ImportStore::importBundle(const Catalog &catalog, const QString &bundle)
{
    const QString bundles = QDir(m_dir).filePath(QStringLiteral("bundles"));
    QStringList created;
    for (const QString &folder : {m_dir, bundles}) {
        if (!QFileInfo::exists(folder))
            created << folder;
    }
    OC_TRY(ClonerBundle::check(bundle)); // a hostile bundle is refused before anything is created
    const QString target = QDir(bundles).filePath(bundleFolderName(bundle));
    const QString staging = target + QStringLiteral(".new");
    QDir(staging).removeRecursively(); // left over by an interrupted import
    Status unpacked = ClonerBundle::extract(bundle, staging);
    Result<ClonerImport> tried = unpacked ? ClonerImporter(catalog).importFolder(staging, bundle)
                                          : Result<ClonerImport>(unpacked.error());
    if (!tried) {
        QDir(staging).removeRecursively();
        removeIfEmpty(created);
        return std::move(tried).error();
    }
    const QString old = target + QStringLiteral(".old");
    QDir(old).removeRecursively();
    if ((QFileInfo::exists(target) && !QDir().rename(target, old)) || !QDir().rename(staging, target))
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("cannot move the unpacked bundle to %1").arg(native(target)));
    QDir(old).removeRecursively();
    auto imported = ClonerImporter(catalog).importFolder(target, bundle);
    if (!imported)
        return std::move(imported).error();
    OC_TRY(save(*imported));
    return imported;
}

Result<ClonerImport> ImportStore::importAndSave(const Catalog &catalog, const QString &path)
{
    const QFileInfo info(path);
    if (info.isFile())
        return ClonerBundle::looksLikeBundle(path)
                   ? importBundle(catalog, info.absoluteFilePath())
                   : Result<ClonerImport>(makeError(
                         ErrorCode::InputFile, QStringLiteral("%1 is a file but not a Cloner bundle (.zip or "
                                                              ".ingenic)")
                                                   .arg(native(path))));
    auto imported = ClonerImporter(catalog).importFolder(path);
    if (!imported)
        return std::move(imported).error();
    OC_TRY(save(*imported));
    return imported;
}

} // namespace oc::catalog
