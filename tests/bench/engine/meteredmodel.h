#pragma once

#include "core/sim/devicemodel.h"

#include <memory>

#include <time.h>

namespace oc::bench {

// Forwards to a device model and adds up the CPU time the calling thread spends inside it, so a
// benchmark can tell the host engine's CPU from the in-process virtual board's.
class MeteredModel final : public sim::DeviceModel
{
public:
    explicit MeteredModel(std::shared_ptr<sim::DeviceModel> inner) : m_inner(std::move(inner))
    {
        m_inner->setAttachmentCallback([this](bool attached) { notifyAttached(attached); });
    }

    static double threadCpuSeconds()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
    }
    double modelCpuSeconds() const { return m_cpu; }

    sim::Reply control(const ControlSetup &setup, const QByteArray &out, sim::SimTime now, sim::SimDuration timeout) override
    {
        return metered([&] { return m_inner->control(setup, out, now, timeout); });
    }
    sim::Reply bulkOut(quint8 ep, const QByteArray &data, bool end, sim::SimTime now, sim::SimDuration timeout) override
    {
        return metered([&] { return m_inner->bulkOut(ep, data, end, now, timeout); });
    }
    sim::Reply bulkIn(quint8 ep, int length, sim::SimTime now, sim::SimDuration timeout) override
    {
        return metered([&] { return m_inner->bulkIn(ep, length, now, timeout); });
    }
    void cancelPending(sim::SimTime now) override { m_inner->cancelPending(now); }
    void advance(sim::SimTime now) override { m_inner->advance(now); }
    sim::UsbDescriptors descriptors() const override { return m_inner->descriptors(); }
    bool isAttached() const override { return m_inner->isAttached(); }

private:
    template<typename F>
    sim::Reply metered(F &&call)
    {
        const double start = threadCpuSeconds();
        sim::Reply reply = call();
        m_cpu += threadCpuSeconds() - start;
        return reply;
    }

    std::shared_ptr<sim::DeviceModel> m_inner;
    double m_cpu = 0;
};

} // namespace oc::bench
