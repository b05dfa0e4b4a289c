#include "unitrecord.h"

#include "core/catalog/jsonreader.h"
#include "core/protocol/wire.h"

#include <QJsonDocument>
#include <QJsonValue>

#include <cmath>
#include <limits>
#include <optional>

namespace oc::station {

namespace {

// JSON numbers are doubles: integers beyond 2^53 would silently lose digits.
constexpr qint64 MaxJsonInteger = qint64(1) << 53;

enum Column : int {
    ColTime,
    ColUnit,
    ColStation,
    ColOperator,
    ColLane,
    ColPort,
    ColChip,
    ColRomId,
    ColBurnerId,
    ColFlashJedec,
    ColFlashName,
    ColFlashSize,
    ColPlan,
    ColPackage,
    ColPackageVersion,
    ColPackageSha256,
    ColDuration,
    ColResult,
    ColErrorClass,
    ColStage,
    ColOffset,
    ColBoardState,
    ColMessage,
    ColumnCount
};

// Columns written as numbers; never touched by the formula defusal ("-1" must stay a number).
bool isNumericColumn(int column)
{
    return column == ColUnit || column == ColLane || column == ColFlashSize || column == ColDuration ||
           column == ColOffset;
}

QString formatTime(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    // A local QDateTime prints without its offset; pinning the offset makes the text unambiguous
    // across time zones and daylight saving changes.
    QString text = time.toOffsetFromUtc(time.offsetFromUtc()).toString(Qt::ISODateWithMs);
    // Qt writes a zero offset as "Z"; "+00:00" says "local time, which happens to be UTC".
    if (text.endsWith(QLatin1Char('Z')))
        text.replace(text.size() - 1, 1, QStringLiteral("+00:00"));
    return text;
}

QString formatJedec(quint32 jedec)
{
    if (jedec == 0)
        return QString();
    return QStringLiteral("0x%1").arg(jedec, 6, 16, QLatin1Char('0'));
}

double roundedSeconds(double seconds)
{
    return std::round(seconds * 1000.0) / 1000.0;
}

// A spreadsheet runs a cell starting with = + - @ (and, in some, tab or CR) as a formula; a leading
// apostrophe makes it text (OWASP "CSV injection").
QString defused(const QString &field)
{
    static const QString triggers = QStringLiteral("=+-@\t\r");
    if (!field.isEmpty() && triggers.contains(field.front()))
        return QLatin1Char('\'') + field;
    return field;
}

QByteArray csvField(const QString &text)
{
    QByteArray field = text.toUtf8();
    if (field.contains(',') || field.contains('"') || field.contains('\r') || field.contains('\n')) {
        field.replace("\"", "\"\"");
        return '"' + field + '"';
    }
    return field;
}

// Reads the keys of one record, keeping the first problem (naming its key) as the error.
class StrictReader
{
public:
    explicit StrictReader(const QJsonObject &object)
        : m_object(object)
    {}

    const std::optional<Error> &error() const { return m_error; }

    void fail(const QString &key, const QString &problem)
    {
        if (!m_error)
            m_error = makeError(ErrorCode::InputFile,
                                QStringLiteral("unit record: key \"%1\": %2").arg(key, problem));
    }

    QString text(const QString &key)
    {
        const QJsonValue v = value(key);
        if (!v.isUndefined() && !v.isString())
            wrongType(key, "a string", v);
        return v.toString();
    }

    double number(const QString &key)
    {
        const QJsonValue v = value(key);
        if (!v.isUndefined() && !v.isDouble())
            wrongType(key, "a number", v);
        return v.toDouble();
    }

    qint64 integer(const QString &key, qint64 min, qint64 max)
    {
        const double d = number(key);
        if (m_error)
            return 0;
        if (std::floor(d) != d || d < double(min) || d > double(max)) {
            fail(key, QStringLiteral("%1 is not a whole number in %2 ... %3").arg(d).arg(min).arg(max));
            return 0;
        }
        return qint64(d);
    }

private:
    QJsonValue value(const QString &key)
    {
        const auto it = m_object.find(key);
        if (it == m_object.end()) {
            fail(key, QStringLiteral("missing; every column is required"));
            return QJsonValue(QJsonValue::Undefined);
        }
        return it.value();
    }

    void wrongType(const QString &key, const char *expected, const QJsonValue &actual)
    {
        fail(key, QStringLiteral("expected %1, found %2")
                      .arg(QLatin1String(expected), QLatin1String(catalog::jsonTypeName(actual))));
    }

    const QJsonObject &m_object;
    std::optional<Error> m_error;
};

std::optional<UnitOutcome> outcomeFromName(const QString &name)
{
    for (UnitOutcome outcome : {UnitOutcome::Pass, UnitOutcome::Fail, UnitOutcome::Stopped}) {
        if (name == QLatin1String(unitOutcomeName(outcome)))
            return outcome;
    }
    return std::nullopt;
}

void readJedec(StrictReader &reader, UnitRecord &record)
{
    const QString key = QStringLiteral("flash_jedec");
    const QString text = reader.text(key);
    if (reader.error() || text.isEmpty())
        return;
    bool ok = false;
    const qulonglong value = text.startsWith(QLatin1String("0x")) ? text.mid(2).toULongLong(&ok, 16) : 0;
    if (!ok || value == 0 || value > 0xFFFFFFFFull)
        reader.fail(key,
                    QStringLiteral("\"%1\" is not a JEDEC id such as \"0xc84018\" (or empty)").arg(text));
    record.flashJedec = quint32(value);
}

void readTimeAndOutcome(StrictReader &reader, UnitRecord &record)
{
    const QString time = reader.text(QStringLiteral("time"));
    record.time = QDateTime::fromString(time, Qt::ISODateWithMs);
    if (!reader.error() && !record.time.isValid())
        reader.fail(QStringLiteral("time"),
                    QStringLiteral("\"%1\" is not an ISO 8601 date and time").arg(time));
    const QString result = reader.text(QStringLiteral("result"));
    const auto outcome = outcomeFromName(result);
    if (!reader.error() && !outcome)
        reader.fail(QStringLiteral("result"),
                    QStringLiteral("\"%1\" is not one of pass, fail, stopped").arg(result));
    record.outcome = outcome.value_or(UnitOutcome::Fail);
}

} // namespace

const char *unitOutcomeName(UnitOutcome outcome)
{
    switch (outcome) {
    case UnitOutcome::Pass:
        return "pass";
    case UnitOutcome::Fail:
        return "fail";
    case UnitOutcome::Stopped:
        return "stopped";
    }
    return "fail";
}

UnitRecord UnitRecord::from(const UnitContext &context, const JobResult &result, const QDateTime &time)
{
    UnitRecord r;
    r.time = time;
    r.unit = context.unit;
    r.station = context.station;
    r.operatorName = context.operatorName;
    r.lane = context.lane;
    r.port = context.port;
    r.chip = context.chip;
    r.romId = proto::printableId(result.romId).trimmed();
    r.burnerId = proto::printableId(result.burnerId).trimmed();
    r.flashJedec = result.jedecId;
    r.flashName = result.flashName;
    r.flashSize = result.flashSize;
    r.plan = context.plan;
    r.package = context.package;
    r.packageVersion = context.packageVersion;
    r.packageSha256 = context.packageSha256;
    r.durationSeconds = result.seconds;
    r.boardState = QLatin1String(boardStateName(result.boardState));
    if (result.ok) {
        r.outcome = UnitOutcome::Pass;
        return r;
    }
    r.outcome = result.error.code == ErrorCode::Cancelled ? UnitOutcome::Stopped : UnitOutcome::Fail;
    r.errorClass = QLatin1String(errorCodeName(result.error.code));
    if (result.failedStage)
        r.stage = QLatin1String(stageName(*result.failedStage));
    r.offset = result.error.offset;
    r.message = result.error.message;
    return r;
}

QStringList UnitRecord::columns()
{
    static const QStringList names = {
        QStringLiteral("time"),           QStringLiteral("unit"),       QStringLiteral("station"),
        QStringLiteral("operator"),       QStringLiteral("lane"),       QStringLiteral("port"),
        QStringLiteral("chip"),           QStringLiteral("rom_id"),     QStringLiteral("burner_id"),
        QStringLiteral("flash_jedec"),    QStringLiteral("flash_name"), QStringLiteral("flash_size"),
        QStringLiteral("plan"),           QStringLiteral("package"),    QStringLiteral("package_version"),
        QStringLiteral("package_sha256"), QStringLiteral("duration_s"), QStringLiteral("result"),
        QStringLiteral("error_class"),    QStringLiteral("stage"),      QStringLiteral("offset"),
        QStringLiteral("board_state"),    QStringLiteral("message"),
    };
    Q_ASSERT(names.size() == ColumnCount);
    return names;
}

QStringList UnitRecord::values() const
{
    return {
        formatTime(time),
        QString::number(unit),
        station,
        operatorName,
        QString::number(lane),
        port,
        chip,
        romId,
        burnerId,
        formatJedec(flashJedec),
        flashName,
        QString::number(flashSize),
        plan,
        package,
        packageVersion,
        packageSha256,
        QString::number(roundedSeconds(durationSeconds), 'f', 3),
        QLatin1String(unitOutcomeName(outcome)),
        errorClass,
        stage,
        QString::number(offset),
        boardState,
        message,
    };
}

QByteArray UnitRecord::csvLine() const
{
    const QStringList fields = values();
    QByteArray line;
    for (int column = 0; column < fields.size(); ++column) {
        if (column > 0)
            line += ',';
        line += csvField(isNumericColumn(column) ? fields[column] : defused(fields[column]));
    }
    line += "\r\n";
    return line;
}

QByteArray UnitRecord::jsonLine() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact) + '\n';
}

QJsonObject UnitRecord::toJson() const
{
    const QStringList keys = columns();
    const QStringList fields = values();
    QJsonObject object;
    for (int column = 0; column < keys.size(); ++column)
        object.insert(keys[column], fields[column]);
    object.insert(keys[ColUnit], double(unit));
    object.insert(keys[ColLane], lane);
    object.insert(keys[ColFlashSize], double(flashSize));
    object.insert(keys[ColDuration], roundedSeconds(durationSeconds));
    object.insert(keys[ColOffset], double(offset));
    return object;
}

Result<UnitRecord> UnitRecord::fromJson(const QJsonObject &object)
{
    const QStringList keys = columns();
    StrictReader reader(object);
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!keys.contains(it.key()))
            reader.fail(it.key(), QStringLiteral("unknown key; a unit record has only: %1")
                                      .arg(keys.join(QStringLiteral(", "))));
    }
    UnitRecord r;
    readTimeAndOutcome(reader, r);
    r.unit = quint64(reader.integer(keys[ColUnit], 0, MaxJsonInteger));
    r.station = reader.text(keys[ColStation]);
    r.operatorName = reader.text(keys[ColOperator]);
    r.lane = int(reader.integer(keys[ColLane], 0, std::numeric_limits<int>::max()));
    r.port = reader.text(keys[ColPort]);
    r.chip = reader.text(keys[ColChip]);
    r.romId = reader.text(keys[ColRomId]);
    r.burnerId = reader.text(keys[ColBurnerId]);
    readJedec(reader, r);
    r.flashName = reader.text(keys[ColFlashName]);
    r.flashSize = quint64(reader.integer(keys[ColFlashSize], 0, MaxJsonInteger));
    r.plan = reader.text(keys[ColPlan]);
    r.package = reader.text(keys[ColPackage]);
    r.packageVersion = reader.text(keys[ColPackageVersion]);
    r.packageSha256 = reader.text(keys[ColPackageSha256]);
    r.durationSeconds = reader.number(keys[ColDuration]);
    if (r.durationSeconds < 0)
        reader.fail(keys[ColDuration], QStringLiteral("a duration cannot be negative"));
    r.errorClass = reader.text(keys[ColErrorClass]);
    r.stage = reader.text(keys[ColStage]);
    r.offset = reader.integer(keys[ColOffset], -1, MaxJsonInteger);
    r.boardState = reader.text(keys[ColBoardState]);
    r.message = reader.text(keys[ColMessage]);
    if (reader.error())
        return *reader.error();
    return r;
}

} // namespace oc::station
