#pragma once

#include <atomic>
#include <memory>

namespace oc {

// Cooperative cancellation. The engine checks the token between chunks and between poll tries;
// together with the bounded timeout of every USB call this bounds how long a job runs after
// cancel(): at most one transfer timeout. Shared between the owner (UI / CLI) and the worker.
class CancelToken
{
public:
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

private:
    std::atomic_bool m_cancelled{false};
};

using CancelTokenPtr = std::shared_ptr<CancelToken>;

} // namespace oc
