#include "plantiming.h"

namespace oc::sim {

namespace {

// Calls f(chunkBytes) for every chunk of `total` bytes in `chunk`-sized pieces.
template<typename F>
SimDuration perChunk(qint64 total, qint64 chunk, F f)
{
    SimDuration sum{0};
    if (chunk <= 0)
        return sum;
    for (qint64 done = 0; done < total; done += chunk)
        sum += f(std::min(chunk, total - done));
    return sum;
}

SimDuration bootTime(const TimingModel &t, const PlanShape &p)
{
    if (!p.ginfoBytes && !p.splBytes && !p.burnerBytes)
        return SimDuration::zero();
    // GET_CPU_INFO, 2 x (SET_DATA_ADDR + SET_DATA_LEN), [d2i], START1, GET_CPU_INFO,
    // SET_DATA_ADDR, SET_DATA_LEN, FLUSH_CACHES, START2, GET_CPU_INFO
    const int controls = p.sendD2i ? 13 : 12;
    return controls * t.controlRtt() + t.romBulk(p.ginfoBytes) + t.romBulk(p.splBytes) +
           t.romBulk(p.burnerBytes) + t.splRun() + t.burnerBoot();
}

SimDuration initTime(const TimingModel &t, const PlanShape &p)
{
    if (!p.init)
        return SimDuration::zero();
    SimDuration erase{0};
    const bool nor = p.medium == PlanShape::Medium::Nor;
    if (p.initErase == PlanShape::InitErase::Whole) {
        erase = nor ? t.norErase(0, p.capacity) : t.emmcErase(p.capacity);
    } else if (p.initErase == PlanShape::InitErase::Blocks) {
        erase =
            nor && p.eraseUnit
                ? SimDuration(qint64(p.initEraseBytes / p.eraseUnit) * t.norErase(p.eraseUnit, p.capacity))
                : t.emmcErase(p.initEraseBytes);
    }
    return 2 * t.controlRtt() + t.initBase() + erase; // INIT, GET_ACK
}

SimDuration writeChunkTime(const TimingModel &t, const PlanShape &p, qint64 bytes)
{
    SimDuration d = 2 * t.controlRtt() + t.burnerBulkOut(bytes); // WRITE, bulk, GET_ACK
    if (p.transferDataCheck)
        d += t.crc(bytes);
    if (p.medium == PlanShape::Medium::Nor) {
        const qint64 page = p.pageSize ? p.pageSize : 256;
        d += (bytes / page) * t.norPageProgram(page);
        if (bytes % page)
            d += t.norPageProgram(bytes % page);
        if (p.writeBackCheck)
            d += t.norRead(bytes);
    } else {
        const qint64 blocks = (bytes + 511) / 512 * 512;
        d += t.emmcWrite(blocks);
        if (p.writeBackCheck)
            d += t.emmcRead(blocks) + 2 * t.crc(blocks);
    }
    return d;
}

SimDuration readChunkTime(const TimingModel &t, const PlanShape &p, qint64 bytes)
{
    SimDuration d = 3 * t.controlRtt() + t.burnerBulkIn(bytes); // READ, GET_CRC, bulk, GET_ACK
    d += p.medium == PlanShape::Medium::Nor ? t.norRead(bytes) : t.emmcRead((bytes + 511) / 512 * 512);
    if (p.transferDataCheck)
        d += t.crc(bytes);
    return d;
}

} // namespace

SimDuration minimumDuration(const TimingModel &t, const PlanShape &p)
{
    SimDuration total = bootTime(t, p);
    total += p.configBlobs * (2 * t.controlRtt() + t.configParse()) + t.burnerBulkOut(p.configBytes);
    if (p.flashInfo)
        total += t.controlRtt();
    total += initTime(t, p);
    total += perChunk(p.writeBytes, p.writeChunk, [&](qint64 bytes) { return writeChunkTime(t, p, bytes); });
    if (p.medium == PlanShape::Medium::Nor && p.eraseUnit)
        total += SimDuration(qint64(p.lazyEraseBytes / p.eraseUnit) * t.norErase(p.eraseUnit, p.capacity));
    total += perChunk(p.readBytes, p.readChunk, [&](qint64 bytes) { return readChunkTime(t, p, bytes); });
    if (p.reboot)
        total += t.controlRtt();
    return total;
}

} // namespace oc::sim
