// The libusb error mapping: every value of enum libusb_error has a class and a description.
#include "core/usb/usberror.h"

#include <QTest>

#include <libusb.h>

using namespace oc;

class TestUsbError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyLibusbErrorMaps_data()
    {
        QTest::addColumn<int>("value");
        QTest::addColumn<ErrorCode>("code");
        // All enumerators of enum libusb_error in libusb 1.0.26.
        QTest::newRow("SUCCESS") << int(LIBUSB_SUCCESS) << ErrorCode::Ok;
        QTest::newRow("IO") << int(LIBUSB_ERROR_IO) << ErrorCode::Transfer;
        QTest::newRow("INVALID_PARAM") << int(LIBUSB_ERROR_INVALID_PARAM) << ErrorCode::Internal;
        QTest::newRow("ACCESS") << int(LIBUSB_ERROR_ACCESS) << ErrorCode::AccessDenied;
        QTest::newRow("NO_DEVICE") << int(LIBUSB_ERROR_NO_DEVICE) << ErrorCode::Disconnected;
        QTest::newRow("NOT_FOUND") << int(LIBUSB_ERROR_NOT_FOUND) << ErrorCode::NoDevice;
        QTest::newRow("BUSY") << int(LIBUSB_ERROR_BUSY) << ErrorCode::AccessDenied;
        QTest::newRow("TIMEOUT") << int(LIBUSB_ERROR_TIMEOUT) << ErrorCode::Timeout;
        QTest::newRow("OVERFLOW") << int(LIBUSB_ERROR_OVERFLOW) << ErrorCode::Transfer;
        QTest::newRow("PIPE") << int(LIBUSB_ERROR_PIPE) << ErrorCode::Stall;
        QTest::newRow("INTERRUPTED") << int(LIBUSB_ERROR_INTERRUPTED) << ErrorCode::Transfer;
        QTest::newRow("NO_MEM") << int(LIBUSB_ERROR_NO_MEM) << ErrorCode::Internal;
        QTest::newRow("NOT_SUPPORTED") << int(LIBUSB_ERROR_NOT_SUPPORTED) << ErrorCode::AccessDenied;
        QTest::newRow("OTHER") << int(LIBUSB_ERROR_OTHER) << ErrorCode::Transfer;
    }

    void everyLibusbErrorMaps()
    {
        QFETCH(int, value);
        QFETCH(ErrorCode, code);
        QCOMPARE(errorCodeForLibusb(value), code);
        const QString text = describeLibusbError(value);
        QVERIFY(!text.isEmpty());
        QVERIFY2(!text.startsWith(QLatin1String("unknown")), qPrintable(text));
        const Error error = libusbError(value, QStringLiteral("bulk OUT 0x01"));
        QCOMPARE(error.code, code);
        QCOMPARE(error.message, QStringLiteral("bulk OUT 0x01: ") + text);
        QCOMPARE(error.offset, -1);
    }

    void mappingSpansTheWholeEnum()
    {
        // Every value libusb itself can name is mapped; the range between the named values is not.
        int named = 0;
        for (int value = LIBUSB_ERROR_OTHER; value <= 0; ++value) {
            const bool libusbNamesIt = QByteArray(libusb_error_name(value)) != "**UNKNOWN**";
            const bool weNameIt = !describeLibusbError(value).startsWith(QLatin1String("unknown"));
            QCOMPARE(weNameIt, libusbNamesIt);
            named += weNameIt;
        }
        QCOMPARE(named, 14);
    }

    void unknownValuesAreTransferErrors()
    {
        QCOMPARE(errorCodeForLibusb(-42), ErrorCode::Transfer);
        QCOMPARE(describeLibusbError(-42), QStringLiteral("unknown libusb error -42"));
        QCOMPARE(libusbError(-42, QStringLiteral("control 0xc0/0x19")).message,
                 QStringLiteral("control 0xc0/0x19: unknown libusb error -42"));
    }
};

QTEST_GUILESS_MAIN(TestUsbError)
#include "tst_usberror.moc"
