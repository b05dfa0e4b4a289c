#include "usbfsdevice.h"

#include "core/util/logging.h"

#include <linux/ioctl.h>
#include <linux/usbdevice_fs.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <tuple>

namespace oc::sim {

namespace {

constexpr int SetupSize = 8;
constexpr int SplitPieceSize = 16384;                            // libusb's MAX_BULK_BUFFER_LENGTH
constexpr SimDuration QuietTime = std::chrono::milliseconds(50); // see startBulkOut()
constexpr unsigned SpeedHigh = 3;                                // enum usb_device_speed
constexpr unsigned SpeedFull = 2;

// A pointer-sized or struct argument of the current ioctl, copied from the client.
GObjectPtr<UMockdevIoctlData> resolveArgument(UMockdevIoctlClient *client, gsize length)
{
    GError *error = nullptr;
    UMockdevIoctlData *data =
        umockdev_ioctl_data_resolve(umockdev_ioctl_client_get_arg(client), 0, length, &error);
    if (error) {
        qCWarning(lcSim) << "usbfs: cannot read the ioctl argument:" << error->message;
        g_error_free(error);
    }
    return GObjectPtr<UMockdevIoctlData>(data);
}

void fail(UMockdevIoctlClient *client, int error)
{
    umockdev_ioctl_client_complete(client, -1, error);
}

void succeed(UMockdevIoctlClient *client, long result = 0)
{
    umockdev_ioctl_client_complete(client, result, 0);
}

ControlSetup setupFrom(const guint8 *bytes)
{
    const auto le16 = [bytes](int i) {
        return quint16(bytes[i] | bytes[i + 1] << 8);
    };
    return ControlSetup{bytes[0], bytes[1], le16(2), le16(4), le16(6)};
}

} // namespace

struct UsbfsDevice::Urb
{
    GObjectPtr<UMockdevIoctlData> data;  // local copy of the client's struct usbdevfs_urb
    UMockdevIoctlData *buffer = nullptr; // its buffer; a child owned by `data`
    gulong clientAddress = 0;            // the client's URB pointer (DISCARDURB names it)
    quint64 sequence = 0;
    quint8 type = 0;
    quint8 endpoint = 0;
    unsigned flags = 0;
    int length = 0;
    bool started = false; // given to the model, or finished without it
    bool forever = false; // the model will not complete it: only a discard ends it
    SimTime doneAt{};
    int status = 0;
    int actual = 0;
    QByteArray inData;

    bool isControl() const { return type == USBDEVFS_URB_TYPE_CONTROL; }
    bool isIn() const { return endpoint & 0x80; }
    bool reapable(SimTime now) const { return started && !forever && doneAt <= now; }
    QByteArray bytes() const
    {
        return buffer ? QByteArray(reinterpret_cast<const char *>(buffer->data), buffer->data_len)
                      : QByteArray();
    }
    void finish(int urbStatus, SimTime now)
    {
        started = true;
        forever = false;
        status = urbStatus;
        actual = 0;
        inData.clear();
        doneAt = now;
    }
};

struct UsbfsDevice::Waiter
{
    GObjectPtr<UMockdevIoctlClient> client;
};

UsbfsDevice::UsbfsDevice(std::shared_ptr<DeviceModel> model, Config config,
                         std::shared_ptr<const std::atomic<quint64>> attachEvents, quint64 generation)
    : m_model(std::move(model))
    , m_config(std::move(config))
    , m_attachEvents(std::move(attachEvents))
    , m_generation(generation)
    , m_maxPacket(m_config.speedMbps >= 480 ? 512 : 64)
{}

UsbfsDevice::~UsbfsDevice()
{
    shutdown();
}

void UsbfsDevice::adoptHandler(UMockdevIoctlBase *handler, gulong signalId)
{
    m_handler = handler;
    m_signalId = signalId;
}

void UsbfsDevice::shutdown()
{
    m_present = false;
    for (Waiter &waiter : m_waiters)
        fail(waiter.client.get(), ENODEV);
    m_waiters.clear();
    m_urbs.clear();
    if (m_handler) {
        // Drops the signal's reference to the bus; umockdev clients may still hold the handler.
        g_signal_handler_disconnect(m_handler, m_signalId);
        g_object_unref(m_handler);
        m_handler = nullptr;
    }
}

bool UsbfsDevice::handleIoctl(UMockdevIoctlClient *client)
{
    const gulong request = umockdev_ioctl_client_get_request(client);
    switch (request) {
    case USBDEVFS_SUBMITURB:
        m_present ? submitUrb(client) : fail(client, ENODEV);
        break;
    case USBDEVFS_REAPURB:
    case USBDEVFS_REAPURBNDELAY: // also after leaving the bus: libusb reaps what failed
        reapUrb(client, request == USBDEVFS_REAPURB);
        break;
    case USBDEVFS_DISCARDURB:
        discardUrb(client);
        break;
    default:
        m_present ? handleDeviceIoctl(client, request) : fail(client, ENODEV);
        break;
    }
    return true;
}

void UsbfsDevice::handleDeviceIoctl(UMockdevIoctlClient *client, gulong request)
{
    switch (request) {
    case USBDEVFS_CLAIMINTERFACE:
    case USBDEVFS_RELEASEINTERFACE:
    case USBDEVFS_DISCONNECT_CLAIM:
        return claimInterface(client);
    case USBDEVFS_SETCONFIGURATION:
        return setConfiguration(client);
    case USBDEVFS_GET_CAPABILITIES:
        return answerCapabilities(client);
    case USBDEVFS_CONNECTINFO:
        return answerConnectInfo(client);
#ifdef USBDEVFS_GET_SPEED
    case USBDEVFS_GET_SPEED:
        return succeed(client, m_config.speedMbps >= 480 ? SpeedHigh : SpeedFull);
#endif
    case USBDEVFS_GETDRIVER: // no kernel driver is bound to an Ingenic boot device
    case USBDEVFS_IOCTL:     // USBDEVFS_DISCONNECT / CONNECT of that (absent) driver
        return fail(client, ENODATA);
    case USBDEVFS_CLEAR_HALT:
    case USBDEVFS_SETINTERFACE:
        return forwardStandardRequest(client, request);
    default:
        // Includes USBDEVFS_RESET: a bus reset has undefined effects on a ROM (spec 5.1) and is
        // not emulated; OpenCloner never issues it.
        qCDebug(lcSim) << "usbfs: unhandled ioctl" << Qt::hex << request;
        return fail(client, ENOTTY);
    }
}

void UsbfsDevice::submitUrb(UMockdevIoctlClient *client)
{
    auto data = resolveArgument(client, sizeof(usbdevfs_urb));
    if (!data)
        return fail(client, EFAULT);
    const auto *raw = reinterpret_cast<const usbdevfs_urb *>(data->data);
    const bool control = raw->type == USBDEVFS_URB_TYPE_CONTROL;
    if ((!control && raw->type != USBDEVFS_URB_TYPE_BULK) || raw->buffer_length < (control ? SetupSize : 0))
        return fail(client, EINVAL);

    Urb urb;
    urb.clientAddress = data->client_addr;
    urb.type = raw->type;
    urb.endpoint = raw->endpoint;
    urb.flags = raw->flags;
    urb.length = raw->buffer_length;
    urb.sequence = ++m_sequence;
    if (urb.length > 0) {
        GError *error = nullptr;
        // The child stays owned by `data`; resolving replaces the pointer with a local copy.
        GObjectPtr<UMockdevIoctlData> buffer(umockdev_ioctl_data_resolve(
            data.get(), offsetof(usbdevfs_urb, buffer), gsize(urb.length), &error));
        if (!buffer) {
            qCWarning(lcSim) << "usbfs: cannot read the URB buffer:" << (error ? error->message : "");
            g_clear_error(&error);
            return fail(client, EFAULT);
        }
        urb.buffer = buffer.get();
    }
    urb.data = std::move(data);
    m_lastSubmitAt = SimClock::now();
    m_urbs.push_back(std::move(urb));
    pump(m_lastSubmitAt);
    succeed(client);
}

void UsbfsDevice::reapUrb(UMockdevIoctlClient *client, bool blocking)
{
    const SimTime now = SimClock::now();
    pump(now);
    if (Urb *urb = nextReapable(now)) {
        const auto it = std::find_if(m_urbs.begin(), m_urbs.end(), [urb](const Urb &u) { return &u == urb; });
        deliver(client, it);
    } else if (!m_present) {
        fail(client, ENODEV);
    } else if (blocking) {
        m_waiters.push_back(Waiter{
            GObjectPtr<UMockdevIoctlClient>(static_cast<UMockdevIoctlClient *>(g_object_ref(client)))});
    } else {
        fail(client, EAGAIN);
    }
}

void UsbfsDevice::discardUrb(UMockdevIoctlClient *client)
{
    gulong address = 0;
    UMockdevIoctlData *arg = umockdev_ioctl_client_get_arg(client);
    std::memcpy(&address, arg->data, qMin<gsize>(sizeof(address), gsize(arg->data_len)));
    const SimTime now = SimClock::now();
    const auto it = std::find_if(m_urbs.begin(), m_urbs.end(),
                                 [address](const Urb &u) { return u.clientAddress == address; });
    // Like the kernel: an URB that already completed can only be reaped.
    if (it == m_urbs.end() || it->reapable(now))
        return fail(client, EINVAL);
    if (it->started && m_model)
        m_model->cancelPending(now);
    it->finish(-ENOENT, now);
    checkAttachment();
    succeed(client);
}

void UsbfsDevice::claimInterface(UMockdevIoctlClient *client)
{
    // Interface 0 is the only one [spec 1.5]; usbdevfs_disconnect_claim starts with the number too.
    const auto arg = resolveArgument(client, sizeof(unsigned));
    if (!arg)
        return fail(client, EFAULT);
    if (*reinterpret_cast<const unsigned *>(arg->data) != 0)
        return fail(client, ENOENT);
    succeed(client);
}

void UsbfsDevice::setConfiguration(UMockdevIoctlClient *client)
{
    const auto arg = resolveArgument(client, sizeof(int));
    if (!arg)
        return fail(client, EFAULT);
    const int configuration = *reinterpret_cast<const int *>(arg->data);
    if (configuration < 0 || configuration > 1)
        return fail(client, EINVAL);
    // The kernel sends SET_CONFIGURATION to the device; its timing is not modelled here.
    const Reply reply = m_model->control(ControlSetup{0x00, 0x09, quint16(configuration), 0, 0}, {},
                                         SimClock::now(), m_config.urbTimeout);
    checkAttachment();
    if (reply.status != TransferStatus::Ok)
        return fail(client, reply.status == TransferStatus::NoDevice ? ENODEV : EPIPE);
    if (m_config.configurationChanged)
        m_config.configurationChanged(configuration);
    succeed(client);
}

// CLEAR_HALT and SETINTERFACE are real requests on the wire (CLEAR_FEATURE(ENDPOINT_HALT),
// SET_INTERFACE); a boot ROM stalls both [spec 2.2]. Their timing is not modelled.
void UsbfsDevice::forwardStandardRequest(UMockdevIoctlClient *client, gulong request)
{
    ControlSetup setup;
    if (request == USBDEVFS_CLEAR_HALT) {
        const auto endpoint = resolveArgument(client, sizeof(unsigned));
        if (!endpoint)
            return fail(client, EFAULT);
        setup =
            ControlSetup{0x02, 0x01, 0x0000, quint16(*reinterpret_cast<const unsigned *>(endpoint->data)), 0};
    } else {
        const auto arg = resolveArgument(client, sizeof(usbdevfs_setinterface));
        if (!arg)
            return fail(client, EFAULT);
        const auto *set = reinterpret_cast<const usbdevfs_setinterface *>(arg->data);
        setup = ControlSetup{0x01, 0x0B, quint16(set->altsetting), quint16(set->interface), 0};
    }
    const Reply reply = m_model->control(setup, {}, SimClock::now(), m_config.urbTimeout);
    checkAttachment();
    switch (reply.status) {
    case TransferStatus::Ok:
        return succeed(client);
    case TransferStatus::NoDevice:
        return fail(client, ENODEV);
    case TransferStatus::Timeout:
        return fail(client, ETIMEDOUT);
    case TransferStatus::Stall:
    case TransferStatus::Overflow:
        return fail(client, EPIPE);
    }
}

void UsbfsDevice::answerCapabilities(UMockdevIoctlClient *client)
{
    const auto arg = resolveArgument(client, sizeof(quint32));
    if (!arg)
        return fail(client, EFAULT);
    // Without scatter-gather libusb splits bulk transfers into 16 KiB URBs with BULK_CONTINUATION.
    quint32 caps = USBDEVFS_CAP_BULK_CONTINUATION | USBDEVFS_CAP_REAP_AFTER_DISCONNECT;
    if (!m_config.splitBulk)
        caps |= USBDEVFS_CAP_NO_PACKET_SIZE_LIM | USBDEVFS_CAP_BULK_SCATTER_GATHER | USBDEVFS_CAP_ZERO_PACKET;
    std::memcpy(arg->data, &caps, sizeof(caps));
    succeed(client);
}

void UsbfsDevice::answerConnectInfo(UMockdevIoctlClient *client)
{
    const auto arg = resolveArgument(client, sizeof(usbdevfs_connectinfo));
    if (!arg)
        return fail(client, EFAULT);
    auto *info = reinterpret_cast<usbdevfs_connectinfo *>(arg->data);
    info->devnum = m_config.devnum;
    info->slow = 0;
    succeed(client);
}

// Gives the model every URB whose turn has come: per endpoint in submission order, each only once
// the previous URB on that endpoint has completed (the device handles one transfer at a time).
void UsbfsDevice::pump(SimTime now)
{
    std::array<bool, 256> busy{};
    for (Urb &urb : m_urbs) {
        bool &endpointBusy = busy[urb.endpoint];
        if (endpointBusy)
            continue;
        if (!urb.started && (!m_present || !start(urb, now))) {
            endpointBusy = true;
            continue;
        }
        if (!urb.reapable(now))
            endpointBusy = true;
    }
}

// False when the URB cannot start yet (split bulk OUT whose end of transfer is not known yet).
bool UsbfsDevice::start(Urb &urb, SimTime now)
{
    if (urb.isControl())
        startControl(urb, now);
    else if (urb.isIn())
        startBulkIn(urb, now);
    else if (!startBulkOut(urb, now))
        return false;
    checkAttachment();
    return true;
}

void UsbfsDevice::startControl(Urb &urb, SimTime now)
{
    const QByteArray bytes = urb.bytes();
    const ControlSetup setup = setupFrom(reinterpret_cast<const guint8 *>(bytes.constData()));
    const int capacity = qMin<int>(setup.length, urb.length - SetupSize);
    const QByteArray out = setup.isIn() ? QByteArray() : bytes.mid(SetupSize, capacity);
    applyReply(urb, m_model->control(setup, out, now, m_config.urbTimeout), setup.isIn(), capacity);
}

void UsbfsDevice::startBulkIn(Urb &urb, SimTime now)
{
    applyReply(urb, m_model->bulkIn(urb.endpoint, urb.length, now, m_config.urbTimeout), true, urb.length);
    if (urb.status == 0 && !urb.forever && urb.actual < urb.length) {
        // devio.c: a short URB flagged SHORT_NOT_OK fails with -EREMOTEIO and ends its transfer.
        if (urb.flags & USBDEVFS_URB_SHORT_NOT_OK)
            urb.status = -EREMOTEIO;
        cancelFollowers(urb);
    }
}

bool UsbfsDevice::startBulkOut(Urb &urb, SimTime now)
{
    // The device cannot see where a transfer ends; the host knows it. One URB is one transfer
    // unless libusb split it; then a following URB that continues it says "not the end", and a
    // full-size piece with nothing behind it waits until the host has submitted nothing for a
    // while (libusb submits all pieces of a transfer back to back from one thread; only a reap
    // from another thread in between could see such a piece early).
    bool end = true;
    if (m_config.splitBulk) {
        const auto self =
            std::find_if(m_urbs.begin(), m_urbs.end(), [&urb](const Urb &u) { return &u == &urb; });
        const auto next = std::find_if(std::next(self), m_urbs.end(), [&urb](const Urb &u) {
            return u.endpoint == urb.endpoint && !u.started;
        });
        if (next != m_urbs.end())
            end = !(next->flags & USBDEVFS_URB_BULK_CONTINUATION);
        else if (urb.length >= SplitPieceSize && now - m_lastSubmitAt < QuietTime)
            return false;
    }
    Reply reply = m_model->bulkOut(urb.endpoint, urb.bytes(), end, now, m_config.urbTimeout);
    const bool zeroPacket = (urb.flags & USBDEVFS_URB_ZERO_PACKET) && end && urb.length > 0 &&
                            urb.length % m_maxPacket == 0 && reply.status == TransferStatus::Ok;
    if (zeroPacket) {
        // The host asked for a trailing ZLP: the device sees it as one more, empty piece.
        const Reply zlp = m_model->bulkOut(urb.endpoint, QByteArray(), true, now, m_config.urbTimeout);
        reply.status = zlp.status;
        reply.doneAt = std::max(reply.doneAt, zlp.doneAt);
    }
    applyReply(urb, reply, false, urb.length);
    return true;
}

void UsbfsDevice::applyReply(Urb &urb, const Reply &reply, bool in, int capacity)
{
    urb.started = true;
    urb.doneAt = reply.doneAt;
    urb.status = 0;
    switch (reply.status) {
    case TransferStatus::Ok:
        break;
    case TransferStatus::Timeout:
        urb.forever = true; // the host times out and discards it
        return;
    case TransferStatus::Stall:
        urb.status = -EPIPE;
        break;
    case TransferStatus::NoDevice:
        urb.status = -ESHUTDOWN;
        break;
    case TransferStatus::Overflow:
        urb.status = -EOVERFLOW;
        break;
    }
    if (in) {
        urb.inData = reply.data.left(capacity);
        urb.actual = int(urb.inData.size());
        if (reply.data.size() > capacity && urb.status == 0)
            urb.status = -EOVERFLOW; // babble: the device sent more than the host asked for
    } else if (urb.isControl()) {
        urb.actual = urb.status == 0 ? capacity : 0;
    } else {
        urb.actual = qBound(0, reply.accepted, urb.length);
    }
}

// The pieces of a transfer that ended early are not sent (devio.c cancels them: -ECONNRESET).
void UsbfsDevice::cancelFollowers(const Urb &shortUrb)
{
    auto it =
        std::find_if(m_urbs.begin(), m_urbs.end(), [&shortUrb](const Urb &u) { return &u == &shortUrb; });
    for (++it; it != m_urbs.end(); ++it) {
        if (it->endpoint != shortUrb.endpoint || it->started)
            continue;
        if (!(it->flags & USBDEVFS_URB_BULK_CONTINUATION))
            break;
        it->finish(-ECONNRESET, shortUrb.doneAt);
    }
}

void UsbfsDevice::checkAttachment()
{
    if (m_present && isStale())
        disconnect();
}

void UsbfsDevice::disconnect()
{
    if (!m_present)
        return;
    m_present = false;
    const SimTime now = SimClock::now();
    for (Urb &urb : m_urbs) {
        if (urb.reapable(now))
            continue;
        // What the host controller moved before the device vanished stays counted.
        const int moved = urb.started && !urb.forever && urb.status == -ESHUTDOWN ? urb.actual : 0;
        const QByteArray partial = urb.inData.left(moved);
        urb.finish(-ESHUTDOWN, now);
        urb.actual = moved;
        urb.inData = partial;
    }
    qCDebug(lcSim) << "usbfs: device" << m_config.bus << m_config.devnum << "left the bus";
    poll(now); // blocked REAPURB callers get the failed URBs, then ENODEV
    // This attachment is over and never calls the model again; a retired device must not keep a
    // board (and its storage) alive for as long as the bus lives.
    m_model.reset();
}

UsbfsDevice::Urb *UsbfsDevice::nextReapable(SimTime now)
{
    Urb *best = nullptr;
    for (Urb &urb : m_urbs) {
        if (urb.reapable(now) &&
            (!best || std::tie(urb.doneAt, urb.sequence) < std::tie(best->doneAt, best->sequence)))
            best = &urb;
    }
    return best;
}

void UsbfsDevice::deliver(UMockdevIoctlClient *client, std::list<Urb>::iterator urb)
{
    auto *raw = reinterpret_cast<usbdevfs_urb *>(urb->data->data);
    raw->status = urb->status;
    raw->actual_length = urb->actual;
    raw->error_count = 0;
    if (urb->buffer && !urb->inData.isEmpty()) {
        const int offset = urb->isControl() ? SetupSize : 0;
        const int count = qMin<int>(urb->inData.size(), urb->buffer->data_len - offset);
        std::memcpy(urb->buffer->data + offset, urb->inData.constData(), size_t(qMax(0, count)));
    }
    // REAPURB's argument is the address of the caller's `struct usbdevfs_urb *`: point it at the URB
    // (umockdev writes the URB and its buffer back to the client when the ioctl completes).
    auto slot = resolveArgument(client, sizeof(void *));
    if (!slot)
        return fail(client, EFAULT);
    umockdev_ioctl_data_set_ptr(slot.get(), 0, urb->data.get());
    m_urbs.erase(urb);
    succeed(client);
}

void UsbfsDevice::poll(SimTime now)
{
    if (m_waiters.empty())
        return;
    pump(now);
    while (!m_waiters.empty()) {
        UMockdevIoctlClient *client = m_waiters.front().client.get();
        if (Urb *urb = nextReapable(now)) {
            deliver(client,
                    std::find_if(m_urbs.begin(), m_urbs.end(), [urb](const Urb &u) { return &u == urb; }));
        } else if (!m_present) {
            fail(client, ENODEV);
        } else {
            break;
        }
        m_waiters.erase(m_waiters.begin());
    }
}

} // namespace oc::sim
