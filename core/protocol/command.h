#pragma once

// The 40-byte command block (`union cmd`) sent in the data stage of WRITE, READ, UPDATE_CFG and
// SYNC_TIME [3.1, 3.11]. Unused bytes are always zero (the vendor sends stack garbage there).

#include "params.h"

#include <QByteArray>
#include <QDateTime>

namespace oc::proto {

struct TransferCommand
{
    quint64 partition = 0; // added to offset by NOR writes and MMC; OpenCloner always sends 0
    quint64 offset = 0;    // flash offset; the burner uses the low 32 bits (Layout A carries only 32)
    quint64 length = 0;    // bytes of the bulk that follows; low 32 bits used
    quint32 ops = 0;       // (medium << 16) | sub-type [3.2]
    quint32 crc = 0;       // WRITE: JAMCRC of the bulk payload; READ: unused (0)
};

// WRITE / READ command in the burner's layout. Layout A stores offset and length as u32: callers
// keep them below 4 GiB (Burner checks). Always CommandBlockSize bytes.
QByteArray encodeTransferCommand(CommandLayout layout, const TransferCommand &command);

// UPDATE_CFG: u32 blob length, 36 zero bytes.
QByteArray encodeUpdateCfgCommand(quint32 blobLength);

// SYNC_TIME: struct rtc_time (9 x int32) + 4 zero bytes, in U-Boot's convention: tm_year is the
// full year, tm_mon 1..12 (inferred, [3.11]); tm_wday 0 = Sunday, tm_yday 0-based, tm_isdst 0.
// The fields are taken from `when` as given (its own time spec); the vendor sends local time.
QByteArray encodeRtcTime(const QDateTime &when);

} // namespace oc::proto
