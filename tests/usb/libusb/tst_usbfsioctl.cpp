// The bridge's usbdevfs emulation seen directly through ioctl(2) on the emulated node, for the
// paths libusb itself does not take: blocking REAPURB, DISCARDURB of a pending URB, the driver and
// connection queries.
#include "usbfixture.h"

#include <QElapsedTimer>
#include <QTest>

#include <fcntl.h>
#include <linux/ioctl.h>
#include <linux/usbdevice_fs.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

using namespace oc;
using namespace oc::test;
using namespace std::chrono_literals;

namespace {

// A control URB for LoopbackDevice::Info (8 bytes IN) in its own buffer.
struct ControlUrb
{
    unsigned char buffer[8 + 8] = {0xC0, LoopbackDevice::Info, 0, 0, 0, 0, 8, 0};
    std::unique_ptr<usbdevfs_urb> urb = std::make_unique<usbdevfs_urb>(); // ends in a flexible array

    ControlUrb()
    {
        urb->type = USBDEVFS_URB_TYPE_CONTROL;
        urb->endpoint = 0;
        urb->buffer = buffer;
        urb->buffer_length = sizeof(buffer);
    }
};

} // namespace

class TestUsbfsIoctl : public QObject
{
    Q_OBJECT

    UsbFixture m_usb;
    int m_fd = -1;
    std::shared_ptr<LoopbackDevice> m_device;

private Q_SLOTS:
    void initTestCase()
    {
        const QString problem = m_usb.setUp();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    void cleanupTestCase() { m_usb.tearDown(); }

    void init()
    {
        m_device = m_usb.plug(QStringLiteral("3-1"));
        QVERIFY(m_device);
        const auto id = m_usb.bus().device(QStringLiteral("3-1"));
        QVERIFY(id);
        const QByteArray node = QStringLiteral("/dev/bus/usb/%1/%2")
                                    .arg(id->bus, 3, 10, QLatin1Char('0'))
                                    .arg(id->address, 3, 10, QLatin1Char('0'))
                                    .toLatin1();
        m_fd = ::open(node.constData(), O_RDWR);
        QVERIFY2(m_fd >= 0, node.constData());
    }

    void cleanup()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
        m_usb.clear();
    }

    void answersTheConnectionQueries()
    {
        usbdevfs_connectinfo info{};
        QCOMPARE(::ioctl(m_fd, USBDEVFS_CONNECTINFO, &info), 0);
        QCOMPARE(int(info.devnum), int(m_usb.bus().device(QStringLiteral("3-1"))->address));
        usbdevfs_getdriver driver{};
        QCOMPARE(::ioctl(m_fd, USBDEVFS_GETDRIVER, &driver), -1);
        QCOMPARE(errno, ENODATA); // nothing bound: libusb does not try to detach anything
        unsigned interface = 0;
        QCOMPARE(::ioctl(m_fd, USBDEVFS_CLAIMINTERFACE, &interface), 0);
        interface = 1;
        QCOMPARE(::ioctl(m_fd, USBDEVFS_CLAIMINTERFACE, &interface), -1);
        QCOMPARE(errno, ENOENT);
    }

    void blockingReapWaitsForTheDevice()
    {
        m_device->delayNext(200ms);
        ControlUrb control;
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(::ioctl(m_fd, USBDEVFS_SUBMITURB, control.urb.get()), 0);
        void *reaped = nullptr;
        QCOMPARE(::ioctl(m_fd, USBDEVFS_REAPURB, &reaped), 0);
        QVERIFY(timer.elapsed() >= 200); // never before the device's doneAt
        QCOMPARE(reaped, static_cast<void *>(control.urb.get()));
        QCOMPARE(control.urb->status, 0);
        QCOMPARE(control.urb->actual_length, 8);
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(control.buffer + 8), 8),
                 LoopbackDevice::InfoReply);
    }

    void discardEndsAPendingUrb()
    {
        m_device->delayNext(10s);
        ControlUrb control;
        QCOMPARE(::ioctl(m_fd, USBDEVFS_SUBMITURB, control.urb.get()), 0);
        void *reaped = nullptr;
        QCOMPARE(::ioctl(m_fd, USBDEVFS_REAPURBNDELAY, &reaped), -1);
        QCOMPARE(errno, EAGAIN);
        QCOMPARE(::ioctl(m_fd, USBDEVFS_DISCARDURB, control.urb.get()), 0);
        QCOMPARE(::ioctl(m_fd, USBDEVFS_REAPURBNDELAY, &reaped), 0);
        QCOMPARE(reaped, static_cast<void *>(control.urb.get()));
        QCOMPARE(control.urb->status, -ENOENT);
        QCOMPARE(m_device->cancellations(), 1);
        QCOMPARE(::ioctl(m_fd, USBDEVFS_DISCARDURB, control.urb.get()), -1); // already gone
        QCOMPARE(errno, EINVAL);
    }

    void blockedReaperLearnsOfTheUnplug()
    {
        m_device->delayNext(10s);
        ControlUrb control;
        QCOMPARE(::ioctl(m_fd, USBDEVFS_SUBMITURB, control.urb.get()), 0);
        m_device->leaveAfter(50ms);
        void *reaped = nullptr;
        QCOMPARE(::ioctl(m_fd, USBDEVFS_REAPURB, &reaped), 0);
        QCOMPARE(control.urb->status, -ESHUTDOWN);
        QCOMPARE(::ioctl(m_fd, USBDEVFS_REAPURB, &reaped), -1);
        QCOMPARE(errno, ENODEV);
        QCOMPARE(::ioctl(m_fd, USBDEVFS_SUBMITURB, control.urb.get()), -1);
        QCOMPARE(errno, ENODEV);
    }
};

QTEST_GUILESS_MAIN(TestUsbfsIoctl)
#include "tst_usbfsioctl.moc"
