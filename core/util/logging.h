#pragma once

#include <QLoggingCategory>

// Logging categories of the engine. Enable with QT_LOGGING_RULES="opencloner.*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcUsb)      // opencloner.usb: every transfer at debug level
Q_DECLARE_LOGGING_CATEGORY(lcProtocol) // opencloner.protocol: stages, acks, retries
Q_DECLARE_LOGGING_CATEGORY(lcCatalog)  // opencloner.catalog: profile and database loading
Q_DECLARE_LOGGING_CATEGORY(lcSim)      // opencloner.sim: the virtual board
Q_DECLARE_LOGGING_CATEGORY(lcFlash)    // opencloner.flash: sessions and jobs
