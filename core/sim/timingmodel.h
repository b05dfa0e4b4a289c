#pragma once

// Timing model of the virtual board (spec 6.15). `none`: every transfer and every piece of device
// work takes no time. `realistic`: the spec's defaults (typical datasheet values), multiplied by
// `scale` (0.01 .. 1) so tests can run a realistic *shape* fast. Every value is a public member:
// configurable. The slow_* faults multiply the erase / program / read times; `useMaxTimes` switches
// NOR erase and program to the datasheet maxima.
//
// Pure arithmetic, no clock: the board turns these durations into doneAt / busy_until times.

#include "../util/result.h"
#include "devicemodel.h"

#include <QString>

namespace oc::sim {

enum class TimingKind : quint8 { None, Realistic };

struct TimingParams
{
    SimDuration controlRtt = std::chrono::microseconds(250);
    double romBulkBytesPerSecond = 1.85e6;
    SimDuration splRun = std::chrono::milliseconds(1100);
    SimDuration burnerBoot = std::chrono::milliseconds(150);
    double burnerBulkInBytesPerSecond = 45e6;
    double burnerBulkOutBytesPerSecond = 40e6;
    SimDuration crcPerMiB = std::chrono::milliseconds(10);
    SimDuration configParse = std::chrono::microseconds(200); // UPDATE_CFG parse, GET_FLASH_INFO (< 1 ms)
    SimDuration initBase = std::chrono::milliseconds(5);
    double sfcReadBytesPerSecond = 5.4e6;
    double sfcShiftBytesPerSecond = 6.25e6; // 50 MHz x 1 bit: data shift of a page program
    SimDuration pageProgramTyp = std::chrono::microseconds(400);
    SimDuration pageProgramMax = std::chrono::milliseconds(3);
    SimDuration sectorEraseTyp = std::chrono::milliseconds(45); // 4 KiB
    SimDuration sectorEraseMax = std::chrono::milliseconds(400);
    SimDuration block32EraseTyp = std::chrono::milliseconds(120);
    SimDuration block32EraseMax = std::chrono::milliseconds(1600);
    SimDuration block64EraseTyp = std::chrono::milliseconds(150);
    SimDuration block64EraseMax = std::chrono::milliseconds(2000);
    SimDuration chipErase16MiBTyp = std::chrono::seconds(40);
    SimDuration chipErase16MiBMax = std::chrono::seconds(200);
    SimDuration statusWriteTyp = std::chrono::milliseconds(10);
    SimDuration statusWriteMax = std::chrono::milliseconds(15);
    SimDuration resetDelay = std::chrono::milliseconds(20); // REBOOT status stage -> disconnect
    double emmcWriteBytesPerSecond = 15e6;
    double emmcReadBytesPerSecond = 20e6;
    SimDuration emmcEraseBase = std::chrono::seconds(2);
    SimDuration emmcErasePerGiB = std::chrono::milliseconds(500);
};

class TimingModel
{
public:
    static TimingModel none();
    static TimingModel realistic(double scale = 1.0);
    // "none", "realistic", "realistic:0.05" (scale). InvalidArgument on anything else.
    static Result<TimingModel> parse(const QString &text);

    TimingKind kind() const { return m_kind; }
    double scale() const { return m_scale; }
    TimingParams &params() { return m_params; }
    const TimingParams &params() const { return m_params; }
    QString toString() const;

    // slow_erase / slow_program / slow_read faults, and "datasheet maximum" erase/program times.
    double eraseFactor = 1.0;
    double programFactor = 1.0;
    double readFactor = 1.0;
    bool useMaxTimes = false;

    // Any configured duration (e.g. the board's reenumerate delay) under this model.
    SimDuration scaled(SimDuration d) const;

    SimDuration controlRtt() const { return scaled(m_params.controlRtt); }
    SimDuration romBulk(qint64 bytes) const { return perRate(bytes, m_params.romBulkBytesPerSecond); }
    SimDuration burnerBulkIn(qint64 bytes) const
    {
        return perRate(bytes, m_params.burnerBulkInBytesPerSecond);
    }
    SimDuration burnerBulkOut(qint64 bytes) const
    {
        return perRate(bytes, m_params.burnerBulkOutBytesPerSecond);
    }
    // How many bulk bytes fit in `window` (the part of a transfer done before the host's timeout).
    qint64 romBulkBytesWithin(SimDuration window) const
    {
        return bytesWithin(window, m_params.romBulkBytesPerSecond);
    }
    qint64 burnerBulkInBytesWithin(SimDuration window) const
    {
        return bytesWithin(window, m_params.burnerBulkInBytesPerSecond);
    }
    qint64 burnerBulkOutBytesWithin(SimDuration window) const
    {
        return bytesWithin(window, m_params.burnerBulkOutBytesPerSecond);
    }
    SimDuration splRun() const { return scaled(m_params.splRun); }
    SimDuration burnerBoot() const { return scaled(m_params.burnerBoot); }
    SimDuration resetDelay() const { return scaled(m_params.resetDelay); }
    SimDuration crc(qint64 bytes) const;
    SimDuration configParse() const { return scaled(m_params.configParse); }
    SimDuration initBase() const { return scaled(m_params.initBase); }

    SimDuration norRead(qint64 bytes) const;
    SimDuration norPageProgram(qint64 bytes) const;                  // program time + SFC data shift
    SimDuration norErase(quint64 bytes, quint64 chipCapacity) const; // bytes 0 = whole chip
    SimDuration norStatusWrite() const;

    SimDuration emmcWrite(qint64 bytes) const;
    SimDuration emmcRead(qint64 bytes) const;
    SimDuration emmcErase(quint64 bytes) const;

private:
    SimDuration perRate(qint64 bytes, double bytesPerSecond) const;
    qint64 bytesWithin(SimDuration window, double bytesPerSecond) const;
    SimDuration factor(SimDuration d, double f) const;

    TimingKind m_kind = TimingKind::None;
    double m_scale = 1.0;
    TimingParams m_params;
};

} // namespace oc::sim
