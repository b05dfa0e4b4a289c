#pragma once

#include "devicemodel.h"
#include "simconfig.h"

#include <optional>

namespace oc::sim {

// The descriptor sets of a virtual board.
//
// ROM (spec 1.3): byte-exact when config.exactDescriptors; otherwise identical except
// iSerialNumber = 3 with the string "OpenCloner-Virtual-<n>", which marks the board as virtual.
// String 2 is answered with 46 bytes for its bLength of 38 when config.romString2Quirk (the 8
// trailing bytes are "neighbouring ROM data": zeros here).
UsbDescriptors romDescriptors(const SimBoardConfig &config);

// The burner gadget's own set (spec 1.4; inferred): only a live GET_DESCRIPTOR in the burner stage
// sees it. VID 0xA108, PID config.burnerPid, "Ingenic", interface string "INGENIC VENDOR BURNNER".
UsbDescriptors burnerDescriptors(const SimBoardConfig &config);

// Answers a standard GET_DESCRIPTOR (wValue = type << 8 | index) from a set, truncated to wLength.
// nullopt: the request is not supported (EP0 STALL).
std::optional<QByteArray> getDescriptor(const UsbDescriptors &set, quint16 wValue, quint16 wLength);

// The USB string descriptor for `text` (bLength, 0x03, UTF-16LE code units).
QByteArray stringDescriptor(const QString &text);

} // namespace oc::sim
