#include "simconfig.h"

#include <bit>

namespace oc::sim {

namespace {

Error specError(const QString &text, const QString &why)
{
    return makeError(ErrorCode::InvalidArgument, QStringLiteral("storage spec '%1': %2").arg(text, why));
}

// "16M", "4G", "512K", "65536", "0x1000000".
std::optional<quint64> parseSize(QString text)
{
    quint64 unit = 1;
    const QChar last = text.isEmpty() ? QChar() : text.back().toUpper();
    if (last == QLatin1Char('K') || last == QLatin1Char('M') || last == QLatin1Char('G')) {
        unit = last == QLatin1Char('K') ? KiB : last == QLatin1Char('M') ? MiB : GiB;
        text.chop(1);
    }
    bool ok = false;
    const quint64 value = text.toULongLong(&ok, 0);
    if (!ok || value == 0)
        return std::nullopt;
    return value * unit;
}

std::optional<quint32> parseNumber(const QString &text)
{
    bool ok = false;
    const quint32 value = text.toUInt(&ok, 0);
    return ok ? std::optional<quint32>(value) : std::nullopt;
}

QString sizeText(quint64 bytes)
{
    if (bytes % GiB == 0)
        return QStringLiteral("%1G").arg(bytes / GiB);
    if (bytes % MiB == 0)
        return QStringLiteral("%1M").arg(bytes / MiB);
    if (bytes % KiB == 0)
        return QStringLiteral("%1K").arg(bytes / KiB);
    return QString::number(bytes);
}

Status applyNorKey(NorSpec &nor, const QString &key, const QString &value)
{
    if (key == QLatin1String("page")) {
        const auto page = parseNumber(value);
        if (!page || *page == 0 || !std::has_single_bit(*page))
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("page size must be a power of two"));
        nor.pageSize = *page;
    } else if (key == QLatin1String("sr1")) {
        const auto sr = parseNumber(value);
        if (!sr || *sr > 0xFF)
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("sr1 must be a byte"));
        nor.statusRegister1 = quint8(*sr);
    } else if (key == QLatin1String("locked")) {
        nor.statusLocked = true;
    } else if (key == QLatin1String("image")) {
        nor.imagePath = value;
    } else {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("unknown NOR key '%1' (page, sr1, locked, image)").arg(key));
    }
    return {};
}

Status applyEmmcKey(EmmcSpec &emmc, const QString &key, const QString &value)
{
    if (key == QLatin1String("erased")) {
        const auto v = parseNumber(value);
        if (!v || *v > 0xFF)
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("erased must be a byte"));
        emmc.erasedValue = quint8(*v);
    } else if (key == QLatin1String("absent")) {
        emmc.present = false;
    } else if (key == QLatin1String("wp")) {
        emmc.writeProtected = true;
    } else if (key == QLatin1String("slot")) {
        const auto v = parseNumber(value);
        if (!v || *v > 2)
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("slot must be 0, 1 or 2"));
        emmc.slot = int(*v);
    } else if (key == QLatin1String("image")) {
        emmc.imagePath = value;
    } else {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("unknown eMMC key '%1' (erased, absent, wp, slot, image)").arg(key));
    }
    return {};
}

// Splits "key=value" (value may contain ':' only for image=, which must come last).
std::pair<QString, QString> splitKey(const QString &field)
{
    const qsizetype eq = field.indexOf(QLatin1Char('='));
    if (eq < 0)
        return {field.toLower(), QString()};
    return {field.left(eq).toLower(), field.mid(eq + 1)};
}

Result<NorSpec> parseNor(const QStringList &fields)
{
    NorSpec nor;
    const auto size = parseSize(fields.value(1));
    if (!size || !std::has_single_bit(*size) || *size > 4 * GiB)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("NOR size must be a power of two up to 4G"));
    nor.capacity = *size;
    nor.jedecId = 0xEF4000 | quint32(std::countr_zero(*size));
    for (qsizetype i = 2; i < fields.size(); ++i) {
        if (i == 2 && !fields[i].contains(QLatin1Char('=')) && fields[i].startsWith(QLatin1String("0x"))) {
            const auto id = parseNumber(fields[i]);
            if (!id || *id > 0xFFFFFF)
                return makeError(ErrorCode::InvalidArgument, QStringLiteral("JEDEC id must be 3 bytes"));
            nor.jedecId = *id;
            continue;
        }
        const auto [key, value] = splitKey(fields[i]);
        OC_TRY(applyNorKey(nor, key, value));
    }
    return nor;
}

Result<EmmcSpec> parseEmmc(const QStringList &fields)
{
    EmmcSpec emmc;
    const auto size = parseSize(fields.value(1));
    if (!size || *size % 512)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("eMMC size must be a multiple of 512"));
    emmc.capacity = *size;
    for (qsizetype i = 2; i < fields.size(); ++i) {
        const auto [key, value] = splitKey(fields[i]);
        OC_TRY(applyEmmcKey(emmc, key, value));
    }
    return emmc;
}

// "image=/a:b" would split on ':'; rejoin everything after "image=" into one field.
QStringList splitFields(const QString &part)
{
    QStringList fields = part.split(QLatin1Char(':'));
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (fields[i].startsWith(QLatin1String("image="))) {
            const QString joined = fields.mid(i).join(QLatin1Char(':'));
            fields = fields.mid(0, i);
            fields.append(joined);
            break;
        }
    }
    return fields;
}

} // namespace

QMap<quint8, quint32> NorSpec::defaultEraseOpcodes()
{
    return {{0x20, 4 * KiB},  {0x21, 4 * KiB},  {0x52, 32 * KiB}, {0x5C, 32 * KiB},
            {0xD8, 64 * KiB}, {0xDC, 64 * KiB}, {0x60, 0},        {0xC7, 0}};
}

Result<StorageSpec> StorageSpec::parse(const QString &text)
{
    StorageSpec spec;
    spec.nor.reset();
    const QStringList parts = text.trimmed().split(QLatin1Char('+'));
    for (const QString &part : parts) {
        const QStringList fields = splitFields(part.trimmed());
        const QString kind = fields.value(0).toLower();
        if (kind == QLatin1String("nor")) {
            auto nor = parseNor(fields);
            if (!nor)
                return specError(text, nor.error().message);
            if (spec.nor)
                return specError(text, QStringLiteral("more than one NOR"));
            spec.nor = *nor;
        } else if (kind == QLatin1String("emmc")) {
            auto emmc = parseEmmc(fields);
            if (!emmc)
                return specError(text, emmc.error().message);
            if (spec.emmc)
                return specError(text, QStringLiteral("more than one eMMC"));
            spec.emmc = *emmc;
        } else {
            return specError(text, QStringLiteral("unknown storage kind '%1' (nor or emmc)").arg(kind));
        }
    }
    return spec;
}

QString StorageSpec::toString() const
{
    QStringList parts;
    if (nor) {
        parts << QStringLiteral("nor:%1:0x%2")
                     .arg(sizeText(nor->capacity))
                     .arg(nor->jedecId, 6, 16, QLatin1Char('0'));
    }
    if (emmc)
        parts << QStringLiteral("emmc:%1").arg(sizeText(emmc->capacity));
    return parts.join(QLatin1Char('+'));
}

void SimBoardConfig::setBurnerGeneration(proto::BurnerGeneration gen)
{
    generation = gen;
    const bool k1 = gen == proto::BurnerGeneration::K1;
    layout = k1 ? proto::CommandLayout::B : proto::CommandLayout::A;
    debugLayout = k1 ? proto::DebugLayout::K1Size20 : proto::DebugLayout::IcuSize24;
    policyLayout = k1 ? proto::PolicyLayout::K1Size164 : proto::PolicyLayout::IcuSize;
    spiParam = k1 ? proto::SpiParamVariant::Vendor24 : proto::SpiParamVariant::Icu16;
}

QByteArray SimBoardConfig::romCpuInfoBytes() const
{
    QByteArray bytes = romCpuInfo.left(8);
    bytes.append(8 - bytes.size(), '\0');
    return bytes;
}

} // namespace oc::sim
