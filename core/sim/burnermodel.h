#pragma once

#include "burnerwire.h"
#include "burnerwork.h"
#include "faultinjector.h"
#include "mmcmodule.h"
#include "sfcnormodule.h"

#include <QHash>
#include <QList>

#include <algorithm>
#include <memory>
#include <optional>

namespace oc::sim {

// One request queued on bulk EP 0x01 (spec 6.2 item 3, 6.7.4).
struct OutRequest
{
    enum class Kind : quint8 { Args, Write } kind = Kind::Args;
    qint64 length = 0;
    QByteArray received;
    wire::Command cmd;       // WRITE: the command as parsed at completion of its control transfer
    int chunk = -1;          // WRITE command index
    qint64 acceptLimit = -1; // accept_partial_out: the device ends the request after this many bytes
    bool ended = false;      // a short packet / ZLP ended it early
    bool touched = false;    // a bulk piece reached it (completes a zero-length request)

    qint64 limit() const { return acceptLimit >= 0 ? std::min(length, acceptLimit) : length; }
    qint64 wanted() const { return ended ? 0 : std::max<qint64>(0, limit() - received.size()); }
    bool isComplete() const { return ended || (limit() > 0 ? received.size() >= limit() : touched); }
};

// The stage-2 burner ("cloner" function) of spec 2.4 and 6.7-6.11: the variables of 6.7.1, the
// SETUP / completion split of 6.7.3, the args buffer that is never cleared, the TLV parse (K1 at
// ARGS completion, ICU at INIT), INIT, WRITE / READ dispatch on ops, GET_FLASH_INFO, and the EP 0x01
// queue / EP 0x81 request. One object per burner boot: a new one is a fresh burner.
//
// The board owns timing: methods return BurnerWork (busy time, hang, reset) and the board turns
// that into busy_until. Vendor and class requests only; the board answers standard requests.
class BurnerModel
{
public:
    BurnerModel(const SimBoardConfig &config, const TimingModel &timing, FaultInjector &faults, NorFlash *nor,
                Emmc *emmc, SparseStore &ram);

    // Fills the stream / chunk fields of a SETUP's fault context (WRITE, READ, GET_CRC).
    void describe(FaultContext &ctx) const;

    struct SetupResult
    {
        bool stall = false;
        bool hang = false;
        QString reason;
    };
    // 6.7.3 steps 1-3: cancel pending bulk requests, record bRequest, SETUP-time work.
    SetupResult setup(const ControlSetup &setup, const FaultContext &ctx);
    QByteArray inData(quint16 length) const; // step 4, IN: ep0buf[0..wLength)
    void outData(const QByteArray &data);    // step 4, OUT: host bytes into ep0buf
    // Step 5 (only when the host still waits for the transfer). `outLength` < wLength: ack -5.
    BurnerWork complete(const ControlSetup &setup, int outLength, const FaultContext &ctx);

    // EP 0x01: the head request (nullptr if none), host data into it (returns the bytes it took;
    // `shortEnd`: the data ends with a short packet or is a ZLP), and its completion (6.7.4; pops it).
    const OutRequest *headOut() const { return m_outQueue.isEmpty() ? nullptr : &m_outQueue.first(); }
    qint64 feedHead(const char *data, qint64 length, bool shortEnd);
    BurnerWork completeHeadOut(SimTime at);
    // EP 0x81: the armed READ data (nullptr if none); drain() takes up to n bytes.
    bool hasInRequest() const { return m_inRequest.has_value(); }
    qint64 inRemaining() const;
    QByteArray drainIn(qint64 n); // clears the request once everything (or its limit) went out
    qint64 writeStreamOffset() const { return m_writeStream; }
    qint64 readStreamOffset() const { return m_readStream; }

    // Introspection for tests and the board's log.
    qint32 ack() const { return m_ack; }
    quint32 crc() const { return m_crc; }
    bool isInited() const { return m_inited; }
    quint32 fullSize() const { return m_fullSize; }
    const QByteArray &args() const { return m_args; }
    const QByteArray &ep0Buffer() const { return m_ep0; }
    int queuedOutRequests() const { return int(m_outQueue.size()); }
    const SfcNorModule &nor() const { return *m_nor; }
    std::optional<qint64> policyOffset() const { return m_offPolicy; }
    std::optional<qint64> debugOffset() const { return m_offDebug; }
    std::optional<qint64> storageOffset() const { return m_offStorage; }

private:
    struct InRequest
    {
        QByteArray data;
        qint64 position = 0;
        qint64 limit = -1; // short_bulk_in
    };

    void cancelPending();
    bool parseArgs(); // false: the walk never ends (device stuck)
    bool flashInfo(const FaultContext &ctx, QString *reason);
    quint32 ackWord(quint8 request, const FaultContext &ctx);
    quint32 crcWord(const FaultContext &ctx);
    BurnerWork queueArgs();
    BurnerWork queueWrite(const FaultContext &ctx);
    BurnerWork init(const FaultContext &ctx);
    BurnerWork initStorage();
    BurnerWork read(const FaultContext &ctx);
    BurnerWork getCrcDone(const FaultContext &ctx);
    BurnerWork reboot(bool powerOff);
    BurnerWork argsArrived(const OutRequest &req, SimTime at);
    BurnerWork writeArrived(OutRequest req, SimTime at);
    BurnerWork dispatchWrite(const OutRequest &req, const FaultContext &ctx);
    std::optional<qint32> ddrType() const;
    FaultContext streamContext(FaultStream stream, int chunk, quint8 request, SimTime at) const;
    void applyBadAck(BurnerWork &work, const FaultContext &ctx);

    const SimBoardConfig &m_config;
    const TimingModel &m_timing;
    FaultInjector &m_faults;
    NorFlash *m_norChip;
    SparseStore &m_ram;
    std::unique_ptr<SfcNorModule> m_nor;
    std::unique_ptr<MmcModule> m_mmc;

    qint32 m_ack = 0;
    quint32 m_crc = 0;
    bool m_inited = false;
    QByteArray m_args;
    QByteArray m_buf;
    QByteArray m_ep0;
    std::optional<qint64> m_offPolicy, m_offDebug, m_offDdr, m_offEfuse, m_offStorage;
    QList<OutRequest> m_outQueue;
    std::optional<InRequest> m_inRequest;
    qint64 m_readLen = 0;
    quint32 m_fullSize = 0;
    QHash<int, std::pair<int, int>> m_occurrence; // request -> occurrence counts of its last SETUP
    int m_writeChunks = 0;                        // WRITE commands received (chunk index of the next one)
    int m_readChunks = 0;
    qint64 m_writeStream = 0; // payload bytes received by WRITE requests
    qint64 m_readStream = 0;  // payload bytes sent from READ data
};

} // namespace oc::sim
