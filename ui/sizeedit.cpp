#include "sizeedit.h"

#include <QEvent>

namespace oc::ui {

SizeEdit::SizeEdit(QWidget *parent)
    : QLineEdit(parent)
{
    setText(QStringLiteral("0"));
    setAcceptDrops(false); // a dropped file goes to the window (firmware), not into this field
    connect(this, &QLineEdit::textChanged, this, &SizeEdit::updateStyle);
    retranslateUi();
}

std::optional<quint64> SizeEdit::parse(const QString &input)
{
    QString text = input.trimmed().toLower();
    if (text.endsWith(QLatin1Char('b')) && text.size() > 1 && !text.startsWith(QLatin1String("0x")))
        text.chop(1); // "64KB", "16MiB" -> the unit letter decides
    if (text.endsWith(QLatin1String("i")))
        text.chop(1);
    quint64 unit = 1;
    if (!text.isEmpty() && !text.startsWith(QLatin1String("0x"))) {
        switch (text.back().unicode()) {
        case 'k':
            unit = 1ull << 10;
            break;
        case 'm':
            unit = 1ull << 20;
            break;
        case 'g':
            unit = 1ull << 30;
            break;
        default:
            break;
        }
        if (unit != 1)
            text.chop(1);
    }
    bool ok = false;
    const quint64 value = text.startsWith(QLatin1String("0x")) ? text.mid(2).toULongLong(&ok, 16)
                                                               : text.trimmed().toULongLong(&ok, 10);
    if (!ok || value > (~0ull) / unit)
        return std::nullopt;
    return value * unit;
}

void SizeEdit::setValue(quint64 bytes)
{
    if (bytes != 0 && bytes % (1 << 20) == 0)
        setText(QStringLiteral("%1M").arg(bytes >> 20));
    else if (bytes != 0 && bytes % 1024 == 0)
        setText(QStringLiteral("%1K").arg(bytes >> 10));
    else
        setText(bytes < 4096 ? QString::number(bytes) : QStringLiteral("0x%1").arg(bytes, 0, 16));
}

void SizeEdit::retranslateUi()
{
    setToolTip(tr("Bytes: 65536, 0x10000, 64K, 16M or 1G (K, M and G are 1024, 1024² and 1024³)"));
    setPlaceholderText(tr("e.g. 0x40000 or 256K"));
}

void SizeEdit::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QLineEdit::changeEvent(event);
}

void SizeEdit::updateStyle()
{
    setStyleSheet(isValid() ? QString() : QStringLiteral("QLineEdit { border: 2px solid #d03030; }"));
}

} // namespace oc::ui
