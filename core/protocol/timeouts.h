#pragma once

// Every timeout of the host engine [5.3], as named defaults. A session owns one Timeouts value and
// passes it to BootRom and Burner; tests may shorten poll intervals, never the protocol limits they
// exercise. Size-dependent bounds are computed by the member functions; all are pure.
//
// A "deadline" bounds a whole wait made of several tries (polls, GET_ACK repeats); a "try" bounds one
// USB transfer. Every value is an upper bound: a healthy board answers far sooner.

#include "../usb/usbtypes.h"

#include <QtGlobal>

#include <algorithm>

namespace oc::proto {

// What INIT does besides configuring, which decides how long its GET_ACK may be held [5.3, 6.8].
enum class InitWork : quint8 {
    None,     // no erase at INIT (spi_erase 0 / 3, eMMC mmc_erase 0)
    NorErase, // spi_erase 1 (partitions) or 2 (chip-erase command)
    MmcErase, // mmc_erase 1 (whole card) or 2 (ranges)
};

struct Timeouts
{
    // --- boot ROM [5.3 rows 1-4] ---
    Milliseconds romControl{1000};          // any ROM request 0x00-0x05 (observed 0.2-3 ms)
    Milliseconds romBulkBase{5000};         // ROM bulk OUT: base ...
    qint64 romBulkBytesPerSecond = 1000000; // ... + size at 1 MB/s (observed 1.85 MB/s)
    Milliseconds pollInterval{100};         // pause between GET_CPU_INFO polls
    Milliseconds pollTry{500};              // one GET_CPU_INFO poll while the SPL / burner starts
    Milliseconds splDeadline{10000};        // ROM answers again after START1 (observed 1.1 s)
    Milliseconds burnerBootDeadline{10000}; // burner answers after START2 (observed 145-170 ms)

    // --- burner [5.3 rows 5-12] ---
    Milliseconds burnerIdle{5000}; // GET_CPU_INFO, GET_ACK, GET_FLASH_INFO, UPDATE_CFG / WRITE / READ control
    Milliseconds configBulk{5000}; // UPDATE_CFG bulk (< 1 KiB)
    Milliseconds ackTry{5000};     // one GET_ACK try while the burner works (repeated to a deadline)
    Milliseconds initBase{10000};  // INIT without erase
    Milliseconds norChipErase16MiB{250000};   // INIT erase of a 16 MiB NOR: datasheet max 200 s x 1.25
    Milliseconds mmcEraseAll{120000};         // INIT erase of an eMMC
    Milliseconds writeBulkBase{5000};         // WRITE bulk OUT: base ...
    qint64 writeBulkBytesPerSecond = 5000000; // ... + size at 5 MB/s
    Milliseconds writeAckBase{10000};         // GET_ACK after WRITE: base ...
    Milliseconds pageProgramMax{3};           // ... + pages x max page-program time ...
    Milliseconds blockEraseMax{2000};        // ... + lazily erased blocks x max block erase (64 KiB: 2 s) ...
    qint64 readBackBytesPerSecond = 1000000; // ... + read-back at 1 MB/s (observed 5.4 MB/s)
    Milliseconds getCrcBase{5000};           // GET_CRC after READ: base ...
    qint64 getCrcBytesPerSecond = 1000000;   // ... + size at 1 MB/s (observed ~194 ms per MiB)
    Milliseconds readBulkBase{5000};         // READ bulk IN: base ...
    qint64 readBulkBytesPerSecond = 10000000; // ... + size at 10 MB/s (observed 1 MiB in 23 ms)
    Milliseconds reboot{1000};                // REBOOT; errors ignored

    Milliseconds romBulk(qint64 bytes) const { return romBulkBase + perRate(bytes, romBulkBytesPerSecond); }
    Milliseconds writeBulk(qint64 bytes) const
    {
        return writeBulkBase + perRate(bytes, writeBulkBytesPerSecond);
    }
    Milliseconds getCrc(qint64 bytes) const { return getCrcBase + perRate(bytes, getCrcBytesPerSecond); }
    Milliseconds readBulk(qint64 bytes) const
    {
        return readBulkBase + perRate(bytes, readBulkBytesPerSecond);
    }

    // Deadline for GET_ACK after INIT. `capacity` is the NOR chip size in bytes (0: unknown, taken as
    // 16 MiB); the chip-erase bound scales linearly and never drops below the 16 MiB figure's base.
    Milliseconds initDeadline(InitWork work, quint64 capacity = 0) const
    {
        switch (work) {
        case InitWork::None:
            return initBase;
        case InitWork::NorErase: {
            const double scale = capacity ? double(capacity) / double(16u << 20) : 1.0;
            const auto erase = Milliseconds(qint64(double(norChipErase16MiB.count()) * scale));
            return initBase + std::max(erase, initBase);
        }
        case InitWork::MmcErase:
            return mmcEraseAll;
        }
        return initBase;
    }

    // Deadline for GET_ACK after a WRITE of `bytes`: base + pages x page program + lazily erased blocks
    // x block erase + read-back (when write_back_chk). `lazyEraseBytes` is what the burner may erase
    // before programming this chunk: the whole partition on its first touch (spi_erase 0), else 0.
    Milliseconds writeAckDeadline(qint64 bytes, quint32 pageSize, qint64 lazyEraseBytes,
                                  quint32 eraseBlockSize, bool readBack) const
    {
        const qint64 pages = (bytes + std::max<quint32>(pageSize, 1) - 1) / std::max<quint32>(pageSize, 1);
        const qint64 unit = std::max<quint32>(eraseBlockSize, 4096);
        const qint64 blocks = (lazyEraseBytes + unit - 1) / unit;
        Milliseconds total = writeAckBase + pageProgramMax * pages + blockEraseMax * blocks;
        if (readBack)
            total += perRate(bytes, readBackBytesPerSecond);
        return total;
    }

    static Milliseconds perRate(qint64 bytes, qint64 bytesPerSecond)
    {
        return Milliseconds(bytesPerSecond > 0 ? bytes * 1000 / bytesPerSecond : 0);
    }
};

} // namespace oc::proto
