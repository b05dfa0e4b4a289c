// The size-dependent bounds of spec 5.3, evaluated at the sizes the spec observed.
#include "core/protocol/timeouts.h"

#include <QTest>

using namespace oc;
using namespace oc::proto;

class TestTimeouts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fixedValues()
    {
        const Timeouts t;
        QCOMPARE(t.romControl, Milliseconds(1000));
        QCOMPARE(t.pollInterval, Milliseconds(100));
        QCOMPARE(t.pollTry, Milliseconds(500));
        QCOMPARE(t.splDeadline, Milliseconds(10000));
        QCOMPARE(t.burnerBootDeadline, Milliseconds(10000));
        QCOMPARE(t.burnerIdle, Milliseconds(5000));
        QCOMPARE(t.reboot, Milliseconds(1000));
    }
    void transferBounds()
    {
        const Timeouts t;
        QCOMPARE(t.romBulk(390480), Milliseconds(5390));    // 5 s + size / 1 MB/s (T20 uboot.bin)
        QCOMPARE(t.writeBulk(1 << 20), Milliseconds(5209)); // 5 s + L / 5 MB/s
        QCOMPARE(t.getCrc(1 << 20), Milliseconds(6048));    // 5 s + L / 1 MB/s
        QCOMPARE(t.readBulk(1 << 20), Milliseconds(5104));  // 5 s + L / 10 MB/s
    }
    void initDeadlines()
    {
        const Timeouts t;
        QCOMPARE(t.initDeadline(InitWork::None), Milliseconds(10000));
        QCOMPARE(t.initDeadline(InitWork::MmcErase), Milliseconds(120000));
        // 250 s for a 16 MiB NOR on top of the 10 s base, scaled with capacity.
        QCOMPARE(t.initDeadline(InitWork::NorErase, 16u << 20), Milliseconds(260000));
        QCOMPARE(t.initDeadline(InitWork::NorErase, 0), Milliseconds(260000));
        QCOMPARE(t.initDeadline(InitWork::NorErase, 32u << 20), Milliseconds(510000));
        QCOMPARE(t.initDeadline(InitWork::NorErase, 1u << 19), Milliseconds(20000)); // floor: the base
    }
    void writeAckDeadline()
    {
        const Timeouts t;
        // 64 KiB chunk, 256-byte pages, no lazy erase, read-back: 10 s + 256 x 3 ms + 65 ms.
        QCOMPARE(t.writeAckDeadline(65536, 256, 0, 0x8000, true), Milliseconds(10833));
        // First chunk of a 12 MiB MTD partition erased lazily in 32 KiB blocks: + 384 x 2 s.
        QCOMPARE(t.writeAckDeadline(65536, 256, 12 << 20, 0x8000, false), Milliseconds(10000 + 768 + 768000));
    }
};

QTEST_GUILESS_MAIN(TestTimeouts)
#include "tst_timeouts.moc"
