#pragma once

#include "simconfig.h"
#include "sparsestore.h"

#include <QList>
#include <QMap>
#include <QString>

namespace oc::sim {

// What a control transfer in the ROM or the resident SPL loop asks the board to do after its
// status stage (the ROM completes the status stage first, then jumps: spec 2.1).
enum class RomAction : quint8 { None, Start1, Start2, ExitLoop };

struct RomControlResult
{
    enum Status : quint8 { Ok, Stall, Overflow } status = Ok;
    QByteArray data; // IN data stage
    RomAction action = RomAction::None;
    quint32 entry = 0;
};

struct SplOutcome
{
    bool ok = false;
    bool resident = false; // BOOT TLV != 0 and a resident-capable build
    QString reason;        // why the SPL hung, or a warning (d2i mismatch)
};

struct RegisterWrite
{
    quint32 address;
    quint32 value;
};

// The mask ROM's USB loop (spec 2.1, 6.4), the SPL's work (6.5) and the resident SPL loop (2.3,
// 6.6), over the board's sparse memory. Holds the ROM variables (ptr, len, start1_done, d2i,
// ddr_ready, flushed_since_last_bulk). A new RomModel is a power-on (RAM state lost).
// Vendor requests only: the board answers standard requests.
class RomModel
{
public:
    RomModel(const SimBoardConfig &config, SparseStore &memory);

    RomControlResult control(const ControlSetup &setup, const QByteArray &out, bool resident);

    // Bulk OUT at the data pointer. Returns false when the write hangs the device (DDR written
    // before the SPL ran, with config.hangOnEarlyDdrWrite).
    bool bulkOut(const QByteArray &data, bool resident);
    QByteArray bulkIn(int length, bool resident);

    bool start1Done() const { return m_start1Done; }
    void noteStart1(); // start1_done := 1; d2i := len

    // The SPL's run after START1(entry): ginfo walk, d2i and size checks. `garbage` are the bytes
    // that follow the ginfo blob in on-chip RAM (fault garbage_after_ginfo; empty: zeros).
    SplOutcome runSpl(quint32 entry, const QByteArray &garbage);
    bool burnerImageReady(quint32 entry, QString *reason) const;

    bool ddrReady() const { return m_ddrReady; }
    quint32 dataPointer() const { return m_ptr; }
    quint32 dataLength() const { return m_len; }
    quint32 d2i() const { return m_d2i; }
    qint64 uploadedAt(quint32 address) const { return m_uploads.value(address, 0); }
    const QList<RegisterWrite> &registerWrites() const { return m_registerWrites; }
    const QStringList &warnings() const { return m_warnings; }

private:
    qint64 storeAt(quint32 address, const char *data, qint64 length); // bytes kept, -1: hang
    quint32 read32(quint32 address) const;
    bool ginfoValid(QString *reason, bool *boot) const;

    const SimBoardConfig &m_config;
    SparseStore &m_memory;
    quint32 m_ptr = 0;
    quint32 m_len = 0;
    bool m_ptrValid = true; // resident loop: an unaligned SET_DATA_ADDR discards OUT data
    bool m_start1Done = false;
    quint32 m_d2i = 0;
    bool m_ddrReady = false;
    bool m_flushedSinceLastBulk = false;
    quint32 m_uploadStart = 0;
    QMap<quint32, qint64> m_uploads; // start address -> bytes stored since that SET_DATA_ADDR
    QList<RegisterWrite> m_registerWrites;
    QStringList m_warnings;
};

} // namespace oc::sim
