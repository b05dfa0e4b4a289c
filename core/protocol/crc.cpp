#include "crc.h"

#include <zlib.h>

namespace oc::proto {

quint32 jamcrcContinue(quint32 jam, std::span<const quint8> data)
{
    if (data.empty())
        return jam; // zlib answers a NULL buffer with its initial value, not with `crc`
    // JAMCRC(a || b) = ~crc32(crc32(0, a), b) and crc32(0, a) = ~JAMCRC(a) [4].
    const uLong crc = crc32_z(uLong(~jam & 0xFFFFFFFFu), data.data(), data.size());
    return ~quint32(crc);
}

quint32 jamcrc(std::span<const quint8> data)
{
    return jamcrcContinue(JamcrcInitial, data);
}

} // namespace oc::proto
