#pragma once

// CRC-32/JAMCRC [4]: the CRC the burner uses for WRITE payloads and READ data. It is the bitwise NOT of
// the zlib / Ethernet CRC-32 (reflected polynomial 0xEDB88320, init 0xFFFFFFFF, no final XOR).

#include <QtGlobal>

#include <span>

namespace oc::proto {

// JAMCRC of the empty input; the value to start jamcrcContinue() with.
constexpr quint32 JamcrcInitial = 0xFFFFFFFF;

// JAMCRC of `data`. Pure function, thread-safe.
quint32 jamcrc(std::span<const quint8> data);

// JAMCRC of a || data, given jam = JAMCRC(a): lets callers checksum a stream piece by piece.
quint32 jamcrcContinue(quint32 jam, std::span<const quint8> data);

} // namespace oc::proto
