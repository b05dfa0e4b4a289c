#include "manifest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace oc::pkg {

namespace {

constexpr char FormatName[] = "opencloner-package";
constexpr qint64 MaxJsonInteger = qint64(1) << 53;
const QStringList EraseModes = {QStringLiteral("none"), QStringLiteral("lazy"), QStringLiteral("init"),
                                QStringLiteral("chip")};
const QStringList TopKeys = {
    QStringLiteral("format"),  QStringLiteral("formatVersion"), QStringLiteral("name"),
    QStringLiteral("version"), QStringLiteral("description"),   QStringLiteral("targets"),
    QStringLiteral("erase"),   QStringLiteral("verify"),        QStringLiteral("bootLast"),
    QStringLiteral("reboot"),  QStringLiteral("steps"),         QStringLiteral("createdBy")};
const QStringList StepKeys = {
    QStringLiteral("op"),          QStringLiteral("label"),     QStringLiteral("file"),
    QStringLiteral("output"),      QStringLiteral("partition"), QStringLiteral("offset"),
    QStringLiteral("length"),      QStringLiteral("size"),      QStringLiteral("imageSize"),
    QStringLiteral("compression"), QStringLiteral("sha256")};

QString hex(quint64 v)
{
    return QStringLiteral("0x%1").arg(v, 0, 16);
}

// Collects every problem of one manifest, each prefixed with where it is ("steps[2].offset").
class Checker
{
public:
    QStringList problems;

    void fail(const QString &path, const QString &what)
    {
        problems << QStringLiteral("%1: %2").arg(path, what);
    }

    std::optional<QString> text(const QJsonObject &o, const QString &path, const QString &key, bool required,
                                int maxLength = 1000)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined()) {
            if (required)
                fail(path + key, QStringLiteral("missing"));
            return std::nullopt;
        }
        if (!v.isString() || v.toString().size() > maxLength) {
            fail(path + key, QStringLiteral("must be text of at most %1 characters").arg(maxLength));
            return std::nullopt;
        }
        return v.toString();
    }

    std::optional<bool> flag(const QJsonObject &o, const QString &path, const QString &key)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isBool()) {
            fail(path + key, QStringLiteral("must be true or false"));
            return std::nullopt;
        }
        return v.toBool();
    }

    std::optional<quint64> number(const QJsonObject &o, const QString &path, const QString &key, quint64 max)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return std::nullopt;
        std::optional<quint64> value;
        if (v.isDouble()) {
            const double d = v.toDouble();
            if (d >= 0 && d < double(MaxJsonInteger) && d == double(qint64(d)))
                value = quint64(d);
        } else if (v.isString() && v.toString().startsWith(QLatin1String("0x"))) {
            bool ok = false;
            const quint64 n = v.toString().mid(2).toULongLong(&ok, 16);
            if (ok && v.toString().size() > 2)
                value = n;
        }
        if (!value || *value > max) {
            fail(
                path + key,
                QStringLiteral("must be a whole number from 0 to %1 (decimal, or \"0x\" hex)").arg(hex(max)));
            return std::nullopt;
        }
        return value;
    }

    QStringList names(const QJsonObject &o, const QString &path, const QString &key)
    {
        QStringList list;
        const QJsonValue v = o.value(key);
        if (v.isUndefined())
            return list;
        if (!v.isArray() || v.toArray().size() > 256) {
            fail(path + key, QStringLiteral("must be a list of at most 256 names"));
            return list;
        }
        for (const QJsonValue &item : v.toArray()) {
            if (!item.isString() || item.toString().isEmpty() || item.toString().size() > 100)
                fail(path + key, QStringLiteral("every entry must be a name of 1 to 100 characters"));
            else
                list << item.toString();
        }
        return list;
    }

    void unknownKeys(const QJsonObject &o, const QString &path, const QStringList &known)
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!known.contains(it.key()))
                fail(path + it.key(), QStringLiteral("unknown key (made by a newer OpenCloner?)"));
        }
    }
};

void readWrite(Checker &c, const QJsonObject &o, const QString &path, ManifestStep &step)
{
    if (auto file = c.text(o, path, QStringLiteral("file"), true, MaxFileNameLength + 1)) {
        step.file = *file;
        if (const QString why = fileNameProblem(step.file); !why.isEmpty())
            c.fail(path + QStringLiteral("file"), why);
    }
    const auto stored = c.number(o, path, QStringLiteral("size"), MaxImageBytes);
    const auto image = c.number(o, path, QStringLiteral("imageSize"), MaxImageBytes);
    if (!stored || *stored == 0)
        c.fail(path + QStringLiteral("size"), QStringLiteral("missing or 0: the file's size in bytes"));
    step.storedSize = qint64(stored.value_or(0));
    step.imageSize = qint64(image.value_or(stored.value_or(0)));
    if (step.imageSize == 0)
        c.fail(path + QStringLiteral("imageSize"), QStringLiteral("0: nothing to write"));
    const QString compression =
        c.text(o, path, QStringLiteral("compression"), false).value_or(QStringLiteral("none"));
    if (const auto known = compressionFromName(compression))
        step.compression = *known;
    else
        c.fail(path + QStringLiteral("compression"),
               QStringLiteral("'%1' is not none, gzip, xz, zstd or bzip2").arg(compression));
    if (step.compression == Compression::None && step.imageSize != step.storedSize)
        c.fail(path + QStringLiteral("imageSize"),
               QStringLiteral("differs from size for an uncompressed file"));
    const QString digest = c.text(o, path, QStringLiteral("sha256"), true, 64).value_or(QString());
    step.sha256 = QByteArray::fromHex(digest.toLatin1());
    if (digest.size() != 64 || step.sha256.size() != 32 || step.sha256.toHex() != digest.toLower().toLatin1())
        c.fail(path + QStringLiteral("sha256"), QStringLiteral("must be 64 hexadecimal digits"));
}

ManifestStep readStep(Checker &c, const QJsonValue &value, int index)
{
    const QString path = QStringLiteral("steps[%1].").arg(index);
    ManifestStep step;
    if (!value.isObject()) {
        c.fail(path.chopped(1), QStringLiteral("must be an object"));
        return step;
    }
    const QJsonObject o = value.toObject();
    c.unknownKeys(o, path, StepKeys);
    const QString op = c.text(o, path, QStringLiteral("op"), true).value_or(QString());
    if (op == QLatin1String("write"))
        step.op = StepOp::Write;
    else if (op == QLatin1String("read"))
        step.op = StepOp::Read;
    else if (op == QLatin1String("erase"))
        step.op = StepOp::Erase;
    else
        c.fail(path + QStringLiteral("op"), QStringLiteral("'%1' is not write, read or erase").arg(op));
    step.label = c.text(o, path, QStringLiteral("label"), false, 100).value_or(QString());
    step.partition = c.text(o, path, QStringLiteral("partition"), false, 31).value_or(QString());
    step.offset = c.number(o, path, QStringLiteral("offset"), MaxImageBytes);
    step.length = c.number(o, path, QStringLiteral("length"), MaxImageBytes).value_or(0);
    if (!step.offset && step.partition.isEmpty())
        c.fail(path.chopped(1), QStringLiteral("needs an offset or a partition"));
    if (step.op == StepOp::Write) {
        readWrite(c, o, path, step);
    } else if (step.op == StepOp::Read) {
        step.output =
            c.text(o, path, QStringLiteral("output"), true, MaxFileNameLength + 1).value_or(QString());
        if (!step.output.isEmpty() &&
            (step.output.contains(QLatin1Char('/')) || !fileNameProblem(step.output).isEmpty()))
            c.fail(path + QStringLiteral("output"),
                   QStringLiteral("must be a plain file name without folders"));
    }
    if (step.op != StepOp::Write && step.length == 0 && step.partition.isEmpty())
        c.fail(path + QStringLiteral("length"), QStringLiteral("needs a length (or a partition)"));
    return step;
}

} // namespace

const char *stepOpName(StepOp op)
{
    switch (op) {
    case StepOp::Write:
        return "write";
    case StepOp::Read:
        return "read";
    case StepOp::Erase:
        return "erase";
    }
    return "write";
}

QString fileNameProblem(const QString &name)
{
    if (name.isEmpty() || name.size() > MaxFileNameLength)
        return QStringLiteral("a file name must have 1 to %1 characters").arg(MaxFileNameLength);
    if (name.contains(QLatin1Char('\\')))
        return QStringLiteral("'%1' contains a backslash; use '/' between folders").arg(name);
    for (QChar ch : name) {
        if (ch.unicode() < 0x20 || ch.unicode() == 0x7F)
            return QStringLiteral("the file name contains a control character");
    }
    if (name.startsWith(QLatin1Char('/')) || (name.size() > 1 && name[1] == QLatin1Char(':')))
        return QStringLiteral("'%1' is an absolute path; files in a package have relative names").arg(name);
    for (const QString &part : name.split(QLatin1Char('/'))) {
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String(".."))
            return QStringLiteral("'%1' has an empty, '.' or '..' folder part").arg(name);
    }
    if (name == QLatin1String(ManifestName))
        return QStringLiteral("'%1' is the manifest's own name").arg(name);
    return {};
}

namespace {

Result<QJsonObject> parseDocument(const QByteArray &json)
{
    if (json.size() > MaxManifestBytes)
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("manifest.json is larger than %1 bytes").arg(MaxManifestBytes));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("manifest.json is not valid JSON (at byte %1: %2)")
                             .arg(parseError.offset)
                             .arg(parseError.error != QJsonParseError::NoError
                                      ? parseError.errorString()
                                      : QStringLiteral("not an object")));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toString() != QLatin1String(FormatName))
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("manifest.json is not an OpenCloner package manifest"));
    const QJsonValue version = o.value(QStringLiteral("formatVersion"));
    if (version.isDouble() && version.toDouble() > ManifestFormatVersion)
        return makeError(
            ErrorCode::InputFile,
            QStringLiteral("the package was made by a newer OpenCloner (format %1; this one reads %2)")
                .arg(version.toDouble())
                .arg(ManifestFormatVersion));
    return o;
}

void readTop(Checker &c, const QJsonObject &o, Manifest &m)
{
    c.unknownKeys(o, QString(), TopKeys);
    c.number(o, QString(), QStringLiteral("formatVersion"), quint64(ManifestFormatVersion));
    m.name = c.text(o, QString(), QStringLiteral("name"), true, 200).value_or(QString());
    m.version = c.text(o, QString(), QStringLiteral("version"), false, 100).value_or(QString());
    m.description = c.text(o, QString(), QStringLiteral("description"), false, 4000).value_or(QString());
    m.createdBy = c.text(o, QString(), QStringLiteral("createdBy"), false, 200).value_or(QString());
    const QJsonObject targets = o.value(QStringLiteral("targets")).toObject();
    c.unknownKeys(targets, QStringLiteral("targets."), {QStringLiteral("chips"), QStringLiteral("boards")});
    m.chips = c.names(targets, QStringLiteral("targets."), QStringLiteral("chips"));
    m.boards = c.names(targets, QStringLiteral("targets."), QStringLiteral("boards"));
    m.erase = c.text(o, QString(), QStringLiteral("erase"), false).value_or(QStringLiteral("lazy"));
    m.verify = c.flag(o, QString(), QStringLiteral("verify")).value_or(true);
    m.bootLast = c.flag(o, QString(), QStringLiteral("bootLast")).value_or(false);
    m.reboot = c.flag(o, QString(), QStringLiteral("reboot")).value_or(true);
}

} // namespace

Result<Manifest> Manifest::fromJson(const QByteArray &json)
{
    auto o = parseDocument(json);
    if (!o)
        return std::move(o).error();
    Checker c;
    Manifest m;
    readTop(c, *o, m);
    const QJsonValue steps = o->value(QStringLiteral("steps"));
    if (!steps.isArray() || steps.toArray().isEmpty() || steps.toArray().size() > MaxSteps)
        c.fail(QStringLiteral("steps"), QStringLiteral("must be a list of 1 to %1 steps").arg(MaxSteps));
    else
        for (int i = 0; i < steps.toArray().size(); ++i)
            m.steps.append(readStep(c, steps.toArray().at(i), i));
    if (!c.problems.isEmpty())
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("manifest.json: %1").arg(c.problems.join(QStringLiteral("; "))));
    OC_TRY(m.validate());
    return m;
}

Status Manifest::validate() const
{
    QStringList problems;
    if (name.trimmed().isEmpty())
        problems << QStringLiteral("the package has no name");
    if (!EraseModes.contains(erase))
        problems << QStringLiteral("erase mode '%1' is not none, lazy, init or chip").arg(erase);
    if (steps.isEmpty() || steps.size() > MaxSteps)
        problems << QStringLiteral("a package has 1 to %1 steps").arg(MaxSteps);
    QSet<QString> files;
    QSet<QString> outputs;
    for (int i = 0; i < steps.size(); ++i) {
        const ManifestStep &s = steps[i];
        if (s.op == StepOp::Write) {
            if (const QString why = fileNameProblem(s.file); !why.isEmpty())
                problems << QStringLiteral("step %1: %2").arg(i + 1).arg(why);
            if (files.contains(s.file))
                problems << QStringLiteral("step %1: %2 is listed twice").arg(i + 1).arg(s.file);
            files.insert(s.file);
        } else if (s.op == StepOp::Read) {
            if (outputs.contains(s.output))
                problems << QStringLiteral("step %1: two steps save into %2").arg(i + 1).arg(s.output);
            outputs.insert(s.output);
        }
    }
    if (problems.isEmpty())
        return {};
    return makeError(ErrorCode::InputFile,
                     QStringLiteral("manifest.json: %1").arg(problems.join(QStringLiteral("; "))));
}

QByteArray Manifest::toJson() const
{
    QJsonArray list;
    for (const ManifestStep &s : steps) {
        QJsonObject o{{QStringLiteral("op"), QLatin1String(stepOpName(s.op))}};
        if (!s.label.isEmpty())
            o.insert(QStringLiteral("label"), s.label);
        if (!s.partition.isEmpty())
            o.insert(QStringLiteral("partition"), s.partition);
        if (s.offset)
            o.insert(QStringLiteral("offset"), hex(*s.offset));
        if (s.length)
            o.insert(QStringLiteral("length"), double(s.length));
        if (s.op == StepOp::Write) {
            o.insert(QStringLiteral("file"), s.file);
            o.insert(QStringLiteral("size"), double(s.storedSize));
            o.insert(QStringLiteral("imageSize"), double(s.imageSize));
            o.insert(QStringLiteral("compression"), QLatin1String(compressionName(s.compression)));
            o.insert(QStringLiteral("sha256"), QString::fromLatin1(s.sha256.toHex()));
        } else if (s.op == StepOp::Read) {
            o.insert(QStringLiteral("output"), s.output);
        }
        list.append(o);
    }
    QJsonObject root{{QStringLiteral("format"), QLatin1String(FormatName)},
                     {QStringLiteral("formatVersion"), ManifestFormatVersion},
                     {QStringLiteral("name"), name},
                     {QStringLiteral("targets"),
                      QJsonObject{{QStringLiteral("chips"), QJsonArray::fromStringList(chips)},
                                  {QStringLiteral("boards"), QJsonArray::fromStringList(boards)}}},
                     {QStringLiteral("erase"), erase},
                     {QStringLiteral("verify"), verify},
                     {QStringLiteral("bootLast"), bootLast},
                     {QStringLiteral("reboot"), reboot},
                     {QStringLiteral("steps"), list}};
    if (!version.isEmpty())
        root.insert(QStringLiteral("version"), version);
    if (!description.isEmpty())
        root.insert(QStringLiteral("description"), description);
    if (!createdBy.isEmpty())
        root.insert(QStringLiteral("createdBy"), createdBy);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace oc::pkg
