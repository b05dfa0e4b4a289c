// DeviceWatcher on the emulated bus: libusb hotplug (umockdev delivers uevents) and the polling
// fallback report boards arriving, leaving and re-enumerating in the same slot.
#include "core/usb/devicewatcher.h"
#include "usbfixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace oc;
using namespace oc::test;
using namespace std::chrono_literals;

namespace {
constexpr int SignalWaitMs = 3000;

UsbDeviceId idAt(const QSignalSpy &spy, qsizetype index)
{
    return spy.at(index).at(0).value<UsbDeviceId>();
}
} // namespace

class TestDeviceWatcher : public QObject
{
    Q_OBJECT

    UsbFixture m_usb;

    void followsOneBoardThroughItsLife(DeviceWatcher::Mode mode)
    {
        QVERIFY(m_usb.plug(QStringLiteral("1-1"))); // on the bus before the watcher starts
        DeviceWatcher watcher(m_usb.context());
        watcher.setMode(mode);
        watcher.setPollInterval(20ms);
        QSignalSpy arrived(&watcher, &DeviceWatcher::deviceArrived);
        QSignalSpy left(&watcher, &DeviceWatcher::deviceLeft);
        QSignalSpy changed(&watcher, &DeviceWatcher::devicesChanged);

        watcher.start();
        QCOMPARE(watcher.usesHotplug(), mode == DeviceWatcher::Mode::Automatic);
        QCOMPARE(arrived.size(), 1);
        QCOMPARE(idAt(arrived, 0).portPath, QStringLiteral("1-1"));
        QCOMPARE(changed.size(), 1);

        const auto board = m_usb.plug(QStringLiteral("1-3.1"));
        QVERIFY(board);
        QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 2, SignalWaitMs);
        const UsbDeviceId first = idAt(arrived, 1);
        QCOMPARE(first.portPath, QStringLiteral("1-3.1"));
        QCOMPARE(first.address, m_usb.bus().device(QStringLiteral("1-3.1"))->address);
        QCOMPARE(watcher.devices().size(), 2);

        board->unplug(); // e.g. REBOOT: the board leaves the bus ...
        QTRY_COMPARE_WITH_TIMEOUT(left.size(), 1, SignalWaitMs);
        QCOMPARE(idAt(left, 0), first);
        QCOMPARE(watcher.devices(), QList<UsbDeviceId>{idAt(arrived, 0)});

        board->plug(); // ... and comes back in the same slot with a new address
        QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 3, SignalWaitMs);
        const UsbDeviceId second = idAt(arrived, 2);
        QVERIFY(second.sameSlot(first));
        QVERIFY(second.address != first.address);
        QCOMPARE(left.size(), 1);
        QCOMPARE(changed.size(), 4);

        watcher.stop();
        board->unplug();
        QTest::qWait(100); // a stopped watcher reports nothing
        QCOMPARE(left.size(), 1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString problem = m_usb.setUp();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    void cleanupTestCase() { m_usb.tearDown(); }
    void cleanup() { m_usb.clear(); }

    void hotplug()
    {
        QVERIFY(m_usb.context()->hasHotplug()); // umockdev delivers uevents to libusb
        followsOneBoardThroughItsLife(DeviceWatcher::Mode::Automatic);
    }

    void polling() { followsOneBoardThroughItsLife(DeviceWatcher::Mode::Polling); }

    void reEnumerationBetweenTwoLooksIsLeftAndArrived()
    {
        const auto board = m_usb.plug(QStringLiteral("1-2"));
        DeviceWatcher watcher(m_usb.context());
        watcher.setMode(DeviceWatcher::Mode::Polling);
        watcher.setPollInterval(1h); // only explicit rescans
        QSignalSpy arrived(&watcher, &DeviceWatcher::deviceArrived);
        QSignalSpy left(&watcher, &DeviceWatcher::deviceLeft);
        watcher.start();
        QCOMPARE(arrived.size(), 1);
        const quint8 before = m_usb.bus().device(QStringLiteral("1-2"))->address;

        board->unplug();
        QTRY_VERIFY_WITH_TIMEOUT(!m_usb.bus().device(QStringLiteral("1-2")), SignalWaitMs);
        board->plug();
        QTRY_VERIFY_WITH_TIMEOUT(m_usb.bus().device(QStringLiteral("1-2")).has_value(), SignalWaitMs);
        watcher.rescan();
        QCOMPARE(left.size(), 1);
        QCOMPARE(idAt(left, 0).address, before);
        QCOMPARE(arrived.size(), 2);
        QCOMPARE(idAt(arrived, 1).portPath, QStringLiteral("1-2"));
        QVERIFY(idAt(arrived, 1).address != before);
    }
};

QTEST_GUILESS_MAIN(TestDeviceWatcher)
#include "tst_devicewatcher.moc"
