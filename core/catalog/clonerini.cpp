#include "clonerini.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace oc::catalog {

namespace {

Error parseError(const QString &file, int line, const QString &problem)
{
    return makeError(ErrorCode::Profile, QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(problem));
}

bool isValidKey(const QString &key)
{
    for (QChar c : key) {
        if (c.unicode() < 0x20 || c == QLatin1Char('[') || c == QLatin1Char(']'))
            return false;
    }
    return !key.isEmpty();
}

// Strips one pair of double quotes; nullopt for an opening quote without its closing one.
std::optional<QString> unquote(const QString &value, bool &quoted)
{
    quoted = value.startsWith(QLatin1Char('"'));
    if (!quoted)
        return value;
    if (value.size() < 2 || !value.endsWith(QLatin1Char('"')))
        return std::nullopt;
    return value.mid(1, value.size() - 2);
}

// The index of the section a "[name]" line opens; a repeated header continues its section, as
// QSettings does.
Result<qsizetype> openSection(QList<IniSection> &sections, const QString &line, int number,
                              const QString &file)
{
    if (!line.endsWith(QLatin1Char(']')) || line.size() < 3)
        return parseError(file, number,
                          QStringLiteral("section header \"%1\" must look like [name]").arg(line));
    const QString name = line.mid(1, line.size() - 2).trimmed();
    for (qsizetype i = 0; i < sections.size(); ++i) {
        if (sections[i].name == name)
            return i;
    }
    if (sections.size() >= ClonerIni::MaxSections)
        return parseError(file, number, QStringLiteral("more than %1 sections").arg(ClonerIni::MaxSections));
    sections.append(IniSection{name, number, {}});
    return sections.size() - 1;
}

Result<IniEntry> parseEntry(const QString &line, int number, const QString &file)
{
    const qsizetype equals = line.indexOf(QLatin1Char('='));
    if (equals < 0)
        return parseError(file, number,
                          QStringLiteral("\"%1\" is neither [section] nor key=value").arg(line));
    IniEntry entry;
    entry.key = line.left(equals).trimmed();
    entry.line = number;
    if (!isValidKey(entry.key))
        return parseError(file, number, QStringLiteral("missing or invalid key before '='"));
    const auto value = unquote(line.mid(equals + 1).trimmed(), entry.quoted);
    if (!value)
        return parseError(file, number,
                          QStringLiteral("value of %1 opens a quote that is never closed").arg(entry.key));
    entry.value = *value;
    return entry;
}

} // namespace

const IniEntry *IniSection::entry(const QString &key) const
{
    for (auto it = entries.crbegin(); it != entries.crend(); ++it) {
        if (it->key == key)
            return &*it;
    }
    return nullptr;
}

Result<ClonerIni> ClonerIni::parse(const QByteArray &bytes, const QString &displayName)
{
    if (bytes.size() > MaxFileSize)
        return makeError(ErrorCode::Profile, QStringLiteral("%1: %2 bytes is far too large for a Cloner .cfg "
                                                            "file (at most %3); is this the right file?")
                                                 .arg(displayName)
                                                 .arg(bytes.size())
                                                 .arg(MaxFileSize));
    ClonerIni ini;
    ini.m_displayName = displayName;
    const QList<QByteArray> lines = bytes.split('\n');
    if (lines.size() > MaxLines)
        return parseError(displayName, MaxLines, QStringLiteral("more than %1 lines").arg(MaxLines));
    qsizetype current = -1; // index of the section being read
    for (int i = 0; i < lines.size(); ++i) {
        if (lines[i].size() > MaxLineLength)
            return parseError(displayName, i + 1,
                              QStringLiteral("line longer than %1 characters").arg(MaxLineLength));
        const QString line = QString::fromUtf8(lines[i]).trimmed(); // also drops the '\r' of CRLF
        if (line.isEmpty() || line.startsWith(QLatin1Char(';')) || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1Char('['))) {
            auto section = openSection(ini.m_sections, line, i + 1, displayName);
            if (!section)
                return std::move(section).error();
            current = *section;
            continue;
        }
        if (current < 0)
            return parseError(displayName, i + 1, QStringLiteral("key=value before the first [section]"));
        auto entry = parseEntry(line, i + 1, displayName);
        if (!entry)
            return std::move(entry).error();
        ini.m_sections[current].entries.append(*entry);
    }
    return ini;
}

Result<ClonerIni> ClonerIni::load(const QString &path, const QString &displayName)
{
    const QString name = displayName.isEmpty() ? QDir::toNativeSeparators(path) : displayName;
    const QFileInfo info(path);
    if (!info.exists())
        return makeError(ErrorCode::InputFile, QStringLiteral("%1 is missing").arg(name));
    if (!info.isFile())
        return makeError(ErrorCode::InputFile, QStringLiteral("%1 is not a file").arg(name));
    if (info.size() == 0)
        return makeError(ErrorCode::InputFile, QStringLiteral("%1 is empty").arg(name));
    if (info.size() > MaxFileSize)
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("%1 is %2 bytes, far too large for a Cloner .cfg file")
                             .arg(name)
                             .arg(info.size()));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("cannot read %1: %2").arg(name, file.errorString()));
    return parse(file.read(MaxFileSize + 1), name);
}

QStringList ClonerIni::sectionNames() const
{
    QStringList names;
    for (const IniSection &s : m_sections)
        names.append(s.name);
    return names;
}

const IniSection *ClonerIni::section(const QString &name) const
{
    for (const IniSection &s : m_sections) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

const IniEntry *ClonerIni::entry(const QString &section, const QString &key) const
{
    const IniSection *s = this->section(section);
    return s ? s->entry(key) : nullptr;
}

bool ClonerIni::has(const QString &section, const QString &key) const
{
    return entry(section, key) != nullptr;
}

std::optional<QString> ClonerIni::value(const QString &section, const QString &key) const
{
    const IniEntry *e = entry(section, key);
    return e ? std::optional<QString>(e->value) : std::nullopt;
}

QString ClonerIni::valueOr(const QString &section, const QString &key, const QString &fallback) const
{
    return value(section, key).value_or(fallback);
}

QString ClonerIni::where(const QString &section, const QString &key) const
{
    if (const IniEntry *e = entry(section, key))
        return QStringLiteral("%1:%2: [%3] %4").arg(m_displayName).arg(e->line).arg(section, key);
    return QStringLiteral("%1: [%2] %3").arg(m_displayName, section, key);
}

Error ClonerIni::error(const QString &section, const QString &key, const QString &problem) const
{
    return makeError(ErrorCode::Profile, where(section, key) + QStringLiteral(": ") + problem);
}

std::optional<qint64> ClonerIni::parseInteger(QStringView text)
{
    const QStringView t = text.trimmed();
    if (t.isEmpty() || t.size() > 20)
        return std::nullopt;
    bool ok = false;
    qint64 v = 0;
    if (t.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
        v = t.mid(2).toLongLong(&ok, 16);
    else
        v = t.toLongLong(&ok, 10);
    if (!ok)
        return std::nullopt;
    return v;
}

Result<qint64> ClonerIni::integer(const QString &section, const QString &key, qint64 min, qint64 max) const
{
    const auto text = value(section, key);
    if (!text)
        return error(section, key, QStringLiteral("missing; this key is required"));
    const auto v = parseInteger(*text);
    if (!v)
        return error(section, key,
                     QStringLiteral("\"%1\" is not a number (decimal, 0x-hex or -1)").arg(*text));
    if (*v < min || *v > max)
        return error(section, key, QStringLiteral("%1 is outside %2 .. %3").arg(*v).arg(min).arg(max));
    return *v;
}

Result<qint64> ClonerIni::integerOr(const QString &section, const QString &key, qint64 min, qint64 max,
                                    qint64 fallback) const
{
    const auto text = value(section, key);
    if (!text || text->trimmed().isEmpty())
        return fallback;
    return integer(section, key, min, max);
}

QStringList ClonerIni::splitList(const QString &text)
{
    QStringList items = text.split(QLatin1Char(','));
    for (QString &item : items)
        item = item.trimmed();
    if (!items.isEmpty() && items.last().isEmpty())
        items.removeLast(); // "-1,-1,0," as the vendor tool writes it
    return items;
}

Result<QStringList> ClonerIni::list(const QString &section, const QString &key) const
{
    const auto text = value(section, key);
    if (!text)
        return error(section, key, QStringLiteral("missing; this key is required"));
    return splitList(*text);
}

} // namespace oc::catalog
