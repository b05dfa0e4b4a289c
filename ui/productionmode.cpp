#include "productionmode.h"

#include "appsettings.h"
#include "boardpicker.h"
#include "devicelistmodel.h"
#include "devicetable.h"
#include "firmwarepanel.h"
#include "mainmenus.h"
#include "operationpanel.h"
#include "productionpanel.h"
#include "productionsettingsdialog.h"
#include "startflow.h"
#include "station.h"
#include "stationalerts.h"
#include "texts.h"

#include <QAction>
#include <QCheckBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QUrl>

namespace oc::ui {

ProductionMode::ProductionMode(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
    , m_controller(new ProductionController(parts.station, parts.devices, this))
    , m_panel(new ProductionPanel(parts.window))
    , m_alerts(new StationAlerts(parts.window, this))
    , m_toggle(new QCheckBox(parts.window))
{
    m_toggle->setObjectName(QStringLiteral("productionToggle"));
    connect(m_toggle, &QCheckBox::clicked, this, [this](bool on) {
        if (!setActive(on))
            m_toggle->setChecked(isActive());
    });
    connect(m_panel, &ProductionPanel::startClicked, this, &ProductionMode::arm);
    connect(m_panel, &ProductionPanel::stopClicked, this, &ProductionMode::stop);
    connect(m_controller, &ProductionController::countersChanged, this, &ProductionMode::updatePanel);
    connect(m_controller, &ProductionController::armedChanged, this, [this](bool armed) {
        m_alerts->setArmed(armed);
        updatePanel();
    });
    connect(m_controller, &ProductionController::unitFinished, this, &ProductionMode::onUnitFinished);
    connect(m_controller, &ProductionController::recordFailed, this, &ProductionMode::onRecordFailed);
    retranslate();
    if (parts.settings->productionMode())
        m_controller->setActive(true);
    updateControls();
    updatePanel();
}

ProductionMode::~ProductionMode() = default;

void ProductionMode::connectMenus(MainMenus *menus)
{
    m_menus = menus;
    QAction *mode = menus->action(QStringLiteral("productionMode"));
    connect(mode, &QAction::triggered, this, [this, mode](bool on) {
        if (!setActive(on))
            mode->setChecked(isActive());
    });
    connect(menus->action(QStringLiteral("productionSettings")), &QAction::triggered, this,
            [this] { editSettings(isLocked()); });
    connect(menus->action(QStringLiteral("openRecords")), &QAction::triggered, this, [this] {
        const QString folder = m_parts.settings->productionRecordsDir();
        if (!folder.isEmpty() && QDir().mkpath(folder))
            QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
    });
    updateControls();
}

void ProductionMode::retranslate()
{
    m_toggle->setText(tr("Production &mode"));
    m_toggle->setToolTip(tr("Flash every board plugged in, each on its own lane, with counters and a "
                            "record of every board"));
    updatePanel();
}

bool ProductionMode::setActive(bool on)
{
    if (on == isActive()) {
        updateControls();
        return true;
    }
    if (!on && (isLocked() || !stop()))
        return false;
    m_controller->setActive(on);
    m_parts.settings->setProductionMode(on);
    updateControls();
    updatePanel();
    Q_EMIT activeChanged(on);
    return true;
}

void ProductionMode::setLockedPlan(const std::optional<station::StationPlan> &plan)
{
    m_locked = plan;
    if (plan)
        setActive(true);
    updateControls();
    updatePanel();
}

void ProductionMode::updateControls()
{
    const bool active = isActive();
    m_panel->setVisible(active);
    m_toggle->setChecked(active);
    m_toggle->setVisible(!isLocked());
    for (QWidget *widget : std::as_const(m_parts.normalControls))
        widget->setVisible(!active);
    m_parts.table->setStartAllowed(!active);
    if (!m_menus)
        return;
    m_menus->action(QStringLiteral("productionMode"))->setChecked(active);
    m_menus->action(QStringLiteral("productionMode"))->setEnabled(!isLocked());
    // Production mode starts boards by itself; starting one by hand would leave it out of the records.
    for (const char *id : {"startSelected", "startAll"})
        m_menus->action(QLatin1String(id))->setEnabled(!active);
}

QString ProductionMode::planText() const
{
    const auto &fw = m_parts.firmware->firmware();
    const QString file = fw ? QFileInfo(fw->check.path).fileName() : QString();
    if (m_locked)
        return tr("%1 (profile %2, %3)").arg(m_locked->name, m_locked->board, file);
    if (m_parts.picker->boardName().isEmpty())
        return QString();
    return file.isEmpty() ? tr("profile %1").arg(m_parts.picker->boardName())
                          : tr("profile %1, %2").arg(m_parts.picker->boardName(), file);
}

void ProductionMode::updatePanel()
{
    const bool fromPlan = isLocked();
    const QString station =
        fromPlan && !m_locked->station.isEmpty() ? m_locked->station : m_parts.settings->productionStation();
    const QString records = fromPlan && !m_locked->records.isEmpty()
                                ? m_locked->records
                                : m_parts.settings->productionRecordsDir();
    m_panel->setDetails(station, m_parts.settings->productionOperator(), planText(), records);
    m_panel->setCounters(m_controller->counters());
    m_panel->setState(m_controller->isArmed(), m_controller->runningUnits());
}

bool ProductionMode::editSettings(bool operatorOnly)
{
    if (m_controller->isArmed()) {
        refuse(tr("Stop the station first: new names and folders apply to the boards started after that."));
        return false;
    }
    const ProductionSettingsDialog::Values defaults = ProductionSettingsDialog::defaults();
    AppSettings *s = m_parts.settings;
    const ProductionSettingsDialog::Values current{
        s->productionRecordsDir().isEmpty() ? defaults.recordsDir : s->productionRecordsDir(),
        s->productionStation().isEmpty() ? defaults.station : s->productionStation(),
        s->productionOperator().isEmpty() ? defaults.operatorName : s->productionOperator()};
    ProductionSettingsDialog dialog(current, operatorOnly, m_parts.window);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const ProductionSettingsDialog::Values v = dialog.values();
    if (!operatorOnly) {
        s->setProductionRecordsDir(v.recordsDir);
        s->setProductionStation(v.station);
    }
    s->setProductionOperator(v.operatorName);
    s->sync();
    updatePanel();
    return true;
}

void ProductionMode::refuse(const QString &text)
{
    m_problem = text;
    m_panel->showNotice(text);
    QMessageBox box(QMessageBox::Warning, tr("Production"), text, QMessageBox::Ok, m_parts.window);
    box.setObjectName(QStringLiteral("productionProblem"));
    box.exec();
}

QString ProductionMode::lockedFirmwareProblem() const
{
    const QString path = m_locked->usesPackage() ? m_locked->package : m_locked->image;
    const QString name = QDir::toNativeSeparators(path);
    const QString advice = tr("Ask the engineer to unlock the station and check its plan.");
    const auto &fw = m_parts.firmware->firmware();
    if (m_parts.firmware->isInspecting())
        return tr("The firmware is still being checked. Press Start again in a moment.");
    if (m_parts.picker->boardName() != m_locked->board)
        return tr("The plan's board profile %1 is not available. %2").arg(m_locked->board, advice);
    if (!fw || QFileInfo(fw->check.path) != QFileInfo(path) || !fw->isUsable()) {
        const QString why = m_parts.firmware->message();
        return tr("The plan's firmware %1 cannot be used%2. %3")
            .arg(name, why.isEmpty() ? QString() : QStringLiteral(": ") + why, advice);
    }
    const QString &expected = m_locked->packageSha256;
    const QString actual = QString::fromLatin1(fw->fileSha256.toHex());
    if (!expected.isEmpty() && expected.compare(actual, Qt::CaseInsensitive) != 0)
        return tr("The firmware %1 has changed since the station was locked (SHA-256 %2, the plan expects "
                  "%3). "
                  "%4")
            .arg(name, actual, expected, advice);
    return QString();
}

std::optional<station::UnitContext> ProductionMode::identity()
{
    AppSettings *s = m_parts.settings;
    if (!isLocked() && (s->productionRecordsDir().isEmpty() || s->productionStation().isEmpty()) &&
        !editSettings())
        return std::nullopt;
    station::UnitContext id;
    id.station = isLocked() && !m_locked->station.isEmpty() ? m_locked->station : s->productionStation();
    id.operatorName = s->productionOperator();
    id.chip = m_parts.picker->chipName();
    id.plan = isLocked() ? m_locked->name : m_parts.picker->boardName();
    if (const auto &fw = m_parts.firmware->firmware()) {
        const QString fileName = QFileInfo(fw->check.path).fileName();
        id.package =
            fw->package && !fw->package->manifest.name.isEmpty() ? fw->package->manifest.name : fileName;
        id.packageVersion = fw->package ? fw->package->manifest.version : QString();
        id.packageSha256 = QString::fromLatin1(fw->fileSha256.toHex());
    }
    return id;
}

std::optional<ProductionSetup> ProductionMode::buildSetup()
{
    if (isLocked()) {
        if (const QString problem = lockedFirmwareProblem(); !problem.isEmpty()) {
            refuse(problem);
            return std::nullopt;
        }
    }
    auto request = m_parts.startFlow->productionRequest();
    if (!request) {
        m_problem = m_parts.startFlow->lastProblem();
        return std::nullopt;
    }
    auto id = identity();
    if (!id)
        return std::nullopt;
    ProductionSetup setup;
    setup.request = *request;
    setup.identity = *id;
    setup.recordsFolder = isLocked() && !m_locked->records.isEmpty()
                              ? m_locked->records
                              : m_parts.settings->productionRecordsDir();
    if (setup.identity.station.isEmpty() || setup.recordsFolder.isEmpty()) {
        refuse(tr("The station has no records folder or no name. Ask the engineer to set them in "
                  "Production settings."));
        return std::nullopt;
    }
    return setup;
}

bool ProductionMode::confirmArm(const ProductionSetup &setup)
{
    int ready = 0;
    for (const QString &key : m_parts.devices->keys())
        ready += m_parts.station->canStart(key);
    const auto &fw = m_parts.firmware->firmware();
    const QString file = fw ? QFileInfo(fw->check.path).fileName() : tr("the profile's own files");
    QString text = tr("From now on every Ingenic board plugged in is flashed with %1 using profile %2, "
                      "without asking, each on its own lane, until you press Stop.")
                       .arg(file, setup.request.boardName);
    if (ready > 0)
        text += QLatin1Char(' ') + tr("%n board(s) plugged in now start at once.", nullptr, ready);
    text += QLatin1String("\n\n") +
            tr("Every board gets a record in %1.").arg(QDir::toNativeSeparators(setup.recordsFolder));
    QMessageBox box(QMessageBox::Question, tr("Start production?"), text, QMessageBox::NoButton,
                    m_parts.window);
    box.setObjectName(QStringLiteral("confirmArm"));
    QPushButton *accept = box.addButton(tr("&Start production"), QMessageBox::AcceptRole);
    box.setDefaultButton(box.addButton(QMessageBox::Cancel));
    box.exec();
    return box.clickedButton() == accept;
}

bool ProductionMode::arm()
{
    m_problem.clear();
    if (m_controller->isArmed())
        return true;
    const auto setup = buildSetup();
    if (!setup || (!isLocked() && !confirmArm(*setup)))
        return false;
    const Status armed = m_controller->arm(*setup);
    updateControls();
    if (!armed) {
        const QString advice = isLocked() ? tr("Ask the engineer to check the records folder.")
                                          : tr("Make the folder writable, or choose another one in "
                                               "Production > Production settings, then press Start again.");
        refuse(tr("The station cannot keep its records in %1: %2. %3")
                   .arg(QDir::toNativeSeparators(setup->recordsFolder), armed.error().message, advice));
        return false;
    }
    m_panel->clearNotice();
    updatePanel();
    return true;
}

bool ProductionMode::stop()
{
    const int running = m_controller->runningUnits();
    if (running == 0) {
        m_controller->disarm();
        return true;
    }
    QMessageBox box(QMessageBox::Warning, tr("Stop the station?"),
                    tr("%n board(s) are still being flashed. Stop them now? Each stops after its current "
                       "transfer, is recorded as stopped, and its lane says where the board was left.",
                       nullptr, running),
                    QMessageBox::NoButton, m_parts.window);
    box.setObjectName(QStringLiteral("confirmStopStation"));
    QPushButton *stopButton = box.addButton(tr("S&top the boards"), QMessageBox::AcceptRole);
    box.setDefaultButton(box.addButton(tr("&Keep flashing"), QMessageBox::RejectRole));
    box.exec();
    if (box.clickedButton() != stopButton)
        return false;
    m_controller->stopAll();
    return true;
}

void ProductionMode::onUnitFinished(const station::UnitRecord &record, const QString &key, bool)
{
    const QString where = tr("Lane %1 (port %2)").arg(record.lane).arg(record.port);
    const DeviceRow *row = m_parts.devices->row(key);
    if (record.outcome == station::UnitOutcome::Pass) {
        m_alerts->passed(tr("Board passed"), tr("%1: done, unplug the board.").arg(where));
    } else if (record.outcome == station::UnitOutcome::Fail) {
        const QString why =
            row && row->result ? Texts::errorTitle(row->result->error.code) : record.errorClass;
        m_alerts->failed(tr("Board failed"),
                         tr("%1: %2. Unplug the board and set it aside.").arg(where, why));
    }
}

void ProductionMode::onRecordFailed(const QString &file, const QString &reason)
{
    const QString text =
        tr("A board's record could not be written to %1: %2. The station stopped taking new boards. Check "
           "that the disk is not full and the folder is writable (the engineer can choose another folder in "
           "Production settings), then press Start again.")
            .arg(QDir::toNativeSeparators(file), reason);
    m_problem = text;
    m_panel->showNotice(text);
    m_alerts->failed(tr("Records not written"), text);
    // Shown once the controller has finished with the unit: a modal box runs its own event loop.
    QMetaObject::invokeMethod(
        this,
        [this, text] {
            QMessageBox box(QMessageBox::Critical, tr("Records not written"), text, QMessageBox::Ok,
                            m_parts.window);
            box.setObjectName(QStringLiteral("recordError"));
            box.exec();
        },
        Qt::QueuedConnection);
}

} // namespace oc::ui
