#pragma once

// The engineer's PIN that unlocks a station in operator mode. Never stored: only a random 16-byte
// salt and PBKDF2-HMAC-SHA256 of the PIN (QPasswordDigestor), 120 000 iterations, kept as one string
//   "pbkdf2-sha256$120000$<salt base64>$<hash base64>"
// in the settings. Comparison takes the same time whatever the PIN.

#include "core/util/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace oc::station {

struct PinHash
{
    static constexpr int DefaultIterations = 120000;
    static constexpr int MinimumPinLength = 4;

    QByteArray salt;
    QByteArray hash;
    int iterations = DefaultIterations;

    // InvalidArgument when the PIN is shorter than MinimumPinLength or all one character.
    static Result<PinHash> create(const QString &pin, int iterations = DefaultIterations);
    bool matches(const QString &pin) const;

    QString toString() const;
    static std::optional<PinHash> fromString(const QString &text); // nullopt when malformed
};

} // namespace oc::station
