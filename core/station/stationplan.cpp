#include "stationplan.h"

#include "core/catalog/jsonreader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStringList>

namespace oc::station {

namespace {

using catalog::JsonReader;
using catalog::Need;

const QLatin1String FormatName("opencloner-station");
constexpr qint64 MaxPlanBytes = 1 << 20; // a plan is a few hundred bytes; anything huge is not one
constexpr qint64 MaxOffset = qint64(1) << 53;

QString resolved(const QString &path, const QString &baseDir)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path))
        return path;
    return QDir::cleanPath(QDir(baseDir).absoluteFilePath(path));
}

bool isSha256Hex(const QString &text)
{
    if (text.size() != 64)
        return false;
    for (QChar c : text) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
              (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

Error planError(const QString &message)
{
    return makeError(ErrorCode::InputFile, message);
}

void readFormat(JsonReader &reader, const QJsonObject &root)
{
    const auto format = reader.string(root, QString(), QStringLiteral("format"));
    if (format && *format != FormatName)
        reader.fail(QStringLiteral("format"),
                    QStringLiteral("\"%1\" is not a station plan; expected \"%2\"").arg(*format, FormatName));
    const auto version = reader.integer(root, QString(), QStringLiteral("formatVersion"), 0, 1000000);
    if (version && *version != StationPlanFormatVersion)
        reader.fail(QStringLiteral("formatVersion"),
                    QStringLiteral("unsupported version %1; this OpenCloner reads version %2 (was the plan "
                                   "written by a newer version?)")
                        .arg(*version)
                        .arg(StationPlanFormatVersion));
}

QString optionalString(JsonReader &reader, const QJsonObject &root, const char *key)
{
    return reader.string(root, QString(), QLatin1String(key), Need::Optional).value_or(QString());
}

} // namespace

Result<StationPlan> StationPlan::fromJson(const QByteArray &json, const QString &baseDir)
{
    JsonReader reader(QStringLiteral("station plan"));
    const auto root = reader.parseObject(json);
    if (!root)
        return planError(reader.errors().join(QLatin1Char('\n')));
    reader.rejectUnknownKeys(*root, QString(),
                             {QStringLiteral("format"), QStringLiteral("formatVersion"),
                              QStringLiteral("name"), QStringLiteral("board"), QStringLiteral("firmware"),
                              QStringLiteral("package"), QStringLiteral("packageSha256"),
                              QStringLiteral("image"), QStringLiteral("offset"), QStringLiteral("verify"),
                              QStringLiteral("station"), QStringLiteral("records")});
    readFormat(reader, *root);
    StationPlan plan;
    plan.name = reader.string(*root, QString(), QStringLiteral("name")).value_or(QString());
    plan.board = reader.string(*root, QString(), QStringLiteral("board")).value_or(QString());
    plan.firmware = resolved(optionalString(reader, *root, "firmware"), baseDir);
    plan.package = resolved(optionalString(reader, *root, "package"), baseDir);
    plan.packageSha256 = optionalString(reader, *root, "packageSha256").toLower();
    plan.image = resolved(optionalString(reader, *root, "image"), baseDir);
    plan.offset = quint64(
        reader.integer(*root, QString(), QStringLiteral("offset"), 0, MaxOffset, Need::Optional).value_or(0));
    plan.verify = reader.boolean(*root, QString(), QStringLiteral("verify"), Need::Optional).value_or(true);
    plan.station = optionalString(reader, *root, "station");
    plan.records = resolved(optionalString(reader, *root, "records"), baseDir);
    if (root->contains(QStringLiteral("offset")) && !plan.package.isEmpty())
        reader.fail(QStringLiteral("offset"),
                    QStringLiteral("an offset belongs to an image; a package places its own partitions"));
    if (!reader.ok())
        return planError(reader.errors().join(QLatin1Char('\n')));
    OC_TRY_CTX(plan.validate(), QStringLiteral("station plan"));
    return plan;
}

Result<StationPlan> StationPlan::load(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return planError(
            QStringLiteral("cannot read the station plan %1: %2").arg(shown, file.errorString()));
    if (file.size() > MaxPlanBytes)
        return planError(
            QStringLiteral("%1 is too large to be a station plan (%2 bytes)").arg(shown).arg(file.size()));
    const QByteArray json = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return planError(
            QStringLiteral("cannot read the station plan %1: %2").arg(shown, file.errorString()));
    return fromJson(json, QFileInfo(path).absolutePath()).context(shown);
}

QByteArray StationPlan::toJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("format"), FormatName);
    object.insert(QStringLiteral("formatVersion"), StationPlanFormatVersion);
    object.insert(QStringLiteral("name"), name);
    object.insert(QStringLiteral("board"), board);
    if (!firmware.isEmpty())
        object.insert(QStringLiteral("firmware"), firmware);
    if (!package.isEmpty())
        object.insert(QStringLiteral("package"), package);
    if (!packageSha256.isEmpty())
        object.insert(QStringLiteral("packageSha256"), packageSha256);
    if (!image.isEmpty()) {
        object.insert(QStringLiteral("image"), image);
        object.insert(QStringLiteral("offset"), QString(QStringLiteral("0x") + QString::number(offset, 16)));
    }
    object.insert(QStringLiteral("verify"), verify);
    if (!station.isEmpty())
        object.insert(QStringLiteral("station"), station);
    if (!records.isEmpty())
        object.insert(QStringLiteral("records"), records);
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

Status StationPlan::save(const QString &path) const
{
    OC_TRY(validate());
    const QString shown = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return planError(
            QStringLiteral("cannot write the station plan %1: %2").arg(shown, file.errorString()));
    const QByteArray json = toJson();
    if (file.write(json) != json.size() || !file.commit())
        return planError(
            QStringLiteral("cannot write the station plan %1: %2").arg(shown, file.errorString()));
    return {};
}

Status StationPlan::validate() const
{
    QStringList problems;
    if (name.trimmed().isEmpty())
        problems << QStringLiteral("name: missing; give the plan a name for the lanes and the records");
    if (board.trimmed().isEmpty())
        problems << QStringLiteral("board: missing; name a board profile (opencloner-cli info)");
    if (package.isEmpty() == image.isEmpty())
        problems << QStringLiteral(
                        "package, image: a plan flashes exactly one package or one image, found %1")
                        .arg(package.isEmpty() ? QStringLiteral("neither") : QStringLiteral("both"));
    if (!verify)
        problems << QStringLiteral("verify: a production plan always verifies; set \"verify\": true");
    if (!packageSha256.isEmpty() && !isSha256Hex(packageSha256))
        problems
            << QStringLiteral("packageSha256: \"%1\" is not 64 lower-case hex digits").arg(packageSha256);
    if (problems.isEmpty())
        return {};
    return planError(problems.join(QLatin1Char('\n')));
}

Result<QString> fileSha256(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return planError(QStringLiteral("cannot read %1: %2").arg(shown, file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file) || file.error() != QFileDevice::NoError)
        return planError(QStringLiteral("cannot read %1: %2").arg(shown, file.errorString()));
    return QString::fromLatin1(hash.result().toHex());
}

Status checkPinnedPackage(const StationPlan &plan)
{
    if (plan.packageSha256.isEmpty())
        return {};
    const QString file = plan.usesPackage() ? plan.package : plan.image;
    const Result<QString> actual = fileSha256(file);
    if (!actual)
        return Error(actual.error()).withContext(QStringLiteral("the pinned firmware"));
    if (*actual != plan.packageSha256)
        return planError(QStringLiteral("%1 has changed since the plan was locked (sha256 %2 "
                                        "expected %3): ask the engineer to lock it again")
                             .arg(QDir::toNativeSeparators(file), *actual, plan.packageSha256));
    return {};
}

} // namespace oc::station
