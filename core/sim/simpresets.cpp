// SimBoardConfig::preset(): the per-chip tables of the protocol specification (7.1 boot
// parameters, 7.2 burner parameters) as data. Values marked "inferred" in the spec are inferred
// here too; ROM strings the spec lists as unknown are plausible guesses, marked per row.

#include "simconfig.h"

#include <array>

namespace oc::sim {

namespace {

using proto::BurnerGeneration;
using proto::CommandLayout;
using proto::DebugLayout;
using proto::PolicyLayout;
using proto::SpiParamVariant;

struct PresetRow
{
    const char *names; // canonical name first, then aliases, comma-separated
    quint16 pid;
    const char *romString; // 8 bytes
    quint32 ginfo;
    quint32 spl;
    quint32 d2i; // 0: the chip config defines none
    bool oneShotStart1;
    bool residentCapable;
    const char *burnerString;
    CommandLayout layout;
    PolicyLayout policy;
    SpiParamVariant spiParam;
    quint32 paramOffset;
    quint32 splMax;
    quint16 burnerPid;
};

constexpr quint32 TGinfo = 0x80001000;
constexpr quint32 TSpl = 0x80001800;
constexpr auto B = CommandLayout::B;
constexpr auto A = CommandLayout::A;
constexpr auto P164 = PolicyLayout::K1Size164;
constexpr auto S24 = SpiParamVariant::Vendor24;

// clang-format off
constexpr std::array<PresetRow, 19> Presets{{
    // names                          pid     ROM string   ginfo       spl         d2i     1shot  resid  burner       lay  policy  spi   poffs   splMax    bpid
    {"t20",                           0xC309, "T 2 0 V ", TGinfo,     TSpl,       0x4000, true,  false, "BOOTx1520", B,   P164,   S24,  0x6400, 26 * 1024, 0xC309}, // all confirmed (OBS-T20)
    {"t21",                           0xC309, "T 2 1 V ", TGinfo,     TSpl,       0x7000, true,  false, "BOOTx1830", B,   P164,   S24,  0x6400, 26 * 1024, 0xC309}, // ROM string inferred
    {"t23",                           0xC309, "T 2 3 V ", TGinfo,     TSpl,       0x7000, true,  false, "BOOTx1830", B,   P164,   S24,  0x6400, 26 * 1024, 0xC309}, // ROM string inferred
    {"t30,t30a,t30nl,t30x",           0xC309, "T 3 0 V ", TGinfo,     TSpl,       0x7000, true,  false, "BOOTx1830", B,   P164,   S24,  0x6400, 26 * 1024, 0xC309}, // ROM string inferred
    {"t31,t31a,t31nl,t31x",           0xC309, "T 3 1 V ", TGinfo,     TSpl,       0x7000, true,  false, "BOOTx1830", B,   P164,   S24,  0x6800, 26 * 1024, 0xC309}, // layout B inferred (TCL)
    {"t40",                           0xC309, "T 4 0 V ", TGinfo,     TSpl,       0x7000, true,  false, "X2500",     B,   P164,   S24,  0x5800, 18 * 1024, 0xEAEF}, // ROM string, offsets inferred; layout unknown (spec 7.2): B like boards/chips/t40.json
    {"t41",                           0xC309, "T 3 1 V ", TGinfo,     TSpl,       0x7000, true,  false, "X2580",     B,   P164,   S24,  0x5800, 18 * 1024, 0xEAEF}, // confirmed (OBS-T41)
    {"a1,a1_n_ne_x,a1_nt_a",          0xC309, "A 1 0 V ", TGinfo,     TSpl,       0x7000, true,  false, "A1",        A,   PolicyLayout::A1Size172, SpiParamVariant::A1Size20, 0x5800, 18 * 1024, 0xEAEF}, // ROM string inferred; layout A inferred (TCL)
    {"x1000,x1500",                   0x1000, "X1000_v1", 0xF4001000, 0xF4001800, 0,      false, true,  "BOOTx1000", B,   P164,   S24,  0x3C00, 26 * 1024, 0x1000}, // ROM confirmed (RB); layout inferred
    {"x1520",                         0xC309, "X1520_v1", TGinfo,     TSpl,       0x7000, false, false, "BOOTx1520", B,   P164,   S24,  0x3C00, 26 * 1024, 0xC309}, // ROM string, layout inferred
    {"x1600",                         0xEAEF, "X1600_v1", TGinfo,     TSpl,       0x7000, false, true,  "BOOTx1600", B,   P164,   S24,  0x5800, 26 * 1024, 0xEAEF}, // ROM string, pid, layout inferred
    {"x1800",                         0xC309, "X1800_v1", TGinfo,     TSpl,       0x4000, false, false, "BOOTx1800", B,   P164,   S24,  0x6400, 26 * 1024, 0xC309}, // ROM string, layout inferred
    {"x1830,x1630",                   0xC309, "X1830_v1", TGinfo,     TSpl,       0x7000, false, false, "BOOTx1830", B,   P164,   S24,  0x6800, 26 * 1024, 0xC309}, // ROM string, layout inferred
    {"x2000,x2100,m210,m300",         0xEAEF, "X2000_v1", 0xB2401000, 0xB2401800, 0,      false, true,  "X2000_V12", A,   PolicyLayout::IcuSize, SpiParamVariant::Icu16, 0x3C00, 26 * 1024, 0xEAEF}, // layout A confirmed (X2K); ICU family as boards/chips/x2000.json; ROM string inferred
    {"x2500",                         0xEAEF, "X2500_v1", TGinfo,     TSpl,       0x7000, false, false, "X2500",     B,   P164,   S24,  0x5800, 18 * 1024, 0xEAEF}, // ROM string, pid, layout inferred
    {"x2580",                         0xEAEF, "X2580_v1", TGinfo,     TSpl,       0x7000, false, false, "X2580",     B,   P164,   S24,  0x5800, 18 * 1024, 0xEAEF}, // ROM string, pid, layout inferred
    {"x2600,ad100",                   0xEAEF, "X2600_v1", TGinfo,     TSpl,       0,      false, true,  "X2600",     B,   P164,   S24,  0x5800, 18 * 1024, 0xEAEF}, // ROM string, pid, layout inferred
    {"jz4775,m150",                   0x4775, "JZ4775V1", 0xF4000800, 0xF4001000, 0,      false, false, "BOOT4775",  B,   P164,   S24,  0x3C00, 26 * 1024, 0x4775}, // ROM string, pid, offsets inferred
    {"m200,m200s",                    0x4785, "JZ4785V1", TGinfo,     TSpl,       0x7000, false, false, "BOOT4785",  B,   P164,   S24,  0x3C00, 26 * 1024, 0x4785}, // ROM string, pid (K1 config) inferred
}};
// clang-format on

const PresetRow *findRow(const QString &chip)
{
    const QString wanted = chip.trimmed().toLower();
    for (const PresetRow &row : Presets) {
        const QStringList names = QString::fromLatin1(row.names).split(QLatin1Char(','));
        if (names.contains(wanted))
            return &row;
    }
    return nullptr;
}

} // namespace

Result<SimBoardConfig> SimBoardConfig::preset(const QString &chip)
{
    const PresetRow *row = findRow(chip);
    if (!row) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("unknown chip '%1' (known: %2)")
                             .arg(chip, presetNames().join(QStringLiteral(", "))));
    }
    SimBoardConfig config;
    config.chip = QString::fromLatin1(row->names).section(QLatin1Char(','), 0, 0);
    config.pid = row->pid;
    config.burnerPid = row->burnerPid;
    config.romCpuInfo = QByteArray(row->romString, 8);
    config.ginfoAddr = row->ginfo;
    config.splAddr = row->spl;
    config.expectedD2i = row->d2i ? std::optional<quint32>(row->d2i) : std::nullopt;
    config.oneShotStart1 = row->oneShotStart1;
    config.residentCapable = row->residentCapable;
    config.burnerCpuInfo = QByteArray(row->burnerString);
    if (row->policy == PolicyLayout::IcuSize)
        config.setBurnerGeneration(proto::BurnerGeneration::Icu); // the older (Layout A) burner family
    config.layout = row->layout;
    config.policyLayout = row->policy;
    config.spiParam = row->spiParam;
    config.paramOffset = row->paramOffset;
    config.splMax = row->splMax;
    return config;
}

QStringList SimBoardConfig::presetNames()
{
    QStringList names;
    for (const PresetRow &row : Presets)
        names << QString::fromLatin1(row.names).section(QLatin1Char(','), 0, 0);
    return names;
}

} // namespace oc::sim
