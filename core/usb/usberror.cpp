#include "usberror.h"

#include <libusb.h>

namespace oc {

namespace {

struct Mapping
{
    ErrorCode code;
    const char *text;
};

// Exhaustive on purpose: no default label, so -Wswitch reports a value added by a newer libusb.
std::optional<Mapping> lookup(int value)
{
    switch (static_cast<libusb_error>(value)) {
    case LIBUSB_SUCCESS:
        return Mapping{ErrorCode::Ok, "success"};
    case LIBUSB_ERROR_IO:
        return Mapping{ErrorCode::Transfer, "input/output error"};
    case LIBUSB_ERROR_INVALID_PARAM:
        return Mapping{ErrorCode::Internal, "invalid parameter"};
    case LIBUSB_ERROR_ACCESS:
        return Mapping{ErrorCode::AccessDenied, "access denied (insufficient permissions)"};
    case LIBUSB_ERROR_NO_DEVICE:
        return Mapping{ErrorCode::Disconnected, "device left the bus"};
    case LIBUSB_ERROR_NOT_FOUND:
        return Mapping{ErrorCode::NoDevice, "entity not found"};
    case LIBUSB_ERROR_BUSY:
        return Mapping{ErrorCode::AccessDenied, "resource busy (claimed by another program)"};
    case LIBUSB_ERROR_TIMEOUT:
        return Mapping{ErrorCode::Timeout, "timed out"};
    case LIBUSB_ERROR_OVERFLOW:
        return Mapping{ErrorCode::Transfer, "overflow (the device sent more than asked)"};
    case LIBUSB_ERROR_PIPE:
        return Mapping{ErrorCode::Stall, "stalled (pipe error)"};
    case LIBUSB_ERROR_INTERRUPTED:
        return Mapping{ErrorCode::Transfer, "system call interrupted"};
    case LIBUSB_ERROR_NO_MEM:
        return Mapping{ErrorCode::Internal, "out of memory"};
    case LIBUSB_ERROR_NOT_SUPPORTED:
        return Mapping{ErrorCode::AccessDenied, "operation not supported (no usable driver for the device)"};
    case LIBUSB_ERROR_OTHER:
        return Mapping{ErrorCode::Transfer, "other libusb error"};
    }
    return std::nullopt;
}

} // namespace

ErrorCode errorCodeForLibusb(int libusbError)
{
    const auto mapping = lookup(libusbError);
    return mapping ? mapping->code : ErrorCode::Transfer;
}

QString describeLibusbError(int libusbError)
{
    if (const auto mapping = lookup(libusbError))
        return QLatin1String(mapping->text);
    return QStringLiteral("unknown libusb error %1").arg(libusbError);
}

Error libusbError(int libusbError, const QString &context)
{
    return makeError(errorCodeForLibusb(libusbError), describeLibusbError(libusbError)).withContext(context);
}

} // namespace oc
