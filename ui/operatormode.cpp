#include "operatormode.h"

#include "appsettings.h"
#include "boardpicker.h"
#include "firmwarepanel.h"
#include "mainmenus.h"
#include "operationpanel.h"
#include "pindialog.h"
#include "productionmode.h"
#include "productionpanel.h"

#include "core/util/logging.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStandardPaths>

#include <cmath>

namespace oc::ui {

OperatorMode::OperatorMode(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
{
    AppSettings *s = parts.settings;
    connect(parts.menus->action(QStringLiteral("lock")), &QAction::triggered, this,
            &OperatorMode::lockInteractively);
    connect(parts.menus->action(QStringLiteral("unlock")), &QAction::triggered, this,
            &OperatorMode::unlockInteractively);
    connect(parts.menus->action(QStringLiteral("savePlan")), &QAction::triggered, this,
            &OperatorMode::savePlanInteractively);
    const QByteArray json = s->lockedPlan();
    if (!json.isEmpty()) {
        auto plan = station::StationPlan::fromJson(json, QString());
        const auto pin = station::PinHash::fromString(s->lockPin());
        // Whoever can edit the settings file can remove the lock anyway: a damaged one unlocks.
        if (plan && pin) {
            m_plan = std::move(plan).value();
            m_lock.emplace(*pin, s->unlockFailures(), s->unlockWaitUntil());
        } else {
            qCWarning(lcFlash) << "operator mode: the locked plan in the settings is damaged; unlocked";
            s->clearLock();
        }
    }
    applyView();
    if (m_plan)
        parts.production->setLockedPlan(m_plan);
}

QString OperatorMode::planProblem() const
{
    FirmwarePanel *firmware = m_parts.firmware;
    if (m_parts.picker->boardName().isEmpty())
        return tr("Choose a board profile first.");
    if (firmware->isInspecting())
        return tr("The firmware file is still being checked. Try again in a moment.");
    const auto &fw = firmware->firmware();
    if (!fw || !fw->isUsable())
        return tr("Choose the firmware first: a station plan flashes one firmware file or package.");
    if (firmware->fit() == FirmwarePanel::Fit::TooBig || firmware->fit() == FirmwarePanel::Fit::WrongTarget)
        return firmware->verdict();
    return QString();
}

station::StationPlan OperatorMode::currentPlan(const QString &name) const
{
    const FirmwareInfo &fw = *m_parts.firmware->firmware();
    const QString path = QFileInfo(fw.check.path).absoluteFilePath();
    station::StationPlan plan;
    plan.name = name;
    plan.board = m_parts.picker->boardName();
    plan.firmware = m_parts.settings->vendorDir();
    if (fw.package) {
        plan.package = path;
    } else {
        plan.image = path;
        plan.offset = m_parts.operation->offset();
    }
    plan.packageSha256 = QString::fromLatin1(fw.fileSha256.toHex()); // pins the package or image
    plan.verify = true;
    plan.station = m_parts.settings->productionStation();
    plan.records = m_parts.settings->productionRecordsDir();
    return plan;
}

QString OperatorMode::lock(const QString &planName, const QString &pin)
{
    if (isLocked())
        return tr("The station is locked already.");
    if (const QString problem = planProblem(); !problem.isEmpty())
        return problem;
    if (m_parts.settings->productionRecordsDir().isEmpty() || m_parts.settings->productionStation().isEmpty())
        return tr("Set the records folder and the station's name first (Production > Production settings).");
    if (const QString weak = PinDialog::weakness(pin, pin); !weak.isEmpty())
        return weak;
    const station::StationPlan plan = currentPlan(planName.trimmed());
    if (const Status valid = plan.validate(); !valid)
        return tr("The plan cannot be locked: %1").arg(valid.error().message);
    auto hash = station::PinHash::create(pin);
    if (!hash)
        return tr("The PIN cannot be used: %1").arg(hash.error().message);
    m_parts.operation->setOperation(Operation::Write);
    m_parts.operation->setVerify(true); // a production plan always verifies
    m_parts.settings->setLock(plan.toJson(), hash->toString());
    m_plan = plan;
    m_lock.emplace(*hash);
    applyView();
    m_parts.production->setLockedPlan(m_plan);
    Q_EMIT lockedChanged(true);
    return QString();
}

QString OperatorMode::unlock(const QString &pin)
{
    if (!isLocked())
        return QString();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const OperatorLock::Answer answer = m_lock->tryPin(pin, now);
    m_parts.settings->setUnlockAttempts(m_lock->failures(), m_lock->waitUntilMs());
    const int waitSeconds = int(std::ceil(double(m_lock->waitLeftMs(now)) / 1000));
    switch (answer) {
    case OperatorLock::Answer::Unlocked:
        break;
    case OperatorLock::Answer::Wrong:
        if (waitSeconds > 0)
            return tr("Wrong PIN. Wait %n second(s) before the next try.", nullptr, waitSeconds);
        return tr("Wrong PIN. %n more try(s) before a wait of 30 seconds.", nullptr,
                  OperatorLock::FreeAttempts - m_lock->failures());
    case OperatorLock::Answer::Wait:
        return tr("Too many wrong PINs. Wait %n second(s) before the next try.", nullptr, waitSeconds);
    }
    m_parts.settings->clearLock();
    m_plan.reset();
    m_lock.reset();
    applyView();
    m_parts.production->setLockedPlan(std::nullopt);
    Q_EMIT lockedChanged(false);
    return QString();
}

QString OperatorMode::savePlan(const QString &path)
{
    if (const QString problem = isLocked() ? QString() : planProblem(); !problem.isEmpty())
        return problem;
    station::StationPlan plan = isLocked() ? *m_plan : currentPlan(QFileInfo(path).completeBaseName());
    if (const Status valid = plan.validate(); !valid)
        return tr("The plan cannot be saved: %1").arg(valid.error().message);
    if (const Status saved = plan.save(path); !saved)
        return tr("The plan could not be saved: %1").arg(saved.error().message);
    return QString();
}

bool OperatorMode::lockInteractively()
{
    if (const QString problem = planProblem(); !problem.isEmpty()) {
        showRefusal(tr("Lock for operators"), problem);
        return false;
    }
    if ((m_parts.settings->productionRecordsDir().isEmpty() ||
         m_parts.settings->productionStation().isEmpty()) &&
        !m_parts.production->editSettings())
        return false;
    const QString file = QFileInfo(m_parts.firmware->firmware()->check.path).fileName();
    const QString board = m_parts.picker->boardName();
    const QString explain =
        tr("Operators will see only Start, Stop, the lanes and the counters. Every board is flashed with %1 "
           "using profile %2, and verified. Unlocking needs the PIN you choose here: keep it to yourself.")
            .arg(file, board);
    PinDialog *dialog = nullptr;
    PinDialog box(
        PinDialog::Mode::Lock, explain,
        [this, &dialog](const QString &pin) { return lock(dialog->planName(), pin); }, m_parts.window);
    dialog = &box;
    box.setPlanName(tr("%1 with %2").arg(board, file));
    return box.exec() == QDialog::Accepted;
}

bool OperatorMode::unlockInteractively()
{
    if (!isLocked())
        return true;
    PinDialog box(
        PinDialog::Mode::Unlock, tr("Enter the engineer's PIN to change the plan or to leave operator mode."),
        [this](const QString &pin) { return unlock(pin); }, m_parts.window);
    return box.exec() == QDialog::Accepted;
}

bool OperatorMode::savePlanInteractively()
{
    if (const QString problem = isLocked() ? QString() : planProblem(); !problem.isEmpty()) {
        showRefusal(tr("Save station plan"), problem);
        return false;
    }
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath((isLocked() ? m_plan->board : m_parts.picker->boardName()) +
                                            QStringLiteral("-station.json"));
    const QString path = QFileDialog::getSaveFileName(m_parts.window, tr("Save station plan"), suggested,
                                                      tr("Station plans (*.json)"));
    if (path.isEmpty())
        return false;
    if (const QString problem = savePlan(path); !problem.isEmpty()) {
        showRefusal(tr("Save station plan"), problem);
        return false;
    }
    QMessageBox box(QMessageBox::Information, tr("Save station plan"),
                    tr("The plan is saved in %1. A bench without a screen runs it with:\n\nopencloner-cli "
                       "station \"%1\"")
                        .arg(QDir::toNativeSeparators(path)),
                    QMessageBox::Ok, m_parts.window);
    box.setObjectName(QStringLiteral("planSaved"));
    box.exec();
    return true;
}

bool OperatorMode::refusesDrop()
{
    if (!isLocked())
        return false;
    // Not a modal box: the file manager waits for the drop to end.
    m_parts.production->panel()->showNotice(
        tr("This station is locked for operators: its firmware cannot be changed. Ask the engineer to "
           "unlock it."));
    return true;
}

void OperatorMode::catalogReady()
{
    if (isLocked())
        applyPlan();
}

void OperatorMode::applyPlan()
{
    m_parts.picker->selectBoard(m_plan->board);
    m_parts.operation->setOperation(Operation::Write);
    m_parts.operation->setVerify(true);
    if (!m_plan->usesPackage())
        m_parts.operation->setOffset(m_plan->offset);
    const QString path = m_plan->usesPackage() ? m_plan->package : m_plan->image;
    const auto &fw = m_parts.firmware->firmware();
    if (!fw || QFileInfo(fw->check.path) != QFileInfo(path))
        m_parts.firmware->openPath(path);
}

void OperatorMode::applyView()
{
    const bool locked = isLocked();
    for (QWidget *widget : std::as_const(m_parts.engineering))
        widget->setVisible(!locked);
    m_parts.menus->setLocked(locked);
}

void OperatorMode::showRefusal(const QString &title, const QString &text)
{
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, m_parts.window);
    box.setObjectName(QStringLiteral("operatorProblem"));
    box.exec();
}

} // namespace oc::ui
