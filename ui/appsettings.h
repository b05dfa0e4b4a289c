#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace oc::ui {

// What the window remembers between runs (QSettings): geometry, language, theme, the last board and
// the last board of every chip, recent files, the verify default, the vendor and profile folders.
// One typed accessor per key, so a key is spelled once. GUI thread.
class AppSettings
{
public:
    // `iniPath` empty: the platform's place for OpenCloner's settings; otherwise an INI file (tests).
    explicit AppSettings(const QString &iniPath = QString());
    ~AppSettings();

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &value);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &value);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray &value);

    QString language() const; // "" = the system's
    void setLanguage(const QString &code);
    QString theme() const; // "system", "light", "dark"
    void setTheme(const QString &theme);

    QString lastBoard() const;
    void setLastBoard(const QString &board);
    QMap<QString, QString> lastBoardForChip() const;
    void setLastBoardForChip(const QMap<QString, QString> &map);

    QStringList recentFiles() const;
    void setRecentFiles(const QStringList &files);
    bool verifyByDefault() const; // true unless the user turned it off
    void setVerifyByDefault(bool on);

    QString vendorDir() const;
    void setVendorDir(const QString &dir);
    QStringList profileDirs() const;
    void setProfileDirs(const QStringList &dirs);
    QString readOutputPath() const;
    void setReadOutputPath(const QString &path);
    int logLevel() const;
    void setLogLevel(int level);
    QString virtualTiming() const; // sim::TimingModel text for new virtual boards
    void setVirtualTiming(const QString &timing);

    // Production station (productionmode.h): where the per-unit records go and whose names they carry.
    QString productionRecordsDir() const;
    void setProductionRecordsDir(const QString &dir);
    QString productionStation() const;
    void setProductionStation(const QString &name);
    QString productionOperator() const;
    void setProductionOperator(const QString &name);
    bool productionMode() const;
    void setProductionMode(bool on);
    // Operator mode (operatormode.h): the locked station plan (JSON), the PIN's salted hash
    // (station::PinHash::toString), the image's SHA-256 when the plan flashes a plain image, and the
    // unlock attempts, so that neither the lock nor the wait after wrong PINs ends with a restart.
    QByteArray lockedPlan() const;
    QString lockPin() const;
    void setLock(const QByteArray &planJson, const QString &pinHash); // the plan pins its firmware
    void clearLock();
    int unlockFailures() const;
    qint64 unlockWaitUntil() const; // msecs since the epoch, 0: no wait
    void setUnlockAttempts(int failures, qint64 waitUntil);

    void sync();
    QString fileName() const;

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace oc::ui
