#include "libusbcontext.h"

#include "../util/logging.h"
#include "deviceenumerator.h"
#include "usberror.h"

#include <libusb.h>

namespace oc {

struct LibusbContext::Callbacks
{
    static int LIBUSB_CALL hotplug(libusb_context *, libusb_device *, libusb_hotplug_event, void *self)
    {
        static_cast<LibusbContext *>(self)->notifyListeners();
        return 0; // stay registered
    }

    static void LIBUSB_CALL log(libusb_context *, enum libusb_log_level, const char *text)
    {
        qCDebug(lcUsb).noquote() << "libusb:" << QByteArray(text).trimmed();
    }
};

Result<std::shared_ptr<LibusbContext>> LibusbContext::create()
{
    libusb_context *context = nullptr;
    if (const int rc = libusb_init(&context); rc < 0)
        return libusbError(rc, QStringLiteral("libusb initialisation"));
    std::shared_ptr<LibusbContext> self(new LibusbContext(context));

    // libusb hands every message to the global handler (and the context one as well): only the
    // global one forwards, so nothing reaches stderr directly and nothing comes twice.
    static std::once_flag logOnce;
    std::call_once(logOnce, [] { libusb_set_log_cb(nullptr, Callbacks::log, LIBUSB_LOG_CB_GLOBAL); });
    const bool verbose = lcUsb().isDebugEnabled();
    libusb_set_option(context, LIBUSB_OPTION_LOG_LEVEL,
                      verbose ? LIBUSB_LOG_LEVEL_DEBUG : LIBUSB_LOG_LEVEL_WARNING);

    if (libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG)) {
        libusb_hotplug_callback_handle handle = -1;
        const int rc = libusb_hotplug_register_callback(
            context, LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED | LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT,
            LIBUSB_HOTPLUG_NO_FLAGS, DeviceEnumerator::IngenicVendorId, LIBUSB_HOTPLUG_MATCH_ANY,
            LIBUSB_HOTPLUG_MATCH_ANY, Callbacks::hotplug, self.get(), &handle);
        if (rc == LIBUSB_SUCCESS)
            self->m_hotplugHandle = handle;
        else
            qCWarning(lcUsb).noquote() << libusbError(rc, QStringLiteral("hotplug registration")).message;
    }
    return self;
}

LibusbContext::LibusbContext(libusb_context *context)
    : m_context(context)
{}

LibusbContext::~LibusbContext()
{
    {
        std::lock_guard listenerLock(m_listenerMutex);
        m_listeners.clear();
    }
    {
        std::lock_guard threadLock(m_threadMutex);
        stopEventThread();
    }
    if (m_hotplugHandle >= 0)
        libusb_hotplug_deregister_callback(m_context, m_hotplugHandle);
    libusb_exit(m_context);
}

int LibusbContext::addHotplugListener(const HotplugListener &listener)
{
    std::lock_guard threadLock(m_threadMutex);
    int id = 0;
    {
        std::lock_guard listenerLock(m_listenerMutex);
        id = m_nextListenerId++;
        m_listeners.insert(id, listener);
    }
    if (hasHotplug())
        startEventThread();
    return id;
}

void LibusbContext::removeHotplugListener(int id)
{
    std::lock_guard threadLock(m_threadMutex);
    bool idle = false;
    {
        // Waits for a running notifyListeners(), which holds this lock while it calls listeners.
        std::lock_guard listenerLock(m_listenerMutex);
        m_listeners.remove(id);
        idle = m_listeners.isEmpty();
    }
    if (idle)
        stopEventThread();
}

void LibusbContext::notifyListeners()
{
    std::lock_guard listenerLock(m_listenerMutex);
    for (const HotplugListener &listener : std::as_const(m_listeners))
        listener();
}

// Callers hold m_threadMutex.
void LibusbContext::startEventThread()
{
    if (m_eventThread.joinable())
        return;
    m_stopEvents = 0;
    m_eventThread = std::thread([this] { runEvents(); });
}

// Callers hold m_threadMutex.
void LibusbContext::stopEventThread()
{
    if (!m_eventThread.joinable())
        return;
    libusb_lock_event_waiters(m_context);
    m_stopEvents = 1;
    libusb_unlock_event_waiters(m_context);
    libusb_interrupt_event_handler(m_context);
    m_eventThread.join();
}

void LibusbContext::runEvents()
{
    for (;;) {
        const int rc = libusb_handle_events_completed(m_context, &m_stopEvents);
        libusb_lock_event_waiters(m_context);
        const bool stop = m_stopEvents != 0;
        libusb_unlock_event_waiters(m_context);
        if (stop)
            return;
        if (rc < 0 && rc != LIBUSB_ERROR_INTERRUPTED) {
            qCWarning(lcUsb).noquote() << libusbError(rc, QStringLiteral("event handling")).message;
            std::this_thread::sleep_for(std::chrono::milliseconds(10)); // do not spin on a broken context
        }
    }
}

} // namespace oc
