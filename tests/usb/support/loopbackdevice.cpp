#include "loopbackdevice.h"

#include <utility>

namespace oc::test {

using sim::Reply;
using sim::SimDuration;
using sim::SimTime;
using sim::TransferStatus;

const QByteArray LoopbackDevice::InfoReply = QByteArrayLiteral("LOOPBK01");

namespace {

QByteArray stringDescriptor(const QString &text)
{
    QByteArray bytes(2, '\0');
    for (QChar c : text) {
        bytes.append(char(c.unicode() & 0xFF));
        bytes.append(char(c.unicode() >> 8));
    }
    bytes[0] = char(bytes.size());
    bytes[1] = 0x03;
    return bytes;
}

Reply ok(SimTime now, QByteArray data = {}, int accepted = 0)
{
    return Reply{TransferStatus::Ok, std::move(data), accepted, now};
}

} // namespace

LoopbackDevice::LoopbackDevice(QString serial)
    : m_serial(std::move(serial))
{}

sim::UsbDescriptors LoopbackDevice::descriptors() const
{
    sim::UsbDescriptors d;
    d.device = QByteArray::fromHex("120100020000004008a109c3000101020001");
    if (!m_serial.isEmpty())
        d.device[16] = 3;
    // The boot ROM's layout [spec 1.3]: one interface, bulk 0x01 OUT and 0x81 IN of 512 bytes.
    d.configuration = QByteArray::fromHex("0902200001010080fa"
                                          "0904000002ff000000"
                                          "07050102000200"
                                          "07058102000200");
    d.strings.insert(0, QByteArray::fromHex("04030904"));
    d.strings.insert(1, stringDescriptor(QStringLiteral("OpenCloner")));
    d.strings.insert(2, stringDescriptor(QStringLiteral("Loopback")));
    if (!m_serial.isEmpty())
        d.strings.insert(3, stringDescriptor(m_serial));
    return d;
}

Reply LoopbackDevice::control(const ControlSetup &setup, const QByteArray &outData, SimTime now, SimDuration)
{
    std::unique_lock lock(m_mutex);
    if (!m_attached)
        return Reply{TransferStatus::NoDevice, {}, 0, now};
    m_setups.append(setup);
    if (takeStall())
        return Reply{TransferStatus::Stall, {}, 0, now};
    if (setup.requestType == 0x40 && setup.request == Store) {
        m_storedValue = setup.value;
        m_storedIndex = setup.index;
        m_stored = outData;
        return finish(ok(now, {}, int(outData.size())), now);
    }
    if (setup.requestType == 0xC0 && setup.request == Fetch) {
        QByteArray reply(4, '\0');
        reply[0] = char(m_storedValue & 0xFF);
        reply[1] = char(m_storedValue >> 8);
        reply[2] = char(m_storedIndex & 0xFF);
        reply[3] = char(m_storedIndex >> 8);
        return finish(ok(now, QByteArray(reply + m_stored).left(setup.length)), now);
    }
    if (setup.requestType == 0xC0 && setup.request == Info)
        return finish(ok(now, InfoReply), now); // 8 bytes whatever wLength asks for
    if ((setup.requestType & 0x60) == 0)        // standard request
        return finish(standardRequest(setup, now), now);
    return finish(Reply{TransferStatus::Stall, {}, 0, now}, now);
}

Reply LoopbackDevice::standardRequest(const ControlSetup &setup, SimTime now)
{
    if (setup.requestType == 0x00 && setup.request == 0x09) // SET_CONFIGURATION
        return ok(now);
    if (setup.requestType != 0x80 || setup.request != 0x06) // only GET_DESCRIPTOR besides
        return Reply{TransferStatus::Stall, {}, 0, now};
    const sim::UsbDescriptors d = descriptors();
    const int type = setup.value >> 8;
    const int index = setup.value & 0xFF;
    QByteArray answer;
    if (type == 1)
        answer = d.device;
    else if (type == 2 && index == 0)
        answer = d.configuration;
    else if (type == 3 && d.strings.contains(quint8(index)))
        answer = d.strings.value(quint8(index));
    else
        return Reply{TransferStatus::Stall, {}, 0, now};
    return ok(now, answer.left(setup.length));
}

Reply LoopbackDevice::bulkOut(quint8, const QByteArray &data, bool endOfTransfer, SimTime now, SimDuration)
{
    std::unique_lock lock(m_mutex);
    if (!m_attached)
        return Reply{TransferStatus::NoDevice, {}, 0, now};
    m_pieces.append(Piece{int(data.size()), endOfTransfer});
    if (takeStall())
        return Reply{TransferStatus::Stall, {}, 0, now};
    if (m_leaveAfterBytes) {
        const int accepted = qMin(*m_leaveAfterBytes, int(data.size()));
        m_leaveAfterBytes.reset();
        lock.unlock();
        setAttached(false);
        return Reply{TransferStatus::NoDevice, {}, accepted, now};
    }
    m_fifo.append(data);
    return finish(ok(now, {}, int(data.size())), now);
}

Reply LoopbackDevice::bulkIn(quint8, int length, SimTime now, SimDuration timeout)
{
    std::unique_lock lock(m_mutex);
    if (!m_attached)
        return Reply{TransferStatus::NoDevice, {}, 0, now};
    if (takeStall())
        return Reply{TransferStatus::Stall, {}, 0, now};
    if (m_fifo.isEmpty()) // nothing to send: the endpoint NAKs until the host gives up
        return Reply{TransferStatus::Timeout, {}, 0, now + timeout};
    const QByteArray data = m_fifo.left(length);
    m_fifo.remove(0, data.size());
    return finish(ok(now, data), now);
}

bool LoopbackDevice::takeStall()
{
    return std::exchange(m_stallNext, false);
}

Reply LoopbackDevice::finish(Reply reply, SimTime now)
{
    if (m_delayNext) {
        reply.doneAt = now + *m_delayNext;
        m_delayNext.reset();
    }
    return reply;
}

void LoopbackDevice::cancelPending(SimTime)
{
    std::lock_guard lock(m_mutex);
    ++m_cancellations;
}

void LoopbackDevice::advance(SimTime now)
{
    std::unique_lock lock(m_mutex);
    if (!m_leaveAt || now < *m_leaveAt)
        return;
    m_leaveAt.reset();
    lock.unlock();
    setAttached(false);
}

bool LoopbackDevice::isAttached() const
{
    std::lock_guard lock(m_mutex);
    return m_attached;
}

void LoopbackDevice::setAttached(bool attached)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_attached == attached)
            return;
        m_attached = attached;
        m_fifo.clear(); // RAM state does not survive leaving the bus
    }
    notifyAttached(attached);
}

void LoopbackDevice::stallNext()
{
    std::lock_guard lock(m_mutex);
    m_stallNext = true;
}

void LoopbackDevice::delayNext(SimDuration delay)
{
    std::lock_guard lock(m_mutex);
    m_delayNext = delay;
}

void LoopbackDevice::leaveDuringNextBulkOut(int acceptedBytes)
{
    std::lock_guard lock(m_mutex);
    m_leaveAfterBytes = acceptedBytes;
}

void LoopbackDevice::leaveAfter(SimDuration delay)
{
    std::lock_guard lock(m_mutex);
    m_leaveAt = sim::SimClock::now() + delay;
}

void LoopbackDevice::unplug()
{
    setAttached(false);
}

void LoopbackDevice::plug()
{
    setAttached(true);
}

QList<ControlSetup> LoopbackDevice::setups() const
{
    std::lock_guard lock(m_mutex);
    return m_setups;
}

QByteArray LoopbackDevice::storedData() const
{
    std::lock_guard lock(m_mutex);
    return m_stored;
}

QList<LoopbackDevice::Piece> LoopbackDevice::bulkOutPieces() const
{
    std::lock_guard lock(m_mutex);
    return m_pieces;
}

int LoopbackDevice::cancellations() const
{
    std::lock_guard lock(m_mutex);
    return m_cancellations;
}

} // namespace oc::test
