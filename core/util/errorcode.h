#pragma once

#include <QString>
#include <QtGlobal>

namespace oc {

// The small set of error classes. Each maps to one CLI exit code and one UI explanation.
enum class ErrorCode : quint8 {
    Ok = 0,
    InvalidArgument, // the caller asked for something impossible (usage)                 exit 1
    InputFile,       // missing, unreadable, truncated, oversized or placeholder file        exit 2
    Profile,         // malformed or inconsistent chip / board / flash database entry        exit 2
    NoDevice,        // no matching board on the bus                                         exit 3
    AccessDenied,    // the OS refused to open the device (udev rule missing)               exit 3
    Disconnected,    // the board left the bus during an operation                           exit 4
    Timeout,         // a USB transfer did not complete within its bound                     exit 4
    Stall,           // the board stalled a request (not supported in its current stage)     exit 4
    Transfer,        // any other USB failure: short transfer, overflow, I/O error           exit 4
    ChipMismatch,    // the board is not the chip / burner the profile expects               exit 5
    UnknownFlash,    // JEDEC id 0, 0xFFFFFF or not in the flash database                    exit 5
    DeviceError,     // the burner reported a negative ack                                   exit 5
    VerifyMismatch,  // data read back differs from the image                                exit 5
    Cancelled,       // the user cancelled; the board is left in a stated, known state      exit 6
    Internal,        // an invariant broke: a bug in OpenCloner                              exit 5
};

// Exit code classes of opencloner-cli.
int exitCodeFor(ErrorCode code);

// Stable machine-readable identifier ("timeout", "verify-mismatch", ...) for JSON output and logs.
const char *errorCodeName(ErrorCode code);

// The inverse of errorCodeName (records read back); Internal for a name it does not know.
ErrorCode errorCodeFromName(const QString &name);

} // namespace oc
