// Another program on the emulated bus (what `opencloner-sim -- COMMAND` does): a child started with
// UmockdevBus::childEnvironment() sees the boards and talks to them through its own libusb.
#include "usbfixture.h"

#include <QProcess>
#include <QTest>

using namespace oc;
using namespace oc::test;

namespace {
// A sanitizer build checks that its runtime comes first among the preloaded libraries; umockdev's
// preload comes first in the children here.
QProcessEnvironment withoutLinkOrderCheck(QProcessEnvironment env)
{
    const QString asan = env.value(QStringLiteral("ASAN_OPTIONS"));
    env.insert(QStringLiteral("ASAN_OPTIONS"), asan.isEmpty()
                                                   ? QStringLiteral("verify_asan_link_order=0")
                                                   : asan + QStringLiteral(":verify_asan_link_order=0"));
    return env;
}
} // namespace

class TestChildProcess : public QObject
{
    Q_OBJECT

    UsbFixture m_usb;

private Q_SLOTS:
    void initTestCase()
    {
        const QString problem = m_usb.setUp();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    void cleanupTestCase() { m_usb.tearDown(); }

    void childEnvironmentPreloadsAndPointsAtTheTestbed()
    {
        QProcessEnvironment base;
        base.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral("libasan.so.8"));
        const QProcessEnvironment env = m_usb.bus().childEnvironment(base);
        QCOMPARE(env.value(QStringLiteral("LD_PRELOAD")),
                 QStringLiteral("libasan.so.8:libumockdev-preload.so.0"));
        QCOMPARE(env.value(QStringLiteral("UMOCKDEV_DIR")), m_usb.bus().rootDir());
        QVERIFY(!m_usb.bus().rootDir().isEmpty());
    }

    void childSeesAndUsesTheBoards()
    {
        QVERIFY(m_usb.plug(QStringLiteral("1-2")));
        QVERIFY(m_usb.plug(QStringLiteral("1-3.4"), QStringLiteral("OpenCloner-Virtual-7")));
        QProcess probe;
        probe.setProcessEnvironment(withoutLinkOrderCheck(m_usb.bus().childEnvironment()));
        probe.start(QStringLiteral(USBPROBE_PATH), {});
        QVERIFY(probe.waitForFinished(20000));
        QCOMPARE(probe.exitStatus(), QProcess::NormalExit);
        const QByteArray output = probe.readAllStandardOutput();
        QCOMPARE(probe.exitCode(), 0);
        QCOMPARE(output, QByteArray("1-2 a108:c309 real LOOPBK01\n1-3.4 a108:c309 virtual LOOPBK01\n"));
    }

    void busInAProcessWithoutThePreload()
    {
        // The host links no preload: umockdev does not announce devices there by itself, the bus
        // sends the uevents; the probe runs as its child.
        QProcess host;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("UMOCKDEV_DIR"));
        env.remove(QStringLiteral("LD_PRELOAD"));
        host.setProcessEnvironment(withoutLinkOrderCheck(env));
        host.start(QStringLiteral(USBBUSHOST_PATH),
                   {QStringLiteral("2-1"), QStringLiteral("2-5.1=OpenCloner-Virtual-3"), QStringLiteral("--"),
                    QStringLiteral(USBPROBE_PATH)});
        QVERIFY(host.waitForFinished(30000));
        QCOMPARE(host.exitStatus(), QProcess::NormalExit);
        const QByteArray output = host.readAllStandardOutput();
        QVERIFY2(host.exitCode() == 0, host.readAllStandardError().constData());
        QCOMPARE(output, QByteArray("2-1 a108:c309 real LOOPBK01\n2-5.1 a108:c309 virtual LOOPBK01\n"));
    }
};

QTEST_GUILESS_MAIN(TestChildProcess)
#include "tst_childprocess.moc"
