// LibusbTransport, DeviceEnumerator and the umockdev bridge together: the real libusb code path
// against LoopbackDevice models on an emulated bus.
#include "core/usb/deviceenumerator.h"
#include "core/usb/recordingtransport.h"
#include "core/usb/replaytransport.h"
#include "usbfixture.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <thread>

using namespace oc;
using namespace oc::test;
using namespace std::chrono_literals;

namespace {

constexpr Milliseconds Short{300}; // every transfer here completes at once or is meant to time out

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

std::span<quint8> span(QByteArray &bytes)
{
    return {reinterpret_cast<quint8 *>(bytes.data()), size_t(bytes.size())};
}

// Sends `payload` to the loopback device and reads it back through the transport.
Status loopback(UsbTransport &transport, QByteArray payload, Milliseconds timeout = 5000ms)
{
    OC_TRY_CTX(transport.bulkOut(span(payload), timeout), QStringLiteral("send"));
    QByteArray echo(payload.size(), '\0');
    OC_TRY_CTX(transport.bulkIn(span(echo), timeout), QStringLiteral("receive"));
    if (echo != payload)
        return makeError(ErrorCode::VerifyMismatch, QStringLiteral("echo differs"));
    return {};
}

} // namespace

class TestLibusbTransport : public QObject
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
    void cleanup() { m_usb.clear(); }

    void enumeratesDevicesByPortPath()
    {
        QVERIFY(m_usb.plug(QStringLiteral("1-4.2")));
        QVERIFY(m_usb.plug(QStringLiteral("1-1")));
        auto devices = DeviceEnumerator::list(*m_usb.context());
        QVERIFY2(devices, why(devices).constData());
        QCOMPARE(devices->size(), 2); // the hubs on the way are not Ingenic boot devices
        QCOMPARE(devices->at(0).portPath, QStringLiteral("1-1"));
        QCOMPARE(devices->at(1).portPath, QStringLiteral("1-4.2"));
        for (const UsbDeviceId &id : *devices) {
            QCOMPARE(id.bus, quint8(1));
            QCOMPARE(id.vid, quint16(0xA108));
            QCOMPARE(id.pid, quint16(0xC309));
            QCOMPARE(id.address, m_usb.bus().device(id.portPath)->address);
            QVERIFY(!id.isVirtual);
        }
        QVERIFY(devices->at(0).address != devices->at(1).address);
    }

    void theBusRejectsImpossibleSlots()
    {
        QVERIFY(m_usb.plug(QStringLiteral("1-4.2")));
        const auto model = std::make_shared<LoopbackDevice>();
        for (const QString &slot : {QStringLiteral("1-4.2"), QStringLiteral("1-4"), QStringLiteral("1-4.2.1"),
                                    QStringLiteral("4.2"), QStringLiteral("0-1"), QStringLiteral("1-0"),
                                    QStringLiteral("1-1.2.3.4.5.6.7.8")}) {
            const auto added = m_usb.bus().addDevice(model, slot);
            QVERIFY2(!added, qPrintable(slot));
            QCOMPARE(added.error().code, ErrorCode::InvalidArgument);
        }
        QCOMPARE(m_usb.bus().removeDevice(QStringLiteral("1-9")).error().code, ErrorCode::NoDevice);
        QCOMPARE(sim::UmockdevBus::create().error().code, ErrorCode::Internal); // one per process
        QCOMPARE(m_usb.bus().devices().size(), 1);
    }

    void controlTransfersCarryFieldsAndData()
    {
        const auto device = m_usb.plug(QStringLiteral("1-2"));
        auto transport = m_usb.open(QStringLiteral("1-2"));
        QVERIFY2(transport, why(transport).constData());

        const QByteArray payload = QByteArrayLiteral("hello, ROM");
        QVERIFY((*transport)
                    ->controlOut(LoopbackDevice::Store, 0x8000, 0x1000,
                                 {reinterpret_cast<const quint8 *>(payload.data()), size_t(payload.size())},
                                 Short));
        const ControlSetup store = device->setups().constLast();
        QCOMPARE(store, (ControlSetup{0x40, LoopbackDevice::Store, 0x8000, 0x1000, quint16(payload.size())}));
        QCOMPARE(device->storedData(), payload);

        QByteArray answer(64, '\0');
        auto count = (*transport)->controlIn(LoopbackDevice::Fetch, 0, 0, span(answer), Short);
        QVERIFY2(count, why(count).constData());
        QCOMPARE(*count, 4 + payload.size());
        QCOMPARE(answer.left(*count), QByteArray::fromHex("00800010") + payload);
        QCOMPARE(device->setups().constLast(), (ControlSetup{0xC0, LoopbackDevice::Fetch, 0, 0, 64}));
    }

    void deviceSendingMoreThanAskedIsAnOverflow()
    {
        QVERIFY(m_usb.plug(QStringLiteral("1-2")));
        auto transport = m_usb.open(QStringLiteral("1-2"));
        QVERIFY(transport);
        QByteArray info(8, '\0');
        QCOMPARE(*(*transport)->controlIn(LoopbackDevice::Info, 0, 0, span(info), Short), 8);
        QCOMPARE(info, LoopbackDevice::InfoReply);

        QByteArray tooSmall(4, '\0'); // the ROM always sends 8 bytes [spec 5.1]
        auto count = (*transport)->controlIn(LoopbackDevice::Info, 0, 0, span(tooSmall), Short);
        QVERIFY(!count);
        QCOMPARE(count.error().code, ErrorCode::Transfer);
        QVERIFY2(count.error().message.startsWith(QLatin1String("control 0xc0/0x00: overflow")),
                 why(count).constData());
    }

    void bulkLoopbackOfOneMebibyte()
    {
        const auto device = m_usb.plug(QStringLiteral("1-3"));
        auto transport = m_usb.open(QStringLiteral("1-3"));
        QVERIFY(transport);
        const Status echoed = loopback(**transport, randomBytes(1 << 20, 1));
        QVERIFY2(echoed, why(echoed).constData());
        // Scatter-gather reported: one URB, so the device sees the whole transfer at once.
        const auto pieces = device->bulkOutPieces();
        QCOMPARE(pieces.size(), 1);
        QCOMPARE(pieces.at(0).size, 1 << 20);
        QVERIFY(pieces.at(0).endOfTransfer);
    }

    void splitBulkReachesTheDevicePieceByPiece()
    {
        const auto device = m_usb.plug(QStringLiteral("1-3"), {}, sim::UmockdevBus::DeviceOptions{true});
        auto transport = m_usb.open(QStringLiteral("1-3"));
        QVERIFY(transport);
        const Status echoed = loopback(**transport, randomBytes(1 << 20, 2));
        QVERIFY2(echoed, why(echoed).constData());
        const auto pieces = device->bulkOutPieces();
        QCOMPARE(pieces.size(), 64); // libusb's 16 KiB URBs
        for (qsizetype i = 0; i < pieces.size(); ++i) {
            QCOMPARE(pieces.at(i).size, 16384);
            QCOMPARE(pieces.at(i).endOfTransfer, i == pieces.size() - 1);
        }
        const Status odd = loopback(**transport, randomBytes(40000, 3)); // 16384 + 16384 + 7232
        QVERIFY2(odd, why(odd).constData());
        QCOMPARE(device->bulkOutPieces().constLast().size, 40000 - 2 * 16384);
        QVERIFY(device->bulkOutPieces().constLast().endOfTransfer);
    }

    void stallIsStall()
    {
        const auto device = m_usb.plug(QStringLiteral("1-2"));
        auto transport = m_usb.open(QStringLiteral("1-2"));
        QVERIFY(transport);
        QByteArray buffer(8, '\0');
        auto unknown = (*transport)->controlIn(0x42, 0, 0, span(buffer), Short);
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::Stall);
        QCOMPARE(unknown.error().message, QStringLiteral("control 0xc0/0x42: stalled (pipe error)"));

        device->stallNext();
        QByteArray data(512, 'x');
        const Status sent = (*transport)->bulkOut(span(data), Short);
        QVERIFY(!sent);
        QCOMPARE(sent.error().code, ErrorCode::Stall);
        QCOMPARE(sent.error().message, QStringLiteral("bulk OUT 0x01: stalled (pipe error) at byte 0"));
        QVERIFY(loopback(**transport, randomBytes(4096, 4))); // a stall does not end the device
    }

    void delayBeyondTheTimeoutIsATimeout()
    {
        const auto device = m_usb.plug(QStringLiteral("1-2"));
        auto transport = m_usb.open(QStringLiteral("1-2"));
        QVERIFY(transport);
        device->delayNext(10s);
        QByteArray info(8, '\0');
        QElapsedTimer timer;
        timer.start();
        auto count = (*transport)->controlIn(LoopbackDevice::Info, 0, 0, span(info), 100ms);
        QVERIFY(!count);
        QCOMPARE(count.error().code, ErrorCode::Timeout);
        QCOMPARE(count.error().message, QStringLiteral("control 0xc0/0x00: timed out after 100 ms"));
        QVERIFY(timer.elapsed() < 5000); // bounded by the host's timeout, not by the device's delay
        QCOMPARE(device->cancellations(), 1);

        QByteArray nothing(512, '\0'); // nothing queued for bulk IN: the endpoint NAKs
        const Status received = (*transport)->bulkIn(span(nothing), 100ms);
        QVERIFY(!received);
        QCOMPARE(received.error().code, ErrorCode::Timeout);
        QCOMPARE(received.error().offset, 0);
        QVERIFY(loopback(**transport, randomBytes(512, 5))); // the device still answers
    }

    void leavingTheBusMidTransferIsDisconnected()
    {
        const auto device = m_usb.plug(QStringLiteral("1-5"));
        auto transport = m_usb.open(QStringLiteral("1-5"));
        QVERIFY(transport);
        const quint8 before = m_usb.bus().device(QStringLiteral("1-5"))->address;

        device->leaveDuringNextBulkOut(4096);
        QByteArray data = randomBytes(65536, 6);
        auto sent = (*transport)->bulk(BulkOutEndpoint, span(data), 2000ms);
        QVERIFY(!sent);
        QCOMPARE(sent.error().code, ErrorCode::Disconnected);
        QCOMPARE(sent.error().offset, 4096);
        QCOMPARE(sent.error().message, QStringLiteral("bulk OUT 0x01: device left the bus at byte 4096"));

        QByteArray info(8, '\0');
        auto after = (*transport)->controlIn(LoopbackDevice::Info, 0, 0, span(info), Short);
        QVERIFY(!after);
        QCOMPARE(after.error().code, ErrorCode::Disconnected);
        QTRY_VERIFY_WITH_TIMEOUT(!m_usb.bus().device(QStringLiteral("1-5")), 2000);
        QTRY_VERIFY_WITH_TIMEOUT(DeviceEnumerator::list(*m_usb.context())->isEmpty(), 2000);
        transport->reset();

        device->plug(); // the same board in the same slot: a new address, the same identity
        QTRY_VERIFY_WITH_TIMEOUT(m_usb.bus().device(QStringLiteral("1-5")).has_value(), 2000);
        auto devices = DeviceEnumerator::list(*m_usb.context());
        QCOMPARE(devices->size(), 1);
        QCOMPARE(devices->at(0).portPath, QStringLiteral("1-5"));
        QVERIFY(devices->at(0).address != before);
        auto reopened = m_usb.open(QStringLiteral("1-5"));
        QVERIFY2(reopened, why(reopened).constData());
        QVERIFY(loopback(**reopened, randomBytes(1024, 7)));
    }

    void leavingTheBusWhileATransferWaitsIsDisconnected()
    {
        const auto device = m_usb.plug(QStringLiteral("1-6"));
        auto transport = m_usb.open(QStringLiteral("1-6"));
        QVERIFY(transport);
        device->leaveAfter(50ms); // the bulk IN below waits for data that never comes
        QByteArray buffer(4096, '\0');
        const Status received = (*transport)->bulkIn(span(buffer), 3000ms);
        QVERIFY(!received);
        QCOMPARE(received.error().code, ErrorCode::Disconnected);
    }

    void virtualBoardsAreRecognisedBySerial()
    {
        const auto real = m_usb.plug(QStringLiteral("1-7"));
        const auto virt = m_usb.plug(QStringLiteral("1-8"), QStringLiteral("OpenCloner-Virtual-42"));
        auto realTransport = m_usb.open(QStringLiteral("1-7"));
        auto virtTransport = m_usb.open(QStringLiteral("1-8"));
        QVERIFY(realTransport && virtTransport);
        QVERIFY(!(*realTransport)->deviceId().isVirtual);
        QVERIFY((*virtTransport)->deviceId().isVirtual);
        // iSerialNumber 0 (a real ROM): no request at all beyond the kernel's SET_CONFIGURATION.
        QCOMPARE(real->setups(), (QList<ControlSetup>{{0x00, 0x09, 1, 0, 0}}));
        QCOMPARE(virt->setups().size(), 2);
        QCOMPARE(virt->setups().at(1), (ControlSetup{0x80, 0x06, 0x0303, 0x0409, 255}));
    }

    void devicesWorkInParallelFromSeveralThreads()
    {
        const QStringList slots{QStringLiteral("2-1"), QStringLiteral("2-2"), QStringLiteral("2-3")};
        std::vector<std::unique_ptr<LibusbTransport>> transports;
        for (const QString &slot : slots) {
            QVERIFY(m_usb.plug(slot));
            auto transport = m_usb.open(slot);
            QVERIFY(transport);
            transports.push_back(std::move(*transport));
        }
        std::vector<Status> results(transports.size());
        std::vector<std::thread> threads;
        for (size_t i = 0; i < transports.size(); ++i) {
            threads.emplace_back([&, i] {
                for (int round = 0; round < 4 && results[i].ok(); ++round)
                    results[i] = loopback(*transports[i], randomBytes(256 * 1024, quint32(10 * i + round)));
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        for (const Status &result : results)
            QVERIFY2(result, why(result).constData());
    }

    void aSlowDeviceDoesNotHoldUpAnother()
    {
        const auto slow = m_usb.plug(QStringLiteral("2-4"));
        QVERIFY(m_usb.plug(QStringLiteral("2-5")));
        auto slowTransport = m_usb.open(QStringLiteral("2-4"));
        auto fastTransport = m_usb.open(QStringLiteral("2-5"));
        QVERIFY(slowTransport && fastTransport);
        slow->delayNext(1500ms);
        Result<int> slowResult = 0;
        QByteArray info(8, '\0');
        std::thread slowThread([&] {
            slowResult = (*slowTransport)->controlIn(LoopbackDevice::Info, 0, 0, span(info), 5000ms);
        });
        QTRY_COMPARE_WITH_TIMEOUT(slow->setups().size(), 2, 1000); // SET_CONFIGURATION + INFO
        // While the slow device's transfer is pending, the other one answers within short timeouts.
        for (int round = 0; round < 5; ++round) {
            const Status echoed = loopback(**fastTransport, randomBytes(4096, quint32(20 + round)), Short);
            QVERIFY2(echoed, why(echoed).constData());
        }
        slowThread.join();
        QVERIFY2(slowResult, why(slowResult).constData());
        QCOMPARE(info, LoopbackDevice::InfoReply);
    }

    void recordingReplaysTheRealSession()
    {
        QVERIFY(m_usb.plug(QStringLiteral("1-9")));
        auto transport = m_usb.open(QStringLiteral("1-9"));
        QVERIFY(transport);
        RecordingTransport recorder(std::move(*transport));
        QVERIFY(loopback(recorder, randomBytes(8192, 8)));
        QByteArray info(8, '\0');
        QVERIFY(recorder.controlIn(LoopbackDevice::Info, 0, 0, span(info), Short));
        QByteArray nothing(512, '\0');
        QVERIFY(!recorder.bulkIn(span(nothing), 50ms));

        ReplayTransport replay(recorder.records(), recorder.deviceId());
        QVERIFY(loopback(replay, randomBytes(8192, 8)));
        QByteArray replayed(8, '\0');
        QCOMPARE(*replay.controlIn(LoopbackDevice::Info, 0, 0, span(replayed), Short), 8);
        QCOMPARE(replayed, LoopbackDevice::InfoReply);
        const Status timedOut = replay.bulkIn(span(nothing), 50ms);
        QCOMPARE(timedOut.error().code, ErrorCode::Timeout);
        QVERIFY(replay.atEnd());
    }
};

QTEST_GUILESS_MAIN(TestLibusbTransport)
#include "tst_libusbtransport.moc"
