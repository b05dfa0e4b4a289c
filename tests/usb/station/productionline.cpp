#include "productionline.h"

#include "flashtestkit.h"

#include "core/sim/faultplan.h"

#include <QTimer>

#include <algorithm>

namespace oc::test {

namespace {

struct FaultCase
{
    const char *spec;
    Stage stage;
    QList<ErrorCode> classes;
};

using E = ErrorCode;

// Faults the station must survive and attribute, at every stage of a unit (tst_faultmatrix checks
// the same rows for a single job in-process).
const QList<FaultCase> &faultCases()
{
    static const QList<FaultCase> cases = {
        {"disconnect@get_cpu_info", Stage::Identify, {E::Disconnected}},
        {"ctrl_timeout@set_data_len", Stage::LoadSpl, {E::Timeout}},
        {"disconnect@start2", Stage::LoadBurner, {E::Disconnected}},
        {"bad_ack@init:value=-5", Stage::Init, {E::DeviceError}},
        {"ctrl_timeout@init", Stage::Init, {E::Timeout}},
        {"disconnect@write:chunk=2", Stage::Write, {E::Disconnected}},
        {"bad_ack@write:chunk=1:value=-1", Stage::Write, {E::DeviceError}},
        {"crc_corrupt_out@write:chunk=1:count=0", Stage::Write, {E::DeviceError}},
        {"bulk_timeout@write:chunk=1:count=0", Stage::Write, {E::Timeout}},
        {"crc_corrupt_in@read:chunk=0:count=0", Stage::Verify, {E::DeviceError, E::Transfer}},
        {"disconnect@read:chunk=0", Stage::Verify, {E::Disconnected}},
        {"bad_ack@get_crc:value=-5:count=0", Stage::Verify, {E::DeviceError}},
    };
    return cases;
}

} // namespace

ProductionLine::ProductionLine(UsbFixture &usb, Options options)
    : m_usb(usb)
    , m_options(std::move(options))
    , m_random(m_options.seed)
{
    QList<int> all;
    for (int i = 1; i <= total(); ++i)
        all << i;
    std::shuffle(all.begin(), all.end(), m_random);
    m_faultedUnits = all.mid(0, int(total() * m_options.faultRate + 0.5));
}

int ProductionLine::faulted() const
{
    return int(m_faultedUnits.size());
}

QStringList ProductionLine::ports() const
{
    QStringList list;
    for (int lane = 1; lane <= m_options.lanes; ++lane)
        list << QStringLiteral("1-%1").arg(lane);
    return list;
}

void ProductionLine::start()
{
    for (const QString &port : ports())
        plugNext(port);
}

LineUnit ProductionLine::draw(int index, const QString &port)
{
    LineUnit unit;
    unit.index = index;
    unit.port = port;
    if (m_faultedUnits.contains(index)) {
        const FaultCase &c = faultCases().at(int(m_random.bounded(quint32(faultCases().size()))));
        unit.fault = QString::fromLatin1(c.spec);
        unit.stage = c.stage;
        unit.classes = c.classes;
    }
    return unit;
}

void ProductionLine::stop()
{
    m_stopped = true;
}

void ProductionLine::plugNext(const QString &port)
{
    if (m_stopped || m_pluggedOnPort.value(port) >= m_options.unitsPerLane)
        return;
    const LineUnit unit = draw(++m_plugged, port);
    auto faults = sim::FaultPlan::parse(unit.fault);
    if (!faults) {
        Q_EMIT failure(faults.error().message);
        return;
    }
    auto board = std::make_shared<sim::VirtualBoard>(FlashKit::boardConfig(m_options.chip, m_options.storage),
                                                     m_options.timing, *faults);
    board->plug(sim::SimClock::now());
    if (Status added = m_usb.add(board, port); !added) {
        Q_EMIT failure(added.error().message);
        return;
    }
    m_units[port].append(unit);
    ++m_pluggedOnPort[port];
}

bool ProductionLine::unitEnded(const QString &port)
{
    if (m_endedOnPort.value(port) >= m_pluggedOnPort.value(port))
        return false;
    ++m_endedOnPort[port];
    // The board may already have left (its reboot, a disconnect fault): pulling it is then a no-op.
    (void)m_usb.bus().removeDevice(port);
    QTimer::singleShot(m_options.swapDelayMs, this, [this, port] { plugNext(port); });
    return true;
}

} // namespace oc::test
