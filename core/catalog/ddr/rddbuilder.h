#pragma once

// Generates the ginfo "\0RDD" data (DDR controller / PHY parameters) the way the Ingenic USB Cloner
// 2.5.x does [3.10], from a DDR part file and the board's [ddr] section. The board's creator_version
// selects the vendor's layout: -1 (or absent) xburst1 DWC PHY (T10/T20), 1 xburst1 Inno PHY
// (T21/T23/T30/T31), 2 xburst2 (T40/T41/A1). Pure functions, thread-safe.
//
// Byte-identity with the vendor tool is checked against observed blobs for DDR2 on both xburst1
// layouts and DDR3 on xburst2 (tests/data/ginfo); the other type / layout pairs follow Ingenic's own
// creator sources and are reported as unverified (RddResult::verified).

#include "ddrpart.h"

#include <QByteArray>

#include <optional>

namespace oc::catalog::ddr {

enum class RddLayout : quint8 { Dwc196, Inno124, Xburst2 };

const char *rddLayoutName(RddLayout layout); // "xburst1-dwc", "xburst1-inno", "xburst2"
std::optional<RddLayout> rddLayoutForCreator(int creatorVersion);

struct RddResult
{
    RddLayout layout = RddLayout::Inno124;
    QByteArray data;                      // the RDD TLV data, without its 8-byte header
    std::optional<qint32> updateCfgValue; // the UPDATE_CFG "\0RDD" value (xburst2 only) [3.8]
    bool verified = false;                // this layout / type pair matched an observed vendor blob
};

// ErrorCode::Profile naming the part and the reason when the layout or type is not supported.
Result<RddResult> buildRdd(const DdrPart &part, const DdrBoard &board, quint32 ddrFreqHz);

} // namespace oc::catalog::ddr
