#include "transferrecord.h"

#include <QCryptographicHash>
#include <QJsonValue>

namespace oc {

namespace {

QByteArray digest(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return {};
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

QJsonValue payloadToJson(const RecordedPayload &payload, qint64 inlineLimit)
{
    const bool inlineBytes = payload.isComplete() && (inlineLimit < 0 || payload.length <= inlineLimit);
    if (inlineBytes)
        return QString::fromLatin1(payload.bytes.toHex());
    QJsonObject object;
    object.insert(QStringLiteral("len"), payload.length);
    object.insert(QStringLiteral("sha256"), QString::fromLatin1(payload.sha256.toHex()));
    return object;
}

Result<RecordedPayload> payloadFromJson(const QJsonValue &value, const char *name)
{
    if (value.isUndefined() || value.isNull())
        return RecordedPayload{};
    if (value.isString()) {
        const QByteArray hex = value.toString().toLatin1();
        const QByteArray bytes = QByteArray::fromHex(hex);
        if (bytes.toHex() != hex.toLower())
            return makeError(ErrorCode::InputFile,
                             QStringLiteral("\"%1\" is not hex").arg(QLatin1String(name)));
        return RecordedPayload::fromBytes(bytes);
    }
    const QJsonObject object = value.toObject();
    RecordedPayload payload;
    payload.length = object.value(QStringLiteral("len")).toInteger(-1);
    payload.sha256 = QByteArray::fromHex(object.value(QStringLiteral("sha256")).toString().toLatin1());
    if (payload.length < 0 || (payload.length > 0 && payload.sha256.size() != 32))
        return makeError(
            ErrorCode::InputFile,
            QStringLiteral("\"%1\" needs a hex string or {len, sha256}").arg(QLatin1String(name)));
    return payload;
}

QByteArray setupBytes(const ControlSetup &setup)
{
    QByteArray bytes(8, '\0');
    bytes[0] = char(setup.requestType);
    bytes[1] = char(setup.request);
    bytes[2] = char(setup.value & 0xFF);
    bytes[3] = char(setup.value >> 8);
    bytes[4] = char(setup.index & 0xFF);
    bytes[5] = char(setup.index >> 8);
    bytes[6] = char(setup.length & 0xFF);
    bytes[7] = char(setup.length >> 8);
    return bytes;
}

std::optional<ControlSetup> setupFromBytes(const QByteArray &bytes)
{
    if (bytes.size() != 8)
        return std::nullopt;
    const auto u8 = [&bytes](int i) {
        return quint8(bytes[i]);
    };
    return ControlSetup{u8(0), u8(1), quint16(u8(2) | u8(3) << 8), quint16(u8(4) | u8(5) << 8),
                        quint16(u8(6) | u8(7) << 8)};
}

std::optional<ErrorCode> errorCodeFromName(const QString &name)
{
    for (int i = 0; i <= int(ErrorCode::Internal); ++i) {
        if (name == QLatin1String(errorCodeName(ErrorCode(i))))
            return ErrorCode(i);
    }
    return std::nullopt;
}

QJsonObject errorToJson(const Error &error)
{
    QJsonObject object;
    object.insert(QStringLiteral("code"), QLatin1String(errorCodeName(error.code)));
    object.insert(QStringLiteral("message"), error.message);
    if (error.offset >= 0)
        object.insert(QStringLiteral("offset"), error.offset);
    if (error.ack)
        object.insert(QStringLiteral("ack"), *error.ack);
    return object;
}

// nullopt when the code name is unknown.
std::optional<Error> errorFromJson(const QJsonObject &object)
{
    const auto code = errorCodeFromName(object.value(QStringLiteral("code")).toString());
    if (!code)
        return std::nullopt;
    Error error = makeError(*code, object.value(QStringLiteral("message")).toString());
    error.offset = object.value(QStringLiteral("offset")).toInteger(-1);
    if (object.contains(QStringLiteral("ack")))
        error.ack = object.value(QStringLiteral("ack")).toInt();
    return error;
}

} // namespace

RecordedPayload RecordedPayload::fromBytes(QByteArray bytes)
{
    RecordedPayload payload;
    payload.length = bytes.size();
    payload.sha256 = digest(bytes);
    payload.bytes = std::move(bytes);
    return payload;
}

bool RecordedPayload::matches(std::span<const quint8> data) const
{
    if (qint64(data.size()) != length)
        return false;
    const QByteArrayView view(reinterpret_cast<const char *>(data.data()), qsizetype(data.size()));
    if (isComplete())
        return view == QByteArrayView(bytes);
    return digest(view) == sha256;
}

QString RecordedPayload::describe() const
{
    if (isComplete() && length <= 64)
        return QStringLiteral("%1 bytes %2").arg(length).arg(QString::fromLatin1(bytes.toHex()));
    return QStringLiteral("%1 bytes sha256 %2").arg(length).arg(QString::fromLatin1(sha256.toHex()));
}

bool TransferRecord::isIn() const
{
    return kind == Kind::Control ? setup.isIn() : (endpoint & 0x80) != 0;
}

QString TransferRecord::describeRequest() const
{
    if (kind == Kind::Control) {
        QString text = QStringLiteral("control %1/%2 wValue 0x%3 wIndex 0x%4 wLength %5")
                           .arg(setup.requestType, 2, 16, QLatin1Char('0'))
                           .arg(setup.request, 2, 16, QLatin1Char('0'))
                           .arg(setup.value, 4, 16, QLatin1Char('0'))
                           .arg(setup.index, 4, 16, QLatin1Char('0'))
                           .arg(setup.length);
        if (!setup.isIn() && out.length > 0)
            text += QStringLiteral(" data ") + out.describe();
        return text;
    }
    const QString direction = isIn() ? QStringLiteral("IN") : QStringLiteral("OUT");
    QString text = QStringLiteral("bulk %1 0x%2 %3 bytes")
                       .arg(direction)
                       .arg(endpoint, 2, 16, QLatin1Char('0'))
                       .arg(length);
    if (!isIn())
        text += QStringLiteral(" data ") + out.describe();
    return text;
}

bool TransferRecord::sameRequest(const TransferRecord &other) const
{
    if (kind != other.kind || length != other.length)
        return false;
    if (kind == Kind::Control ? setup != other.setup : endpoint != other.endpoint)
        return false;
    if (isIn())
        return true;
    if (out.length != other.out.length)
        return false;
    if (out.isComplete() && other.out.isComplete())
        return out.bytes == other.out.bytes;
    return out.sha256 == other.out.sha256;
}

QJsonObject TransferRecord::toJson(qint64 inlineLimit) const
{
    QJsonObject object;
    if (kind == Kind::Control) {
        object.insert(QStringLiteral("type"), QStringLiteral("control"));
        object.insert(QStringLiteral("setup"), QString::fromLatin1(setupBytes(setup).toHex()));
    } else {
        object.insert(QStringLiteral("type"), QStringLiteral("bulk"));
        object.insert(QStringLiteral("ep"), endpoint);
    }
    object.insert(QStringLiteral("length"), length);
    object.insert(QStringLiteral("timeout_ms"), qint64(timeout.count()));
    if (!isIn())
        object.insert(QStringLiteral("out"), payloadToJson(out, inlineLimit));
    if (isIn() && in.length > 0)
        object.insert(QStringLiteral("in"), payloadToJson(in, inlineLimit));
    object.insert(QStringLiteral("result"), transferred);
    if (error)
        object.insert(QStringLiteral("error"), errorToJson(*error));
    object.insert(QStringLiteral("us"), qint64(duration.count()));
    return object;
}

Result<TransferRecord> TransferRecord::fromJson(const QJsonObject &object)
{
    TransferRecord record;
    const QString type = object.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("control")) {
        const auto setup =
            setupFromBytes(QByteArray::fromHex(object.value(QStringLiteral("setup")).toString().toLatin1()));
        if (!setup)
            return makeError(ErrorCode::InputFile, QStringLiteral("\"setup\" must be 8 hex bytes"));
        record.setup = *setup;
    } else if (type == QLatin1String("bulk")) {
        record.kind = Kind::Bulk;
        record.endpoint = quint8(object.value(QStringLiteral("ep")).toInt());
    } else {
        return makeError(ErrorCode::InputFile, QStringLiteral("unknown transfer type \"%1\"").arg(type));
    }
    record.length = object.value(QStringLiteral("length")).toInteger();
    record.timeout = Milliseconds(object.value(QStringLiteral("timeout_ms")).toInteger());
    auto out = payloadFromJson(object.value(QStringLiteral("out")), "out");
    auto in = payloadFromJson(object.value(QStringLiteral("in")), "in");
    if (!out)
        return std::move(out).error();
    if (!in)
        return std::move(in).error();
    record.out = std::move(*out);
    record.in = std::move(*in);
    record.transferred = object.value(QStringLiteral("result")).toInt();
    if (object.contains(QStringLiteral("error"))) {
        record.error = errorFromJson(object.value(QStringLiteral("error")).toObject());
        if (!record.error)
            return makeError(ErrorCode::InputFile, QStringLiteral("unknown error code"));
    }
    record.duration = std::chrono::microseconds(object.value(QStringLiteral("us")).toInteger());
    return record;
}

} // namespace oc
