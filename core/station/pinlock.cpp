#include "pinlock.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStringList>

#include <array>

namespace oc::station {

namespace {

const QLatin1String Scheme("pbkdf2-sha256");
constexpr int SaltBytes = 16;
constexpr int HashBytes = 32; // one SHA-256 block: PBKDF2 does no extra rounds for it
// Below this a stolen settings file is brute-forced in moments; above it unlocking takes too long.
constexpr int MinimumIterations = 10000;
constexpr int MaximumIterations = 10000000;

bool iterationsAllowed(int iterations)
{
    return iterations >= MinimumIterations && iterations <= MaximumIterations;
}

QByteArray derive(const QString &pin, const QByteArray &salt, int iterations)
{
    // The same PIN typed with composed or decomposed characters must give the same key.
    const QByteArray secret = pin.normalized(QString::NormalizationForm_C).toUtf8();
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, secret, salt, iterations,
                                              HashBytes);
}

// Compares every byte whatever the first difference, so timing tells nothing about the PIN.
bool constantTimeEqual(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

QByteArray randomSalt()
{
    std::array<quint32, SaltBytes / sizeof(quint32)> words{};
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    return QByteArray(reinterpret_cast<const char *>(words.data()), SaltBytes);
}

// Strict base64: only the canonical encoding of exactly `size` bytes is accepted.
std::optional<QByteArray> decodeBase64(const QString &text, int size)
{
    const QByteArray encoded = text.toLatin1();
    const auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != size || decoded.decoded.toBase64() != encoded)
        return std::nullopt;
    return decoded.decoded;
}

} // namespace

Result<PinHash> PinHash::create(const QString &pin, int iterations)
{
    if (!iterationsAllowed(iterations))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 PBKDF2 iterations is outside the allowed %2 ... %3")
                             .arg(iterations)
                             .arg(MinimumIterations)
                             .arg(MaximumIterations));
    if (pin.size() < MinimumPinLength)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("the PIN is too short: use at least %1 characters").arg(MinimumPinLength));
    if (pin.count(pin.front()) == pin.size())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the PIN repeats one character: it would be guessed at once"));
    PinHash result;
    result.salt = randomSalt();
    result.iterations = iterations;
    result.hash = derive(pin, result.salt, iterations);
    return result;
}

bool PinHash::matches(const QString &pin) const
{
    if (salt.size() != SaltBytes || hash.size() != HashBytes || !iterationsAllowed(iterations))
        return false;
    return constantTimeEqual(derive(pin, salt, iterations), hash);
}

QString PinHash::toString() const
{
    return Scheme + QLatin1Char('$') + QString::number(iterations) + QLatin1Char('$') +
           QString::fromLatin1(salt.toBase64()) + QLatin1Char('$') + QString::fromLatin1(hash.toBase64());
}

std::optional<PinHash> PinHash::fromString(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('$'));
    if (parts.size() != 4 || parts[0] != Scheme)
        return std::nullopt;
    static const QRegularExpression digits(QStringLiteral("^[1-9][0-9]{0,8}$"));
    if (!digits.match(parts[1]).hasMatch())
        return std::nullopt;
    PinHash result;
    result.iterations = parts[1].toInt();
    if (!iterationsAllowed(result.iterations))
        return std::nullopt;
    const auto salt = decodeBase64(parts[2], SaltBytes);
    const auto hash = decodeBase64(parts[3], HashBytes);
    if (!salt || !hash)
        return std::nullopt;
    result.salt = *salt;
    result.hash = *hash;
    return result;
}

} // namespace oc::station
