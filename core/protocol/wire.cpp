#include "wire.h"

namespace oc::proto {

const char *ackName(qint32 ack)
{
    switch (ack) {
    case AckOk:
        return "OK (0)";
    case AckPerm:
        return "EPERM (-1)";
    case AckIo:
        return "EIO (-5)";
    case AckBusy:
        return "EBUSY (-16)";
    case AckNoDev:
        return "ENODEV (-19)";
    case AckInval:
        return "EINVAL (-22)";
    case AckNoSys:
        return "ENOSYS (-38)";
    case AckConnReset:
        return "ECONNRESET (-104)";
    case AckTimedOut:
        return "ETIMEDOUT (-110)";
    }
    return "unknown ack";
}

QString ackText(qint32 ack)
{
    switch (ack) {
    case AckOk:
    case AckPerm:
    case AckIo:
    case AckBusy:
    case AckNoDev:
    case AckInval:
    case AckNoSys:
    case AckConnReset:
    case AckTimedOut:
        return QLatin1String(ackName(ack));
    }
    return QStringLiteral("ack %1").arg(ack);
}

QString printableId(const QByteArray &bytes)
{
    QString text;
    for (char c : bytes) {
        const uchar u = uchar(c);
        if (u == 0)
            text += QStringLiteral("\\0");
        else if (u < 0x20 || u > 0x7E || u == '\\')
            text += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
        else
            text += QLatin1Char(c);
    }
    return text;
}

} // namespace oc::proto
