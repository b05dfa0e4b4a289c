#pragma once

// Fault plans for the virtual board (spec 6.14): a list of {trigger, fault, parameters}.
//
// Text syntax (command line of opencloner-sim, test data); faults are separated by ';',
// whitespace or newlines:
//
//   fault      := kind [ '@' trigger ] { ':' param }
//   trigger    := request | 'req=' NUM | 'write' | 'read' | 'bulk' | 'time=' DURATION
//   request    := get_cpu_info set_data_addr set_data_len flush_caches start1 start2 get_ack init
//                 write read update_cfg sync_time reboot poweroff check get_crc get_flash_info
//                 ('write' / 'read' name the WRITE / READ *stream*: the command, its bulk data,
//                 and for read the GET_CRC that arms it)
//   param      := key '=' value | flag
//
// Trigger refinements (params that narrow the trigger):
//   n=N        N-th occurrence (1-based) of the request (counted per board, all stages, or within
//              stage= if given). Default 1.
//   stage=S    rom | spl (resident SPL loop) | burner
//   chunk=K    K-th WRITE / READ command (0-based) of the burner, with @write / @read
//   offset=B   byte offset within the WRITE / READ bulk stream (cumulative payload bytes)
//   dir=in|out with @bulk
//   count=C    the fault fires on C matches in a row (default 1; 0 = every match from then on)
// The trigger is armed from its first match on; "n", "chunk", "bulk n" mean "from the n-th on".
// A fault without a trigger applies to every match: its count defaults to 0 (jedec:id=0 answers
// every GET_FLASH_INFO). Hardware faults (slow_*, program_fail, erase_fail, write_protect) apply for
// the board's whole life whatever their trigger.
//
// Faults and their parameters (NUM: decimal, 0x hex or negative; DURATION: 500ms, 1.5s, 200us,
// plain numbers are ms):
//   ctrl_timeout[:hang]        the control transfer never completes (SETUP-time effects happen,
//                              completion-time effects do not); hang: the device is HUNG after it
//   bulk_timeout               the bulk transfer is NAKed (host timeout), nothing is moved
//   stall                      EP0 STALL instead of the request
//   short_control_in:bytes=N   the IN data stage returns N bytes (default 0)
//   short_bulk_in:bytes=N      the READ bulk IN ends early after N bytes (default 0)
//   accept_partial_out:bytes=N the device completes the WRITE request after N bytes (ack -5)
//   disconnect                 the device leaves the bus (at the SETUP, at the byte offset within
//                              the bulk, at the time)
//   bad_ack:value=V            GET_ACK / GET_CRC return V; with another request (e.g. @init,
//                              @write) the work of that request ends with ack := V
//   crc_corrupt_out[:bit=B]    bit B of the received WRITE payload flips before the CRC check
//   crc_corrupt_in[:bit=B]     bit B of the READ data flips after the device computed its CRC
//   wrong_crc_field[:value=V]  GET_CRC returns crc V (default: the real crc inverted)
//   slow_erase[:factor=F][:max]  erases take F times longer (max: datasheet maximum times)
//   slow_program[:factor=F][:max], slow_read[:factor=F]
//   program_fail:start=A:end=B[:stuck=M]  NOR bits M (default 0xFF) in [A, B) cannot be programmed
//   erase_fail:start=A:end=B   NOR erase in [A, B) leaves the content (0 bits stay 0)
//   write_protect              NOR: all BP bits set and the status register locked; eMMC: WP
//   jedec:id=V                 GET_FLASH_INFO reports V (the chip answers V)
//   spl_hang, burner_no_boot   the device never answers after START1 / START2
//   start1_one_shot:on|off     overrides the profile's one-shot START1
//   reenumerate_after_spl[:delay=D]  after the SPL the device leaves and re-enumerates (ROM)
//   garbage_after_ginfo[:data=HEX]   bytes after the ginfo blob in on-chip RAM (default
//                              "4b4e554a00000000", an unknown magic that ends the SPL walk)
//   reappear_after_reboot[:delay=D]  after REBOOT / POWEROFF the board returns as a fresh ROM
//   power_loss[:page=P]        with @write: power fails while page P (0-based, of the chunk) is
//                              programmed: pages before it are written, it is half programmed
//
// Examples: "disconnect@write:chunk=3", "bad_ack@init:value=-5", "ctrl_timeout@req=0x19:n=2",
// "jedec:id=0xffffff", "slow_erase:factor=4", "disconnect@time=1500ms", "bulk_timeout@bulk:n=2".

#include "../util/result.h"
#include "devicemodel.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace oc::sim {

enum class FaultKind : quint8 {
    CtrlTimeout,
    BulkTimeout,
    Stall,
    ShortControlIn,
    ShortBulkIn,
    AcceptPartialOut,
    Disconnect,
    BadAck,
    CrcCorruptOut,
    CrcCorruptIn,
    WrongCrcField,
    SlowErase,
    SlowProgram,
    SlowRead,
    ProgramFail,
    EraseFail,
    WriteProtect,
    Jedec,
    SplHang,
    BurnerNoBoot,
    Start1OneShot,
    ReenumerateAfterSpl,
    GarbageAfterGinfo,
    ReappearAfterReboot,
    PowerLoss,
};

const char *faultKindName(FaultKind kind);

enum class FaultStage : quint8 { Rom, Spl, Burner };
enum class FaultStream : quint8 { None, Write, Read };

struct FaultTrigger
{
    std::optional<quint8> request;
    std::optional<FaultStage> stage;
    FaultStream stream = FaultStream::None;
    int occurrence = 1; // n
    std::optional<int> chunk;
    std::optional<qint64> offset;
    bool bulk = false;
    std::optional<bool> bulkIn; // dir
    std::optional<SimDuration> time;

    bool isAlways() const;
};

struct FaultSpec
{
    FaultKind kind = FaultKind::Disconnect;
    FaultTrigger trigger;
    int count = 1;                 // 0 = unlimited
    QMap<QString, QString> params; // validated at parse time
    QString text;                  // as written

    qint64 number(const QString &key, qint64 fallback) const;
    bool flag(const QString &key) const { return params.contains(key); }
    QByteArray hex(const QString &key, const QByteArray &fallback) const;
    SimDuration duration(const QString &key, SimDuration fallback) const;
};

class FaultPlan
{
public:
    QList<FaultSpec> faults;

    // InvalidArgument with a message naming the fault and what is wrong with it.
    static Result<FaultPlan> parse(const QString &text);
    static Result<FaultSpec> parseOne(const QString &text);

    bool isEmpty() const { return faults.isEmpty(); }
    void append(const FaultSpec &spec) { faults.append(spec); }
    QString toString() const;
};

// Parses "1500ms", "1.5s", "200us", "500" (ms).
std::optional<SimDuration> parseSimDuration(const QString &text);

} // namespace oc::sim
