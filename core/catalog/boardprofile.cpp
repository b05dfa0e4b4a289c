#include "boardprofile.h"

#include "../protocol/wire.h"
#include "boardjson.h"
#include "chipprofile.h"
#include "jsonreader.h"

#include <QDir>
#include <QRegularExpression>

namespace oc::catalog {

namespace {

using namespace oc::proto;

constexpr qint64 MaxU32 = 0xFFFFFFFF;
constexpr int MaxGpioGroups = 12; // (184 - 0x28) / 12 bytes of FIDB [3.10]
constexpr int MaxMmcSlot = 2;
constexpr int MaxMmcRanges = 10;
constexpr int MmcBlock = 512;

const QStringList StorageNames = {QStringLiteral("nor"), QStringLiteral("emmc")};
const QStringList EraseNames = {QStringLiteral("partition"), QStringLiteral("all-partitions"),
                                QStringLiteral("chip-command"), QStringLiteral("none")};
const QStringList ModeNames = {QStringLiteral("MTD_MODE"), QStringLiteral("UBI_MANAGER"),
                               QStringLiteral("MTD_D_MODE")};
const QStringList MmcEraseNames = {QStringLiteral("none"), QStringLiteral("all"), QStringLiteral("ranges")};

const QStringList EvidencePaths = {
    QStringLiteral("storage"),
    QStringLiteral("storage.capacity"),
    QStringLiteral("vendorFiles"),
    QStringLiteral("globalInfo"),
    QStringLiteral("globalInfo.extal"),
    QStringLiteral("globalInfo.cpuFreq"),
    QStringLiteral("globalInfo.ddrFreq"),
    QStringLiteral("globalInfo.uartIndex"),
    QStringLiteral("globalInfo.baudRate"),
    QStringLiteral("globalInfo.uartGpio"),
    QStringLiteral("globalInfo.gpio"),
    QStringLiteral("debug"),
    QStringLiteral("spi"),
    QStringLiteral("spi.eraseBlockSize"),
    QStringLiteral("spi.sfcFrequency"),
    QStringLiteral("partitions"),
    QStringLiteral("mmc"),
    QStringLiteral("chunkSize"),
    QStringLiteral("forceReset"),
    QStringLiteral("ddrType"),
    QStringLiteral("ginfo"),
    QStringLiteral("steps"),
};

bool isPowerOfTwo(qint64 v)
{
    return v > 0 && (v & (v - 1)) == 0;
}

QString hex(quint64 value)
{
    return QStringLiteral("0x") + QString::number(value, 16).toUpper();
}

void readStorage(JsonReader &reader, const QJsonObject &root, BoardProfile &board)
{
    const QString path = QStringLiteral("storage");
    const auto storage = reader.object(root, QString(), path);
    if (!storage)
        return;
    board.storage =
        StorageKind(reader.choice(*storage, path, QStringLiteral("kind"), StorageNames).value_or(0));
    const bool emmc = board.storage == StorageKind::Emmc;
    QStringList known = {QStringLiteral("kind"), QStringLiteral("capacity")};
    if (emmc)
        known.append(QStringLiteral("mscSlot"));
    reader.rejectUnknownKeys(*storage, path, known);
    board.capacity = quint64(
        reader.integer(*storage, path, QStringLiteral("capacity"), 64 * 1024, qint64(1) << 42, Need::Optional)
            .value_or(0));
    if (emmc)
        board.mmcSlot =
            int(reader.integer(*storage, path, QStringLiteral("mscSlot"), 0, MaxMmcSlot).value_or(0));
    if (!emmc && board.capacity > (quint64(1) << 32))
        reader.fail(joinPath(path, QStringLiteral("capacity")),
                    QStringLiteral("a NOR chip holds at most 4 GiB"));
}

void readVendorFiles(JsonReader &reader, const QJsonObject &root, BoardProfile &board)
{
    static const QRegularExpression plainName(QStringLiteral("^[A-Za-z0-9._+-]+$"));
    const QString path = QStringLiteral("vendorFiles");
    const auto files = reader.object(root, QString(), path, Need::Optional);
    if (!files)
        return;
    reader.rejectUnknownKeys(*files, path,
                             {QStringLiteral("dir"), QStringLiteral("spl"), QStringLiteral("burner"),
                              QStringLiteral("ginfo"), QStringLiteral("root")});
    if (const auto folder = reader.string(*files, path, QStringLiteral("root"), Need::Optional)) {
        if (QDir::isAbsolutePath(*folder))
            board.vendorFiles.root = *folder;
        else
            reader.fail(joinPath(path, QStringLiteral("root")),
                        QStringLiteral("\"%1\" must be an absolute folder path").arg(*folder));
    }
    auto read = [&](const QString &key, QString &target) {
        const auto name = reader.string(*files, path, key, Need::Optional);
        if (!name)
            return;
        if (!plainName.match(*name).hasMatch() || *name == QLatin1String("..") || *name == QLatin1String("."))
            reader.fail(joinPath(path, key), QStringLiteral("\"%1\" must be a plain file or directory name "
                                                            "(letters, digits, . _ + -), not a path")
                                                 .arg(*name));
        else
            target = *name;
    };
    read(QStringLiteral("dir"), board.vendorFiles.dir);
    read(QStringLiteral("spl"), board.vendorFiles.spl);
    read(QStringLiteral("burner"), board.vendorFiles.burner);
    read(QStringLiteral("ginfo"), board.vendorFiles.ginfo);
}

GpioGroup readGpioGroup(JsonReader &reader, const QJsonValue &value, const QString &path)
{
    if (!value.isObject()) {
        reader.fail(path, QStringLiteral("expected {\"port\": n, \"func\": n, \"pins\": \"0x...\"}"));
        return {};
    }
    const QJsonObject group = value.toObject();
    reader.rejectUnknownKeys(group, path,
                             {QStringLiteral("port"), QStringLiteral("func"), QStringLiteral("pins")});
    GpioGroup result;
    result.port = quint32(reader.integer(group, path, QStringLiteral("port"), 0, 7).value_or(0));
    result.func = quint32(reader.integer(group, path, QStringLiteral("func"), 0, 0xFF).value_or(0));
    result.pins = quint32(reader.integer(group, path, QStringLiteral("pins"), 1, MaxU32).value_or(0));
    return result;
}

void readGlobalInfo(JsonReader &reader, const QJsonObject &root, BoardProfile &board)
{
    const QString path = QStringLiteral("globalInfo");
    const auto info = reader.object(root, QString(), path);
    if (!info)
        return;
    reader.rejectUnknownKeys(*info, path,
                             {QStringLiteral("extal"), QStringLiteral("cpuFreq"), QStringLiteral("ddrFreq"),
                              QStringLiteral("ddrDiv"), QStringLiteral("uartIndex"),
                              QStringLiteral("baudRate"), QStringLiteral("uartGpio"),
                              QStringLiteral("gpio")});
    GlobalInfo &g = board.globalInfo;
    g.extal = quint32(reader.integer(*info, path, QStringLiteral("extal"), 1000000, 100000000).value_or(0));
    g.cpuFreq =
        quint32(reader.integer(*info, path, QStringLiteral("cpuFreq"), 24000000, 3000000000).value_or(0));
    g.ddrFreq =
        quint32(reader.integer(*info, path, QStringLiteral("ddrFreq"), 24000000, 2000000000).value_or(0));
    g.ddrDiv =
        quint32(reader.integer(*info, path, QStringLiteral("ddrDiv"), 0, 255, Need::Optional).value_or(0));
    g.uartIndex = quint32(reader.integer(*info, path, QStringLiteral("uartIndex"), 0, 15).value_or(0));
    g.baudRate = quint32(reader.integer(*info, path, QStringLiteral("baudRate"), 1200, 4000000).value_or(0));
    if (info->contains(QStringLiteral("uartGpio")))
        g.uartGpio = readGpioGroup(reader, info->value(QStringLiteral("uartGpio")),
                                   joinPath(path, QStringLiteral("uartGpio")));
    else
        reader.fail(joinPath(path, QStringLiteral("uartGpio")),
                    QStringLiteral("missing; this key is required"));
    const auto gpio = reader.array(*info, path, QStringLiteral("gpio"));
    for (int i = 0; gpio && i < gpio->size(); ++i)
        g.gpio.append(
            readGpioGroup(reader, gpio->at(i), indexPath(joinPath(path, QStringLiteral("gpio")), i)));
    if (gpio && (gpio->isEmpty() || gpio->size() > MaxGpioGroups))
        reader.fail(
            joinPath(path, QStringLiteral("gpio")),
            QStringLiteral("%1 groups; list 1 to %2 pin groups (the storage pins the SPL must set up)")
                .arg(gpio->size())
                .arg(MaxGpioGroups));
}

void readDebug(JsonReader &reader, const QJsonObject &root, BoardProfile &board)
{
    const QString path = QStringLiteral("debug");
    const auto debug = reader.object(root, QString(), path);
    if (!debug)
        return;
    reader.rejectUnknownKeys(
        *debug, path,
        {QStringLiteral("log"), QStringLiteral("transferDataCheck"), QStringLiteral("writeBackCheck")});
    board.debug.logEnabled = reader.boolean(*debug, path, QStringLiteral("log")).value_or(true);
    board.debug.transferDataCheck =
        reader.boolean(*debug, path, QStringLiteral("transferDataCheck")).value_or(true);
    board.debug.writeBackCheck =
        reader.boolean(*debug, path, QStringLiteral("writeBackCheck")).value_or(true);
}

void readSpi(JsonReader &reader, const QJsonObject &root, BoardProfile &board)
{
    const QString path = QStringLiteral("spi");
    const auto spi = reader.object(root, QString(), path);
    if (!spi)
        return;
    reader.rejectUnknownKeys(*spi, path,
                             {QStringLiteral("eraseBlockSize"), QStringLiteral("quad"),
                              QStringLiteral("bootQuad"), QStringLiteral("downloadParams"),
                              QStringLiteral("sfcFrequency"), QStringLiteral("erase"),
                              QStringLiteral("reserveSpace"), QStringLiteral("paramOffset")});
    SpiParams &s = board.spi;
    const auto block = reader.integer(*spi, path, QStringLiteral("eraseBlockSize"), 4096, 256 * 1024);
    if (block && !isPowerOfTwo(*block))
        reader.fail(joinPath(path, QStringLiteral("eraseBlockSize")),
                    QStringLiteral("%1 is not a power of two (4096, 32768, 65536 ...)").arg(*block));
    s.eraseBlockSize = quint32(block.value_or(0x8000));
    s.sfcQuadMode =
        reader.boolean(*spi, path, QStringLiteral("quad"), Need::Optional).value_or(false) ? 1 : 0;
    board.bootQuad = reader.boolean(*spi, path, QStringLiteral("bootQuad"), Need::Optional).value_or(false);
    s.downloadParams =
        reader.boolean(*spi, path, QStringLiteral("downloadParams"), Need::Optional).value_or(false) ? 1 : 0;
    const auto frequency =
        reader.integer(*spi, path, QStringLiteral("sfcFrequency"), 0, 200000000, Need::Optional);
    if (frequency && *frequency != 0 && *frequency < 1000000)
        reader.fail(joinPath(path, QStringLiteral("sfcFrequency")),
                    QStringLiteral("%1 Hz is too slow; give Hz (e.g. 50000000) or 0 for the burner's default")
                        .arg(*frequency));
    s.sfcFrequency = quint32(frequency.value_or(0));
    s.erase = SpiEraseMode(
        reader.choice(*spi, path, QStringLiteral("erase"), EraseNames, Need::Optional).value_or(0));
    s.reserveSpace = quint32(
        reader.integer(*spi, path, QStringLiteral("reserveSpace"), 0, MaxU32, Need::Optional).value_or(0));
    s.paramOffset = quint32(
        reader.integer(*spi, path, QStringLiteral("paramOffset"), 0, 0x100000, Need::Optional).value_or(0));
}

NorPartition readPartition(JsonReader &reader, const QJsonValue &value, const QString &path)
{
    NorPartition p;
    if (!value.isObject()) {
        reader.fail(path, QStringLiteral("expected {\"name\": ..., \"offset\": ..., \"size\": ...}"));
        return p;
    }
    const QJsonObject o = value.toObject();
    reader.rejectUnknownKeys(o, path,
                             {QStringLiteral("name"), QStringLiteral("offset"), QStringLiteral("size"),
                              QStringLiteral("readOnly"), QStringLiteral("mode")});
    p.name = reader.string(o, path, QStringLiteral("name")).value_or(QString());
    p.offset = quint32(reader.integer(o, path, QStringLiteral("offset"), 0, MaxU32 - 1).value_or(0));
    const auto size = reader.integer(o, path, QStringLiteral("size"), -1, MaxU32 - 1);
    p.size = size ? (*size < 0 ? PartitionToEnd : quint32(*size)) : PartitionToEnd;
    p.readOnly = reader.boolean(o, path, QStringLiteral("readOnly"), Need::Optional).value_or(false);
    p.mode =
        PartitionMode(reader.choice(o, path, QStringLiteral("mode"), ModeNames, Need::Optional).value_or(0));
    return p;
}

void readPartitions(JsonReader &reader, const QJsonObject &root, BoardProfile &board)
{
    const QString path = QStringLiteral("partitions");
    const auto list = reader.array(root, QString(), path);
    if (!list)
        return;
    const qsizetype problemsBefore = reader.errors().size();
    for (int i = 0; i < list->size(); ++i)
        board.partitions.append(readPartition(reader, list->at(i), indexPath(path, i)));
    if (reader.errors().size() > problemsBefore)
        return; // entries already reported; the table checks would only repeat them
    for (const PartitionProblem &problem :
         partitionProblems(board.partitions, board.capacity, board.spi.eraseBlockSize)) {
        QString where = problem.index >= 0 ? indexPath(path, problem.index) : path;
        if (!problem.field.isEmpty())
            where = joinPath(where, problem.field);
        reader.fail(where, problem.message);
    }
}

MmcRange readMmcRange(JsonReader &reader, const QJsonValue &value, const QString &path)
{
    MmcRange range;
    const QJsonObject o = value.toObject();
    if (!value.isObject()) {
        reader.fail(path, QStringLiteral("expected {\"start\": n, \"end\": n or -1}"));
        return range;
    }
    reader.rejectUnknownKeys(o, path, {QStringLiteral("start"), QStringLiteral("end")});
    range.start = quint64(reader.integer(o, path, QStringLiteral("start"), 0, qint64(1) << 42).value_or(0));
    const auto end = reader.integer(o, path, QStringLiteral("end"), -1, qint64(1) << 42);
    range.end = end && *end >= 0 ? quint64(*end) : ~quint64(0);
    if (range.start % MmcBlock != 0 || (range.end != ~quint64(0) && range.end % MmcBlock != 0))
        reader.fail(path, QStringLiteral("start and end must be multiples of 512 (eMMC blocks)"));
    else if (range.end <= range.start)
        reader.fail(path, QStringLiteral("end must lie after start"));
    return range;
}

void readMmc(JsonReader &reader, const QJsonObject &root, BoardProfile &board)
{
    const QString path = QStringLiteral("mmc");
    const auto mmc = reader.object(root, QString(), path, Need::Optional);
    if (!mmc)
        return;
    reader.rejectUnknownKeys(*mmc, path,
                             {QStringLiteral("openCard"), QStringLiteral("erase"), QStringLiteral("ranges"),
                              QStringLiteral("gppFields")});
    board.mmc.openCard =
        qint32(reader.integer(*mmc, path, QStringLiteral("openCard"), 0, 1, Need::Optional).value_or(0));
    board.mmc.erase = MmcEraseMode(
        reader.choice(*mmc, path, QStringLiteral("erase"), MmcEraseNames, Need::Optional).value_or(0));
    board.mmc.gppFields =
        reader.boolean(*mmc, path, QStringLiteral("gppFields"), Need::Optional).value_or(true);
    const auto ranges = reader.array(*mmc, path, QStringLiteral("ranges"), Need::Optional);
    for (int i = 0; ranges && i < ranges->size(); ++i)
        board.mmc.ranges.append(
            readMmcRange(reader, ranges->at(i), indexPath(joinPath(path, QStringLiteral("ranges")), i)));
    if (board.mmc.ranges.size() > MaxMmcRanges)
        reader.fail(joinPath(path, QStringLiteral("ranges")),
                    QStringLiteral("the burner takes at most 10 ranges"));
    if ((board.mmc.erase == MmcEraseMode::Ranges) != !board.mmc.ranges.isEmpty())
        reader.fail(joinPath(path, QStringLiteral("erase")),
                    QStringLiteral(
                        "\"ranges\" erase needs a non-empty ranges list, and ranges need erase \"ranges\""));
}

void readTransfer(JsonReader &reader, const QJsonObject &root, BoardProfile &board)
{
    const auto chunk = reader.integer(root, QString(), QStringLiteral("chunkSize"), MmcBlock, MaxChunkSize);
    const quint32 unit = board.storage == StorageKind::Nor ? board.spi.eraseBlockSize : quint32(MmcBlock);
    if (chunk && unit > 0 && *chunk % unit != 0)
        reader.fail(QStringLiteral("chunkSize"),
                    QStringLiteral("%1 is not a multiple of %2 (%3); pick a multiple, e.g. 1048576")
                        .arg(hex(quint64(*chunk)), hex(unit),
                             board.storage == StorageKind::Nor ? QStringLiteral("spi.eraseBlockSize")
                                                               : QStringLiteral("the eMMC block")));
    board.chunkSize = quint32(chunk.value_or(MaxChunkSize));
    board.forceReset =
        reader.boolean(root, QString(), QStringLiteral("forceReset"), Need::Optional).value_or(true);
    board.bootStageSendLength =
        reader.boolean(root, QString(), QStringLiteral("bootStageSendLength"), Need::Optional).value_or(true);
    if (const auto ddr =
            reader.integer(root, QString(), QStringLiteral("ddrType"), 1, MaxU32, Need::Optional))
        board.ddrType = qint32(quint32(*ddr));
}

} // namespace

const char *storageKindName(StorageKind kind)
{
    return kind == StorageKind::Emmc ? "emmc" : "nor";
}

PolicyParams BoardProfile::policy() const
{
    PolicyParams p;
    if (storage == StorageKind::Nor)
        p.useSfcNor = true;
    else
        p.useMmc[qBound(0, mmcSlot, MaxMmcSlot)] = true;
    return p;
}

quint32 BoardProfile::ops() const
{
    return storage == StorageKind::Nor ? OpsSfcNor : opsMmc(mmcSlot);
}

BootParams BoardProfile::bootParams(const ChipProfile &chipProfile) const
{
    BootParams params = chipProfile.boot;
    params.sendLengthBeforeBulk = bootStageSendLength;
    return params;
}

SfcConfig BoardProfile::sfcConfig(const SpiNorChip &norChip) const
{
    SfcConfig sfc;
    sfc.spi = spi;
    sfc.chip = norChip;
    sfc.partitions = partitions;
    sfc.fsEraseSize = spi.eraseBlockSize; // the vendor fills both from [sfc] blocksize [8.4]
    sfc.ukQuad = bootQuad ? 1 : 0;
    return sfc;
}

Status BoardProfile::checkAgainst(const ChipProfile &chipProfile) const
{
    QStringList problems;
    auto fail = [&](const QString &path, const QString &message) {
        problems.append(sourceFile + QStringLiteral(": ") + path + QStringLiteral(": ") + message);
    };
    if (qint64(chunkSize) > chipProfile.burner.maxChunk)
        fail(QStringLiteral("chunkSize"),
             QStringLiteral("%1 exceeds the %2 bytes the %3 burner can buffer; use %2 "
                            "or less")
                 .arg(hex(chunkSize), hex(quint64(chipProfile.burner.maxChunk)), chipProfile.name));
    if (storage != StorageKind::Nor)
        return problems.isEmpty() ? Status{}
                                  : makeError(ErrorCode::Profile, problems.join(QLatin1Char('\n')));
    const SpiParamVariant variant = chipProfile.burner.spiParam;
    const QString variantName = QLatin1String(spiParamVariantName(variant));
    auto missingField = [&](const QString &key, const char *field) {
        fail(joinPath(QStringLiteral("spi"), key),
             QStringLiteral("the %1 burner's spi_param (%2) has no %3 field; remove the key")
                 .arg(chipProfile.name, variantName, QLatin1String(field)));
    };
    if (spi.sfcFrequency != 0 && variant == SpiParamVariant::Icu16)
        missingField(QStringLiteral("sfcFrequency"), "sfc_frequency");
    if (spi.reserveSpace != 0 && variant != SpiParamVariant::Vendor24 && variant != SpiParamVariant::K1Size32)
        missingField(QStringLiteral("reserveSpace"), "reserve_space");
    if (spi.paramOffset != 0 && variant != SpiParamVariant::Wt28 && variant != SpiParamVariant::K1Size32)
        missingField(QStringLiteral("paramOffset"), "param_offset");
    if (spi.downloadParams != 0 && spi.paramOffset == 0 && chipProfile.burner.paramOffset == 0)
        fail(QStringLiteral("spi.downloadParams"),
             QStringLiteral(
                 "the %1 burner defines no NOR parameter offset, so the parameter block has nowhere "
                 "to go; set downloadParams to false")
                 .arg(chipProfile.name));
    return problems.isEmpty() ? Status{} : makeError(ErrorCode::Profile, problems.join(QLatin1Char('\n')));
}

BoardProfile BoardProfile::fromJson(JsonReader &reader, const QJsonObject &root)
{
    BoardProfile board;
    readStorage(reader, root, board);
    QStringList known = {QStringLiteral("schema"),
                         QStringLiteral("name"),
                         QStringLiteral("chip"),
                         QStringLiteral("description"),
                         QStringLiteral("storage"),
                         QStringLiteral("vendorFiles"),
                         QStringLiteral("globalInfo"),
                         QStringLiteral("debug"),
                         QStringLiteral("chunkSize"),
                         QStringLiteral("forceReset"),
                         QStringLiteral("bootStageSendLength"),
                         QStringLiteral("ddrType"),
                         QStringLiteral("evidence")};
    known += boardExtraKeys();
    known += board.storage == StorageKind::Nor
                 ? QStringList{QStringLiteral("spi"), QStringLiteral("partitions")}
                 : QStringList{QStringLiteral("mmc")};
    reader.rejectUnknownKeys(root, QString(), known);
    reader.checkSchema(root);
    board.name = reader.string(root, QString(), QStringLiteral("name")).value_or(QString());
    board.chip = reader.string(root, QString(), QStringLiteral("chip")).value_or(QString());
    board.description = reader.string(root, QString(), QStringLiteral("description")).value_or(QString());
    readVendorFiles(reader, root, board);
    readGlobalInfo(reader, root, board);
    readDebug(reader, root, board);
    if (board.storage == StorageKind::Nor) {
        readSpi(reader, root, board);
        readPartitions(reader, root, board);
    } else {
        readMmc(reader, root, board);
    }
    readTransfer(reader, root, board);
    readBoardExtras(reader, root, board);
    board.evidence = readEvidenceMap(reader, root, QString(), EvidencePaths);
    return board;
}

} // namespace oc::catalog
