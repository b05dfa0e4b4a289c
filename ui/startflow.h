#pragma once

#include "boardprobe.h"
#include "jobrequest.h"
#include "profilesteps.h"

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
// of a multi-board read its own file, and starts. Production mode (productionmode.h) builds its one
// request for every unit here too. GUI thread.
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

    // The flash job production mode gives every unit, from the same panels; refused (with the reason
    // shown, and in lastProblem()) when it is not a flash or cannot work. Asks nothing.
    std::optional<JobRequest> productionRequest();

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
    void problemShown(const QString &text);

private:
    std::optional<JobRequest> buildRequest();
    bool confirm(const JobRequest &request, const QStringList &keys);
    void refuse(const QString &text);
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
    QString m_trustedFlash; // "board|file": the user said not to ask again for this pair
};

} // namespace oc::ui
