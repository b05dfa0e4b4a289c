#include "logging.h"
#include "observer.h"

Q_LOGGING_CATEGORY(lcUsb, "opencloner.usb", QtWarningMsg)
Q_LOGGING_CATEGORY(lcProtocol, "opencloner.protocol", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCatalog, "opencloner.catalog", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSim, "opencloner.sim", QtWarningMsg)
Q_LOGGING_CATEGORY(lcFlash, "opencloner.flash", QtWarningMsg)

namespace oc {

const char *logLevelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return "debug";
    case LogLevel::Info:
        return "info";
    case LogLevel::Warning:
        return "warning";
    case LogLevel::Error:
        return "error";
    }
    return "info";
}

} // namespace oc
