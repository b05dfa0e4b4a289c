#include "faultinjector.h"

namespace oc::sim {

FaultInjector::FaultInjector(FaultPlan plan)
    : m_plan(std::move(plan))
    , m_fired(m_plan.faults.size(), 0)
{}

void FaultInjector::noteRequest(FaultContext &ctx, quint8 request, FaultStage stage)
{
    ctx.request = request;
    ctx.stage = stage;
    ctx.occurrence = ++m_requestCount[request];
    ctx.stageOccurrence = ++m_stageRequestCount[(int(stage) << 8) | request];
}

void FaultInjector::noteBulk(FaultContext &ctx, bool in)
{
    ctx.bulkIndex = ++m_bulkCount;
    ctx.bulkIn = in;
}

bool FaultInjector::exhausted(int index) const
{
    const int count = m_plan.faults[index].count;
    return count > 0 && m_fired[index] >= count;
}

bool FaultInjector::matches(const FaultSpec &spec, const FaultContext &ctx) const
{
    const FaultTrigger &t = spec.trigger;
    if (t.time && ctx.time < m_epoch + *t.time)
        return false;
    if (t.stage && ctx.stage != t.stage)
        return false;
    if (t.request) {
        if (ctx.request != *t.request)
            return false;
        const int occurrence = t.stage ? ctx.stageOccurrence : ctx.occurrence;
        if (occurrence < t.occurrence)
            return false;
    }
    if (t.stream != FaultStream::None) {
        if (ctx.stream != t.stream)
            return false;
        if (t.chunk && (ctx.chunk < 0 || ctx.chunk < *t.chunk))
            return false;
        if (t.offset && (ctx.streamEnd < 0 || ctx.streamEnd <= *t.offset))
            return false;
    }
    if (t.bulk) {
        if (ctx.bulkIndex <= 0 || ctx.bulkIndex < t.occurrence)
            return false;
        if (t.bulkIn && *t.bulkIn != ctx.bulkIn)
            return false;
    }
    return true;
}

const FaultSpec *FaultInjector::take(FaultKind kind, const FaultContext &ctx)
{
    for (int i = 0; i < m_plan.faults.size(); ++i) {
        const FaultSpec &spec = m_plan.faults[i];
        if (spec.kind == kind && !exhausted(i) && matches(spec, ctx)) {
            ++m_fired[i];
            return &spec;
        }
    }
    return nullptr;
}

const FaultSpec *FaultInjector::peek(FaultKind kind, const FaultContext &ctx) const
{
    for (int i = 0; i < m_plan.faults.size(); ++i) {
        const FaultSpec &spec = m_plan.faults[i];
        if (spec.kind == kind && !exhausted(i) && matches(spec, ctx))
            return &spec;
    }
    return nullptr;
}

const FaultSpec *FaultInjector::global(FaultKind kind) const
{
    for (const FaultSpec &spec : m_plan.faults) {
        if (spec.kind == kind && spec.trigger.isAlways())
            return &spec;
    }
    return nullptr;
}

std::optional<SimTime> FaultInjector::nextTimedDisconnect() const
{
    std::optional<SimTime> next;
    for (int i = 0; i < m_plan.faults.size(); ++i) {
        const FaultSpec &spec = m_plan.faults[i];
        if (spec.kind != FaultKind::Disconnect || !spec.trigger.time || exhausted(i))
            continue;
        const FaultTrigger &t = spec.trigger;
        if (t.request || t.stage || t.stream != FaultStream::None || t.bulk)
            continue; // time only arms it; the other conditions pick the moment
        const SimTime at = m_epoch + *t.time;
        if (!next || at < *next)
            next = at;
    }
    return next;
}

int FaultInjector::firedCount(FaultKind kind) const
{
    int total = 0;
    for (int i = 0; i < m_plan.faults.size(); ++i) {
        if (m_plan.faults[i].kind == kind)
            total += m_fired[i];
    }
    return total;
}

qint64 FaultInjector::offsetWithin(const FaultSpec &spec, const FaultContext &ctx)
{
    if (!spec.trigger.offset || ctx.streamBegin < 0)
        return 0;
    return std::max<qint64>(0, *spec.trigger.offset - ctx.streamBegin);
}

} // namespace oc::sim
