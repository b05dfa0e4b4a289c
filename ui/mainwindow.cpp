#include "mainwindow.h"

#include "appsettings.h"
#include "boardlistmodel.h"
#include "boardpicker.h"
#include "catalogloader.h"
#include "devicelistmodel.h"
#include "devicetable.h"
#include "fileclassifier.h"
#include "firmwarepanel.h"
#include "helpdialogs.h"
#include "importflow.h"
#include "languagemanager.h"
#include "logmodel.h"
#include "logpane.h"
#include "mainmenus.h"
#include "noboarddialog.h"
#include "operationpanel.h"
#include "operatormode.h"
#include "permissiondialog.h"
#include "productionmode.h"
#include "productionpanel.h"
#include "sessionlog.h"
#include "settingsdialog.h"
#include "startflow.h"
#include "station.h"
#include "texts.h"
#include "thememanager.h"
#include "usbdevicesource.h"
#include "usbeventmonitor.h"
#include "virtualbench.h"
#include "virtualboardflow.h"
#include "virtualdevicesource.h"

#include "core/catalog/catalog.h"

#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDir>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace oc::ui {

namespace {

QString dirOr(const QString &dir, QStandardPaths::StandardLocation location)
{
    return dir.isEmpty() ? QStandardPaths::writableLocation(location) : dir;
}

} // namespace

MainWindow::MainWindow(const MainWindowOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_settings(std::make_unique<AppSettings>(options.settingsFile))
    , m_languages(new LanguageManager(this))
    , m_themes(new ThemeManager(this))
    , m_devices(new DeviceListModel(this))
    , m_log(new LogModel(this))
    , m_virtual(new VirtualDeviceSource(this))
    , m_station(new Station(m_devices, m_log, this))
    , m_catalogLoader(new CatalogLoader(this))
    , m_usbMonitor(
          new UsbEventMonitor(QStringLiteral("/sys/bus/usb/devices"), QStringLiteral("/dev/bus/usb"), this))
{
    m_options.dataDir = dirOr(options.dataDir, QStandardPaths::AppLocalDataLocation);
    m_options.cacheDir = dirOr(options.cacheDir, QStandardPaths::CacheLocation);
    m_sessionLog = new SessionLog(QDir(m_options.dataDir).filePath(QStringLiteral("logs")), 50, this);
    connect(m_log, &LogModel::entryAdded, m_sessionLog, &SessionLog::write);
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/opencloner/icons/opencloner.svg")));
    setAcceptDrops(true);
    if (!options.language.isEmpty())
        m_settings->setLanguage(options.language);
    if (!options.theme.isEmpty())
        m_settings->setTheme(options.theme);
    m_languages->setLanguage(m_settings->language());
    if (m_settings->theme() != QLatin1String("system"))
        m_themes->setTheme(ThemeManager::fromName(m_settings->theme()));

    m_bench = new VirtualBench(m_virtual, m_log, m_options.cacheDir, this);
    connect(m_bench, &VirtualBench::sampleReady, this, &MainWindow::openFirmware);
    m_station->setVendorSource(
        {m_settings->vendorDir(), QDir(m_options.dataDir).filePath(QStringLiteral("virtual-vendor-files"))});
    buildCentral();
    buildMenus();
    buildStatusBar();
    restoreSettings();
    retranslateUi();

    m_station->addSource(m_virtual);
    m_virtual->start();
    if (m_options.useRealUsb) {
        m_usb = new UsbDeviceSource(this);
        m_station->addSource(m_usb);
        m_usb->start();
    }
    connect(m_station, &Station::busyCountChanged, this, &MainWindow::updateSummary);
    connect(m_station, &Station::boardArrived, this, &MainWindow::updateSummary);
    connect(m_station, &Station::boardLeft, this, &MainWindow::updateSummary);
    connect(m_station, &Station::probed, this, &MainWindow::onProbed);
    connect(m_catalogLoader, &CatalogLoader::loaded, this, &MainWindow::onCatalogLoaded);
    m_log->append(
        LogLevel::Info, QString(), QString(),
        tr("OpenCloner %1 started; this session's log is kept in %2")
            .arg(QCoreApplication::applicationVersion(), QDir::toNativeSeparators(sessionLogPath())));
    m_catalogLoader->load(m_settings->profileDirs());
    updateSummary();
    updateVendorStatus();
}

MainWindow::~MainWindow()
{
    // Jobs first: they use the sources' providers.
    delete m_station;
    m_station = nullptr;
}

QString MainWindow::sessionLogPath() const
{
    return m_sessionLog->filePath();
}

bool MainWindow::isCatalogReady() const
{
    return m_catalog != nullptr;
}

void MainWindow::buildCentral()
{
    auto *central = new QWidget(this);
    m_boardBox = new QGroupBox(central);
    m_picker = new BoardPicker(m_boardBox);
    auto *boardLayout = new QVBoxLayout(m_boardBox);
    boardLayout->addWidget(m_picker);
    m_operationBox = new QGroupBox(central);
    m_operation = new OperationPanel(m_operationBox);
    auto *opLayout = new QVBoxLayout(m_operationBox);
    opLayout->addWidget(m_operation);
    m_firmware = new FirmwarePanel(central);

    m_table = new DeviceTable(m_devices, central);
    m_logPane = new LogPane(m_log, QDir(m_options.dataDir).filePath(QStringLiteral("logs")), central);
    m_boardsTitle = new QLabel(central);
    QFont bold = m_boardsTitle->font();
    bold.setBold(true);
    m_boardsTitle->setFont(bold);
    m_startAll = new QPushButton(central);
    m_stopAll = new QPushButton(central);
    m_summary = new QLabel(central);
    m_startAll->setIcon(QIcon(QStringLiteral(":/opencloner/icons/start.svg")));
    m_stopAll->setIcon(QIcon(QStringLiteral(":/opencloner/icons/stop.svg")));
    m_startAll->setDefault(true);
    m_startFlow = new StartFlow(m_station, m_devices, m_picker, m_firmware, m_operation, this);
    ProductionMode::Parts production{central,  m_station,  m_devices,   m_table,         m_startFlow,
                                     m_picker, m_firmware, m_operation, m_settings.get()};
    production.normalControls = {m_startAll, m_stopAll};
    m_production = new ProductionMode(production, this);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_boardsTitle);
    bar->addSpacing(12);
    bar->addWidget(m_startAll);
    bar->addWidget(m_stopAll);
    bar->addWidget(m_production->toggle());
    bar->addStretch(1);
    bar->addWidget(m_summary);
    auto *boardsArea = new QWidget(central);
    auto *boardsLayout = new QVBoxLayout(boardsArea);
    boardsLayout->setContentsMargins(0, 0, 0, 0);
    boardsLayout->addLayout(bar);
    boardsLayout->addWidget(m_production->panel());
    boardsLayout->addWidget(m_table, 1);
    m_splitter = new QSplitter(Qt::Vertical, central);
    m_splitter->addWidget(boardsArea);
    m_splitter->addWidget(m_logPane);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_boardBox, 1);
    top->addWidget(m_operationBox, 1);
    auto *layout = new QVBoxLayout(central);
    layout->addLayout(top);
    layout->addWidget(m_firmware);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);
    m_virtualFlow = new VirtualBoardFlow({this, m_bench, m_virtual, m_station, m_devices, m_picker,
                                          m_settings.get(), statusBar(), m_options.developer},
                                         this);
    connectCentral();
}

void MainWindow::connectCentral()
{
    connect(m_startAll, &QPushButton::clicked, this,
            [this] { m_startFlow->start(m_startFlow->startableKeys()); });
    connect(m_stopAll, &QPushButton::clicked, m_station, &Station::stopAll);
    connect(m_production, &ProductionMode::activeChanged, this, &MainWindow::updateSummary);
    connect(m_table, &DeviceTable::startRequested, this,
            [this](const QString &key) { m_startFlow->start({key}); });
    connect(m_table, &DeviceTable::stopRequested, m_station, &Station::stop);
    connect(m_table, &DeviceTable::checklistRequested, this, &MainWindow::showNoBoardDialog);
    connect(m_table, &DeviceTable::virtualBoardRequested, m_virtualFlow, &VirtualBoardFlow::showDialog);
    // Double-clicking a board shows its log only.
    connect(m_table->view(), &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        m_logPane->setDeviceFilter(index.data(DeviceListModel::KeyRole).toString());
    });
    connect(m_picker, &BoardPicker::boardChanged, this, &MainWindow::updateTarget);
    connect(m_operation, &OperationPanel::changed, this, &MainWindow::updateTarget);
    m_import = new ImportFlow(m_log, this);
    connect(
        m_firmware, &FirmwarePanel::vendorFolderDropped, this,
        [this](const QString &path, bool importable) { m_import->offerFolder(path, importable, m_catalog); });
    connect(m_firmware, &FirmwarePanel::bundleDropped, this,
            [this](const QString &path) { m_import->offerBundle(path, m_catalog); });
    connect(m_import, &ImportFlow::vendorDirChosen, this, [this](const QString &path) {
        m_settings->setVendorDir(path);
        m_station->setVendorSource({path, m_station->vendorSource().placeholderRoot});
        updateVendorStatus();
    });
    connect(m_import, &ImportFlow::imported, this, [this](const QStringList &boards) {
        m_selectAfterLoad = boards.value(0);
        m_catalogLoader->load(m_settings->profileDirs());
    });
    connect(m_firmware, &FirmwarePanel::recentFilesChanged, this,
            [this](const QStringList &files) { m_settings->setRecentFiles(files); });
    connect(m_firmware, &FirmwarePanel::firmwareChanged, this, [this] {
        // A package is a whole job: its steps decide offsets and erase mode.
        m_operation->setPackageMode(m_firmware->isPackage());
        if (m_firmware->isPackage())
            m_operation->setOperation(Operation::Write);
        updateTarget();
    });
}

void MainWindow::buildMenus()
{
    m_menus = new MainMenus(menuBar(), m_settings->theme(), m_settings->language(), this);
    const auto on = [this](const char *id, auto &&handler) {
        connect(m_menus->action(QLatin1String(id)), &QAction::triggered, this, handler);
    };
    on("open", [this] { m_firmware->browse(); });
    on("saveLog", [this] { m_logPane->saveAs(); });
    on("settings", [this] { showSettings(); });
    on("quit", [this] { close(); });
    on("startSelected", [this] { startSelected(); });
    on("startAll", [this] { m_startAll->click(); });
    on("stopSelected", [this] { stopSelected(); });
    on("stopAll", [this] { m_station->stopAll(); });
    on("identify", [this] {
        for (const QString &key : m_table->selectedKeys())
            m_station->reprobe(key);
    });
    on("clear", [this] { m_devices->clearDeparted(); });
    on("guide", [this] { showUserGuide(this); });
    on("noBoard", [this] { showNoBoardDialog(); });
    on("permissions", [this] { showPermissionDialog(); });
    on("addVirtual", [this] { m_virtualFlow->showDialog(); });
    on("unplugVirtual", [this] { m_virtualFlow->setPlugged(m_table->selectedKeys(), false); });
    on("plugVirtual", [this] { m_virtualFlow->setPlugged(m_table->selectedKeys(), true); });
    on("removeVirtual", [this] { m_virtualFlow->removeAll(); });
    on("about", [this] { showAbout(this); });
    connect(m_menus, &MainMenus::themeChosen, this, &MainWindow::setTheme);
    connect(m_menus, &MainMenus::languageChosen, this, &MainWindow::setLanguage);
    m_production->connectMenus(m_menus);
    OperatorMode::Parts parts{this,        m_settings.get(), m_picker,    m_firmware,
                              m_operation, m_menus,          m_production};
    parts.engineering = {m_boardBox, m_operationBox, m_firmware, m_logPane}; // what an operator does not see
    m_operatorMode = new OperatorMode(parts, this);
}

void MainWindow::buildStatusBar()
{
    m_usbStatus = new QLabel(this);
    m_vendorStatus = new QLabel(this);
    statusBar()->addPermanentWidget(m_vendorStatus);
    statusBar()->addPermanentWidget(m_usbStatus);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("OpenCloner"));
    m_boardBox->setTitle(tr("1  Board"));
    m_operationBox->setTitle(tr("3  Operation"));
    m_boardsTitle->setText(tr("Boards"));
    m_startAll->setText(tr("&Start all ready boards"));
    m_startAll->setToolTip(tr("Starts the operation on every board that is plugged in and not busy"));
    m_stopAll->setText(tr("S&top all"));
    m_stopAll->setToolTip(
        tr("Stops every running job after its current transfer; each row then says where the "
           "board was left"));
    m_production->retranslate();
    m_menus->retranslate();
    m_devices->retranslate();
    m_log->retranslate();
    updateTarget();
    updateSummary();
    updateVendorStatus();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && m_boardBox)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::restoreSettings()
{
    resize(1180, 820);
    restoreGeometry(m_settings->windowGeometry());
    restoreState(m_settings->windowState());
    m_splitter->restoreState(m_settings->splitterState());
    m_picker->setLastBoards(m_settings->lastBoardForChip());
    m_firmware->setRecentFiles(m_settings->recentFiles());
    m_operation->setVerify(m_settings->verifyByDefault());
    if (!m_settings->readOutputPath().isEmpty())
        m_operation->setOutputPath(m_settings->readOutputPath());
    connect(m_operation, &OperationPanel::changed, this, [this] {
        m_settings->setVerifyByDefault(m_operation->verify());
        m_settings->setReadOutputPath(m_operation->outputPath());
    });
}

void MainWindow::saveSettings()
{
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->setSplitterState(m_splitter->saveState());
    if (!m_picker->boardName().isEmpty())
        m_settings->setLastBoard(m_picker->boardName());
    m_settings->setLastBoardForChip(m_picker->lastBoards());
    m_settings->setRecentFiles(m_firmware->recentFiles());
    m_settings->sync();
}

void MainWindow::onCatalogLoaded(const CatalogLoader::Loaded &loaded)
{
    if (!loaded.problem.isEmpty()) {
        m_log->append(LogLevel::Error, QString(), QString(),
                      tr("Some board profiles could not be loaded, only the built-in ones are used: %1")
                          .arg(loaded.problem));
        statusBar()->showMessage(tr("Some board profiles could not be loaded: see the log."), 15000);
    }
    if (!loaded.catalog)
        return;
    m_catalog = loaded.catalog;
    for (const QString &warning : m_catalog->warnings())
        m_log->append(LogLevel::Warning, QString(), QString(), warning);
    const QString lastBoard = m_settings->lastBoard(); // setCatalog() selects a first board
    m_station->setCatalog(m_catalog);
    m_bench->setCatalog(m_catalog);
    m_picker->setCatalog(m_catalog);
    if (!lastBoard.isEmpty())
        m_picker->selectBoard(lastBoard);
    if (!m_selectAfterLoad.isEmpty())
        m_picker->selectBoard(std::exchange(m_selectAfterLoad, QString()));
    updateTarget();
    m_operatorMode->catalogReady();
    Q_EMIT catalogReady();
}

void MainWindow::updateTarget()
{
    if (!m_picker || !m_firmware)
        return;
    const int row = m_picker->model()->rowOfBoard(m_picker->boardName());
    const quint64 capacity =
        row < 0 ? 0 : m_picker->model()->index(row, 0).data(BoardListModel::CapacityRole).toULongLong();
    m_firmware->setTarget(m_picker->boardName(), m_picker->chipName(), capacity, m_operation->offset(),
                          m_operation->operation());
    const catalog::BoardProfile *board = m_catalog ? m_catalog->board(m_picker->boardName()) : nullptr;
    m_firmware->setProfileSteps(board ? profileSteps(*board) : ProfileSteps());
    if (!m_picker->boardName().isEmpty() && m_catalog)
        m_settings->setLastBoard(m_picker->boardName());
}

void MainWindow::updateSummary()
{
    if (!m_summary)
        return;
    int present = 0;
    int ready = 0;
    for (const QString &key : m_devices->keys()) {
        const DeviceRow *row = m_devices->row(key);
        present += row->present;
        ready += m_station->canStart(key);
    }
    const int busy = m_station->busyCount();
    QString summary = tr("%n board(s) plugged in", nullptr, present) + QStringLiteral(" · ") +
                      tr("%n working", nullptr, busy);
    if (!m_production->isActive()) // there an idle board is done or waits for Start: not "ready"
        summary += QStringLiteral(" · ") + tr("%n ready", nullptr, ready);
    m_summary->setText(summary);
    m_stopAll->setEnabled(busy > 0);
    m_startAll->setEnabled(ready > 0);
    if (m_usb && !m_usb->unavailableReason().isEmpty())
        m_usbStatus->setText(tr("USB unavailable: %1").arg(m_usb->unavailableReason()));
    else if (m_usb)
        m_usbStatus->setText(m_usb->usesHotplug() ? tr("USB: watching") : tr("USB: checking every second"));
    else
        m_usbStatus->setText(tr("USB: virtual boards only"));
}

void MainWindow::updateVendorStatus()
{
    if (!m_vendorStatus)
        return;
    const QString dir = m_settings->vendorDir();
    m_vendorStatus->setText(dir.isEmpty() ? tr("Vendor files: not set (virtual boards only)")
                                          : tr("Vendor files: %1").arg(QDir::toNativeSeparators(dir)));
    m_vendorStatus->setToolTip(
        tr("The folder of your Ingenic USB Cloner installation, with the SPL and burner of "
           "each chip. Change it in File > Settings."));
}

void MainWindow::onProbed(const QString &key)
{
    const DeviceRow *row = m_devices->row(key);
    if (!row || !row->probe)
        return;
    const ProbeResult &p = *row->probe;
    const QString label = m_station->labelFor(key);
    if (p.kind == ProbeResult::Kind::Rom || p.kind == ProbeResult::Kind::Unknown)
        m_picker->showDetection(label, p.chips, Texts::printable(p.answer));
    if (p.kind == ProbeResult::Kind::Failed && p.error.code == ErrorCode::AccessDenied)
        statusBar()->showMessage(tr("No permission to open the %1: see Help > USB permissions.").arg(label),
                                 20000);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    // Everything is accepted here so that the drop can explain what is wrong with it.
    event->acceptProposedAction();
    m_firmware->setDropHover(true);
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    event->acceptProposedAction();
}

void MainWindow::dragLeaveEvent(QDragLeaveEvent *event)
{
    m_firmware->setDropHover(false);
    QMainWindow::dragLeaveEvent(event);
}

void MainWindow::dropEvent(QDropEvent *event)
{
    m_firmware->setDropHover(false);
    if (m_operatorMode->refusesDrop()) {
        event->ignore();
        return;
    }
    const FileClassifier::Payload payload = FileClassifier::payload(event->mimeData());
    event->acceptProposedAction();
    if (payload.refusal)
        m_firmware->showRefusal(*payload.refusal);
    else
        m_firmware->openPath(payload.path);
}

void MainWindow::openFirmware(const QString &path)
{
    m_firmware->openPath(path);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    const int busy = m_station->busyCount();
    if (busy > 0 && !m_closing) {
        QMessageBox box(QMessageBox::Warning, tr("Boards are still working"),
                        tr("%n board(s) are still working. Stop them and quit? Each is stopped after its "
                           "current transfer.",
                           nullptr, busy),
                        QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("confirmQuit"));
        QPushButton *quit = box.addButton(tr("Stop and &quit"), QMessageBox::AcceptRole);
        box.setDefaultButton(box.addButton(tr("&Keep working"), QMessageBox::RejectRole));
        box.exec();
        if (box.clickedButton() != quit) {
            event->ignore();
            return;
        }
    }
    if (busy > 0) {
        m_closing = true;
        m_station->stopAll();
        statusBar()->showMessage(tr("Stopping the boards..."));
        setEnabled(false);
        connect(m_station, &Station::busyCountChanged, this, [this](int n) {
            if (n == 0)
                close();
        });
        event->ignore();
        return;
    }
    saveSettings();
    event->accept();
}

void MainWindow::setLanguage(const QString &code)
{
    m_settings->setLanguage(code);
    m_languages->setLanguage(code);
    m_menus->showLanguage(code);
}

void MainWindow::setTheme(const QString &name)
{
    m_settings->setTheme(name);
    m_themes->setTheme(ThemeManager::fromName(name));
    m_menus->showTheme(name);
}

void MainWindow::startSelected()
{
    QStringList keys = m_table->selectedKeys();
    if (keys.isEmpty() && m_devices->rowCount() == 1)
        keys << m_devices->rowAt(0).key;
    m_startFlow->start(keys);
}

void MainWindow::stopSelected()
{
    for (const QString &key : m_table->selectedKeys())
        m_station->stop(key);
}

Result<QStringList> MainWindow::addVirtualBoards(const QString &boardName, int count, const QString &timing,
                                                 const QString &faults)
{
    return m_virtualFlow->add(boardName, count, timing, faults);
}

void MainWindow::showNoBoardDialog()
{
    auto *dialog = new NoBoardDialog(m_station, m_catalog, m_picker->chipName(), m_usbMonitor, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NoBoardDialog::permissionHelpRequested, this, &MainWindow::showPermissionDialog);
    connect(dialog, &NoBoardDialog::virtualBoardRequested, this, [this, dialog] {
        dialog->close();
        m_virtualFlow->showDialog();
    });
    connect(dialog, &QDialog::finished, m_usbMonitor, &UsbEventMonitor::stop);
    if (m_usbMonitor->isAvailable())
        m_usbMonitor->start();
    dialog->show();
}

void MainWindow::showPermissionDialog()
{
    PermissionDialog dialog(this);
    dialog.exec();
}

void MainWindow::showSettings()
{
    SettingsDialog::Values values{m_settings->vendorDir(), m_settings->profileDirs(),
                                  m_settings->verifyByDefault(), m_settings->language(), m_settings->theme()};
    SettingsDialog dialog(values, m_picker->chipName(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const SettingsDialog::Values v = dialog.values();
    m_settings->setVendorDir(v.vendorDir);
    m_station->setVendorSource({v.vendorDir, m_station->vendorSource().placeholderRoot});
    m_settings->setVerifyByDefault(v.verifyByDefault);
    m_operation->setVerify(v.verifyByDefault);
    if (v.language != m_settings->language())
        setLanguage(v.language);
    if (v.theme != m_settings->theme())
        setTheme(v.theme);
    if (v.profileDirs != m_settings->profileDirs()) {
        m_settings->setProfileDirs(v.profileDirs);
        m_catalogLoader->load(m_settings->profileDirs());
    }
    updateVendorStatus();
}

} // namespace oc::ui
