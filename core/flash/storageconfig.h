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
// A multi-step plan sends the board's own table instead, with the plan's erase mode and the mask
// flags partitionlayout.h describes; its eMMC erase ranges come from stepsMmcConfig().

#include "flashplan.h"

#include "../protocol/timeouts.h"

namespace oc {

// Burners of the ICU generation (X2000) know spi_erase 0 (lazy) and 1 only, and 1 erases the whole
// chip at INIT [3.9.1, 6.8]: such a board cannot erase a range or partitions at INIT.
bool erasesWholeChipAtInit(const TargetProfile &target);
// The spi_erase value that erases the whole chip at INIT: 2 (K1), 1 (ICU).
proto::SpiEraseMode chipEraseValue(const TargetProfile &target);
// Whether the burner can READ the storage back: ICU burners answer an SFC NOR READ with -22 [6.7.2],
// so they can neither dump nor verify a NOR (their own write_back_chk still checks each chunk).
bool canReadBack(const TargetProfile &target);

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
// The same for one chunk of a multi-step plan's write step: a lazily erased MTD / UBI partition is
// erased whole before the chunk is programmed.
Milliseconds stepWriteAckDeadline(const FlashPlan &plan, const FlashStep &step, const proto::SpiNorChip &chip,
                                  quint32 chunkBytes, const proto::Timeouts &timeouts);

} // namespace oc
