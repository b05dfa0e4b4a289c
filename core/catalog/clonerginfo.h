#pragma once

// The ginfo blob exactly as the Ingenic USB Cloner 2.5.x builds it [3.10, 8.3, 8.4, 8.7 step 3]:
// FIDB (global_info) from the board .cfg [info] / [gpio] and the chip's firmwares/<chip>/config.cfg
// pin tables, followed by the RDD generated from the board's DDR part (ddr/rddbuilder.h); no
// terminator. Pure functions over parsed files; thread-safe.

#include "../protocol/params.h"
#include "../util/result.h"
#include "ddr/rddbuilder.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace oc::catalog {

class ClonerIni;

struct ClonerUartPins
{
    QString name; // "uart1_pb"
    quint32 uartIndex = 0;
    proto::GpioGroup pins;
};

// firmwares/<chip>/config.cfg [8.3].
struct ClonerChipConfig
{
    static constexpr int MaxDevices = 16;
    static constexpr int MaxConfigs = 16;
    static constexpr int MaxGroups = 12; // FIDB gpio[] capacity

    quint32 ginfoAddr = 0, splAddr = 0, stage2Addr = 0;
    std::optional<quint32> d2iLen;
    QList<ClonerUartPins> uarts;                   // [uart_gpio] configN
    QList<QList<QList<proto::GpioGroup>>> devices; // [gpio] devK_configI_J
    QStringList deviceNames;                       // first field of devK_config0_0 ("sfc")
    QString displayName;

    static Result<ClonerChipConfig> fromIni(const ClonerIni &ini);
};

// FIDB values of a board: [info] extal / cpufreq / ddrfreq / baud_rate, uart_gpio = I selecting the
// chip's [uart_gpio] configI, and every devK_configI_J the board's [gpio] config selects.
Result<proto::GlobalInfo> clonerGlobalInfo(const ClonerIni &board, const ClonerChipConfig &chip);

struct ClonerGinfo
{
    QByteArray ginfo; // FIDB TLV + RDD TLV
    proto::GlobalInfo globalInfo;
    ddr::RddResult rdd;
};

// ErrorCode::Profile naming the file and key when a value is missing or out of range.
Result<ClonerGinfo> buildClonerGinfo(const ClonerIni &board, const ClonerChipConfig &chip,
                                     const ddr::DdrPart &part);

} // namespace oc::catalog
