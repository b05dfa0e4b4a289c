#pragma once

// The other side of a production station in the usb tests: a line of virtual boards and the
// operator who feeds them. Each lane (USB port) gets `unitsPerLane` boards one after another; when
// the operator learns that a lane's unit has ended (the station's record), the board is pulled and
// the next one plugged in after `swapDelayMs`, as a person would. A seeded draw picks exactly
// `faultRate` of the units to carry one fault, each from a list of real faults at several stages
// (disconnect, timeout, bad ack, CRC corruption) with the stage and error class the station must
// report for it, so every record can be checked against what was done to its board.

#include "usbfixture.h"

#include "core/sim/virtualboard.h"
#include "core/util/errorcode.h"
#include "core/util/stage.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QRandomGenerator>

namespace oc::test {

struct LineUnit
{
    int index = 0; // 1-based, in plugging order over the whole line
    QString port;
    QString fault; // FaultPlan spec, empty: a healthy board
    Stage stage = Stage::Connect;
    QList<ErrorCode> classes; // any of these is right
};

class ProductionLine : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int lanes = 8;
        int unitsPerLane = 25;
        double faultRate = 0.10;
        quint32 seed = 1;
        int swapDelayMs = 800;
        QString chip = QStringLiteral("t31");
        QString storage = QStringLiteral("nor:16M:0xc84018");
        sim::TimingModel timing = sim::TimingModel::none();
    };

    ProductionLine(UsbFixture &usb, Options options);

    void start(); // plugs the first board of every lane
    void stop();  // the line closes: boards waiting to be plugged in never are
    // The station reported the end of the current unit on `port`: pull that board, plug the next.
    // False when the report does not belong to a unit on the bus (a report too many).
    bool unitEnded(const QString &port);

    // What was plugged, per port, in order: record k of a port is about unit k of that port.
    const QHash<QString, QList<LineUnit>> &units() const { return m_units; }
    int plugged() const { return m_plugged; }
    int total() const { return m_options.lanes * m_options.unitsPerLane; }
    int faulted() const;
    QStringList ports() const;

Q_SIGNALS:
    void failure(const QString &what); // the bus refused a plug: the test reports it

private:
    void plugNext(const QString &port);
    LineUnit draw(int index, const QString &port);

    UsbFixture &m_usb;
    Options m_options;
    QRandomGenerator m_random;
    QList<int> m_faultedUnits; // 1-based unit indices that carry a fault
    QHash<QString, QList<LineUnit>> m_units;
    QHash<QString, int> m_pluggedOnPort;
    QHash<QString, int> m_endedOnPort;
    int m_plugged = 0;
    bool m_stopped = false;
};

} // namespace oc::test
