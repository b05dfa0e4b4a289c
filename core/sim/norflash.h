#pragma once

#include "simconfig.h"
#include "sparsestore.h"

#include <QList>

#include <map>

namespace oc::sim {

// Counters a test can read after a run (spec 6.12).
struct NorCounters
{
    qint64 bytesRead = 0;
    qint64 pagePrograms = 0;
    qint64 erases = 0; // sector / block erase commands that took effect
    qint64 chipErases = 0;
    qint64 protectedAttempts = 0;   // program / erase commands ignored because of BP protection
    qint64 unknownEraseOpcodes = 0; // erase commands with an opcode the part does not know
    qint64 statusWrites = 0;
};

// The physical SPI NOR part, independent of what the host claims about it (spec 6.12): the array
// (erased = 0xFF, sparse), program = bitwise AND with page wrap at the physical page boundary,
// erase sized by opcode, block protection by the status-register BP bits, 3-/4-byte address mode.
// Operations never fail loudly: like the real part, a protected or malformed command is ignored.
//
// Addresses are byte addresses as the SFC sends them: in 3-byte mode only the low 24 bits reach
// the chip; then the address wraps modulo the capacity.
class NorFlash
{
public:
    explicit NorFlash(const NorSpec &spec);

    quint32 jedecId() const { return m_spec.jedecId; }
    quint64 capacity() const { return m_spec.capacity; }
    quint32 pageSize() const { return m_spec.pageSize; }
    const NorSpec &spec() const { return m_spec; }

    // Status registers 1..3. A write is ignored (returns false) while the registers are locked.
    quint8 statusRegister(int index) const;
    bool writeStatusRegister(int index, quint8 value);
    void setStatusLocked(bool locked) { m_spec.statusLocked = locked; }
    bool isProtected(quint64 address) const; // by the BP / TB bits of SR1 (Winbond-style map)

    void enter4ByteMode() { m_fourByteMode = true; }
    bool isFourByteMode() const { return m_fourByteMode; }
    void softwareReset() { m_fourByteMode = false; } // 0x66 + 0x99
    void powerCycle();                               // volatile state back to power-on

    void pageProgram(quint64 address, const quint8 *data, qint64 length);
    // Returns the bytes the opcode covers (0 if ignored).
    quint64 erase(quint8 opcode, quint64 address);
    void read(quint64 address, quint8 *dst, qint64 length);
    QByteArray read(quint64 address, qint64 length);
    // Test access to the array, without counters or address modes.
    QByteArray peek(quint64 address, qint64 length) const { return m_array.read(address, length); }
    void poke(quint64 address, const QByteArray &data) { m_array.write(address, data); }

    // Fault hooks (spec 6.14): bits in [start, end) that cannot be programmed to 0 / that an erase
    // does not set back to 1.
    void addProgramFail(quint64 start, quint64 end, quint8 stuckOnes);
    void addEraseFail(quint64 start, quint64 end);

    int eraseCount(quint64 address) const;   // erases that covered the 4 KiB sector at address
    int programCount(quint64 address) const; // page programs of the physical page at address
    const NorCounters &counters() const { return m_counters; }

    SparseStore &array() { return m_array; }
    const SparseStore &array() const { return m_array; }

private:
    struct Range
    {
        quint64 start, end;
        quint8 stuckOnes;
    };
    quint64 effective(quint64 address) const;
    bool eraseBlocked(quint64 start, quint64 length) const;
    void eraseRange(quint64 start, quint64 length);

    NorSpec m_spec;
    SparseStore m_array;
    quint8 m_status[3] = {0, 0, 0};
    bool m_fourByteMode = false;
    NorCounters m_counters;
    std::map<quint64, int> m_sectorErases; // sector index -> count (chip erases counted apart)
    std::map<quint64, int> m_pagePrograms;
    QList<Range> m_programFails;
    QList<Range> m_eraseFails;
};

} // namespace oc::sim
