#include "sizeparse.h"

namespace oc::cli {

std::optional<quint64> parseSize(const QString &text)
{
    QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    int shift = 0;
    const QChar unit = t.back().toUpper();
    if (unit == QLatin1Char('K') || unit == QLatin1Char('M') || unit == QLatin1Char('G')) {
        shift = unit == QLatin1Char('K') ? 10 : unit == QLatin1Char('M') ? 20 : 30;
        t.chop(1);
    }
    bool ok = false;
    const quint64 value = t.startsWith(QLatin1String("0x"), Qt::CaseInsensitive)
                              ? t.mid(2).toULongLong(&ok, 16)
                              : t.toULongLong(&ok, 10);
    if (!ok || (shift && value > (~quint64(0) >> shift)))
        return std::nullopt;
    return value << shift;
}

} // namespace oc::cli
