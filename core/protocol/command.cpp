#include "command.h"

#include "lebytes.h"
#include "wire.h"

namespace oc::proto {

using detail::putLe;

QByteArray encodeTransferCommand(CommandLayout layout, const TransferCommand &command)
{
    QByteArray bytes(CommandBlockSize, '\0');
    putLe<quint64>(bytes, 0x00, command.partition);
    switch (layout) {
    case CommandLayout::B:
        putLe<quint64>(bytes, 0x08, command.offset);
        putLe<quint64>(bytes, 0x10, command.length);
        putLe<quint32>(bytes, 0x18, command.ops);
        putLe<quint32>(bytes, 0x1C, command.crc);
        break;
    case CommandLayout::A:
        Q_ASSERT(command.offset <= 0xFFFFFFFFu && command.length <= 0xFFFFFFFFu);
        putLe<quint32>(bytes, 0x08, command.ops);
        putLe<quint32>(bytes, 0x0C, quint32(command.offset));
        putLe<quint32>(bytes, 0x10, quint32(command.length));
        putLe<quint32>(bytes, 0x14, command.crc);
        break;
    }
    return bytes;
}

QByteArray encodeUpdateCfgCommand(quint32 blobLength)
{
    QByteArray bytes(CommandBlockSize, '\0');
    putLe<quint32>(bytes, 0x00, blobLength);
    return bytes;
}

QByteArray encodeRtcTime(const QDateTime &when)
{
    const QDate date = when.date();
    const QTime time = when.time();
    const qint32 fields[9] = {
        time.second(),
        time.minute(),
        time.hour(),
        date.day(),
        date.month(),         // 1..12 (U-Boot), not 0..11
        date.year(),          // full year (U-Boot), not year - 1900
        date.dayOfWeek() % 7, // Qt: Monday 1 .. Sunday 7; rtc_time: Sunday 0
        date.dayOfYear() - 1, // 0-based like struct tm
        0,                    // tm_isdst
    };
    QByteArray bytes(CommandBlockSize, '\0');
    for (int i = 0; i < 9; ++i)
        putLe<qint32>(bytes, 4 * i, fields[i]);
    return bytes;
}

} // namespace oc::proto
