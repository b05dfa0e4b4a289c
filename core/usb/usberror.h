#pragma once

#include "../util/result.h"

namespace oc {

// libusb error values (the negative ints libusb returns) as OpenCloner errors. The mapping is an
// exhaustive switch over enum libusb_error, so a libusb release that adds a value fails to compile
// with -Wswitch instead of silently falling into "other". Values libusb does not define map to
// ErrorCode::Transfer.
//
//   TIMEOUT -> Timeout, PIPE -> Stall, NO_DEVICE -> Disconnected, NOT_FOUND -> NoDevice,
//   ACCESS / BUSY / NOT_SUPPORTED -> AccessDenied (the OS or its driver refused the device),
//   IO / OVERFLOW / INTERRUPTED / OTHER -> Transfer, INVALID_PARAM / NO_MEM -> Internal,
//   SUCCESS -> Ok.
ErrorCode errorCodeForLibusb(int libusbError);

// Technical English for the value: "timed out", "stalled (pipe error)", "device left the bus", ...
QString describeLibusbError(int libusbError);

// Error{errorCodeForLibusb(e), "<context>: <description>"}. The caller names the transfer, e.g.
// context "control 0xc0/0x19" gives "control 0xc0/0x19: timed out".
Error libusbError(int libusbError, const QString &context);

} // namespace oc
