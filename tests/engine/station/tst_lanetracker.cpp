// The production station's rules (lanetracker.h) with exact times: arm once, one lane per port, the
// re-flash guard after a board's own reboot, counters.

#include "core/station/lanetracker.h"

#include <QTest>

using namespace oc::station;

namespace {
const QString P1 = QStringLiteral("1-1");
const QString P2 = QStringLiteral("1-2");
constexpr qint64 Settle = 4000;
} // namespace

class TestLaneTracker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void disarmedArrivalsWaitAndArmStartsThem()
    {
        LaneTracker t(Settle);
        QVERIFY(!t.arrived(P2, 0));
        QVERIFY(!t.arrived(P1, 10));
        QCOMPARE(t.lane(P2)->number, 1); // lanes are numbered in order of the first board seen
        QCOMPARE(t.lane(P1)->number, 2);
        QCOMPARE(t.lane(P1)->state, LaneState::Ready);
        QCOMPARE(t.arm(), QStringList({P2, P1}));
        QVERIFY(t.arrived(QStringLiteral("1-3"), 20)); // armed: a new board starts at once
    }

    void aBoardThatLeavesBeforeArmingIsNotStarted()
    {
        LaneTracker t(Settle);
        t.arrived(P1, 0);
        t.left(P1, 100);
        QCOMPARE(t.lane(P1)->state, LaneState::Empty);
        QVERIFY(t.arm().isEmpty());
    }

    void unitsAreNumberedAndCounted()
    {
        LaneTracker t(Settle);
        t.arm();
        QVERIFY(t.arrived(P1, 0));
        QVERIFY(t.arrived(P2, 0));
        QCOMPARE(t.started(P1), quint64(1));
        QCOMPARE(t.started(P2), quint64(2));
        QCOMPARE(t.counters(), (StationCounters{0, 0, 2}));
        t.finished(P1, true, false, 50);
        t.finished(P2, false, false, 60);
        QCOMPARE(t.counters(), (StationCounters{1, 1, 0}));
        QCOMPARE(t.lane(P1)->state, LaneState::Passed);
        QCOMPARE(t.lane(P2)->state, LaneState::Failed);
        QVERIFY(t.lane(P2)->doneUnplug());
        t.finished(P2, true, false, 70); // a second report of the same job changes nothing
        QCOMPARE(t.counters(), (StationCounters{1, 1, 0}));
    }

    void boardBackAfterItsOwnRebootIsNotFlashedAgain()
    {
        LaneTracker t(Settle);
        t.arm();
        QVERIFY(t.arrived(P1, 0));
        t.started(P1);
        t.finished(P1, true, true, 1000); // REBOOT sent, the board still listed
        t.left(P1, 1100);                 // its reboot
        QVERIFY(t.lane(P1)->restarting);
        QVERIFY(!t.arrived(P1, 2500)); // back in USB boot mode: the same board
        QVERIFY(t.lane(P1)->doneUnplug());
        QCOMPARE(t.lane(P1)->state, LaneState::Passed);
        t.left(P1, 9000);             // the operator unplugs it
        QVERIFY(t.arrived(P1, 9500)); // the next board, however soon
        QCOMPARE(t.started(P1), quint64(2));
    }

    void boardThatLeftDuringItsJobMayComeBackOnce()
    {
        LaneTracker t(Settle);
        t.arm();
        t.arrived(P1, 0);
        t.started(P1);
        t.left(P1, 900); // the reboot is seen before the job's end is
        t.finished(P1, true, true, 1000);
        QVERIFY(!t.arrived(P1, 1000 + Settle)); // within the window: the same board
        QVERIFY(t.lane(P1)->doneUnplug());
    }

    void boardBackBeforeItsJobEndedIsDoneAndItsUnplugIsTheOperators()
    {
        LaneTracker t(Settle);
        t.arm();
        t.arrived(P1, 0);
        t.started(P1);
        t.left(P1, 900);               // its reboot ...
        QVERIFY(!t.arrived(P1, 1500)); // ... and its return, both before the job's end is seen
        t.finished(P1, true, true, 1600);
        QVERIFY(t.lane(P1)->doneUnplug());
        t.left(P1, 5000); // the operator unplugs it
        QVERIFY(!t.lane(P1)->restarting);
        QVERIFY(t.arrived(P1, 5100)); // and the next board, plugged in at once, is flashed
    }

    void arrivalAfterTheSettleWindowIsANewUnit()
    {
        LaneTracker t(Settle);
        t.arm();
        t.arrived(P1, 0);
        t.started(P1);
        t.finished(P1, true, true, 1000);
        t.left(P1, 1200);
        QCOMPARE(t.tick(1200 + Settle), QStringList());
        QCOMPARE(t.tick(1201 + Settle), QStringList({P1}));
        QVERIFY(!t.lane(P1)->restarting);
        QVERIFY(t.arrived(P1, 1300 + Settle));
    }

    void failedBoardUnpluggedAndReplacedAtOnceIsANewUnit()
    {
        LaneTracker t(Settle);
        t.arm();
        t.arrived(P1, 0);
        t.started(P1);
        t.finished(P1, false, false, 500); // failed, no reboot: the board stays until unplugged
        QVERIFY(t.lane(P1)->doneUnplug());
        t.left(P1, 600);
        QVERIFY(!t.lane(P1)->restarting);
        QVERIFY(t.arrived(P1, 650));
    }

    void reenumerationDuringAJobIsNotANewUnit()
    {
        LaneTracker t(Settle);
        t.arm();
        t.arrived(P1, 0);
        t.started(P1);
        t.left(P1, 100);
        QVERIFY(!t.arrived(P1, 200));
        QCOMPARE(t.lane(P1)->state, LaneState::Running);
        QCOMPARE(t.unitsStarted(), quint64(1));
    }

    void disarmedStationTakesNoNewBoardButFinishesRunningOnes()
    {
        LaneTracker t(Settle);
        t.arm();
        t.arrived(P1, 0);
        t.started(P1);
        t.disarm();
        QVERIFY(!t.arrived(P2, 10));
        t.finished(P1, true, false, 20);
        QCOMPARE(t.counters(), (StationCounters{1, 0, 0}));
        QCOMPARE(t.arm(), QStringList({P2}));
    }

    void numberingContinuesFromAGivenUnit()
    {
        LaneTracker t(Settle);
        t.setNextUnit(41);
        t.arm();
        t.arrived(P1, 0);
        QCOMPARE(t.started(P1), quint64(41));
        QCOMPARE(t.unitsStarted(), quint64(1));
        t.finished(P1, true, false, 1);
        t.resetCounters();
        QCOMPARE(t.counters(), (StationCounters{0, 0, 0}));
        QCOMPARE(t.lane(P1)->unit, quint64(41));
    }
};

QTEST_GUILESS_MAIN(TestLaneTracker)
#include "tst_lanetracker.moc"
