#pragma once

#include "catalogloader.h"

#include "core/util/result.h"

#include <QMainWindow>

#include <memory>

class QGroupBox;
class QLabel;
class QPushButton;
class QSplitter;

namespace oc::catalog {
class Catalog;
}

namespace oc::ui {

class AppSettings;
class BoardPicker;
class DeviceListModel;
class DeviceTable;
class FirmwarePanel;
class ImportFlow;
class LanguageManager;
class LogModel;
class LogPane;
class MainMenus;
class OperationPanel;
class OperatorMode;
class ProductionMode;
class SessionLog;
class StartFlow;
class Station;
class ThemeManager;
class UsbDeviceSource;
class UsbEventMonitor;
class VirtualBench;
class VirtualBoardFlow;
class VirtualDeviceSource;

struct MainWindowOptions
{
    QString settingsFile;   // empty: the platform's place (QSettings)
    QString dataDir;        // empty: AppLocalDataLocation; session logs and virtual-board placeholders
    QString cacheDir;       // empty: CacheLocation; unpacked compressed images, sample firmware
    bool useRealUsb = true; // watch the real bus (tests and benchmarks use virtual boards only)
    bool developer = false; // free-text fault plans for virtual boards
    QString language;       // overrides the saved language ("en", "zh_CN"; empty: the saved one)
    QString theme;          // overrides the saved appearance ("system", "light", "dark")
};

// The window: 1 board profile, 2 firmware, 3 operation, then the live list of boards with their
// progress and the log. The whole window accepts drops. GUI thread.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const MainWindowOptions &options = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The parts, for the application's automation (screenshots) and the tests.
    Station *station() const { return m_station; }
    DeviceListModel *devices() const { return m_devices; }
    LogModel *logModel() const { return m_log; }
    BoardPicker *boardPicker() const { return m_picker; }
    FirmwarePanel *firmwarePanel() const { return m_firmware; }
    OperationPanel *operationPanel() const { return m_operation; }
    DeviceTable *deviceTable() const { return m_table; }
    LogPane *logPane() const { return m_logPane; }
    StartFlow *startFlow() const { return m_startFlow; }
    ProductionMode *production() const { return m_production; }
    OperatorMode *operatorMode() const { return m_operatorMode; }
    VirtualDeviceSource *virtualSource() const { return m_virtual; }
    VirtualBench *virtualBench() const { return m_bench; }
    AppSettings &settings() const { return *m_settings; }
    LanguageManager *languages() const { return m_languages; }
    ThemeManager *themes() const { return m_themes; }
    QString sessionLogPath() const;
    bool isCatalogReady() const;

    // Plugs `count` virtual boards like `boardName` in; returns their row keys.
    Result<QStringList> addVirtualBoards(const QString &boardName, int count, const QString &timing,
                                         const QString &faults = QString());
    void openFirmware(const QString &path);
    void setLanguage(const QString &code);
    void setTheme(const QString &name);

Q_SIGNALS:
    void catalogReady();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildCentral();
    void connectCentral();
    void buildMenus();
    void buildStatusBar();
    void retranslateUi();
    void restoreSettings();
    void saveSettings();
    void onCatalogLoaded(const CatalogLoader::Loaded &loaded);
    void updateTarget();
    void updateSummary();
    void updateVendorStatus();
    void onProbed(const QString &key);
    void showNoBoardDialog();
    void showPermissionDialog();
    void showSettings();
    void startSelected();
    void stopSelected();

    MainWindowOptions m_options;
    std::unique_ptr<AppSettings> m_settings;
    LanguageManager *m_languages;
    ThemeManager *m_themes;
    DeviceListModel *m_devices;
    LogModel *m_log;
    SessionLog *m_sessionLog = nullptr;
    UsbDeviceSource *m_usb = nullptr;
    VirtualDeviceSource *m_virtual;
    VirtualBench *m_bench = nullptr;
    VirtualBoardFlow *m_virtualFlow = nullptr;
    Station *m_station;
    CatalogLoader *m_catalogLoader;
    UsbEventMonitor *m_usbMonitor;

    QGroupBox *m_boardBox = nullptr;
    QGroupBox *m_operationBox = nullptr;
    BoardPicker *m_picker = nullptr;
    FirmwarePanel *m_firmware = nullptr;
    OperationPanel *m_operation = nullptr;
    DeviceTable *m_table = nullptr;
    LogPane *m_logPane = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_boardsTitle = nullptr;
    QPushButton *m_startAll = nullptr;
    QPushButton *m_stopAll = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_usbStatus = nullptr;
    QLabel *m_vendorStatus = nullptr;
    StartFlow *m_startFlow = nullptr;
    ProductionMode *m_production = nullptr;
    OperatorMode *m_operatorMode = nullptr;
    ImportFlow *m_import = nullptr;
    QString m_selectAfterLoad; // a board just imported, selected once the catalog has reloaded

    MainMenus *m_menus = nullptr;

    std::shared_ptr<const catalog::Catalog> m_catalog;
    bool m_closing = false;
};

} // namespace oc::ui
