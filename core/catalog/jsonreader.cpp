#include "jsonreader.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace oc::catalog {

namespace {

constexpr qint64 MaxExactJsonInteger = qint64(1) << 53;

QString formatInteger(qint64 value)
{
    if (value > 0xFFFF)
        return QStringLiteral("0x") + QString::number(value, 16).toUpper();
    return QString::number(value);
}

// Line and column of a byte offset, for parse errors.
QString lineColumn(const QByteArray &bytes, int offset)
{
    const QByteArray head = bytes.left(offset);
    const int line = int(head.count('\n')) + 1;
    const int column = int(offset - (head.lastIndexOf('\n') + 1)) + 1;
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

} // namespace

const char *jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return "null";
    case QJsonValue::Bool:
        return "a boolean";
    case QJsonValue::Double:
        return "a number";
    case QJsonValue::String:
        return "a string";
    case QJsonValue::Array:
        return "an array";
    case QJsonValue::Object:
        return "an object";
    case QJsonValue::Undefined:
        break;
    }
    return "nothing";
}

QString joinPath(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QString indexPath(const QString &path, int index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

JsonReader::JsonReader(QString displayName)
    : m_displayName(std::move(displayName))
{}

std::optional<QJsonObject> JsonReader::parseObject(const QByteArray &bytes)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        fail(QStringLiteral("(document)"),
             QStringLiteral("malformed JSON at %1: %2; fix the syntax (a "
                            "missing comma or quote is the usual cause)")
                 .arg(lineColumn(bytes, parseError.offset), parseError.errorString()));
        return std::nullopt;
    }
    if (!document.isObject()) {
        fail(QStringLiteral("(document)"), QStringLiteral("the top level must be a JSON object { ... }"));
        return std::nullopt;
    }
    return document.object();
}

void JsonReader::fail(const QString &path, const QString &problem)
{
    m_errors.append(m_displayName + QStringLiteral(": ") + path + QStringLiteral(": ") + problem);
}

Error JsonReader::error() const
{
    return makeError(ErrorCode::Profile, m_errors.join(QLatin1Char('\n')));
}

void JsonReader::rejectUnknownKeys(const QJsonObject &object, const QString &path, const QStringList &known)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (known.contains(it.key()))
            continue;
        if (it.key() == QLatin1String("comment") && it.value().isString())
            continue;
        fail(
            joinPath(path, it.key()),
            QStringLiteral("unknown key; remove it or use one of: %1").arg(known.join(QStringLiteral(", "))));
    }
}

std::optional<QJsonValue> JsonReader::value(const QJsonObject &object, const QString &path,
                                            const QString &key, Need need)
{
    const auto it = object.find(key);
    if (it == object.end()) {
        if (need == Need::Required)
            fail(joinPath(path, key), QStringLiteral("missing; this key is required"));
        return std::nullopt;
    }
    return it.value();
}

void JsonReader::wrongType(const QString &path, const char *expected, const QJsonValue &actual)
{
    fail(path, QStringLiteral("expected %1, found %2")
                   .arg(QLatin1String(expected), QLatin1String(jsonTypeName(actual))));
}

std::optional<QString> JsonReader::string(const QJsonObject &object, const QString &path, const QString &key,
                                          Need need)
{
    const auto v = value(object, path, key, need);
    if (!v)
        return std::nullopt;
    if (!v->isString()) {
        wrongType(joinPath(path, key), "a string", *v);
        return std::nullopt;
    }
    return v->toString();
}

std::optional<bool> JsonReader::boolean(const QJsonObject &object, const QString &path, const QString &key,
                                        Need need)
{
    const auto v = value(object, path, key, need);
    if (!v)
        return std::nullopt;
    if (!v->isBool()) {
        wrongType(joinPath(path, key), "true or false", *v);
        return std::nullopt;
    }
    return v->toBool();
}

std::optional<QJsonObject> JsonReader::object(const QJsonObject &object, const QString &path,
                                              const QString &key, Need need)
{
    const auto v = value(object, path, key, need);
    if (!v)
        return std::nullopt;
    if (!v->isObject()) {
        wrongType(joinPath(path, key), "an object { ... }", *v);
        return std::nullopt;
    }
    return v->toObject();
}

std::optional<QJsonArray> JsonReader::array(const QJsonObject &object, const QString &path,
                                            const QString &key, Need need)
{
    const auto v = value(object, path, key, need);
    if (!v)
        return std::nullopt;
    if (!v->isArray()) {
        wrongType(joinPath(path, key), "an array [ ... ]", *v);
        return std::nullopt;
    }
    return v->toArray();
}

std::optional<qint64> JsonReader::integer(const QJsonValue &v, const QString &path, qint64 min, qint64 max)
{
    std::optional<qint64> parsed;
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (std::floor(d) == d && std::fabs(d) <= double(MaxExactJsonInteger))
            parsed = qint64(d);
    } else if (v.isString()) {
        const QString text = v.toString();
        bool ok = false;
        if (text.startsWith(QLatin1String("0x")) || text.startsWith(QLatin1String("0X"))) {
            const qulonglong n = text.mid(2).toULongLong(&ok, 16);
            if (ok && n <= qulonglong(MaxExactJsonInteger))
                parsed = qint64(n);
        }
    } else {
        wrongType(path, "an integer (a number or a \"0x...\" hex string)", v);
        return std::nullopt;
    }
    if (!parsed) {
        fail(path, QStringLiteral("not an integer; write a whole number such as 4096 or a hex string "
                                  "such as \"0x1000\""));
        return std::nullopt;
    }
    if (*parsed < min || *parsed > max) {
        fail(path, QStringLiteral("%1 is out of range; allowed %2 ... %3")
                       .arg(formatInteger(*parsed), formatInteger(min), formatInteger(max)));
        return std::nullopt;
    }
    return parsed;
}

std::optional<qint64> JsonReader::integer(const QJsonObject &object, const QString &path, const QString &key,
                                          qint64 min, qint64 max, Need need)
{
    const auto v = value(object, path, key, need);
    if (!v)
        return std::nullopt;
    return integer(*v, joinPath(path, key), min, max);
}

void JsonReader::checkSchema(const QJsonObject &root)
{
    const auto schema = integer(root, QString(), QStringLiteral("schema"), 0, 1000000);
    if (schema && *schema != CatalogSchema)
        fail(QStringLiteral("schema"),
             QStringLiteral("unsupported schema %1; this OpenCloner reads schema %2 (was the "
                            "file written for a newer version?)")
                 .arg(*schema)
                 .arg(CatalogSchema));
}

std::optional<int> JsonReader::choice(const QJsonObject &object, const QString &path, const QString &key,
                                      const QStringList &names, Need need)
{
    const auto text = string(object, path, key, need);
    if (!text)
        return std::nullopt;
    const int index = int(names.indexOf(*text));
    if (index < 0) {
        fail(joinPath(path, key), QStringLiteral("\"%1\" is not allowed; use one of: %2")
                                      .arg(*text, names.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    return index;
}

} // namespace oc::catalog
