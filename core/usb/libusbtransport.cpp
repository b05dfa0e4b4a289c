#include "libusbtransport.h"

#include "../util/logging.h"
#include "deviceenumerator.h"
#include "libusbcontext.h"
#include "usberror.h"

#include <libusb.h>

#include <array>
#include <climits>

namespace oc {

namespace {

constexpr int Interface = 0;
constexpr int Configuration = 1;
constexpr unsigned StringTimeoutMs = 1000;
constexpr quint16 LangIdEnglishUs = 0x0409;

QString slotName(const UsbDeviceId &id)
{
    return QStringLiteral("%1 (%2:%3)")
        .arg(id.portPath)
        .arg(id.vid, 4, 16, QLatin1Char('0'))
        .arg(id.pid, 4, 16, QLatin1Char('0'));
}

// A failed transfer: "<what>: timed out after 500 ms".
Error transferError(int rc, const QString &what, Milliseconds timeout)
{
    QString text = describeLibusbError(rc);
    if (rc == LIBUSB_ERROR_TIMEOUT)
        text += QStringLiteral(" after %1 ms").arg(timeout.count());
    return makeError(errorCodeForLibusb(rc), text).withContext(what);
}

// Opening: a device that is gone or not found is "no device", not "disconnected".
Error openError(int rc, const QString &what)
{
    Error error = libusbError(rc, what);
    if (rc == LIBUSB_ERROR_NO_DEVICE || rc == LIBUSB_ERROR_NOT_FOUND)
        error.code = ErrorCode::NoDevice;
    return error;
}

// The libusb device in the slot of `id`, referenced; nullptr if there is none.
libusb_device *findDevice(LibusbContext &context, const UsbDeviceId &id, int *rc)
{
    libusb_device **devices = nullptr;
    const ssize_t count = libusb_get_device_list(context.handle(), &devices);
    *rc = count < 0 ? int(count) : LIBUSB_SUCCESS;
    libusb_device *found = nullptr;
    for (ssize_t i = 0; i < count && !found; ++i) {
        const auto candidate = DeviceEnumerator::describe(devices[i]);
        if (candidate && candidate->portPath == id.portPath && (id.vid == 0 || candidate->vid == id.vid))
            found = libusb_ref_device(devices[i]);
    }
    if (count >= 0)
        libusb_free_device_list(devices, 1);
    return found;
}

} // namespace

Result<std::unique_ptr<LibusbTransport>> LibusbTransport::open(std::shared_ptr<LibusbContext> context,
                                                               const UsbDeviceId &id)
{
    const QString what = QStringLiteral("opening %1").arg(slotName(id));
    int rc = LIBUSB_SUCCESS;
    libusb_device *device = findDevice(*context, id, &rc);
    if (rc < 0)
        return openError(rc, what);
    if (!device)
        return makeError(ErrorCode::NoDevice, QStringLiteral("%1: no such device on the bus").arg(what));

    UsbDeviceId actual = DeviceEnumerator::describe(device).value_or(id);
    libusb_device_handle *handle = nullptr;
    rc = libusb_open(device, &handle);
    libusb_unref_device(device); // the handle holds its own reference
    if (rc < 0)
        return openError(rc, what);

    std::unique_ptr<LibusbTransport> transport(new LibusbTransport(std::move(context), handle, actual));
    OC_TRY_CTX(transport->claim(), what);
    transport->m_id.isVirtual = transport->hasVirtualSerial();
    qCDebug(lcUsb).noquote() << "opened" << slotName(transport->m_id) << "address" << transport->m_id.address
                             << (transport->m_id.isVirtual ? "(virtual board)" : "");
    return transport;
}

LibusbTransport::LibusbTransport(std::shared_ptr<LibusbContext> context, libusb_device_handle *handle,
                                 UsbDeviceId id)
    : m_context(std::move(context))
    , m_handle(handle)
    , m_id(std::move(id))
{}

LibusbTransport::~LibusbTransport()
{
    if (m_claimed)
        libusb_release_interface(m_handle, Interface); // fails harmlessly once the board is gone
    libusb_close(m_handle);
}

Status LibusbTransport::claim()
{
    // The OS configured the device during enumeration; the ROM stalls GET_CONFIGURATION, so only
    // libusb's cached value is consulted (from sysfs on Linux) and SET_CONFIGURATION is sent only
    // when it says "unconfigured" [spec 2.2, 5.1].
    // Where libusb has to ask the device (not Linux), a ROM stall means "configured by the OS".
    int configuration = -1;
    if (const int rc = libusb_get_configuration(m_handle, &configuration); rc < 0 && rc != LIBUSB_ERROR_PIPE)
        return libusbError(rc, QStringLiteral("reading the configuration"));
    if (configuration == 0) {
        if (const int rc = libusb_set_configuration(m_handle, Configuration); rc < 0)
            return libusbError(rc, QStringLiteral("selecting configuration 1"));
    }
    if (libusb_kernel_driver_active(m_handle, Interface) == 1) {
        if (const int rc = libusb_detach_kernel_driver(m_handle, Interface); rc < 0)
            return libusbError(rc, QStringLiteral("detaching the kernel driver"));
    }
    if (const int rc = libusb_claim_interface(m_handle, Interface); rc < 0)
        return libusbError(rc, QStringLiteral("claiming interface 0"));
    m_claimed = true;
    return {};
}

bool LibusbTransport::hasVirtualSerial()
{
    libusb_device_descriptor descriptor{};
    if (libusb_get_device_descriptor(libusb_get_device(m_handle), &descriptor) != LIBUSB_SUCCESS ||
        descriptor.iSerialNumber == 0)
        return false;
    std::array<unsigned char, 255> buffer{};
    // One GET_DESCRIPTOR(string) with a fixed language: no extra request for the language table.
    const int rc =
        libusb_control_transfer(m_handle, LIBUSB_ENDPOINT_IN, LIBUSB_REQUEST_GET_DESCRIPTOR,
                                quint16((LIBUSB_DT_STRING << 8) | descriptor.iSerialNumber), LangIdEnglishUs,
                                buffer.data(), quint16(buffer.size()), StringTimeoutMs);
    if (rc < 2 || buffer[1] != LIBUSB_DT_STRING)
        return false;
    const int length = qMin(rc, int(buffer[0])) & ~1;
    const QString serial =
        QString::fromUtf16(reinterpret_cast<const char16_t *>(buffer.data() + 2), (length - 2) / 2);
    return serial.startsWith(QLatin1String(VirtualSerialPrefix));
}

Result<int> LibusbTransport::control(const ControlSetup &setup, std::span<quint8> data, Milliseconds timeout)
{
    const QString what = QStringLiteral("control 0x%1/0x%2")
                             .arg(setup.requestType, 2, 16, QLatin1Char('0'))
                             .arg(setup.request, 2, 16, QLatin1Char('0'));
    if (data.size() < setup.length)
        return makeError(ErrorCode::Internal, QStringLiteral("%1: buffer of %2 bytes for wLength %3")
                                                  .arg(what)
                                                  .arg(data.size())
                                                  .arg(setup.length));
    if (timeout.count() <= 0 || timeout.count() > UINT_MAX)
        return makeError(ErrorCode::Internal, QStringLiteral("%1: unbounded timeout").arg(what));
    const int rc = libusb_control_transfer(m_handle, setup.requestType, setup.request, setup.value,
                                           setup.index, setup.length ? data.data() : nullptr, setup.length,
                                           unsigned(timeout.count()));
    qCDebug(lcUsb).noquote() << m_id.portPath << what << "wValue" << Qt::hex << setup.value << "wIndex"
                             << setup.index << Qt::dec << "wLength" << setup.length << "->" << rc;
    if (rc < 0)
        return transferError(rc, what, timeout);
    return rc;
}

Result<int> LibusbTransport::bulk(quint8 endpoint, std::span<quint8> data, Milliseconds timeout)
{
    const bool in = endpoint & LIBUSB_ENDPOINT_IN;
    const QString what = QStringLiteral("bulk %1 0x%2")
                             .arg(in ? QStringLiteral("IN") : QStringLiteral("OUT"))
                             .arg(endpoint, 2, 16, QLatin1Char('0'));
    if (data.size() > size_t(INT_MAX))
        return makeError(ErrorCode::Internal,
                         QStringLiteral("%1: %2 bytes in one transfer").arg(what).arg(data.size()));
    if (timeout.count() <= 0 || timeout.count() > UINT_MAX)
        return makeError(ErrorCode::Internal, QStringLiteral("%1: unbounded timeout").arg(what));
    int transferred = 0;
    const int rc = libusb_bulk_transfer(m_handle, endpoint, data.data(), int(data.size()), &transferred,
                                        unsigned(timeout.count()));
    qCDebug(lcUsb).noquote() << m_id.portPath << what << data.size() << "bytes ->" << rc << "moved"
                             << transferred;
    if (rc < 0) {
        Error error = transferError(rc, what, timeout);
        error.message += QStringLiteral(" at byte %1").arg(transferred);
        error.offset = transferred;
        return error;
    }
    return transferred;
}

} // namespace oc
