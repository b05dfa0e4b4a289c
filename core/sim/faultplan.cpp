#include "faultplan.h"

#include "../protocol/wire.h"

#include <QRegularExpression>

#include <array>

namespace oc::sim {

namespace {

struct KindInfo
{
    FaultKind kind;
    const char *name;
    const char *keys;     // accepted parameter keys, space-separated
    const char *required; // required keys
};

constexpr std::array<KindInfo, 25> Kinds{{
    {FaultKind::CtrlTimeout, "ctrl_timeout", "hang", ""},
    {FaultKind::BulkTimeout, "bulk_timeout", "", ""},
    {FaultKind::Stall, "stall", "", ""},
    {FaultKind::ShortControlIn, "short_control_in", "bytes", ""},
    {FaultKind::ShortBulkIn, "short_bulk_in", "bytes", ""},
    {FaultKind::AcceptPartialOut, "accept_partial_out", "bytes", ""},
    {FaultKind::Disconnect, "disconnect", "", ""},
    {FaultKind::BadAck, "bad_ack", "value", "value"},
    {FaultKind::CrcCorruptOut, "crc_corrupt_out", "bit", ""},
    {FaultKind::CrcCorruptIn, "crc_corrupt_in", "bit", ""},
    {FaultKind::WrongCrcField, "wrong_crc_field", "value", ""},
    {FaultKind::SlowErase, "slow_erase", "factor max", ""},
    {FaultKind::SlowProgram, "slow_program", "factor max", ""},
    {FaultKind::SlowRead, "slow_read", "factor", ""},
    {FaultKind::ProgramFail, "program_fail", "start end stuck", "start end"},
    {FaultKind::EraseFail, "erase_fail", "start end", "start end"},
    {FaultKind::WriteProtect, "write_protect", "", ""},
    {FaultKind::Jedec, "jedec", "id", "id"},
    {FaultKind::SplHang, "spl_hang", "", ""},
    {FaultKind::BurnerNoBoot, "burner_no_boot", "", ""},
    {FaultKind::Start1OneShot, "start1_one_shot", "on off", ""},
    {FaultKind::ReenumerateAfterSpl, "reenumerate_after_spl", "delay", ""},
    {FaultKind::GarbageAfterGinfo, "garbage_after_ginfo", "data", ""},
    {FaultKind::ReappearAfterReboot, "reappear_after_reboot", "delay", ""},
    {FaultKind::PowerLoss, "power_loss", "page", ""},
}};

struct RequestName
{
    const char *name;
    quint8 request;
};

constexpr std::array<RequestName, 17> Requests{{
    {"get_cpu_info", proto::GetCpuInfo},
    {"set_data_addr", proto::SetDataAddr},
    {"set_data_len", proto::SetDataLen},
    {"flush_caches", proto::FlushCaches},
    {"start1", proto::ProgramStart1},
    {"start2", proto::ProgramStart2},
    {"get_ack", proto::GetAck},
    {"init", proto::Init},
    {"write", proto::Write},
    {"read", proto::Read},
    {"update_cfg", proto::UpdateCfg},
    {"sync_time", proto::SyncTime},
    {"reboot", proto::Reboot},
    {"poweroff", proto::PowerOff},
    {"check", proto::Check},
    {"get_crc", proto::GetCrc},
    {"get_flash_info", proto::GetFlashInfo},
}};

const char *NumericKeys[] = {"bytes", "bit", "value", "id", "start", "end", "stuck", "page"};
const char *FlagKeys[] = {"hang", "max", "on", "off"};

std::optional<qint64> parseNumber(const QString &text)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok, 0);
    if (ok)
        return v;
    const quint64 u = text.toULongLong(&ok, 0); // 0xFFFFFFFF.. above qint64 range is refused
    return ok && u <= quint64(std::numeric_limits<qint64>::max()) ? std::optional<qint64>(qint64(u))
                                                                  : std::nullopt;
}

template<size_t N>
bool contains(const char *const (&list)[N], const QString &key)
{
    for (const char *k : list) {
        if (key == QLatin1String(k))
            return true;
    }
    return false;
}

Error faultError(const QString &text, const QString &why)
{
    return makeError(ErrorCode::InvalidArgument, QStringLiteral("fault '%1': %2").arg(text, why));
}

Result<FaultTrigger> parseTrigger(const QString &t)
{
    FaultTrigger trigger;
    if (t == QLatin1String("write") || t == QLatin1String("read")) {
        trigger.stream = t == QLatin1String("write") ? FaultStream::Write : FaultStream::Read;
        return trigger;
    }
    if (t == QLatin1String("bulk")) {
        trigger.bulk = true;
        return trigger;
    }
    if (t.startsWith(QLatin1String("req="))) {
        const auto v = parseNumber(t.mid(4));
        if (!v || *v < 0 || *v > 0xFF)
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("req= needs a bRequest 0..0xff"));
        trigger.request = quint8(*v);
        return trigger;
    }
    if (t.startsWith(QLatin1String("time="))) {
        trigger.time = parseSimDuration(t.mid(5));
        if (!trigger.time)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("time= needs a duration (1500ms, 1.5s)"));
        return trigger;
    }
    for (const RequestName &r : Requests) {
        if (t == QLatin1String(r.name)) {
            trigger.request = r.request;
            return trigger;
        }
    }
    return makeError(
        ErrorCode::InvalidArgument,
        QStringLiteral("unknown trigger '%1' (a request name, req=0xNN, write, read, bulk, time=...)")
            .arg(t));
}

Status applyRefinement(FaultSpec &spec, const QString &key, const QString &value)
{
    FaultTrigger &t = spec.trigger;
    const auto number = parseNumber(value);
    if (key == QLatin1String("stage")) {
        if (value == QLatin1String("rom"))
            t.stage = FaultStage::Rom;
        else if (value == QLatin1String("spl"))
            t.stage = FaultStage::Spl;
        else if (value == QLatin1String("burner"))
            t.stage = FaultStage::Burner;
        else
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("stage= must be rom, spl or burner"));
        return {};
    }
    if (key == QLatin1String("dir")) {
        if (!t.bulk || (value != QLatin1String("in") && value != QLatin1String("out")))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("dir=in|out needs the @bulk trigger"));
        t.bulkIn = value == QLatin1String("in");
        return {};
    }
    if (!number || *number < 0)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1= needs a number >= 0").arg(key));
    if (key == QLatin1String("count")) {
        spec.count = int(*number);
    } else if (key == QLatin1String("n")) {
        if (*number < 1 || (!t.request && !t.bulk))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("n= (>= 1) needs a request or @bulk trigger"));
        t.occurrence = int(*number);
    } else if (key == QLatin1String("chunk")) {
        if (t.stream == FaultStream::None)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("chunk= needs the @write or @read trigger"));
        t.chunk = int(*number);
    } else {
        if (t.stream == FaultStream::None)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("offset= needs the @write or @read trigger"));
        t.offset = *number;
    }
    return {};
}

Status applyParam(FaultSpec &spec, const KindInfo &info, const QString &key, const QString &value)
{
    static const QStringList refinements = {QStringLiteral("n"),     QStringLiteral("stage"),
                                            QStringLiteral("chunk"), QStringLiteral("offset"),
                                            QStringLiteral("dir"),   QStringLiteral("count")};
    if (refinements.contains(key))
        return applyRefinement(spec, key, value);
    const QStringList accepted = QString::fromLatin1(info.keys).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (!accepted.contains(key)) {
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("unknown parameter '%1' for %2 (accepted: %3)")
                .arg(key, QLatin1String(info.name),
                     accepted.isEmpty() ? QStringLiteral("none") : accepted.join(QStringLiteral(", "))));
    }
    if (contains(FlagKeys, key) != value.isNull())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("'%1' is %2")
                             .arg(key, value.isNull() ? QStringLiteral("missing its value")
                                                      : QStringLiteral("a flag without a value")));
    if (contains(NumericKeys, key) && !parseNumber(value))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1= needs a number, not '%2'").arg(key, value));
    if (key == QLatin1String("factor") && !(value.toDouble() >= 1.0))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("factor= needs a number >= 1"));
    if (key == QLatin1String("delay") && !parseSimDuration(value))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("delay= needs a duration (500ms, 1.5s)"));
    if (key == QLatin1String("data")) {
        static const QRegularExpression hexRe(QStringLiteral("^([0-9a-fA-F]{2})+$"));
        if (!hexRe.match(value).hasMatch())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("data= needs an even number of hex digits"));
    }
    spec.params.insert(key, value);
    return {};
}

} // namespace

const char *faultKindName(FaultKind kind)
{
    for (const KindInfo &info : Kinds) {
        if (info.kind == kind)
            return info.name;
    }
    return "?";
}

bool FaultTrigger::isAlways() const
{
    return !request && !stage && stream == FaultStream::None && !bulk && !time;
}

qint64 FaultSpec::number(const QString &key, qint64 fallback) const
{
    const auto it = params.constFind(key);
    return it == params.constEnd() ? fallback : parseNumber(*it).value_or(fallback);
}

QByteArray FaultSpec::hex(const QString &key, const QByteArray &fallback) const
{
    const auto it = params.constFind(key);
    return it == params.constEnd() ? fallback : QByteArray::fromHex(it->toLatin1());
}

SimDuration FaultSpec::duration(const QString &key, SimDuration fallback) const
{
    const auto it = params.constFind(key);
    return it == params.constEnd() ? fallback : parseSimDuration(*it).value_or(fallback);
}

std::optional<SimDuration> parseSimDuration(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^([0-9]+(?:\\.[0-9]+)?)(us|ms|s)?$"));
    const auto m = re.match(text.trimmed().toLower());
    if (!m.hasMatch())
        return std::nullopt;
    const double value = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    const double ns = unit == QLatin1String("us") ? 1e3 : unit == QLatin1String("s") ? 1e9 : 1e6;
    return SimDuration(qint64(value * ns));
}

Result<FaultSpec> FaultPlan::parseOne(const QString &text)
{
    const QStringList fields = text.trimmed().split(QLatin1Char(':'));
    const QString head = fields.value(0).toLower();
    const qsizetype at = head.indexOf(QLatin1Char('@'));
    const QString name = at < 0 ? head : head.left(at);
    const KindInfo *info = nullptr;
    for (const KindInfo &k : Kinds) {
        if (name == QLatin1String(k.name))
            info = &k;
    }
    if (!info)
        return faultError(text, QStringLiteral("unknown fault '%1'").arg(name));
    FaultSpec spec;
    spec.kind = info->kind;
    spec.text = text.trimmed();
    if (at >= 0) {
        auto trigger = parseTrigger(head.mid(at + 1));
        if (!trigger)
            return faultError(text, trigger.error().message);
        spec.trigger = *trigger;
    }
    bool explicitCount = false;
    for (qsizetype i = 1; i < fields.size(); ++i) {
        const qsizetype eq = fields[i].indexOf(QLatin1Char('='));
        const QString key = (eq < 0 ? fields[i] : fields[i].left(eq)).trimmed().toLower();
        const QString value = eq < 0 ? QString() : fields[i].mid(eq + 1).trimmed();
        if (auto s = applyParam(spec, *info, key, value); !s)
            return faultError(text, s.error().message);
        explicitCount = explicitCount || key == QLatin1String("count");
    }
    if (spec.trigger.isAlways() && !explicitCount)
        spec.count = 0; // a fault without a trigger applies to every match
    for (const QString &req :
         QString::fromLatin1(info->required).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!spec.params.contains(req))
            return faultError(text, QStringLiteral("%1 needs %2=").arg(QLatin1String(info->name), req));
    }
    return spec;
}

Result<FaultPlan> FaultPlan::parse(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[;\\s]+"));
    FaultPlan plan;
    const QStringList items = text.split(separators, Qt::SkipEmptyParts);
    for (const QString &item : items) {
        auto spec = parseOne(item);
        if (!spec)
            return std::move(spec).error();
        plan.faults.append(*spec);
    }
    return plan;
}

QString FaultPlan::toString() const
{
    QStringList texts;
    for (const FaultSpec &f : faults)
        texts << f.text;
    return texts.join(QStringLiteral("; "));
}

} // namespace oc::sim
