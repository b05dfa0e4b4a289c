#include "rddbuilder.h"

#include "ddrparams.h"
#include "rddlayouts.h"

namespace oc::catalog::ddr {

const char *rddLayoutName(RddLayout layout)
{
    switch (layout) {
    case RddLayout::Dwc196:
        return "xburst1-dwc";
    case RddLayout::Inno124:
        return "xburst1-inno";
    case RddLayout::Xburst2:
        return "xburst2";
    }
    return "xburst1-inno";
}

std::optional<RddLayout> rddLayoutForCreator(int creatorVersion)
{
    switch (creatorVersion) {
    case -1:
        return RddLayout::Dwc196;
    case 1:
        return RddLayout::Inno124;
    case 2:
        return RddLayout::Xburst2;
    default:
        return std::nullopt;
    }
}

Result<RddResult> buildRdd(const DdrPart &part, const DdrBoard &board, quint32 ddrFreqHz)
{
    const auto layout = rddLayoutForCreator(board.creatorVersion);
    if (!layout)
        return makeError(
            ErrorCode::Profile,
            QStringLiteral("creator_version %1 (the X2600 / AD100 DDR creator) is not reproduced; put "
                           "the ginfo.bin the vendor tool sends for this board in firmwares/<chip>/")
                .arg(board.creatorVersion));
    if (part.type() != board.type)
        return makeError(ErrorCode::Profile,
                         QStringLiteral("the board's current_type is %1 but %2 is a %3 part")
                             .arg(QLatin1String(ddrTypeName(board.type)), part.name(),
                                  QLatin1String(ddrTypeName(part.type()))));
    auto params = makeDdrParams(part, board, ddrFreqHz);
    if (!params)
        return std::move(params).error();
    RddResult result;
    result.layout = *layout;
    Result<QByteArray> data = QByteArray();
    switch (*layout) {
    case RddLayout::Dwc196:
        data = buildDwcRdd(*params);
        result.verified = part.type() == DdrType::Ddr2;
        break;
    case RddLayout::Inno124:
        data = buildInnoRdd(*params);
        result.verified = part.type() == DdrType::Ddr2;
        break;
    case RddLayout::Xburst2: {
        data = buildXburst2Rdd(*params);
        result.verified = part.type() == DdrType::Ddr3;
        // Id 0 (an LPDDR2 part of 256 MiB from Winbond) would be a zero ddr_type, which the burner
        // ignores; the TLV is then not sent.
        if (auto id = xburst2DdrId(*params); id && *id != 0)
            result.updateCfgValue = qint32(*id << 16 | *id);
        break;
    }
    }
    if (!data)
        return std::move(data).error();
    result.data = std::move(data).value();
    return result;
}

} // namespace oc::catalog::ddr
