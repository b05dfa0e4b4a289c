// Issue 5, proof 1: a production station through the REAL libusb path (umockdev), 200 boards in
// sequence over 8 lanes in parallel, 10% of them carrying a fault at a random stage. No crash, no
// hang, every fault attributed to its own unit and stage, one record per unit on disk, memory flat.

#include "flashtestkit.h"
#include "productionline.h"
#include "usbfixture.h"

#include "core/catalog/placeholders.h"
#include "core/station/stationsetup.h"
#include "core/usb/libusbdeviceprovider.h"

#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <malloc.h>

using namespace oc;
using namespace oc::test;
using namespace oc::station;

namespace {

// Resident memory after handing freed memory back to the system, so that only what is still
// allocated counts, not the allocator's caches of 8 worker threads.
qint64 residentKiB()
{
    malloc_trim(0);
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool Sanitized = true; // ASan's quarantine holds freed memory: RSS says nothing there
#else
constexpr bool Sanitized = false;
#endif

} // namespace

class TestStationSoak : public QObject
{
    Q_OBJECT

private:
    UsbFixture m_usb;
    FlashKit m_kit;
    QTemporaryDir m_dir;
    std::shared_ptr<LibusbDeviceProvider> m_provider;

    Result<StationSetup> setup(const QString &image)
    {
        const QString vendor = m_dir.filePath(QStringLiteral("vendor"));
        const catalog::BoardProfile *board = m_kit.catalog().board(QStringLiteral("t31-nor"));
        OC_TRY(catalog::writePlaceholders(vendor, m_kit.catalog().chipOf(*board), *board));
        StationPlan plan;
        plan.name = QStringLiteral("soak");
        plan.board = QStringLiteral("t31-nor");
        plan.firmware = vendor;
        plan.image = image;
        auto sha = fileSha256(image);
        if (!sha)
            return std::move(sha).error();
        plan.packageSha256 = *sha;
        auto s = prepareStation(m_kit.catalog(), plan,
                                {QStringLiteral("soak-bench"), QStringLiteral("tester"), {}});
        if (!s)
            return s;
        s->plan.timeouts =
            FlashKit::shortTimeouts(); // a board that does not answer costs seconds, not minutes
        s->pollMs = 100;
        s->rebootSettleMs = 300;
        return s;
    }

    static void checkUnit(const UnitRecord &r, const LineUnit &u)
    {
        const QByteArray where = QStringLiteral("unit %1 on port %2 (fault '%3'): %4 %5 %6 %7")
                                     .arg(r.unit)
                                     .arg(u.port, u.fault, QLatin1String(unitOutcomeName(r.outcome)), r.stage,
                                          r.errorClass, r.message)
                                     .toUtf8();
        if (u.fault.isEmpty()) {
            QVERIFY2(r.outcome == UnitOutcome::Pass, where.constData());
            QCOMPARE(r.flashJedec, quint32(0xc84018));
            QCOMPARE(r.flashSize, quint64(16) << 20);
            QCOMPARE(r.boardState, QStringLiteral("rebooted"));
            return;
        }
        QVERIFY2(r.outcome == UnitOutcome::Fail, where.constData());
        QVERIFY2(r.stage == QLatin1String(stageName(u.stage)), where.constData());
        bool rightClass = false;
        for (ErrorCode code : u.classes)
            rightClass |= r.errorClass == QLatin1String(errorCodeName(code));
        QVERIFY2(rightClass, where.constData());
        QVERIFY2(!r.message.isEmpty(), where.constData());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString problem = m_usb.setUp();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_provider = std::make_shared<LibusbDeviceProvider>(m_usb.context());
    }

    void cleanupTestCase()
    {
        m_provider.reset();
        m_usb.tearDown();
    }

    void twoHundredBoardsEightLanesTenPercentFaults()
    {
        const quint32 seed = qEnvironmentVariableIsSet("OPENCLONER_SOAK_SEED")
                                 ? quint32(qEnvironmentVariableIntValue("OPENCLONER_SOAK_SEED"))
                                 : 20261121;
        qInfo("soak seed %u (set OPENCLONER_SOAK_SEED to replay another draw)", seed);
        const QString image =
            m_kit.makeImage(QStringLiteral("soak.bin"), (2 << 20) + 64 * 1024, 5); // three 1 MiB chunks
        auto s = setup(image);
        QVERIFY2(s, why(s).constData());
        auto records =
            RecordLog::open(m_dir.filePath(QStringLiteral("records")), QStringLiteral("soak-bench"));
        QVERIFY2(records, why(records).constData());
        StationLoop loop(std::move(s).value(), m_provider, &*records);
        // The operator swaps a board 1.2 s after its unit ended: well past the 0.3 s reboot settle time
        // plus a poll, even on a loaded machine (a swap inside it would rightly not be flashed).
        ProductionLine line(m_usb, {8, 25, 0.10, seed, 1200});
        QCOMPARE(line.faulted(), 20);

        QList<UnitRecord> seen;
        QStringList problems;
        qint64 rssAfterWarmUp = -1;
        QEventLoop events;
        connect(&line, &ProductionLine::failure, &events, [&](const QString &what) { problems << what; });
        connect(&loop, &StationLoop::recordError, &events, [&](const Error &e) { problems << e.message; });
        connect(&loop, &StationLoop::unitFinished, &events, [&](const UnitRecord &r) {
            seen.append(r);
            if (!line.unitEnded(r.port))
                problems << QStringLiteral("a record too many for port %1").arg(r.port);
            if (seen.size() == line.total() / 2)
                rssAfterWarmUp = residentKiB();
            if (seen.size() == line.total())
                loop.finish();
        });
        connect(&loop, &StationLoop::idle, &events, &QEventLoop::quit);
        QTimer watchdog;
        watchdog.setSingleShot(true);
        connect(&watchdog, &QTimer::timeout, &events, [&] {
            problems
                << QStringLiteral("hang: %1 of %2 units after 10 minutes").arg(seen.size()).arg(line.total());
            loop.stop();
        });
        watchdog.start(600000);
        line.start();
        loop.start();
        events.exec();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        const qint64 rssAtEnd = residentKiB();

        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        QCOMPARE(seen.size(), line.total());

        // Each record belongs to the k-th board plugged into its port, and says what was done to it.
        QHash<QString, int> nth;
        QSet<quint64> numbers;
        for (const UnitRecord &r : std::as_const(seen)) {
            const LineUnit &u = line.units().value(r.port).at(nth[r.port]++);
            checkUnit(r, u);
            numbers.insert(r.unit);
            QCOMPARE(r.station, QStringLiteral("soak-bench"));
            QCOMPARE(r.lane, line.ports().indexOf(r.port) + 1);
        }
        QCOMPARE(numbers.size(), line.total()); // unit numbers 1..200, each once
        QCOMPARE(loop.counters(), (StationCounters{line.total() - line.faulted(), line.faulted(), 0}));
        QVERIFY2(loop.findChildren<FlashJob *>().isEmpty(), "finished jobs must not pile up");
        QCOMPARE(*std::max_element(numbers.cbegin(), numbers.cend()), quint64(line.total()));

        // The report on disk is complete: one line per unit in both files, nothing damaged.
        const QDate today = seen.last().time.date();
        auto json = readJsonRecords(records->jsonPath(today));
        QVERIFY2(json, why(json).constData());
        QCOMPARE(json->damagedLines, 0);
        QCOMPARE(json->records.size(), line.total());
        auto csv = readCsvRecords(records->csvPath(today));
        QVERIFY2(csv, why(csv).constData());
        QCOMPARE(csv->rows.size(), line.total());
        QCOMPARE(csv->damagedLines, 0);

        qInfo("resident memory after %d units %lld KiB, after %d units %lld KiB", line.total() / 2,
              rssAfterWarmUp, line.total(), rssAtEnd);
        if (!Sanitized && rssAfterWarmUp > 0)
            QVERIFY2(rssAtEnd - rssAfterWarmUp < 16 * 1024, "memory grows with the number of units");
    }
};

QTEST_GUILESS_MAIN(TestStationSoak)
#include "tst_stationsoak.moc"
