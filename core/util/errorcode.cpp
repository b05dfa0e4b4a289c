#include "errorcode.h"

namespace oc {

int exitCodeFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Ok:
        return 0;
    case ErrorCode::InvalidArgument:
        return 1;
    case ErrorCode::InputFile:
    case ErrorCode::Profile:
        return 2;
    case ErrorCode::NoDevice:
    case ErrorCode::AccessDenied:
        return 3;
    case ErrorCode::Disconnected:
    case ErrorCode::Timeout:
    case ErrorCode::Stall:
    case ErrorCode::Transfer:
        return 4;
    case ErrorCode::ChipMismatch:
    case ErrorCode::UnknownFlash:
    case ErrorCode::DeviceError:
    case ErrorCode::VerifyMismatch:
    case ErrorCode::Internal:
        return 5;
    case ErrorCode::Cancelled:
        return 6;
    }
    return 5;
}

const char *errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Ok:
        return "ok";
    case ErrorCode::InvalidArgument:
        return "invalid-argument";
    case ErrorCode::InputFile:
        return "input-file";
    case ErrorCode::Profile:
        return "profile";
    case ErrorCode::NoDevice:
        return "no-device";
    case ErrorCode::AccessDenied:
        return "access-denied";
    case ErrorCode::Disconnected:
        return "disconnected";
    case ErrorCode::Timeout:
        return "timeout";
    case ErrorCode::Stall:
        return "stall";
    case ErrorCode::Transfer:
        return "transfer";
    case ErrorCode::ChipMismatch:
        return "chip-mismatch";
    case ErrorCode::UnknownFlash:
        return "unknown-flash";
    case ErrorCode::DeviceError:
        return "device-error";
    case ErrorCode::VerifyMismatch:
        return "verify-mismatch";
    case ErrorCode::Cancelled:
        return "cancelled";
    case ErrorCode::Internal:
        return "internal";
    }
    return "internal";
}

ErrorCode errorCodeFromName(const QString &name)
{
    for (int i = 0; i <= int(ErrorCode::Internal); ++i) {
        const auto code = ErrorCode(i);
        if (name == QLatin1String(errorCodeName(code)))
            return code;
    }
    return ErrorCode::Internal;
}

} // namespace oc
