#pragma once

// Small file helpers shared by the catalog tests: build user catalog directories from the built-in
// JSON (so a test changes exactly one thing of a known-good file) and write arbitrary files.

#include "core/catalog/catalog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace oc::catalog::test {

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

// A built-in catalog file as JSON, e.g. builtinJson("boards/t31-nor.json").
inline QJsonObject builtinJson(const QString &relative)
{
    return QJsonDocument::fromJson(readAll(QLatin1String(Catalog::BuiltinRoot) + QLatin1Char('/') + relative))
        .object();
}

inline void writeBytes(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

inline void writeJson(const QString &path, const QJsonObject &object)
{
    writeBytes(path, QJsonDocument(object).toJson());
}

} // namespace oc::catalog::test
