#pragma once

#include <QList>
#include <QObject>
#include <QPair>
#include <QString>

class QTranslator;

namespace oc::ui {

// Installs OpenCloner's translation (":/i18n/opencloner_<lang>.qm", built from translations/*.ts) and
// Qt's own (standard dialogs and buttons) for the chosen language, and switches at run time: every
// widget gets QEvent::LanguageChange and retranslates itself. GUI thread.
class LanguageManager : public QObject
{
    Q_OBJECT
public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    // Language codes with their own names ("zh_CN", "简体中文"); the first entry is "" (the system's).
    static QList<QPair<QString, QString>> available();

    // "" follows the system locale (falls back to English). Returns false if no translation exists
    // for the language (English is then used).
    bool setLanguage(const QString &code);
    QString language() const { return m_code; }
    QString effectiveLanguage() const { return m_effective; } // "en" or "zh_CN"

private:
    void removeTranslators();

    QString m_code;
    QString m_effective = QStringLiteral("en");
    QTranslator *m_app = nullptr;
    QTranslator *m_qt = nullptr;
};

} // namespace oc::ui
