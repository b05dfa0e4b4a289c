#pragma once

#include "boardprobe.h"
#include "jobrequest.h"
#include "profilesteps.h"

#include <QHash>
#include <QObject>

class QWidget;

namespace oc::ui {

class BoardPicker;
class DeviceListModel;
class FirmwarePanel;
class OperationPanel;
class Station;

// Turns "Start" into jobs: builds the request from the picker, the firmware and the operation panel,
// refuses what cannot work (no firmware, an image that does not fit, a file still being checked),
// asks once, in plain words naming the boards, before anything that writes or erases, gives each board
// of a multi-board read its own file, and starts. With auto-start on, every board that arrives and
// answers is started the same way (a board that comes back on its port right after its job is not, so
// a board kept in USB boot mode is not flashed in a loop). GUI thread.
class StartFlow : public QObject
{
    Q_OBJECT
public:
    StartFlow(Station *station, DeviceListModel *devices, BoardPicker *picker, FirmwarePanel *firmware,
              OperationPanel *operation, QWidget *dialogParent);

    // Starts the job on every board in `keys` that can start. False when nothing started (the reason
    // was shown to the user, and is in lastProblem()).
    bool start(const QStringList &keys);
    // Every board present and idle.
    QStringList startableKeys() const;
    QString lastProblem() const { return m_problem; }

    bool autoStart() const { return m_autoStart; }
    // Turning it on asks for confirmation (it writes every board plugged in). False if declined.
    bool setAutoStart(bool on);

    struct Question
    {
        QString title;
        QString text;
        QString accept;            // the button that starts
        bool canSkipLater = false; // "do not ask again" is offered (flashing the same file only)
    };
    // The confirmation for `request` on `boards` (their labels), or nothing for harmless jobs.
    // `packageSteps` > 0: the file is an OpenCloner package with that many steps.
    static std::optional<Question> question(const JobRequest &request, const QStringList &boards,
                                            const QString &firmwareName, qint64 imageSize,
                                            int packageSteps = 0);

Q_SIGNALS:
    void autoStartChanged(bool on);
    void problemShown(const QString &text);

private:
    std::optional<JobRequest> buildRequest();
    bool confirm(const JobRequest &request, const QStringList &keys);
    void refuse(const QString &text);
    void onProbed(const QString &key, const ProbeResult &result);
    QString outputFor(const QString &base, const QString &key, bool several) const;
    QString mismatchWarning(const QStringList &keys) const;
    ProfileSteps stepsOfProfile() const;

    Station *m_station;
    DeviceListModel *m_devices;
    BoardPicker *m_picker;
    FirmwarePanel *m_firmware;
    OperationPanel *m_operation;
    QWidget *m_parent;
    QString m_problem;
    bool m_autoStart = false;
    QString m_trustedFlash;              // "board|file": the user said not to ask again for this pair
    QHash<QString, qint64> m_finishedAt; // row key -> msecs since epoch of its last job's end
};

} // namespace oc::ui
