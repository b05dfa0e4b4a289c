#include "chipprofile.h"

#include "../protocol/wire.h"
#include "jsonreader.h"

#include <QRegularExpression>

#include <algorithm>
#include <iterator>

namespace oc::catalog {

namespace {

using namespace oc::proto;

constexpr int RomStringLength = 8; // GET_CPU_INFO always returns 8 bytes in the ROM [2.1]
constexpr int MaxBurnerIdLength = 31;
constexpr qint64 MaxU32 = 0xFFFFFFFF;

// Indexed by the enum values of params.h.
const char *const LayoutTable[] = {"A", "B"};
const char *const GenerationTable[] = {"K1", "ICU"};
const char *const DebugTable[] = {"k1-20", "icu-24"};
const char *const PolicyTable[] = {"k1-164", "icu", "a1-172"};
const char *const SpiParamTable[] = {"icu-16", "a1-20", "vendor-24", "wt-28", "k1-32"};
static_assert(std::size(LayoutTable) == std::size_t(CommandLayout::B) + 1);
static_assert(std::size(GenerationTable) == std::size_t(BurnerGeneration::Icu) + 1);
static_assert(std::size(DebugTable) == std::size_t(DebugLayout::IcuSize24) + 1);
static_assert(std::size(PolicyTable) == std::size_t(PolicyLayout::A1Size172) + 1);
static_assert(std::size(SpiParamTable) == std::size_t(SpiParamVariant::K1Size32) + 1);

template<std::size_t N>
QStringList toList(const char *const (&table)[N])
{
    QStringList list;
    for (const char *name : table)
        list.append(QLatin1String(name));
    return list;
}

const QStringList LayoutNames = toList(LayoutTable);
const QStringList GenerationNames = toList(GenerationTable);
const QStringList DebugNames = toList(DebugTable);
const QStringList PolicyNames = toList(PolicyTable);
const QStringList SpiParamNames = toList(SpiParamTable);

const QStringList EvidencePaths = {
    QStringLiteral("usb"),
    QStringLiteral("rom.cpuInfo"),
    QStringLiteral("rom.aliases"),
    QStringLiteral("boot.ginfo"),
    QStringLiteral("boot.spl"),
    QStringLiteral("boot.stage2"),
    QStringLiteral("boot.d2iLen"),
    QStringLiteral("boot.maxSplSize"),
    QStringLiteral("boot.start1OneShot"),
    QStringLiteral("boot.residentSpl"),
    QStringLiteral("burner.id"),
    QStringLiteral("burner.idAliases"),
    QStringLiteral("burner.cpuInfoLength"),
    QStringLiteral("burner.layout"),
    QStringLiteral("burner.generation"),
    QStringLiteral("burner.debug"),
    QStringLiteral("burner.policy"),
    QStringLiteral("burner.spiParam"),
    QStringLiteral("burner.paramOffset"),
    QStringLiteral("burner.maxChunk"),
};

bool isPrintableAscii(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7E)
            return false;
    }
    return true;
}

std::optional<QByteArray> readRomString(JsonReader &reader, const QJsonValue &value, const QString &path)
{
    if (!value.isString()) {
        reader.fail(path, QStringLiteral("expected an 8-character string such as \"T 3 1 V \""));
        return std::nullopt;
    }
    const QString text = value.toString();
    if (text.size() != RomStringLength || !isPrintableAscii(text)) {
        reader.fail(path, QStringLiteral("\"%1\" must be exactly 8 printable ASCII characters (the ROM "
                                         "always answers 8 bytes; keep trailing spaces)")
                              .arg(text));
        return std::nullopt;
    }
    return text.toLatin1();
}

QList<UsbId> readUsbIds(JsonReader &reader, const QJsonObject &root)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-9a-fA-F]{4}):([0-9a-fA-F]{4})$"));
    QList<UsbId> ids;
    const auto list = reader.array(root, QString(), QStringLiteral("usb"));
    if (!list)
        return ids;
    if (list->isEmpty())
        reader.fail(QStringLiteral("usb"), QStringLiteral("empty; list at least one \"vid:pid\""));
    for (int i = 0; i < list->size(); ++i) {
        const auto match = pattern.match(list->at(i).toString());
        if (!list->at(i).isString() || !match.hasMatch()) {
            reader.fail(indexPath(QStringLiteral("usb"), i),
                        QStringLiteral("expected \"vid:pid\" in hex, such as \"a108:c309\""));
            continue;
        }
        ids.append(UsbId{quint16(match.captured(1).toUInt(nullptr, 16)),
                         quint16(match.captured(2).toUInt(nullptr, 16))});
    }
    return ids;
}

void readRom(JsonReader &reader, const QJsonObject &root, ChipProfile &chip)
{
    const QString path = QStringLiteral("rom");
    const auto rom = reader.object(root, QString(), path);
    if (!rom)
        return;
    reader.rejectUnknownKeys(*rom, path, {QStringLiteral("cpuInfo"), QStringLiteral("aliases")});
    const QString cpuInfoPath = joinPath(path, QStringLiteral("cpuInfo"));
    if (!rom->contains(QStringLiteral("cpuInfo")))
        reader.fail(cpuInfoPath,
                    QStringLiteral("missing; give the ROM string, or null when it is not known"));
    else if (!rom->value(QStringLiteral("cpuInfo")).isNull())
        chip.boot.romCpuInfo =
            readRomString(reader, rom->value(QStringLiteral("cpuInfo")), cpuInfoPath).value_or(QByteArray());
    const auto aliases = reader.array(*rom, path, QStringLiteral("aliases"), Need::Optional);
    for (int i = 0; aliases && i < aliases->size(); ++i) {
        if (auto alias = readRomString(reader, aliases->at(i),
                                       indexPath(joinPath(path, QStringLiteral("aliases")), i)))
            chip.boot.romAliases.append(*alias);
    }
    if (chip.boot.romCpuInfo.isEmpty() && !chip.boot.romAliases.isEmpty())
        reader.fail(path,
                    QStringLiteral("aliases given without cpuInfo; put the most common string in cpuInfo"));
}

quint32 readAddress(JsonReader &reader, const QJsonObject &boot, const QString &key)
{
    const QString path = QStringLiteral("boot");
    const auto value = reader.integer(boot, path, key, 0, MaxU32);
    if (value && *value % 4 != 0)
        reader.fail(joinPath(path, key),
                    QStringLiteral("not 4-byte aligned; boot addresses are word addresses"));
    return quint32(value.value_or(0));
}

void readBoot(JsonReader &reader, const QJsonObject &root, ChipProfile &chip)
{
    const QString path = QStringLiteral("boot");
    const auto boot = reader.object(root, QString(), path);
    if (!boot)
        return;
    reader.rejectUnknownKeys(*boot, path,
                             {QStringLiteral("ginfo"), QStringLiteral("spl"), QStringLiteral("stage2"),
                              QStringLiteral("d2iLen"), QStringLiteral("maxSplSize"),
                              QStringLiteral("start1OneShot"), QStringLiteral("residentSpl")});
    chip.boot.ginfoAddr = readAddress(reader, *boot, QStringLiteral("ginfo"));
    chip.boot.splAddr = readAddress(reader, *boot, QStringLiteral("spl"));
    chip.boot.stage2Addr = readAddress(reader, *boot, QStringLiteral("stage2"));
    if (chip.boot.splAddr <= chip.boot.ginfoAddr || chip.boot.splAddr - chip.boot.ginfoAddr > 0x10000)
        reader.fail(
            joinPath(path, QStringLiteral("spl")),
            QStringLiteral("must lie above ginfo by at most 64 KiB (ginfo sits directly below the SPL)"));
    if (const auto d2i = reader.integer(*boot, path, QStringLiteral("d2iLen"), 1, 0x100000, Need::Optional))
        chip.boot.d2iLen = quint32(*d2i);
    chip.maxSplSize =
        quint32(reader.integer(*boot, path, QStringLiteral("maxSplSize"), 1024, 65536).value_or(0));
    chip.start1OneShot = reader.boolean(*boot, path, QStringLiteral("start1OneShot")).value_or(true);
    chip.residentSpl = reader.boolean(*boot, path, QStringLiteral("residentSpl")).value_or(false);
}

std::optional<QByteArray> readBurnerId(JsonReader &reader, const QJsonValue &value, const QString &path)
{
    const QString text = value.toString();
    if (!value.isString() || text.isEmpty() || text.size() > MaxBurnerIdLength || !isPrintableAscii(text)) {
        reader.fail(path,
                    QStringLiteral("expected the burner's ID string, 1 to 31 printable ASCII characters"));
        return std::nullopt;
    }
    return text.toLatin1();
}

void readBurnerIds(JsonReader &reader, const QJsonObject &burner, ChipProfile &chip)
{
    const QString path = QStringLiteral("burner");
    if (const auto id = reader.string(burner, path, QStringLiteral("id")))
        chip.burner.idString =
            readBurnerId(reader, *id, joinPath(path, QStringLiteral("id"))).value_or(QByteArray());
    const auto aliases = reader.array(burner, path, QStringLiteral("idAliases"), Need::Optional);
    for (int i = 0; aliases && i < aliases->size(); ++i) {
        const QString itemPath = indexPath(joinPath(path, QStringLiteral("idAliases")), i);
        if (auto alias = readBurnerId(reader, aliases->at(i), itemPath))
            chip.burnerIdAliases.append(*alias);
    }
    chip.burner.cpuInfoLength =
        int(reader.integer(burner, path, QStringLiteral("cpuInfoLength"), 1, 8).value_or(8));
}

void readBurnerParamOffset(JsonReader &reader, const QJsonObject &burner, ChipProfile &chip)
{
    const QString key = QStringLiteral("paramOffset");
    const QString path = joinPath(QStringLiteral("burner"), key);
    if (!burner.contains(key)) {
        reader.fail(path, QStringLiteral(
                              "missing; give CONFIG_SPIFLASH_PART_OFFSET, or null when the build has none"));
        return;
    }
    chip.burner.paramOffset = 0;
    if (!burner.value(key).isNull())
        chip.burner.paramOffset =
            quint32(reader.integer(burner.value(key), path, 0x400, 0x100000).value_or(0));
}

void readBurner(JsonReader &reader, const QJsonObject &root, ChipProfile &chip)
{
    const QString path = QStringLiteral("burner");
    const auto burner = reader.object(root, QString(), path);
    if (!burner)
        return;
    reader.rejectUnknownKeys(*burner, path,
                             {QStringLiteral("id"), QStringLiteral("idAliases"),
                              QStringLiteral("cpuInfoLength"), QStringLiteral("layout"),
                              QStringLiteral("generation"), QStringLiteral("debug"), QStringLiteral("policy"),
                              QStringLiteral("spiParam"), QStringLiteral("paramOffset"),
                              QStringLiteral("maxChunk")});
    readBurnerIds(reader, *burner, chip);
    auto &b = chip.burner;
    b.layout = CommandLayout(reader.choice(*burner, path, QStringLiteral("layout"), LayoutNames).value_or(1));
    b.generation = BurnerGeneration(
        reader.choice(*burner, path, QStringLiteral("generation"), GenerationNames).value_or(0));
    b.debugLayout =
        DebugLayout(reader.choice(*burner, path, QStringLiteral("debug"), DebugNames).value_or(0));
    b.policyLayout =
        PolicyLayout(reader.choice(*burner, path, QStringLiteral("policy"), PolicyNames).value_or(0));
    b.spiParam =
        SpiParamVariant(reader.choice(*burner, path, QStringLiteral("spiParam"), SpiParamNames).value_or(2));
    readBurnerParamOffset(reader, *burner, chip);
    // Layout A / ICU burners read back into a fixed 512 KiB buffer [5.6].
    const bool smallBuffer = b.layout == CommandLayout::A || b.generation == BurnerGeneration::Icu;
    b.maxChunk = smallBuffer ? 512 * 1024 : MaxChunkSize;
    if (const auto maxChunk = reader.integer(*burner, path, QStringLiteral("maxChunk"), 64 * 1024,
                                             MaxChunkSize, Need::Optional)) {
        if (*maxChunk % 4096 != 0)
            reader.fail(joinPath(path, QStringLiteral("maxChunk")),
                        QStringLiteral("must be a multiple of 4096"));
        b.maxChunk = int(*maxChunk);
    }
}

} // namespace

const char *commandLayoutName(CommandLayout layout)
{
    return LayoutTable[int(layout)];
}

const char *burnerGenerationName(BurnerGeneration generation)
{
    return GenerationTable[int(generation)];
}

const char *debugLayoutName(DebugLayout layout)
{
    return DebugTable[int(layout)];
}

const char *policyLayoutName(PolicyLayout layout)
{
    return PolicyTable[int(layout)];
}

const char *spiParamVariantName(SpiParamVariant variant)
{
    return SpiParamTable[int(variant)];
}

QString formatUsbId(const UsbId &id)
{
    return QStringLiteral("%1:%2").arg(id.vid, 4, 16, QLatin1Char('0')).arg(id.pid, 4, 16, QLatin1Char('0'));
}

bool ChipProfile::hasName(const QString &nameOrAlias) const
{
    return name == nameOrAlias || aliases.contains(nameOrAlias);
}

Evidence ChipProfile::evidenceFor(const QString &path) const
{
    return evidence.value(path, Evidence{});
}

bool ChipProfile::matchesRomString(const QByteArray &answer) const
{
    if (!romStringKnown())
        return true;
    return answer == boot.romCpuInfo || boot.romAliases.contains(answer);
}

bool ChipProfile::matchesBurnerId(const QByteArray &answer) const
{
    const int length = burner.cpuInfoLength;
    const QByteArray received = answer.left(length).split('\0').constFirst();
    if (received.isEmpty())
        return false;
    auto matches = [&](const QByteArray &expected) {
        return received == expected.left(length);
    };
    return matches(burner.idString) || std::any_of(burnerIdAliases.begin(), burnerIdAliases.end(), matches);
}

ChipProfile ChipProfile::fromJson(JsonReader &reader, const QJsonObject &root)
{
    ChipProfile chip;
    reader.rejectUnknownKeys(root, QString(),
                             {QStringLiteral("schema"), QStringLiteral("name"), QStringLiteral("aliases"),
                              QStringLiteral("description"), QStringLiteral("usb"), QStringLiteral("rom"),
                              QStringLiteral("boot"), QStringLiteral("burner"), QStringLiteral("evidence")});
    reader.checkSchema(root);
    chip.name = reader.string(root, QString(), QStringLiteral("name")).value_or(QString());
    chip.description = reader.string(root, QString(), QStringLiteral("description")).value_or(QString());
    const auto aliases = reader.array(root, QString(), QStringLiteral("aliases"), Need::Optional);
    for (int i = 0; aliases && i < aliases->size(); ++i) {
        if (!aliases->at(i).isString() || aliases->at(i).toString().isEmpty())
            reader.fail(indexPath(QStringLiteral("aliases"), i), QStringLiteral("expected a variant name"));
        else
            chip.aliases.append(aliases->at(i).toString());
    }
    chip.usbIds = readUsbIds(reader, root);
    readRom(reader, root, chip);
    readBoot(reader, root, chip);
    readBurner(reader, root, chip);
    chip.evidence = readEvidenceMap(reader, root, QString(), EvidencePaths);
    return chip;
}

} // namespace oc::catalog
