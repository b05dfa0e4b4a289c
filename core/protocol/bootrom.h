#pragma once

// Host side of Sequence A [5.7]: identify the stage, load ginfo + SPL, run it, load and start the
// burner. Wire-exact with the vendor tool (request order O1-O3, SET_DATA_LEN before every bulk when
// the board asks for it, d2i length right before PROGRAM_START1), timeouts from Timeouts [5.3].
//
// Threading: one BootRom is used by one thread at a time, like its transport. It keeps references
// to `usb` and `cancel` (may be null), which must outlive it; the other arguments are copied.
// Every call returns within its documented bound: one transfer timeout per step, 10 s for the
// polls. Cancellation is checked between steps and between poll tries (-> ErrorCode::Cancelled).
// PROGRAM_START1 is never retried (one-shot on T-series ROMs, O3).

#include "../usb/usbtransport.h"
#include "../util/cancel.h"
#include "params.h"
#include "timeouts.h"

#include <QByteArray>

#include <functional>

namespace oc::proto {

enum class DeviceStage { Rom, ResidentSpl, Burner, Unknown };

struct StageProbe
{
    DeviceStage stage = DeviceStage::Unknown;
    QByteArray cpuInfo; // the raw GET_CPU_INFO answer
};

using ProgressFn = std::function<void(qint64 done, qint64 total)>;

// Matching rules of [5.5, 7.2]. ROM: all 8 bytes equal the profile's string or one of its aliases.
// Burner: the answer up to its first NUL within cpuInfoLength equals the profile's ID string
// truncated the same way.
bool romIdMatches(const QByteArray &answer, const BootParams &boot);
bool burnerIdMatches(const QByteArray &answer, const BurnerProfile &burner);

class BootRom
{
public:
    BootRom(UsbTransport &usb, const BootParams &boot, const BurnerProfile &burner, const Timeouts &timeouts,
            const CancelToken *cancel);

    // One GET_CPU_INFO of exactly 8 bytes, classified per [5.11]. A profile without a ROM string
    // (chips whose ROM answer is unknown, Q3) takes any answer that is not a burner or resident-SPL
    // string as the ROM. An unrecognised answer is DeviceStage::Unknown (the caller reports it as
    // ChipMismatch with the printable answer). Transport errors (Timeout: the board is busy) are
    // returned as they are.
    Result<StageProbe> probe();

    // Steps 2-9: ginfo and SPL uploads (SET_DATA_ADDR, [SET_DATA_LEN], one bulk each), the d2i
    // SET_DATA_LEN if the chip defines one, PROGRAM_START1. Progress counts uploaded bytes.
    Status loadSpl(const QByteArray &ginfo, const QByteArray &spl, const ProgressFn &progress = {});

    // Step 10: poll GET_CPU_INFO (Timeouts::pollTry per try, pollInterval apart) until the ROM (or a
    // resident SPL) answers again, at most Timeouts::splDeadline.
    Status waitForRom();

    // Steps 11-15: stage-2 upload to stage2Addr, FLUSH_CACHES, PROGRAM_START2.
    Status loadBurner(const QByteArray &burner, const ProgressFn &progress = {});

    // Step 16: poll GET_CPU_INFO (cpuInfoLength bytes) until the burner answers, at most
    // Timeouts::burnerBootDeadline; returns the burner's answer. Any other answer is
    // ErrorCode::ChipMismatch.
    Result<QByteArray> waitForBurner();

private:
    Result<QByteArray> getCpuInfo(int length, Milliseconds timeout);
    Result<QByteArray> pollCpuInfo(int length, Milliseconds deadline, const QString &waitingFor);
    Status sendValue(quint8 request, quint32 value, const char *name);
    Status upload(quint32 address, const QByteArray &image, const QString &what);
    Status checkCancelled(const QString &where) const;
    DeviceStage classify(const QByteArray &answer) const;

    UsbTransport &m_usb;
    BootParams m_boot;
    BurnerProfile m_burner;
    Timeouts m_timeouts;
    const CancelToken *m_cancel;
    QByteArray m_romAnswer; // what probe() saw the ROM answer (profiles without a known ROM string)
};

} // namespace oc::proto
