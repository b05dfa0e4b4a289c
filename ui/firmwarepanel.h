#pragma once

#include "firmwareinspector.h"
#include "profilesteps.h"

#include "core/flash/flashplan.h"

#include <QFrame>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QToolButton;
class QMenu;

namespace oc::ui {

// The firmware part of the window: a drop zone (the whole window accepts drops; this is where the
// result shows), Browse, recent files, and what the chosen file is: size, SHA-256, and whether it
// fits the chosen board. Inspection runs on a worker thread with a progress bar.
class FirmwarePanel : public QFrame
{
    Q_OBJECT
public:
    enum class Fit : quint8 { NoFirmware, NotNeeded, Fits, TooBig, Unknown, WrongTarget };

    explicit FirmwarePanel(QWidget *parent = nullptr);

    // Inspects `path` (file or folder) off the GUI thread; refusals keep the current firmware.
    // Vendor folders and Cloner bundles are handed on (vendorFolderDropped, bundleDropped).
    void openPath(const QString &path);
    // A drop or choice that was refused before any file was read (several files, a URL, no file).
    void showRefusal(const FileCheck &check);
    void clear();

    const std::optional<FirmwareInfo> &firmware() const { return m_firmware; }
    QString imagePath() const { return m_firmware ? m_firmware->imagePath : QString(); }
    bool isInspecting() const { return m_inspector->isBusy(); }
    FirmwareInspector *inspector() const { return m_inspector; }

    // The board and range the image is for; `capacity` 0: the flash chip tells at run time. A
    // package is checked against its own targets (chips, boards) instead.
    void setTarget(const QString &boardName, const QString &chip, quint64 capacity, quint64 offset,
                   Operation op);
    bool isPackage() const { return m_firmware && m_firmware->package.has_value(); }
    Fit fit() const { return m_fit; }
    QString verdict() const;
    QString message() const;

    void browse(); // asks for a file with the platform's file dialog
    // Something is dragged over the window: the drop zone lights up.
    void setDropHover(bool hover);

    // The chosen profile's own files (imported Cloner profiles), shown while no firmware is chosen.
    void setProfileSteps(const ProfileSteps &steps);

    void setRecentFiles(const QStringList &files);
    QStringList recentFiles() const { return m_recent; }

Q_SIGNALS:
    void firmwareChanged();
    void vendorFolderDropped(const QString &path, bool importable);
    void bundleDropped(const QString &path);
    void recentFilesChanged(const QStringList &files);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void onStarted(const QString &path);
    void onInspected(const FirmwareInfo &info);
    void showMessage(const QString &text, bool warning);
    void updateDetails();
    void updateVerdict();
    QString packageDetails(const pkg::LoadedPackage &package) const;
    QString packageTargetProblem() const;
    void rebuildRecentMenu();
    void addRecent(const QString &path);

    FirmwareInspector *m_inspector;
    QLabel *m_title;
    QLabel *m_hint;
    QPushButton *m_browse;
    QToolButton *m_recentButton;
    QMenu *m_recentMenu;
    QToolButton *m_clear;
    QLabel *m_name;
    QLabel *m_details;
    QLabel *m_verdict;
    QLabel *m_message;
    QProgressBar *m_progress;
    std::optional<FirmwareInfo> m_firmware;
    QStringList m_recent;
    QString m_inspecting;
    QString m_boardName;
    QString m_chip;
    quint64 m_capacity = 0;
    quint64 m_offset = 0;
    Operation m_op = Operation::Write;
    Fit m_fit = Fit::NoFirmware;
    bool m_dropHover = false;
    ProfileSteps m_profileSteps;
};

} // namespace oc::ui
