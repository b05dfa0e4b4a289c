#include "ddrpart.h"

#include "../clonerini.h"

namespace oc::catalog::ddr {

namespace {

const QString DdrSection = QStringLiteral("ddr");

// Values beyond this are typos, not timings (the largest real one is tREFI, 7.8 us = 7,800,000 ps).
constexpr qint64 MaxDdrNumber = 1000000000;

std::optional<DdrUnit> unitFromText(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty())
        return DdrUnit::None;
    if (t == QLatin1String("ps"))
        return DdrUnit::Ps;
    if (t == QLatin1String("ns"))
        return DdrUnit::Ns;
    if (t == QLatin1String("tck"))
        return DdrUnit::Tck;
    return std::nullopt;
}

} // namespace

const char *ddrTypeName(DdrType type)
{
    switch (type) {
    case DdrType::Ddr3:
        return "DDR3";
    case DdrType::Lpddr:
        return "LPDDR";
    case DdrType::Lpddr2:
        return "LPDDR2";
    case DdrType::Lpddr3:
        return "LPDDR3";
    case DdrType::Ddr2:
        return "DDR2";
    }
    return "DDR2";
}

std::optional<DdrType> ddrTypeFromName(const QString &name)
{
    for (DdrType t : {DdrType::Ddr3, DdrType::Lpddr, DdrType::Lpddr2, DdrType::Lpddr3, DdrType::Ddr2}) {
        if (name.compare(QLatin1String(ddrTypeName(t)), Qt::CaseInsensitive) == 0)
            return t;
    }
    return std::nullopt;
}

Result<DdrPart> DdrPart::fromIni(const ClonerIni &ini, DdrType type, const QString &name)
{
    const IniSection *section = ini.section(DdrSection);
    if (!section)
        return makeError(
            ErrorCode::Profile,
            QStringLiteral("%1: no [ddr] section; this is not a DDR part file").arg(ini.displayName()));
    DdrPart part;
    part.m_name = name;
    part.m_type = type;
    for (const IniEntry &e : section->entries) {
        if (e.key == QLatin1String("vendor")) {
            part.m_vendor = e.value.trimmed();
            continue;
        }
        const QStringList items = e.value.split(QLatin1Char(','));
        const auto number = ClonerIni::parseInteger(items.value(0));
        const auto unit = unitFromText(items.value(1));
        if (items.size() > 2 || !number || !unit || *number < -MaxDdrNumber || *number > MaxDdrNumber)
            return ini.error(
                DdrSection, e.key,
                QStringLiteral("\"%1\" must be \"number,\" or \"number,unit\" with unit ps, ns or "
                               "tck")
                    .arg(e.value));
        part.m_values.insert(e.key, DdrValue{*number, *unit});
    }
    return part;
}

std::optional<DdrValue> DdrPart::value(const QString &key) const
{
    const auto it = m_values.constFind(key);
    return it == m_values.constEnd() ? std::nullopt : std::optional<DdrValue>(*it);
}

qint64 DdrPart::count(const QString &key, qint64 fallback) const
{
    const auto v = value(key);
    return v ? v->number : fallback;
}

qint64 DdrPart::ps(const QString &key, qint64 psPerTck, qint64 fallback) const
{
    const auto v = value(key);
    if (!v)
        return fallback;
    switch (v->unit) {
    case DdrUnit::Ns:
        return v->number * 1000;
    case DdrUnit::Tck:
        return v->number * psPerTck;
    case DdrUnit::Ps:
    case DdrUnit::None:
        return v->number;
    }
    return v->number;
}

Result<DdrBoard> DdrBoard::fromIni(const ClonerIni &ini)
{
    if (!ini.section(DdrSection))
        return makeError(
            ErrorCode::Profile,
            QStringLiteral("%1: no [ddr] section; the board's DDR part is not known").arg(ini.displayName()));
    DdrBoard b;
    auto flag = [&](const QString &key, bool fallback) -> Result<bool> {
        auto v = ini.integerOr(DdrSection, key, 0, 1, fallback ? 1 : 0);
        if (!v)
            return std::move(v).error();
        return *v != 0;
    };
    auto bank8 = flag(QStringLiteral("bank8"), false);
    auto cs0 = flag(QStringLiteral("cs0"), true);
    auto cs1 = flag(QStringLiteral("cs1"), false);
    auto dw32 = flag(QStringLiteral("dw32"), false);
    for (const Result<bool> *r : {&bank8, &cs0, &cs1, &dw32}) {
        if (!*r)
            return r->error();
    }
    b.bank8 = *bank8;
    b.cs0 = *cs0;
    b.cs1 = *cs1;
    b.dw32 = *dw32;
    auto creator = ini.integerOr(DdrSection, QStringLiteral("creator_version"), -1, 16, -1);
    if (!creator)
        return std::move(creator).error();
    b.creatorVersion = int(*creator);
    b.partFile = ini.valueOr(DdrSection, QStringLiteral("current_ddr"), QString()).trimmed();
    if (b.partFile.isEmpty())
        return ini.error(DdrSection, QStringLiteral("current_ddr"),
                         QStringLiteral("missing; the board names no DDR part file"));
    const QStringList type =
        ClonerIni::splitList(ini.valueOr(DdrSection, QStringLiteral("current_type"), QString()));
    const auto id = ClonerIni::parseInteger(type.value(0));
    if (!id || *id < 0 || *id > 4)
        return ini.error(DdrSection, QStringLiteral("current_type"),
                         QStringLiteral("expected \"id,NAME\" with id 0 (DDR3), 1 (LPDDR), 2 (LPDDR2), 3 "
                                        "(LPDDR3) or 4 (DDR2)"));
    b.type = DdrType(*id);
    return b;
}

} // namespace oc::catalog::ddr
