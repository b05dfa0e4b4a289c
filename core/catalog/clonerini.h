#pragma once

// The INI dialect of the Ingenic USB Cloner's .cfg files [8.1], read faithfully: `[section]`,
// `key=value` with spaces allowed around '=', values that are quoted comma lists ("12,6,0",
// "-1,-1,0," with a trailing comma), decimal or 0x-hex numbers, -1 for "unused", absolute paths from
// another machine, CRLF line ends, ';' / '#' comment lines. QSettings is not used: it treats commas
// as list separators, drops quotes and accepts keys outside sections.
//
// Everything is bounded before it is stored: the file size, the line count, the line length and the
// number of sections; a malformed line is an error naming the file and the line. Values are kept as
// text; the typed accessors check ranges and name "<file>:<line>: [section] key" in their errors.
// A parsed ClonerIni is an immutable value; its const methods are thread-safe.

#include "../util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace oc::catalog {

struct IniEntry
{
    QString key;
    QString value; // without surrounding quotes, trimmed
    int line = 0;  // 1-based
    bool quoted = false;
};

struct IniSection
{
    QString name;
    int line = 0;
    QList<IniEntry> entries; // file order; a repeated key keeps its last value (as the vendor tool)

    const IniEntry *entry(const QString &key) const;
};

class ClonerIni
{
public:
    static constexpr qint64 MaxFileSize = 1024 * 1024; // the largest vendor .cfg is ~60 KiB
    static constexpr int MaxLines = 50000;
    static constexpr int MaxLineLength = 4096;
    static constexpr int MaxSections = 4096;

    // ErrorCode::Profile for malformed text, with "<displayName>:<line>: <problem>".
    static Result<ClonerIni> parse(const QByteArray &bytes, const QString &displayName);
    // ErrorCode::InputFile when the file is missing, unreadable, empty or too large.
    static Result<ClonerIni> load(const QString &path, const QString &displayName = QString());

    const QString &displayName() const { return m_displayName; }
    QStringList sectionNames() const;
    const IniSection *section(const QString &name) const;
    bool has(const QString &section, const QString &key) const;
    const IniEntry *entry(const QString &section, const QString &key) const;

    // The raw text, or nullopt when the key is absent.
    std::optional<QString> value(const QString &section, const QString &key) const;
    QString valueOr(const QString &section, const QString &key, const QString &fallback) const;

    // A decimal, 0x-hex or negative number in [min, max]. Missing key: ErrorCode::Profile.
    Result<qint64> integer(const QString &section, const QString &key, qint64 min, qint64 max) const;
    // Like integer(), but an absent key (or an empty value) gives `fallback`.
    Result<qint64> integerOr(const QString &section, const QString &key, qint64 min, qint64 max,
                             qint64 fallback) const;
    // A comma list ("a,b,c" or "a,b,c,"): items trimmed; one trailing empty item is dropped.
    Result<QStringList> list(const QString &section, const QString &key) const;

    // "<file>:<line>: [section] key" for messages; "<file>: [section] key" when the key is absent.
    QString where(const QString &section, const QString &key) const;
    Error error(const QString &section, const QString &key, const QString &problem) const;

    // Number parsing shared with list items: "123", "-1", "0x1F", "0X1f"; nullopt otherwise.
    static std::optional<qint64> parseInteger(QStringView text);
    // Splits a list value the way integer lists are written in the vendor files.
    static QStringList splitList(const QString &text);

private:
    QString m_displayName;
    QList<IniSection> m_sections;
};

} // namespace oc::catalog
