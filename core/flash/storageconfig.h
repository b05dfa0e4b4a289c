#pragma once

// The burner configuration (UPDATE_CFG parameters) a plan needs. Every operation maps onto the
// burner's own erase machinery, so no erase ever happens outside the plan's range:
//   write, lazy    spi_erase 0, one MTD_D_MODE partition = the image range: each chunk erases
//                  exactly its own blocks when it arrives
//   write, init    spi_erase 1, the image range as the only partition: erased at INIT
//   write, chip    spi_erase 2, chip-erase command at INIT
//   write, none    spi_erase 3, never erase
//   erase range    spi_erase 1 with the range as the only partition; erase all: spi_erase 2
//   read / verify  spi_erase 0 and one read-write "full" partition, as the vendor does (rule O13)

#include "flashplan.h"

#include "../protocol/timeouts.h"

namespace oc {

// The erase unit writes are aligned to: the larger of the board's block size and the chip's.
quint32 norEraseUnit(const TargetProfile &target, const proto::SpiNorChip &chip);

proto::PolicyParams policyFor(const TargetProfile &target);
proto::SfcConfig sfcConfigFor(const FlashPlan &plan, const proto::SpiNorChip &chip);
proto::MmcConfig mmcConfigFor(const FlashPlan &plan);

// How long the burner may stay busy (spec 5.3): INIT including any erase at INIT, and the GET_ACK
// after one WRITE chunk (lazy erase of its own blocks, page programs, read-back). Worst-case
// datasheet figures, so a slow but healthy chip never times out.
Milliseconds initDeadline(const FlashPlan &plan, const proto::SpiNorChip &chip,
                          const proto::Timeouts &timeouts);
Milliseconds writeAckDeadline(const FlashPlan &plan, const proto::SpiNorChip &chip, quint32 chunkBytes,
                              const proto::Timeouts &timeouts);

} // namespace oc
