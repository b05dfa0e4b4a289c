#pragma once

#include "core/sim/devicemodel.h"

#include <QList>

#include <mutex>
#include <optional>

namespace oc::test {

// A small DeviceModel for the usb tier: an a108:c309 device (so DeviceEnumerator lists it) with the
// boot ROM's interface layout (bulk 0x01 OUT / 0x81 IN, 512 bytes) that
//  - echoes bulk OUT data to bulk IN (a FIFO; bulk IN with nothing queued NAKs until the timeout),
//  - answers vendor requests: 0x40/0x10 STORE keeps wValue, wIndex and the data stage;
//    0xC0/0x11 FETCH returns wValue LE16, wIndex LE16 and the stored data (up to wLength);
//    0xC0/0x00 INFO returns "LOOPBK01" whatever wLength is (like the ROM's GET_CPU_INFO);
//    anything else stalls,
//  - answers GET_DESCRIPTOR and SET_CONFIGURATION,
//  - can be told to stall, to delay its next reply, to leave the bus in the middle of a transfer,
//    and to be unplugged and plugged back in.
// Thread-safe: the bus calls it from its threads while the test configures it.
class LoopbackDevice : public sim::DeviceModel
{
public:
    static constexpr quint8 Store = 0x10;
    static constexpr quint8 Fetch = 0x11;
    static constexpr quint8 Info = 0x00;
    static const QByteArray InfoReply;

    explicit LoopbackDevice(QString serial = {}); // empty: iSerialNumber 0, as on a real ROM

    sim::Reply control(const ControlSetup &setup, const QByteArray &outData, sim::SimTime now,
                       sim::SimDuration timeout) override;
    sim::Reply bulkOut(quint8 endpoint, const QByteArray &data, bool endOfTransfer, sim::SimTime now,
                       sim::SimDuration timeout) override;
    sim::Reply bulkIn(quint8 endpoint, int length, sim::SimTime now, sim::SimDuration timeout) override;
    void cancelPending(sim::SimTime now) override;
    void advance(sim::SimTime now) override;
    sim::UsbDescriptors descriptors() const override;
    bool isAttached() const override;

    // Faults, each for the next transfer only.
    void stallNext();
    void delayNext(sim::SimDuration delay);
    void leaveDuringNextBulkOut(int acceptedBytes); // takes that many bytes, then leaves the bus
    void leaveAfter(sim::SimDuration delay);        // leaves the bus `delay` from now (advance())
    void unplug();
    void plug();

    // What the device saw.
    struct Piece
    {
        int size = 0;
        bool endOfTransfer = false;
    };
    QList<ControlSetup> setups() const;
    QByteArray storedData() const;
    QList<Piece> bulkOutPieces() const;
    int cancellations() const;

private:
    bool takeStall();                                      // callers hold m_mutex
    sim::Reply finish(sim::Reply reply, sim::SimTime now); // applies a delay fault
    sim::Reply standardRequest(const ControlSetup &setup, sim::SimTime now);
    void setAttached(bool attached);

    mutable std::mutex m_mutex;
    QString m_serial;
    bool m_attached = true;
    QByteArray m_fifo;
    quint16 m_storedValue = 0;
    quint16 m_storedIndex = 0;
    QByteArray m_stored;
    QList<ControlSetup> m_setups;
    QList<Piece> m_pieces;
    int m_cancellations = 0;
    bool m_stallNext = false;
    std::optional<sim::SimDuration> m_delayNext;
    std::optional<int> m_leaveAfterBytes;
    std::optional<sim::SimTime> m_leaveAt;
};

} // namespace oc::test
