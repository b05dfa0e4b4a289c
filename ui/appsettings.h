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

    void sync();
    QString fileName() const;

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace oc::ui
