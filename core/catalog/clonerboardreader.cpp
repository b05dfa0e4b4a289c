#include "clonerboardreader.h"

#include "../protocol/wire.h"
#include "chipprofile.h"
#include "clonerginfo.h"
#include "clonerini.h"
#include "partitiontable.h"
#include "vendorfiles.h"

#include <QDir>
#include <QFileInfo>

namespace oc::catalog {

namespace {

const QString Debug = QStringLiteral("debug");
const QString Info = QStringLiteral("info");
const QString Sfc = QStringLiteral("sfc");
const QString Mmc = QStringLiteral("mmc");
constexpr qint64 MaxOffset = qint64(1) << 42;
constexpr int MediumSpiSfc = 6, MediumMmc = 2;
constexpr int PolicyWrite = 0, PolicyRead = 11; // [policyN] type [8.4]

Error inputError(const QString &message)
{
    return makeError(ErrorCode::InputFile, message);
}

QString mediumName(int medium, int sub)
{
    static const char *const media[] = {"memory", "NAND",     "MMC", "I2C",
                                        "eFuse",  "register", "SFC", "extended policy"};
    static const char *const sfc[] = {"SFC NOR",
                                      "SFC NAND",
                                      "SFC NAND serial number",
                                      "SFC NAND MAC",
                                      "SFC NAND serial number",
                                      "SFC NAND MAC",
                                      "SPI NAND",
                                      "SPI NOR"};
    if (medium == MediumSpiSfc && sub >= 0 && sub < 8)
        return QLatin1String(sfc[sub]);
    return medium >= 0 && medium < 8 ? QLatin1String(media[medium]) : QStringLiteral("medium %1").arg(medium);
}

Result<bool> flag(const ClonerIni &ini, const QString &section, const QString &key, bool fallback)
{
    auto v = ini.integerOr(section, key, 0, 1, fallback ? 1 : 0);
    if (!v)
        return std::move(v).error();
    return *v != 0;
}

} // namespace

ClonerBoardReader::ClonerBoardReader(const Context &context, const ClonerIni &cfg,
                                     const QString &relativePath)
    : m_context(context)
    , m_cfg(cfg)
    , m_relative(relativePath)
{}

QString ClonerBoardReader::resolve(const QString &root, const QString &written, bool parentSuffices,
                                   QStringList *tried)
{
    QString path = QString(written).replace(QLatin1Char('\\'), QLatin1Char('/'));
    auto usable = [&](const QString &candidate) {
        if (tried)
            tried->append(QDir::toNativeSeparators(candidate));
        const QFileInfo info(candidate);
        return info.isFile() || (parentSuffices && !info.exists() && info.absoluteDir().exists());
    };
    const bool windowsAbsolute =
        path.size() > 2 && path[1] == QLatin1Char(':') && path[2] == QLatin1Char('/');
    if (!windowsAbsolute && QDir::isAbsolutePath(path) && QFileInfo(path).isFile())
        return QDir::cleanPath(path);
    if (windowsAbsolute)
        path = path.mid(2);
    QStringList parts = QDir::cleanPath(path).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    parts.removeAll(QStringLiteral("."));
    // A relative path is relative to the installation ("./0_Firmware_Root/fw.bin"); a foreign absolute
    // path is tried with ever shorter tails ("/home/x/cloner/tmp/1.bin" -> "<root>/tmp/1.bin").
    for (int first = 0; first < parts.size(); ++first) {
        if (parts[first] == QLatin1String(".."))
            continue; // never leave the installation
        const QString candidate = QDir(root).filePath(parts.mid(first).join(QLatin1Char('/')));
        if (usable(candidate))
            return QDir::cleanPath(candidate);
        if (!QDir::isAbsolutePath(path) && !windowsAbsolute)
            break; // relative: only the installation-relative reading
    }
    return QString();
}

Status ClonerBoardReader::checkVendorFiles() const
{
    const ChipProfile &chip = *m_context.chip;
    const struct
    {
        const char *file;
        qint64 min, max;
    } files[] = {{"spl.bin", VendorFiles::MinSplSize, chip.maxSplSize},
                 {"uboot.bin", VendorFiles::MinBurnerSize, VendorFiles::MaxBurnerSize}};
    for (const auto &f : files) {
        const QString relative =
            QStringLiteral("firmwares/%1/%2").arg(m_context.chipDir, QLatin1String(f.file));
        const QFileInfo info(QDir(m_context.root).filePath(relative));
        if (!info.isFile())
            return inputError(QStringLiteral("%1 is missing (the vendor's stage-%2 loader for %3)")
                                  .arg(QDir::toNativeSeparators(info.filePath()))
                                  .arg(QLatin1String(f.file) == QLatin1String("spl.bin") ? 1 : 2)
                                  .arg(chip.name));
        if (info.size() == 0)
            return inputError(
                QStringLiteral("%1 is empty (0 bytes); the installation is damaged, copy the file "
                               "again from the Cloner package")
                    .arg(QDir::toNativeSeparators(info.filePath())));
        if (info.size() < f.min || info.size() > f.max)
            return inputError(QStringLiteral("%1 is %2 bytes, but a %3 for %4 has %5 to %6 bytes")
                                  .arg(QDir::toNativeSeparators(info.filePath()))
                                  .arg(info.size())
                                  .arg(QLatin1String(f.file), chip.name)
                                  .arg(f.min)
                                  .arg(f.max));
    }
    return {};
}

Status ClonerBoardReader::readStorage()
{
    auto count = m_cfg.integer(QStringLiteral("policy"), QStringLiteral("policy_count"), 0,
                               ClonerImporter::MaxPolicies);
    if (!count)
        return std::move(count).error();
    std::optional<std::pair<int, int>> medium;
    for (int i = 0; i < *count; ++i) {
        const QString section = QStringLiteral("policy%1").arg(i);
        auto enabled = flag(m_cfg, section, QStringLiteral("enabled"), false);
        if (!enabled)
            return std::move(enabled).error();
        if (!*enabled)
            continue;
        const QStringList ops =
            ClonerIni::splitList(m_cfg.valueOr(section, QStringLiteral("ops"), QString()));
        const auto m = ClonerIni::parseInteger(ops.value(1)), sub = ClonerIni::parseInteger(ops.value(2));
        if (ops.size() != 3 || !m || !sub)
            return m_cfg.error(section, QStringLiteral("ops"),
                               QStringLiteral("expected \"gui,medium,sub\" such as \"12,6,0\""));
        const std::pair<int, int> found{int(*m), int(*sub)};
        const bool supported = (found.first == MediumSpiSfc && found.second == 0) ||
                               (found.first == MediumMmc && found.second >= 0 && found.second <= 2);
        if (!supported)
            return m_cfg.error(section, QStringLiteral("ops"),
                               QStringLiteral("%1 is not supported: OpenCloner writes SFC NOR and eMMC")
                                   .arg(mediumName(found.first, found.second)));
        if (medium && *medium != found)
            return m_cfg.error(section, QStringLiteral("ops"),
                               QStringLiteral("mixes media in one profile; split it"));
        medium = found;
    }
    if (!medium)
        return makeError(
            ErrorCode::Profile,
            QStringLiteral("%1: no enabled policy; the profile does nothing").arg(m_cfg.displayName()));
    BoardProfile &b = m_result.board;
    b.storage = medium->first == MediumMmc ? StorageKind::Emmc : StorageKind::Nor;
    b.mmcSlot = medium->first == MediumMmc ? medium->second : 0;
    return {};
}

Status ClonerBoardReader::readPolicy(int index)
{
    const QString section = QStringLiteral("policy%1").arg(index);
    if (!*flag(m_cfg, section, QStringLiteral("enabled"), false))
        return {};
    auto type = m_cfg.integer(section, QStringLiteral("type"), 0, 255);
    auto offset = m_cfg.integer(section, QStringLiteral("offset"), 0, MaxOffset);
    for (const Result<qint64> *r : {&type, &offset}) {
        if (!*r)
            return r->error();
    }
    if (*type != PolicyWrite && *type != PolicyRead)
        return m_cfg.error(
            section, QStringLiteral("type"),
            QStringLiteral("%1 is not supported (0 writes a file, 11 reads to a file)").arg(*type));
    BoardStep step;
    step.kind = *type == PolicyRead ? StepKind::Read : StepKind::Write;
    step.label = m_cfg.valueOr(section, QStringLiteral("label"), QString()).trimmed();
    step.offset = quint64(*offset);
    step.length = step.kind == StepKind::Read ? m_transferSize : 0;
    const QString written = m_cfg.valueOr(section, QStringLiteral("attribute"), QString()).trimmed();
    const QString what = QStringLiteral("%1 \"%2\"").arg(section, step.label);
    if (written.isEmpty()) {
        m_result.warnings << QStringLiteral("%1 names no file yet; choose one before flashing").arg(what);
    } else {
        QStringList tried;
        step.path = resolve(m_context.root, written, step.kind == StepKind::Read, &tried);
        if (step.path.isEmpty() && step.kind == StepKind::Write) {
            // Kept without a file, like a policy that names none: the profile stays usable with
            // another image, and the user is told exactly what is missing.
            m_result.warnings << QStringLiteral(
                                     "%1: file %2 not found (tried %3); choose one before flashing")
                                     .arg(what, written, tried.join(QStringLiteral(", ")));
        } else if (step.path.isEmpty()) {
            step.path =
                QDir(m_context.root)
                    .filePath(
                        QFileInfo(QString(written).replace(QLatin1Char('\\'), QLatin1Char('/'))).fileName());
            m_result.warnings << QStringLiteral("%1 reads into %2 (the folder of %3 does not exist here)")
                                     .arg(what, QDir::toNativeSeparators(step.path), written);
        }
    }
    m_result.board.steps.append(step);
    return {};
}

Status ClonerBoardReader::readPolicies()
{
    const qint64 count = *m_cfg.integer(QStringLiteral("policy"), QStringLiteral("policy_count"), 0,
                                        ClonerImporter::MaxPolicies);
    for (int i = 0; i < count; ++i)
        OC_TRY(readPolicy(i));
    for (const BoardStep &s : std::as_const(m_result.board.steps)) {
        if (s.kind == StepKind::Read) {
            m_result.board.evidence.insert(
                QStringLiteral("steps"),
                Evidence{EvidenceMark::Inferred,
                         QStringLiteral("read length per policy = [debug] transfer_size, as "
                                        "the vendor's 16 MiB reader reads 1 MiB per policy (spec Q12)")});
            break;
        }
    }
    return {};
}

Status ClonerBoardReader::readDebugAndInfo()
{
    BoardProfile &b = m_result.board;
    auto log = flag(m_cfg, Debug, QStringLiteral("log"), true);
    auto check = flag(m_cfg, Debug, QStringLiteral("transfer_data_chk"), true);
    auto readBack = flag(m_cfg, Debug, QStringLiteral("read_back_chk"), true);
    auto sendLength = flag(m_cfg, Debug, QStringLiteral("boot_stage_send_length"), true);
    auto reset = flag(m_cfg, Info, QStringLiteral("force_reset"), true);
    auto powerOff = flag(m_cfg, Info, QStringLiteral("power_off"), false);
    auto syncTime = flag(m_cfg, Info, QStringLiteral("sync_time"), false);
    for (const Result<bool> *r : {&log, &check, &readBack, &sendLength, &reset, &powerOff, &syncTime}) {
        if (!*r)
            return r->error();
    }
    b.debug.logEnabled = *log;
    b.debug.transferDataCheck = *check;
    b.debug.writeBackCheck = *readBack;
    b.bootStageSendLength = *sendLength;
    b.forceReset = *reset;
    b.powerOff = *powerOff;
    b.syncTime = *syncTime;
    auto transfer = m_cfg.integerOr(Debug, QStringLiteral("transfer_size"), 512, proto::MaxChunkSize,
                                    proto::MaxChunkSize);
    if (!transfer)
        return std::move(transfer).error();
    m_transferSize = quint32(*transfer);
    b.chunkSize = m_transferSize;
    const quint32 maxChunk = quint32(m_context.chip->burner.maxChunk);
    if (b.chunkSize > maxChunk) {
        m_result.warnings
            << QStringLiteral("[debug] transfer_size %1 is more than OpenCloner's %2 profile lets the burner "
                              "buffer; chunks of %3 bytes are used")
                   .arg(b.chunkSize)
                   .arg(m_context.chip->name)
                   .arg(maxChunk);
        b.chunkSize = maxChunk;
    }
    auto cpuInfo = m_cfg.integerOr(Debug, QStringLiteral("cpu_info_length"), 1, 64,
                                   m_context.chip->burner.cpuInfoLength);
    if (cpuInfo && *cpuInfo != m_context.chip->burner.cpuInfoLength)
        m_result.warnings << QStringLiteral(
                                 "[debug] cpu_info_length is %1; OpenCloner's %2 profile reads %3 bytes")
                                 .arg(*cpuInfo)
                                 .arg(m_context.chip->name)
                                 .arg(m_context.chip->burner.cpuInfoLength);
    return {};
}

Status ClonerBoardReader::readSfc()
{
    proto::SpiParams &s = m_result.board.spi;
    auto block = m_cfg.integer(Sfc, QStringLiteral("blocksize"), 4096, 256 * 1024);
    auto erase = m_cfg.integerOr(Sfc, QStringLiteral("force_erase"), 0, 3, 0);
    auto download = flag(m_cfg, Sfc, QStringLiteral("download_params"), false);
    auto quad = flag(m_cfg, Sfc, QStringLiteral("burn_quad"), false);
    auto bootQuad = flag(m_cfg, Sfc, QStringLiteral("boot_quad"), false);
    auto frequency = m_cfg.integerOr(Sfc, QStringLiteral("sfc_frequency"), -1, 200000000, -1);
    auto reserve = m_cfg.integerOr(Sfc, QStringLiteral("reserve_space"), 0, 0xFFFFFFFF, 0);
    if (!block || !erase || !frequency || !reserve)
        return (!block ? block : !erase ? erase : !frequency ? frequency : reserve).error();
    for (const Result<bool> *r : {&download, &quad, &bootQuad}) {
        if (!*r)
            return r->error();
    }
    s.eraseBlockSize = quint32(*block);
    s.erase = proto::SpiEraseMode(*erase);
    s.downloadParams = *download ? 1 : 0;
    s.sfcQuadMode = *quad ? 1 : 0;
    m_result.board.bootQuad = *bootQuad;
    s.sfcFrequency = *frequency < 0 ? 0 : quint32(*frequency);
    const proto::SpiParamVariant variant = m_context.chip->burner.spiParam;
    if (*reserve != 0 && variant != proto::SpiParamVariant::Vendor24 &&
        variant != proto::SpiParamVariant::K1Size32)
        m_result.warnings
            << QStringLiteral("[sfc] reserve_space %1 dropped: the %2 burner's spi_param has no such field")
                   .arg(*reserve)
                   .arg(m_context.chip->name);
    else
        s.reserveSpace = quint32(*reserve);
    return readPartitions();
}

Status ClonerBoardReader::readPartitions()
{
    const QString section = QStringLiteral("spiPartition");
    auto count = m_cfg.integer(section, QStringLiteral("count"), 1, MaxPartitions);
    if (!count)
        return std::move(count).error();
    static const QStringList modes = {QStringLiteral("MTD_MODE"), QStringLiteral("UBI_MANAGER"),
                                      QStringLiteral("MTD_D_MODE")};
    for (int i = 0; i < *count; ++i) {
        const QString key = QStringLiteral("Partition%1").arg(i);
        const QStringList f = ClonerIni::splitList(m_cfg.valueOr(section, key, QString()));
        const auto offset = ClonerIni::parseInteger(f.value(1)), size = ClonerIni::parseInteger(f.value(2)),
                   mask = ClonerIni::parseInteger(f.value(3));
        const int mode = int(modes.indexOf(f.value(4)));
        if (f.size() != 5 || f[0].isEmpty() || !offset || !size || !mask || mode < 0 || *offset < 0 ||
            *offset > 0xFFFFFFFE || *size < -1 || *size > 0xFFFFFFFE)
            return m_cfg.error(
                section, key,
                QStringLiteral("expected \"name,offset,size,mask,MTD_MODE|UBI_MANAGER|MTD_D_MODE\""));
        m_result.board.partitions.append(proto::NorPartition{f[0], quint32(*offset),
                                                             *size < 0 ? PartitionToEnd : quint32(*size),
                                                             *mask == 1, proto::PartitionMode(mode)});
    }
    return {};
}

Status ClonerBoardReader::readMmc()
{
    proto::MmcConfig &m = m_result.board.mmc;
    auto force = flag(m_cfg, Mmc, QStringLiteral("force_erase"), false);
    auto all = flag(m_cfg, Mmc, QStringLiteral("erase_all"), true);
    auto open = flag(m_cfg, Mmc, QStringLiteral("open_card"), false);
    for (const Result<bool> *r : {&force, &all, &open}) {
        if (!*r)
            return r->error();
    }
    m.openCard = *open ? 1 : 0;
    // "start,end;start,end;" (the format of gpp_form; every shipped erase_list is empty).
    const QStringList ranges = m_cfg.valueOr(Mmc, QStringLiteral("erase_list"), QString())
                                   .split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString &r : ranges) {
        const QStringList f = ClonerIni::splitList(r);
        const auto start = ClonerIni::parseInteger(f.value(0)), end = ClonerIni::parseInteger(f.value(1));
        if (f.size() != 2 || !start || !end || *start < 0 || *end < -1 || m.ranges.size() >= 10)
            return m_cfg.error(Mmc, QStringLiteral("erase_list"),
                               QStringLiteral("expected up to 10 \"start,end;\" pairs"));
        m.ranges.append(proto::MmcRange{quint64(*start), *end < 0 ? ~quint64(0) : quint64(*end)});
    }
    m.erase = !*force                        ? proto::MmcEraseMode::None
              : !m.ranges.isEmpty() && !*all ? proto::MmcEraseMode::Ranges
                                             : proto::MmcEraseMode::All;
    if (m.erase != proto::MmcEraseMode::Ranges)
        m.ranges.clear();
    m_result.board.evidence.insert(
        Mmc, Evidence{EvidenceMark::Inferred,
                      QStringLiteral("[mmc] force_erase / erase_all / erase_list / open_card "
                                     "mapped to mmc_param as spec 8.4 infers")});
    return {};
}

void ClonerBoardReader::readGinfo()
{
    BoardProfile &b = m_result.board;
    auto ddrBoard = ddr::DdrBoard::fromIni(m_cfg);
    auto info = clonerGlobalInfo(m_cfg, *m_context.chipConfig);
    if (!ddrBoard || !info)
        return; // reported by read(), which needs both
    const QString part =
        QStringLiteral("ddrs/%1/%2").arg(QLatin1String(ddr::ddrTypeName(ddrBoard->type)), ddrBoard->partFile);
    b.origin->ddrPart = part;
    auto partIni = ClonerIni::load(QDir(m_context.root).filePath(part), part);
    Result<ddr::DdrPart> ddrPart =
        partIni ? ddr::DdrPart::fromIni(*partIni, ddrBoard->type, QFileInfo(part).completeBaseName())
                : Result<ddr::DdrPart>(std::move(partIni).error());
    Result<ClonerGinfo> ginfo = ddrPart ? buildClonerGinfo(m_cfg, *m_context.chipConfig, *ddrPart)
                                        : Result<ClonerGinfo>(std::move(ddrPart).error());
    if (!ginfo) {
        b.origin->ddrPart.clear();
        const QString message = ginfo.error().message;
        m_result.warnings << (message.contains(QLatin1String("ginfo.bin"))
                                  ? QStringLiteral("no ginfo generated: %1").arg(message)
                                  : QStringLiteral(
                                        "no ginfo generated: %1; put the vendor's ginfo.bin for this board "
                                        "in firmwares/%2/")
                                        .arg(message, m_context.chipDir));
        return;
    }
    b.ginfo = ginfo->ginfo;
    b.ddrType = ginfo->rdd.updateCfgValue;
    b.origin->rddLayout = QLatin1String(ddr::rddLayoutName(ginfo->rdd.layout));
    b.origin->ginfoVerified = ginfo->rdd.verified;
    if (!ginfo->rdd.verified)
        b.evidence.insert(
            QStringLiteral("ginfo"),
            Evidence{
                EvidenceMark::Inferred,
                QStringLiteral("%1 RDD for %2 generated from Ingenic's DDR creator; no vendor blob of this "
                               "layout and DDR type was available to check it")
                    .arg(b.origin->rddLayout, QLatin1String(ddr::ddrTypeName(ddrBoard->type)))});
    if (b.ddrType)
        b.evidence.insert(QStringLiteral("ddrType"),
                          Evidence{EvidenceMark::Inferred,
                                   QStringLiteral("xburst2 DDR id << 16 | id (T41: 0x00820082, OBS-T41)")});
}

Result<ImportedBoard> ClonerBoardReader::read(const QString &name)
{
    BoardProfile &b = m_result.board;
    b.name = name;
    b.chip = m_context.chip->name;
    b.vendorFiles.dir = m_context.chipDir;
    b.vendorFiles.root = m_context.root;
    b.origin = BoardOrigin{m_context.root, m_relative, {}, {}, false};
    b.description =
        QStringLiteral("Imported from Ingenic USB Cloner%1: %2")
            .arg(m_context.version.isEmpty() ? QString() : QLatin1Char(' ') + m_context.version, m_relative);
    OC_TRY(checkVendorFiles());
    OC_TRY(readStorage());
    OC_TRY(readDebugAndInfo());
    OC_TRY(b.storage == StorageKind::Nor ? readSfc() : readMmc());
    OC_TRY(readPolicies());
    auto info = clonerGlobalInfo(m_cfg, *m_context.chipConfig);
    if (!info)
        return std::move(info).error();
    b.globalInfo = *info;
    auto ddrBoard = ddr::DdrBoard::fromIni(m_cfg);
    if (!ddrBoard)
        return std::move(ddrBoard).error();
    readGinfo();
    return m_result;
}

} // namespace oc::catalog
