#pragma once

#include "../util/result.h"

#include <QMap>

#include <functional>
#include <memory>
#include <mutex>
#include <thread>

struct libusb_context;

namespace oc {

// RAII owner of one libusb_context. Shared (std::shared_ptr) by everything that uses it: every
// LibusbTransport keeps its context alive, so the context is destroyed after the last transport.
//
// Thread-safe: libusb contexts are, and the listener registry is locked.
//
// Hotplug: where libusb has LIBUSB_CAP_HAS_HOTPLUG, the context registers one libusb hotplug
// callback for vendor 0xA108 and fans it out to listeners. Hotplug callbacks only run while some
// thread handles libusb events, so an event thread runs while at least one listener is registered;
// it stops promptly when the last listener goes or the context is destroyed
// (libusb_interrupt_event_handler). Listeners run on whichever thread is handling libusb events,
// with the registry lock held: they must be cheap, must not block and must not call libusb - post
// a queued call and do the work elsewhere.
class LibusbContext
{
public:
    using HotplugListener = std::function<void()>;

    // Initialises libusb. When OpenCloner runs against umockdev, the testbed must exist first.
    static Result<std::shared_ptr<LibusbContext>> create();
    ~LibusbContext();

    LibusbContext(const LibusbContext &) = delete;
    LibusbContext &operator=(const LibusbContext &) = delete;

    libusb_context *handle() const { return m_context; }
    bool hasHotplug() const { return m_hotplugHandle >= 0; }

    // Returns an id for removeHotplugListener(). Without hotplug support the listener is never called.
    int addHotplugListener(const HotplugListener &listener);
    // After this returns the listener is not running and will never be called again.
    void removeHotplugListener(int id);

private:
    struct Callbacks; // the libusb callbacks (defined where libusb.h is included)
    friend struct Callbacks;

    explicit LibusbContext(libusb_context *context);
    void notifyListeners();
    void startEventThread();
    void stopEventThread();
    void runEvents();

    libusb_context *m_context = nullptr;
    int m_hotplugHandle = -1;

    std::mutex m_listenerMutex;
    QMap<int, HotplugListener> m_listeners;
    int m_nextListenerId = 1;

    std::mutex m_threadMutex; // serialises starting and stopping the event thread
    std::thread m_eventThread;
    int m_stopEvents = 0; // read by libusb under its event-waiters lock
};

} // namespace oc
