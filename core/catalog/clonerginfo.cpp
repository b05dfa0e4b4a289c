#include "clonerginfo.h"

#include "../protocol/config.h"
#include "clonerini.h"

#include <QRegularExpression>

namespace oc::catalog {

namespace {

const QString Info = QStringLiteral("info");
constexpr qint64 MaxU32 = 0xFFFFFFFF;

// "name,idx,port,func,pins" (uart) or "name,group,port,func,pins" (gpio): fields 3..5 are the pins.
Result<proto::GpioGroup> pinGroup(const ClonerIni &ini, const QString &section, const QString &key,
                                  quint32 *secondField = nullptr)
{
    const QStringList items = ClonerIni::splitList(ini.valueOr(section, key, QString()));
    std::optional<qint64> numbers[4];
    for (int i = 0; i < 4; ++i)
        numbers[i] = ClonerIni::parseInteger(items.value(i + 1));
    const bool secondOk = !secondField || (numbers[0] && *numbers[0] >= 0 && *numbers[0] <= 15);
    if (items.size() != 5 || !secondOk || !numbers[1] || !numbers[2] || !numbers[3] || *numbers[1] < 0 ||
        *numbers[1] > 31 || *numbers[2] < 0 || *numbers[2] > MaxU32 || *numbers[3] < 0 ||
        *numbers[3] > MaxU32)
        return ini.error(section, key, QStringLiteral("expected \"name,index,port,function,pins\""));
    if (secondField)
        *secondField = quint32(*numbers[0]);
    return proto::GpioGroup{quint32(*numbers[1]), quint32(*numbers[2]), quint32(*numbers[3])};
}

Status readUarts(const ClonerIni &ini, ClonerChipConfig &c)
{
    const QString section = QStringLiteral("uart_gpio");
    for (int i = 0; i < ClonerChipConfig::MaxConfigs; ++i) {
        const QString key = QStringLiteral("config%1").arg(i);
        if (!ini.has(section, key))
            break;
        ClonerUartPins uart;
        uart.name = ClonerIni::splitList(*ini.value(section, key)).value(0);
        auto pins = pinGroup(ini, section, key, &uart.uartIndex);
        if (!pins)
            return std::move(pins).error();
        uart.pins = *pins;
        c.uarts.append(uart);
    }
    return {};
}

Status readGpio(const ClonerIni &ini, ClonerChipConfig &c)
{
    static const QRegularExpression pattern(QStringLiteral("^dev(\\d{1,2})_config(\\d{1,2})_(\\d{1,2})$"));
    const QString section = QStringLiteral("gpio");
    const IniSection *s = ini.section(section);
    if (!s)
        return {};
    for (const IniEntry &e : s->entries) {
        const auto m = pattern.match(e.key);
        if (!m.hasMatch())
            continue; // funcN, ports: GUI tables
        const int k = m.captured(1).toInt(), i = m.captured(2).toInt(), j = m.captured(3).toInt();
        if (k >= ClonerChipConfig::MaxDevices || i >= ClonerChipConfig::MaxConfigs ||
            j >= ClonerChipConfig::MaxGroups)
            return ini.error(section, e.key,
                             QStringLiteral("device, configuration or group number too large"));
        auto pins = pinGroup(ini, section, e.key);
        if (!pins)
            return std::move(pins).error();
        while (c.devices.size() <= k) {
            c.devices.append(QList<QList<proto::GpioGroup>>());
            c.deviceNames.append(QString());
        }
        auto &configs = c.devices[k];
        while (configs.size() <= i)
            configs.append(QList<proto::GpioGroup>());
        while (configs[i].size() <= j)
            configs[i].append(proto::GpioGroup{});
        configs[i][j] = *pins;
        if (i == 0 && j == 0)
            c.deviceNames[k] = ClonerIni::splitList(e.value).value(0);
    }
    return {};
}

Result<quint32> address(const ClonerIni &ini, const QString &key)
{
    auto v = ini.integer(QStringLiteral("config"), key, 0, MaxU32);
    if (!v)
        return std::move(v).error();
    return quint32(*v);
}

// Every devK_configI_J the board's [gpio] config = "I0,I1,..." selects (-1: device K unused).
Result<QList<proto::GpioGroup>> selectedGroups(const ClonerIni &board, const ClonerChipConfig &chip)
{
    const QString section = QStringLiteral("gpio"), key = QStringLiteral("config");
    QList<proto::GpioGroup> groups;
    const QStringList selected = ClonerIni::splitList(board.valueOr(section, key, QString()));
    for (int k = 0; k < selected.size(); ++k) {
        const auto index = ClonerIni::parseInteger(selected[k]);
        if (!index || *index < -1 || *index >= ClonerChipConfig::MaxConfigs)
            return board.error(section, key,
                               QStringLiteral("item %1 (\"%2\") must be -1 or a configuration number")
                                   .arg(k)
                                   .arg(selected[k]));
        if (*index < 0)
            continue;
        if (k >= chip.devices.size() || *index >= chip.devices[k].size() ||
            chip.devices[k][int(*index)].isEmpty())
            return board.error(
                section, key,
                QStringLiteral("selects configuration %1 of device %2, which %3 does not define "
                               "(no dev%2_config%1_0)")
                    .arg(*index)
                    .arg(k)
                    .arg(chip.displayName));
        groups += chip.devices[k][int(*index)];
    }
    if (groups.size() > ClonerChipConfig::MaxGroups)
        return board.error(section, key,
                           QStringLiteral("selects %1 pin groups; global_info holds %2")
                               .arg(groups.size())
                               .arg(ClonerChipConfig::MaxGroups));
    return groups;
}

} // namespace

Result<ClonerChipConfig> ClonerChipConfig::fromIni(const ClonerIni &ini)
{
    ClonerChipConfig c;
    c.displayName = ini.displayName();
    auto ginfo = address(ini, QStringLiteral("ginfo"));
    auto spl = address(ini, QStringLiteral("spl"));
    auto uboot = address(ini, QStringLiteral("uboot"));
    for (const Result<quint32> *r : {&ginfo, &spl, &uboot}) {
        if (!*r)
            return r->error();
    }
    c.ginfoAddr = *ginfo;
    c.splAddr = *spl;
    c.stage2Addr = *uboot;
    if (ini.has(QStringLiteral("config"), QStringLiteral("d2i_len"))) {
        auto d2i = ini.integer(QStringLiteral("config"), QStringLiteral("d2i_len"), 1, 0x100000);
        if (!d2i)
            return std::move(d2i).error();
        c.d2iLen = quint32(*d2i);
    }
    OC_TRY(readUarts(ini, c));
    OC_TRY(readGpio(ini, c));
    return c;
}

Result<proto::GlobalInfo> clonerGlobalInfo(const ClonerIni &board, const ClonerChipConfig &chip)
{
    proto::GlobalInfo g;
    const std::pair<const char *, quint32 *> clocks[] = {
        {"extal", &g.extal}, {"cpufreq", &g.cpuFreq}, {"ddrfreq", &g.ddrFreq}, {"baud_rate", &g.baudRate}};
    for (const auto &[key, field] : clocks) {
        auto v = board.integer(Info, QLatin1String(key), 1, MaxU32);
        if (!v)
            return std::move(v).error();
        *field = quint32(*v);
    }
    auto uart = board.integer(Info, QStringLiteral("uart_gpio"), 0, ClonerChipConfig::MaxConfigs - 1);
    if (!uart)
        return std::move(uart).error();
    if (*uart >= chip.uarts.size())
        return board.error(Info, QStringLiteral("uart_gpio"),
                           QStringLiteral("%1 selects [uart_gpio] config%1, which %2 does not have")
                               .arg(*uart)
                               .arg(chip.displayName));
    g.uartIndex = chip.uarts[int(*uart)].uartIndex;
    g.uartGpio = chip.uarts[int(*uart)].pins;
    auto gpio = selectedGroups(board, chip);
    if (!gpio)
        return std::move(gpio).error();
    g.gpio = *gpio;
    return g;
}

Result<ClonerGinfo> buildClonerGinfo(const ClonerIni &board, const ClonerChipConfig &chip,
                                     const ddr::DdrPart &part)
{
    auto info = clonerGlobalInfo(board, chip);
    if (!info)
        return std::move(info).error();
    auto ddrBoard = ddr::DdrBoard::fromIni(board);
    if (!ddrBoard)
        return std::move(ddrBoard).error();
    auto rdd = ddr::buildRdd(part, *ddrBoard, info->ddrFreq);
    if (!rdd)
        return std::move(rdd).error().withContext(board.displayName());
    ClonerGinfo result;
    result.globalInfo = *info;
    result.rdd = std::move(rdd).value();
    result.ginfo = proto::buildGinfo(result.globalInfo, result.rdd.data);
    return result;
}

} // namespace oc::catalog
