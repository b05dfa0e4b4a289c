#pragma once

// Typed, path-aware reading of the catalog's JSON files (boards/README.md). Every accessor checks
// type and range and records a problem as "<file>: <path>: <what is wrong>; <what to do>" instead of
// stopping, so a user fixing a profile sees every problem of a file at once. Not thread-safe: one
// reader per file being parsed.

#include "../util/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace oc::catalog {

enum class Need : quint8 { Required, Optional };

constexpr int CatalogSchema = 1; // version of the file formats in boards/README.md

// "a" + "b" -> "a.b"; "" + "b" -> "b".
QString joinPath(const QString &path, const QString &key);
// "a" + 3 -> "a[3]".
QString indexPath(const QString &path, int index);

// "a string", "a number", ... for messages about a value of the wrong type.
const char *jsonTypeName(const QJsonValue &value);

class JsonReader
{
public:
    // `displayName` names the file in messages (a path, or "<built-in>/chips/t31.json").
    explicit JsonReader(QString displayName);

    const QString &displayName() const { return m_displayName; }

    // Parses `bytes` as a JSON document whose top level is an object; malformed JSON is reported
    // with the line and column of the problem.
    std::optional<QJsonObject> parseObject(const QByteArray &bytes);

    void fail(const QString &path, const QString &problem);
    bool ok() const { return m_errors.isEmpty(); }
    const QStringList &errors() const { return m_errors; }
    // ErrorCode::Profile with one line per problem; only meaningful when !ok().
    Error error() const;

    // Every key of `object` must be in `known` (a "comment" key holding text is always allowed, for
    // notes inside data files).
    void rejectUnknownKeys(const QJsonObject &object, const QString &path, const QStringList &known);

    std::optional<QString> string(const QJsonObject &object, const QString &path, const QString &key,
                                  Need need = Need::Required);
    std::optional<bool> boolean(const QJsonObject &object, const QString &path, const QString &key,
                                Need need = Need::Required);
    std::optional<QJsonObject> object(const QJsonObject &object, const QString &path, const QString &key,
                                      Need need = Need::Required);
    std::optional<QJsonArray> array(const QJsonObject &object, const QString &path, const QString &key,
                                    Need need = Need::Required);

    // Integers are JSON numbers without a fraction or "0x..." hex strings; both checked against
    // [min, max]. Values beyond 2^53 are rejected (JSON numbers are doubles).
    std::optional<qint64> integer(const QJsonValue &value, const QString &path, qint64 min, qint64 max);
    std::optional<qint64> integer(const QJsonObject &object, const QString &path, const QString &key,
                                  qint64 min, qint64 max, Need need = Need::Required);

    // The required top-level "schema" version: the only one this build reads is CatalogSchema.
    void checkSchema(const QJsonObject &root);

    // A string out of `names`; returns its index.
    std::optional<int> choice(const QJsonObject &object, const QString &path, const QString &key,
                              const QStringList &names, Need need = Need::Required);

private:
    std::optional<QJsonValue> value(const QJsonObject &object, const QString &path, const QString &key,
                                    Need need);
    void wrongType(const QString &path, const char *expected, const QJsonValue &actual);

    QString m_displayName;
    QStringList m_errors;
};

} // namespace oc::catalog
