#pragma once

#include "core/station/lanetracker.h"

#include <QFrame>

class QGridLayout;
class QLabel;
class QLayout;
class QPushButton;

namespace oc::ui {

// The production station's panel above the lanes: a large Start (arm) and Stop, the counters
// (passed, failed, in progress) in figures readable from across the bench, the station, operator,
// plan and records folder the records carry, and one line saying what the station does now. Passed
// and failed figures are green and red in shades chosen for the palette in use (light or dark).
class ProductionPanel : public QFrame
{
    Q_OBJECT
public:
    explicit ProductionPanel(QWidget *parent = nullptr);

    QPushButton *startButton() const { return m_start; }
    QPushButton *stopButton() const { return m_stop; }

    void setCounters(const station::StationCounters &counters);
    void setDetails(const QString &station, const QString &operatorName, const QString &plan,
                    const QString &recordsFolder);
    // Armed: Start is disabled and the state line says boards are flashed as they come;
    // `running`: units still working (Stop stays enabled for them after disarming).
    void setState(bool armed, int running);
    // A refusal or an error of the station (records not writable, ...), until the next arm.
    void showNotice(const QString &text);
    void clearNotice();
    QString notice() const;
    QString stateText() const;

Q_SIGNALS:
    void startClicked();
    void stopClicked();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateColours();
    QLayout *buildButtons();
    QLayout *buildInfo();
    QLabel *addCounter(QGridLayout *grid, int column, QLabel **caption);

    QPushButton *m_start;
    QPushButton *m_stop;
    QLabel *m_passed;
    QLabel *m_failed;
    QLabel *m_running;
    QLabel *m_passedCaption = nullptr;
    QLabel *m_failedCaption = nullptr;
    QLabel *m_runningCaption = nullptr;
    QLabel *m_details;
    QLabel *m_state;
    QLabel *m_notice;
    station::StationCounters m_counters;
    QString m_station;
    QString m_operator;
    QString m_plan;
    QString m_records;
    bool m_armed = false;
    int m_unitsRunning = 0;
};

} // namespace oc::ui
