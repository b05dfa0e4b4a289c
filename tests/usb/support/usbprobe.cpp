// usbprobe: lists the Ingenic boot devices libusb sees and asks each one LoopbackDevice's INFO
// request, one line per device: "<port path> <vid>:<pid> <virtual|real> <reply or error>".
// Run by the usb tests as a child process on the emulated bus (UmockdevBus::childEnvironment()).
#include "core/usb/deviceenumerator.h"
#include "core/usb/libusbcontext.h"
#include "core/usb/libusbtransport.h"

#include <QTextStream>

#include <chrono>

using namespace oc;

int main()
{
    QTextStream out(stdout);
    auto context = LibusbContext::create();
    if (!context) {
        out << "error " << context.error().message << Qt::endl;
        return 1;
    }
    auto devices = DeviceEnumerator::list(**context);
    if (!devices) {
        out << "error " << devices.error().message << Qt::endl;
        return 1;
    }
    for (const UsbDeviceId &id : *devices) {
        out << id.portPath << ' '
            << QStringLiteral("%1:%2")
                   .arg(id.vid, 4, 16, QLatin1Char('0'))
                   .arg(id.pid, 4, 16, QLatin1Char('0'));
        auto transport = LibusbTransport::open(*context, id);
        if (!transport) {
            out << " error " << transport.error().message << Qt::endl;
            continue;
        }
        QByteArray info(8, '\0');
        auto count = (*transport)
                         ->controlIn(0x00, 0, 0, {reinterpret_cast<quint8 *>(info.data()), 8},
                                     std::chrono::milliseconds(1000));
        out << ((*transport)->deviceId().isVirtual ? " virtual " : " real ")
            << (count ? QString::fromLatin1(info.left(*count))
                      : QStringLiteral("error ") + count.error().message)
            << Qt::endl;
    }
    return 0;
}
