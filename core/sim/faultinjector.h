#pragma once

#include "faultplan.h"

#include <QHash>

#include <optional>

namespace oc::sim {

// Where the board is when it asks "does a fault apply here?". Built by the board at each hook
// point (SETUP, bulk piece, WRITE/READ work, START1/2, REBOOT).
struct FaultContext
{
    SimTime time{};
    std::optional<FaultStage> stage;
    int request = -1;        // bRequest of the control transfer or of the stream's command
    int occurrence = 0;      // 1-based count of `request` SETUPs, all stages
    int stageOccurrence = 0; // ... within `stage`
    FaultStream stream = FaultStream::None;
    int chunk = -1;          // WRITE / READ command index (0-based)
    qint64 streamBegin = -1; // bulk payload bytes [begin, end) of the stream this piece covers
    qint64 streamEnd = -1;
    int bulkIndex = 0; // 1-based index of the bulk transfer
    bool bulkIn = false;
};

// The runtime side of a FaultPlan for one board: matches triggers against hook-point contexts and
// counts how often each fault fired. Counters live as long as the board object (they are not reset
// by REBOOT or re-plugging). Not thread-safe (the board serialises).
class FaultInjector
{
public:
    explicit FaultInjector(FaultPlan plan = {});

    void setEpoch(SimTime epoch) { m_epoch = epoch; }
    SimTime epoch() const { return m_epoch; }
    const FaultPlan &plan() const { return m_plan; }

    // Counts a SETUP and fills request / occurrence fields of `ctx`.
    void noteRequest(FaultContext &ctx, quint8 request, FaultStage stage);
    // Counts the start of a bulk transfer and fills bulkIndex / bulkIn.
    void noteBulk(FaultContext &ctx, bool in);

    // The first armed fault of `kind` matching `ctx`; counts it as fired. nullptr if none.
    const FaultSpec *take(FaultKind kind, const FaultContext &ctx);
    // Like take() but without counting (for questions asked repeatedly, e.g. "is there a jedec").
    const FaultSpec *peek(FaultKind kind, const FaultContext &ctx) const;
    // A fault of `kind` that applies regardless of context (no trigger), or nullptr.
    const FaultSpec *global(FaultKind kind) const;

    // The earliest time-triggered disconnect still armed.
    std::optional<SimTime> nextTimedDisconnect() const;

    int firedCount(FaultKind kind) const;

    // Position within [streamBegin, streamEnd) at which an offset-triggered fault applies (0 if it
    // has no offset or the offset lies before the range).
    static qint64 offsetWithin(const FaultSpec &spec, const FaultContext &ctx);

private:
    bool matches(const FaultSpec &spec, const FaultContext &ctx) const;
    bool exhausted(int index) const;

    FaultPlan m_plan;
    QList<int> m_fired;
    SimTime m_epoch{};
    QHash<int, int> m_requestCount;      // request -> SETUPs
    QHash<int, int> m_stageRequestCount; // stage << 8 | request -> SETUPs
    int m_bulkCount = 0;
};

} // namespace oc::sim
