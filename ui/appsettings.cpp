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
const QString RecordsDir = QStringLiteral("production/records");
const QString StationName = QStringLiteral("production/station");
const QString OperatorName = QStringLiteral("production/operator");
const QString ProductionMode = QStringLiteral("production/mode");
const QString LockedPlan = QStringLiteral("production/lockedPlan");
const QString LockPin = QStringLiteral("production/pin");
const QString UnlockFailures = QStringLiteral("production/unlockFailures");
const QString UnlockWaitUntil = QStringLiteral("production/unlockWaitUntil");
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

QString AppSettings::productionRecordsDir() const
{
    return m_settings->value(RecordsDir).toString();
}
void AppSettings::setProductionRecordsDir(const QString &dir)
{
    m_settings->setValue(RecordsDir, dir);
}
QString AppSettings::productionStation() const
{
    return m_settings->value(StationName).toString();
}
void AppSettings::setProductionStation(const QString &name)
{
    m_settings->setValue(StationName, name);
}
QString AppSettings::productionOperator() const
{
    return m_settings->value(OperatorName).toString();
}
void AppSettings::setProductionOperator(const QString &name)
{
    m_settings->setValue(OperatorName, name);
}
bool AppSettings::productionMode() const
{
    return m_settings->value(ProductionMode, false).toBool();
}
void AppSettings::setProductionMode(bool on)
{
    m_settings->setValue(ProductionMode, on);
}

QByteArray AppSettings::lockedPlan() const
{
    return m_settings->value(LockedPlan).toByteArray();
}
QString AppSettings::lockPin() const
{
    return m_settings->value(LockPin).toString();
}
void AppSettings::setLock(const QByteArray &planJson, const QString &pinHash)
{
    m_settings->setValue(LockedPlan, planJson);
    m_settings->setValue(LockPin, pinHash);
    setUnlockAttempts(0, 0);
    m_settings->sync(); // a crash right after locking must not leave the station open
}
void AppSettings::clearLock()
{
    for (const QString &key : {LockedPlan, LockPin, UnlockFailures, UnlockWaitUntil})
        m_settings->remove(key);
    m_settings->sync();
}
int AppSettings::unlockFailures() const
{
    return m_settings->value(UnlockFailures, 0).toInt();
}
qint64 AppSettings::unlockWaitUntil() const
{
    return m_settings->value(UnlockWaitUntil, 0).toLongLong();
}
void AppSettings::setUnlockAttempts(int failures, qint64 waitUntil)
{
    m_settings->setValue(UnlockFailures, failures);
    m_settings->setValue(UnlockWaitUntil, waitUntil);
    m_settings->sync();
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
