#pragma once

#include "productioncontroller.h"

#include "core/station/stationplan.h"

#include <QObject>

#include <optional>

class QCheckBox;
class QWidget;

namespace oc::ui {

class AppSettings;
class BoardPicker;
class DeviceListModel;
class DeviceTable;
class FirmwarePanel;
class MainMenus;
class OperationPanel;
class ProductionPanel;
class StartFlow;
class Station;
class StationAlerts;

// The window's production mode: the "Production mode" switch, the panel with Start / Stop and the
// counters, and the questions around ProductionController. Start (arm) asks once, in plain words,
// then every board plugged in is flashed with the window's board profile and firmware; Stop asks
// before it stops boards that are still working. Each finished unit beeps (and notifies, when the
// window is in the background); a record that cannot be written stops the station with a message
// naming the file. With a locked plan (operatormode.h) Start asks nothing and checks that the
// firmware is still the one the engineer locked. GUI thread.
class ProductionMode : public QObject
{
    Q_OBJECT
public:
    struct Parts
    {
        QWidget *window = nullptr; // parent of the questions
        Station *station = nullptr;
        DeviceListModel *devices = nullptr;
        DeviceTable *table = nullptr;
        StartFlow *startFlow = nullptr;
        BoardPicker *picker = nullptr;
        FirmwarePanel *firmware = nullptr;
        OperationPanel *operation = nullptr;
        AppSettings *settings = nullptr;
        QList<QWidget *> normalControls; // "Start all", "Stop all": hidden in production mode
    };

    explicit ProductionMode(const Parts &parts, QObject *parent = nullptr);
    ~ProductionMode() override;

    void connectMenus(MainMenus *menus);
    ProductionController *controller() const { return m_controller; }
    ProductionPanel *panel() const { return m_panel; }
    QCheckBox *toggle() const { return m_toggle; }
    StationAlerts *alerts() const { return m_alerts; }

    bool isActive() const { return m_controller->isActive(); }
    // Off while boards work asks first; false when the user kept it on.
    bool setActive(bool on);
    // Start: false when refused or declined (the reason was shown, and is in lastProblem()).
    bool arm();
    // Stop: asks first when units are running; false when the user kept them working.
    bool stop();
    QString lastProblem() const { return m_problem; }

    // The production settings dialog (folder, station, operator; `operatorOnly`: the operator's name).
    bool editSettings(bool operatorOnly = false);
    // Operator mode: the locked plan (records, station and the pinned hash come from it); nullopt:
    // the window's own choices.
    void setLockedPlan(const std::optional<station::StationPlan> &plan);
    bool isLocked() const { return m_locked.has_value(); }
    void retranslate();

Q_SIGNALS:
    void activeChanged(bool on);

private:
    std::optional<ProductionSetup> buildSetup();
    std::optional<station::UnitContext> identity();
    QString lockedFirmwareProblem() const;
    bool confirmArm(const ProductionSetup &setup);
    void refuse(const QString &text);
    void onUnitFinished(const station::UnitRecord &record, const QString &key, bool recorded);
    void onRecordFailed(const QString &file, const QString &reason);
    void updatePanel();
    void updateControls();
    QString planText() const;

    Parts m_parts;
    ProductionController *m_controller;
    ProductionPanel *m_panel;
    StationAlerts *m_alerts;
    QCheckBox *m_toggle;
    MainMenus *m_menus = nullptr;
    std::optional<station::StationPlan> m_locked;
    QString m_problem;
};

} // namespace oc::ui
