#include "appsettings.h"

#include <QSettings>

namespace oc::ui {

namespace {
const QString Geometry = QStringLiteral("window/geometry");
const QString State = QStringLiteral("window/state");
const QString Splitter = QStringLiteral("window/splitter");
const QString Language = QStringLiteral("ui/language");
const QString Theme = QStringLiteral("ui/theme");
const QString LastBoard = QStringLiteral("boards/last");
const QString LastForChip = QStringLiteral("boards/lastForChip");
const QString Recent = QStringLiteral("firmware/recent");
const QString Verify = QStringLiteral("jobs/verify");
const QString VendorDir = QStringLiteral("vendor/dir");
const QString ProfileDirs = QStringLiteral("boards/profileDirs");
const QString ReadOutput = QStringLiteral("jobs/readOutput");
const QString LogLevel = QStringLiteral("log/level");
const QString VirtualTiming = QStringLiteral("virtual/timing");
} // namespace

AppSettings::AppSettings(const QString &iniPath)
    : m_settings(iniPath.isEmpty()
                     ? std::make_unique<QSettings>(QStringLiteral("OpenCloner"), QStringLiteral("OpenCloner"))
                     : std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{}

AppSettings::~AppSettings() = default;

QByteArray AppSettings::windowGeometry() const
{
    return m_settings->value(Geometry).toByteArray();
}
void AppSettings::setWindowGeometry(const QByteArray &value)
{
    m_settings->setValue(Geometry, value);
}
QByteArray AppSettings::windowState() const
{
    return m_settings->value(State).toByteArray();
}
void AppSettings::setWindowState(const QByteArray &value)
{
    m_settings->setValue(State, value);
}
QByteArray AppSettings::splitterState() const
{
    return m_settings->value(Splitter).toByteArray();
}
void AppSettings::setSplitterState(const QByteArray &value)
{
    m_settings->setValue(Splitter, value);
}

QString AppSettings::language() const
{
    return m_settings->value(Language).toString();
}
void AppSettings::setLanguage(const QString &code)
{
    m_settings->setValue(Language, code);
}
QString AppSettings::theme() const
{
    return m_settings->value(Theme, QStringLiteral("system")).toString();
}
void AppSettings::setTheme(const QString &theme)
{
    m_settings->setValue(Theme, theme);
}

QString AppSettings::lastBoard() const
{
    return m_settings->value(LastBoard).toString();
}
void AppSettings::setLastBoard(const QString &board)
{
    m_settings->setValue(LastBoard, board);
}

QMap<QString, QString> AppSettings::lastBoardForChip() const
{
    QMap<QString, QString> map;
    const QVariantMap stored = m_settings->value(LastForChip).toMap();
    for (auto it = stored.cbegin(); it != stored.cend(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}

void AppSettings::setLastBoardForChip(const QMap<QString, QString> &map)
{
    QVariantMap stored;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        stored.insert(it.key(), it.value());
    m_settings->setValue(LastForChip, stored);
}

QStringList AppSettings::recentFiles() const
{
    return m_settings->value(Recent).toStringList();
}
void AppSettings::setRecentFiles(const QStringList &files)
{
    m_settings->setValue(Recent, files);
}
bool AppSettings::verifyByDefault() const
{
    return m_settings->value(Verify, true).toBool();
}
void AppSettings::setVerifyByDefault(bool on)
{
    m_settings->setValue(Verify, on);
}

QString AppSettings::vendorDir() const
{
    return m_settings->value(VendorDir).toString();
}
void AppSettings::setVendorDir(const QString &dir)
{
    m_settings->setValue(VendorDir, dir);
}
QStringList AppSettings::profileDirs() const
{
    return m_settings->value(ProfileDirs).toStringList();
}
void AppSettings::setProfileDirs(const QStringList &dirs)
{
    m_settings->setValue(ProfileDirs, dirs);
}
QString AppSettings::readOutputPath() const
{
    return m_settings->value(ReadOutput).toString();
}
void AppSettings::setReadOutputPath(const QString &path)
{
    m_settings->setValue(ReadOutput, path);
}
int AppSettings::logLevel() const
{
    return m_settings->value(LogLevel, 1).toInt();
}
void AppSettings::setLogLevel(int level)
{
    m_settings->setValue(LogLevel, level);
}
QString AppSettings::virtualTiming() const
{
    return m_settings->value(VirtualTiming, QStringLiteral("realistic")).toString();
}
void AppSettings::setVirtualTiming(const QString &timing)
{
    m_settings->setValue(VirtualTiming, timing);
}

void AppSettings::sync()
{
    m_settings->sync();
}
QString AppSettings::fileName() const
{
    return m_settings->fileName();
}

} // namespace oc::ui
