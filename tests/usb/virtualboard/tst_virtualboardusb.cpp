// Two VirtualBoards on the emulated bus, reached through the real libusb path: enumeration by port
// path, the virtual-board marker, and each boot ROM's GET_CPU_INFO [spec 2.1].
#include "core/protocol/wire.h"
#include "core/sim/virtualboard.h"
#include "core/usb/deviceenumerator.h"
#include "usbfixture.h"

#include <QTest>

using namespace oc;
using namespace oc::test;
using namespace std::chrono_literals;

class TestVirtualBoardUsb : public QObject
{
    Q_OBJECT

    UsbFixture m_usb;

    // A powered-on board of `chip` in `portPath`.
    std::shared_ptr<sim::VirtualBoard> plugBoard(const QString &chip, int serial, const QString &portPath)
    {
        auto config = sim::SimBoardConfig::preset(chip);
        if (!config)
            return nullptr;
        config->serialNumber = serial;
        auto board = std::make_shared<sim::VirtualBoard>(*config, sim::TimingModel::none(), sim::FaultPlan{});
        if (!m_usb.add(board, portPath))
            return nullptr;
        // VirtualBoard is not thread-safe: touch it only under the bus lock.
        const Status plugged =
            m_usb.bus().withDevice(portPath, [](sim::DeviceModel &model, sim::SimTime now) {
                static_cast<sim::VirtualBoard &>(model).plug(now);
            });
        return plugged ? board : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString problem = m_usb.setUp();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    void cleanupTestCase() { m_usb.tearDown(); }

    void twoBoardsAnswerGetCpuInfo()
    {
        const auto t31 = plugBoard(QStringLiteral("t31"), 1, QStringLiteral("1-1"));
        const auto t20 = plugBoard(QStringLiteral("t20"), 2, QStringLiteral("1-2.3"));
        QVERIFY(t31 && t20);

        auto devices = DeviceEnumerator::list(*m_usb.context());
        QVERIFY2(devices, why(devices).constData());
        QCOMPARE(devices->size(), 2);
        QCOMPARE(devices->at(0).portPath, QStringLiteral("1-1"));
        QCOMPARE(devices->at(1).portPath, QStringLiteral("1-2.3"));

        const QList<std::pair<QString, std::shared_ptr<sim::VirtualBoard>>> boards{
            {QStringLiteral("1-1"), t31}, {QStringLiteral("1-2.3"), t20}};
        for (const auto &[portPath, board] : boards) {
            auto transport = LibusbTransport::open(m_usb.context(), *m_usb.bus().device(portPath));
            QVERIFY2(transport, why(transport).constData());
            QVERIFY((*transport)->deviceId().isVirtual); // serial "OpenCloner-Virtual-<n>"
            QCOMPARE((*transport)->deviceId().vid, board->config().vid);
            QCOMPARE((*transport)->deviceId().pid, board->config().pid);

            QByteArray info(proto::CpuInfoLength, '\0');
            auto count =
                (*transport)
                    ->controlIn(proto::GetCpuInfo, 0, 0,
                                {reinterpret_cast<quint8 *>(info.data()), size_t(info.size())}, 1000ms);
            QVERIFY2(count, why(count).constData());
            QCOMPARE(*count, proto::CpuInfoLength);
            QCOMPARE(info, board->config().romCpuInfoBytes());
        }
        QVERIFY(t31->config().romCpuInfoBytes() != t20->config().romCpuInfoBytes());
    }
};

QTEST_GUILESS_MAIN(TestVirtualBoardUsb)
#include "tst_virtualboardusb.moc"
