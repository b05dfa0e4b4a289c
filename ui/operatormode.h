#pragma once

#include "operatorlock.h"

#include "core/station/stationplan.h"

#include <QObject>

#include <optional>

class QWidget;

namespace oc::ui {

class AppSettings;
class BoardPicker;
class FirmwarePanel;
class MainMenus;
class OperationPanel;
class ProductionMode;

// Operator mode: the engineer locks a plan (board profile, firmware, verify on) behind a PIN, and the
// operator sees only Start, Stop, the lanes and the counters. The plan and the PIN's salted hash are
// kept in the settings, so the window starts locked again after a restart, with the plan's board and
// firmware loaded; dropped files are refused. Unlocking needs the PIN; after three wrong PINs every
// try waits 30 s (OperatorLock). "Save station plan" writes the same plan as a file for
// `opencloner-cli station PLAN`, with the package's SHA-256 pinned. GUI thread.
class OperatorMode : public QObject
{
    Q_OBJECT
public:
    struct Parts
    {
        QWidget *window = nullptr;
        AppSettings *settings = nullptr;
        BoardPicker *picker = nullptr;
        FirmwarePanel *firmware = nullptr;
        OperationPanel *operation = nullptr;
        MainMenus *menus = nullptr;
        ProductionMode *production = nullptr;
        QList<QWidget *> engineering; // hidden while locked: picker, firmware, operation, log
    };

    // Locks at once when the settings hold a locked plan (the board and firmware follow in
    // catalogReady(), once profiles are loaded).
    explicit OperatorMode(const Parts &parts, QObject *parent = nullptr);

    bool isLocked() const { return m_plan.has_value(); }
    const std::optional<station::StationPlan> &plan() const { return m_plan; }

    // The interactive ways (menus): each asks with a dialog and explains a refusal.
    bool lockInteractively();
    bool unlockInteractively();
    bool savePlanInteractively();

    // The same without the dialogs; each returns why it did not happen (translated), empty on success.
    QString lock(const QString &planName, const QString &pin);
    QString unlock(const QString &pin);
    QString savePlan(const QString &path);
    // Why the current board and firmware cannot be locked or saved as a plan; empty when they can.
    QString planProblem() const;

    // A drop on the window: refused with a message while locked (true), else false.
    bool refusesDrop();
    // The catalog is (re)loaded: a locked window selects the plan's board and opens its firmware.
    void catalogReady();

Q_SIGNALS:
    void lockedChanged(bool locked);

private:
    station::StationPlan currentPlan(const QString &name) const;
    void applyView();
    void applyPlan();
    void showRefusal(const QString &title, const QString &text);

    Parts m_parts;
    std::optional<station::StationPlan> m_plan;
    std::optional<OperatorLock> m_lock;
};

} // namespace oc::ui
