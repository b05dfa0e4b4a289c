#include "languagemanager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace oc::ui {

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{}

LanguageManager::~LanguageManager()
{
    removeTranslators();
}

QList<QPair<QString, QString>> LanguageManager::available()
{
    return {{QString(), tr("System language")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

void LanguageManager::removeTranslators()
{
    for (QTranslator **t : {&m_app, &m_qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
}

bool LanguageManager::setLanguage(const QString &code)
{
    m_code = code;
    QString wanted = code;
    if (wanted.isEmpty()) {
        const QStringList ui = QLocale::system().uiLanguages();
        wanted = QStringLiteral("en");
        for (const QString &lang : ui) {
            if (lang.startsWith(QLatin1String("zh")) && !lang.contains(QLatin1String("TW")) &&
                !lang.contains(QLatin1String("HK")) && !lang.contains(QLatin1String("Hant"))) {
                wanted = QStringLiteral("zh_CN");
                break;
            }
            if (lang.startsWith(QLatin1String("en")))
                break;
        }
    }
    removeTranslators();
    auto app = std::make_unique<QTranslator>();
    const bool found = app->load(QStringLiteral(":/i18n/opencloner_%1.qm").arg(wanted));
    if (found) {
        QCoreApplication::installTranslator(app.get());
        m_app = app.release();
    }
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_%1").arg(wanted),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        m_qt = qt.release();
    }
    m_effective = found ? wanted : QStringLiteral("en");
    QLocale::setDefault(
        QLocale(m_effective == QLatin1String("zh_CN") ? QStringLiteral("zh_CN") : QStringLiteral("en_US")));
    return found;
}

} // namespace oc::ui
