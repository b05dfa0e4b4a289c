#pragma once

// Internal to opencloner_simusb.
#include <umockdev.h> // before any Qt header: GLib structs have members named "signals"

#include "core/sim/devicemodel.h"

#include <atomic>
#include <functional>
#include <list>
#include <memory>
#include <vector>

namespace oc::sim {

template<typename T>
struct GObjectDeleter
{
    void operator()(T *object) const
    {
        if (object)
            g_object_unref(object);
    }
};
template<typename T>
using GObjectPtr = std::unique_ptr<T, GObjectDeleter<T>>;

// One attachment of a DeviceModel to /dev/bus/usb/BBB/DDD: answers the usbdevfs ioctls that
// libusb's Linux backend issues, the way the kernel's devio.c would, by driving the model.
//
//  - SUBMITURB queues the URB; control URBs go to the model at once (SETUP + data stage), bulk
//    URBs one at a time per endpoint, each only after the previous one on that endpoint completed.
//    With "split bulk" off the device reports scatter-gather support, so libusb sends a whole
//    transfer as one URB (endOfTransfer = true); with it on, libusb splits transfers into 16 KiB
//    URBs linked by USBDEVFS_URB_BULK_CONTINUATION, from which endOfTransfer is derived.
//  - REAPURB[NDELAY] hands back a completed URB only once its Reply::doneAt has passed, so the
//    model's timing is what libusb sees. Nothing here ever sleeps: libusb polls (busy-waits).
//  - DISCARDURB tells the model (cancelPending) and completes the URB with -ENOENT.
//  - After the model left the bus every URB still in flight fails with -ESHUTDOWN (libusb:
//    LIBUSB_ERROR_NO_DEVICE); further ioctls fail with ENODEV once the failed URBs are reaped.
//
// Threading: every member function is called with the bus lock held, from the umockdev worker
// thread (ioctls) or the bus housekeeping thread (poll, disconnect).
class UsbfsDevice
{
public:
    struct Config
    {
        quint8 bus = 1;
        quint8 devnum = 1;
        int speedMbps = 480;
        bool splitBulk = false;
        SimDuration urbTimeout = std::chrono::seconds(60); // what the model is told: the host's own
                                                           // timeout is enforced by libusb (DISCARDURB)
        std::function<void(int configuration)> configurationChanged;
    };

    // `attachEvents` counts the model's attachment callbacks; a change from `generation` means this
    // attachment is over.
    UsbfsDevice(std::shared_ptr<DeviceModel> model, Config config,
                std::shared_ptr<const std::atomic<quint64>> attachEvents, quint64 generation);
    ~UsbfsDevice();

    UsbfsDevice(const UsbfsDevice &) = delete;
    UsbfsDevice &operator=(const UsbfsDevice &) = delete;

    bool handleIoctl(UMockdevIoctlClient *client);
    void poll(SimTime now); // answers blocked REAPURB callers
    void disconnect();      // the device left the bus
    void shutdown();        // the bus goes away: answer every waiting caller, drop the handler

    bool isPresent() const { return m_present; }
    bool isStale() const { return m_attachEvents->load() != m_generation; }
    const Config &config() const { return m_config; }

    // Takes ownership of the umockdev handler and its signal connection (released by shutdown()).
    void adoptHandler(UMockdevIoctlBase *handler, gulong signalId);
    UMockdevIoctlBase *handler() const { return m_handler; }

private:
    struct Urb;
    struct Waiter;

    void handleDeviceIoctl(UMockdevIoctlClient *client, gulong request);
    void submitUrb(UMockdevIoctlClient *client);
    void reapUrb(UMockdevIoctlClient *client, bool blocking);
    void discardUrb(UMockdevIoctlClient *client);
    void setConfiguration(UMockdevIoctlClient *client);
    void claimInterface(UMockdevIoctlClient *client);
    void forwardStandardRequest(UMockdevIoctlClient *client, gulong request);
    void answerCapabilities(UMockdevIoctlClient *client);
    void answerConnectInfo(UMockdevIoctlClient *client);

    void pump(SimTime now);
    bool start(Urb &urb, SimTime now);
    void startControl(Urb &urb, SimTime now);
    void startBulkIn(Urb &urb, SimTime now);
    bool startBulkOut(Urb &urb, SimTime now);
    void applyReply(Urb &urb, const Reply &reply, bool in, int capacity);
    void cancelFollowers(const Urb &shortUrb);
    void checkAttachment();
    Urb *nextReapable(SimTime now);
    void deliver(UMockdevIoctlClient *client, std::list<Urb>::iterator urb);

    std::shared_ptr<DeviceModel> m_model;
    Config m_config;
    std::shared_ptr<const std::atomic<quint64>> m_attachEvents;
    quint64 m_generation = 0;
    bool m_present = true;
    int m_maxPacket = 512;
    quint64 m_sequence = 0;
    SimTime m_lastSubmitAt{};
    std::list<Urb> m_urbs; // submission order, until reaped
    std::vector<Waiter> m_waiters;
    UMockdevIoctlBase *m_handler = nullptr;
    gulong m_signalId = 0;
};

} // namespace oc::sim
