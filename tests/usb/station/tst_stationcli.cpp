// `opencloner-cli station` as a headless bench runs it: the real CLI binary in a child process,
// virtual boards on the emulated bus of this process, and this test as the operator who swaps boards
// when a unit's line appears. Issue 5, proof 2: killing the station mid-run loses no finished unit's
// record and leaves readable files that the next run appends to.

#include "productionline.h"
#include "usbfixture.h"

#include "core/station/recordlog.h"
#include "core/station/stationplan.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace oc;
using namespace oc::test;
using namespace oc::station;

namespace {

// The child's stdout, split into lines as they come.
class LineReader
{
public:
    explicit LineReader(QProcess &process)
        : m_process(process)
    {}
    QList<QByteArray> take()
    {
        m_buffer += m_process.readAllStandardOutput();
        QList<QByteArray> lines;
        for (qsizetype end = m_buffer.indexOf('\n'); end >= 0; end = m_buffer.indexOf('\n')) {
            lines << m_buffer.left(end);
            m_buffer.remove(0, end + 1);
        }
        return lines;
    }

private:
    QProcess &m_process;
    QByteArray m_buffer;
};

} // namespace

class TestStationCli : public QObject
{
    Q_OBJECT

private:
    UsbFixture m_usb;
    QTemporaryDir m_dir;
    QString m_plan;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static QByteArray runTool(const QStringList &args, int *exitCode = nullptr)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(OPENCLONER_CLI), args);
        p.waitForFinished(120000);
        if (exitCode)
            *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        return p.readAll();
    }

    void startStation(QProcess &p, const QStringList &extra)
    {
        p.setProcessEnvironment(m_usb.bus().childEnvironment());
        p.start(QStringLiteral(OPENCLONER_CLI),
                QStringList{QStringLiteral("station"), m_plan, QStringLiteral("--records"),
                            path(QStringLiteral("records")), QStringLiteral("--operator"),
                            QStringLiteral("ana"), QStringLiteral("--reboot-settle"), QStringLiteral("0.3")} +
                    extra);
        QVERIFY(p.waitForStarted());
    }

    // Plays the operator until `units` unit lines were printed or the child ended; returns the ports
    // of the printed units in order.
    QStringList operate(QProcess &p, ProductionLine &line, int units, bool json)
    {
        LineReader reader(p);
        QStringList ports;
        QElapsedTimer timer;
        timer.start();
        while (ports.size() < units && timer.elapsed() < 300000 && p.state() != QProcess::NotRunning) {
            p.waitForReadyRead(50);
            QCoreApplication::processEvents(); // the operator's delayed plugs
            for (const QByteArray &l : reader.take()) {
                QString port;
                if (json) {
                    const QJsonObject o = QJsonDocument::fromJson(l).object();
                    if (o.value(QStringLiteral("event")).toString() == QLatin1String("unit"))
                        port = o.value(QStringLiteral("port")).toString();
                } else if (l.contains(" unit ") && l.contains("(port ")) {
                    port = QString::fromUtf8(l.mid(l.indexOf("(port ") + 6).split(')').first());
                }
                if (port.isEmpty())
                    continue;
                ports << port;
                line.unitEnded(port);
            }
        }
        return ports;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString problem = m_usb.setUp();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        int code = -1;
        const QString vendor = path(QStringLiteral("vendor"));
        QByteArray out = runTool({QStringLiteral("--help")}, &code);
        QVERIFY2(out.contains("station PLAN"), out.constData());
        QProcess sim;
        sim.start(QStringLiteral(OPENCLONER_SIM), {QStringLiteral("--make-placeholders"), vendor,
                                                   QStringLiteral("--board"), QStringLiteral("t31-nor")});
        QVERIFY(sim.waitForFinished(60000) && sim.exitCode() == 0);
        // A real package, made by `pack`, pinned by its hash in the plan.
        QByteArray image(192 * 1024, Qt::Uninitialized);
        for (int i = 0; i < image.size(); ++i)
            image[i] = char((i * 131) ^ (i >> 9));
        QFile f(path(QStringLiteral("app.bin")));
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(image) == image.size());
        f.close();
        out = runTool({QStringLiteral("pack"), path(QStringLiteral("camera.zip")), QStringLiteral("--board"),
                       QStringLiteral("t31-nor"), QStringLiteral("--write"),
                       f.fileName() + QStringLiteral("@0x0"), QStringLiteral("--name"),
                       QStringLiteral("camera"), QStringLiteral("--package-version"), QStringLiteral("1.4")},
                      &code);
        QVERIFY2(code == 0, out.constData());
        // The engineer's plan, made and checked by the CLI, the package pinned by its hash.
        m_plan = path(QStringLiteral("line-a.json"));
        out = runTool({QStringLiteral("station"), QStringLiteral("--save-plan"), m_plan,
                       QStringLiteral("--board"), QStringLiteral("t31-nor"), QStringLiteral("--firmware"),
                       vendor, QStringLiteral("--name"), QStringLiteral("camera line A"),
                       QStringLiteral("--station"), QStringLiteral("bench-3"),
                       path(QStringLiteral("camera.zip"))},
                      &code);
        QVERIFY2(code == 0, out.constData());
        auto plan = StationPlan::load(m_plan);
        QVERIFY2(plan, why(plan).constData());
        QCOMPARE(plan->packageSha256, *fileSha256(path(QStringLiteral("camera.zip"))));
        QCOMPARE(plan->station, QStringLiteral("bench-3"));
    }

    void cleanupTestCase() { m_usb.tearDown(); }

    void oneLinePerUnitAndAStopSummary()
    {
        ProductionLine line(m_usb, {2, 2, 0.25, 7, 1200});
        QProcess p;
        startStation(p, {QStringLiteral("--units"), QStringLiteral("4")});
        line.start();
        const QStringList ports = operate(p, line, 4, false);
        QVERIFY(p.waitForFinished(60000));
        const QByteArray err = p.readAllStandardError();
        QCOMPARE(ports.size(), 4);
        QVERIFY2(err.contains("station bench-3 armed: plan 'camera line A' (camera 1.4"), err.constData());
        QVERIFY2(err.contains("station stopped: 3 passed, 1 failed"), err.constData());
        QVERIFY2(err.contains("what to do:"), err.constData()); // the failed unit's advice
        QCOMPARE(p.exitCode(), 5);
        line.stop();
        m_usb.clear();
    }

    void killMidRunLosesNoFinishedUnit()
    {
        QDir(path(QStringLiteral("records"))).removeRecursively();
        ProductionLine line(m_usb, {4, 50, 0.0, 3, 1200});
        QProcess p;
        startStation(p, {QStringLiteral("--json")});
        line.start();
        const QStringList printed = operate(p, line, 9, true);
        QCOMPARE(printed.size(), 9);
        ::kill(pid_t(p.processId()), SIGKILL); // mid-run: other lanes are writing
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);

        const QDir records(path(QStringLiteral("records")));
        const QStringList jsonFiles = records.entryList({QStringLiteral("*.jsonl")});
        QCOMPARE(jsonFiles.size(), 1);
        auto json = readJsonRecords(records.filePath(jsonFiles.first()));
        QVERIFY2(json, why(json).constData());
        QCOMPARE(json->damagedLines, 0);
        QVERIFY2(json->records.size() >= printed.size(), "a printed unit is missing from the records");
        auto csv = readCsvRecords(records.filePath(
            QString(jsonFiles.first()).replace(QStringLiteral(".jsonl"), QStringLiteral(".csv"))));
        QVERIFY2(csv, why(csv).constData());
        QCOMPARE(csv->damagedLines, 0);
        QVERIFY(csv->rows.size() >= json->records.size() - 1 && csv->rows.size() <= json->records.size() + 1);
        for (const UnitRecord &r : std::as_const(json->records)) {
            QCOMPARE(r.station, QStringLiteral("bench-3"));
            QCOMPARE(r.operatorName, QStringLiteral("ana"));
            QCOMPARE(r.package, QStringLiteral("camera"));
            QCOMPARE(r.packageVersion, QStringLiteral("1.4"));
            QCOMPARE(r.outcome, UnitOutcome::Pass);
        }
        const int before = int(json->records.size());
        line.stop(); // its operator's swaps still pending must not reach the next run
        m_usb.clear();

        // The next run appends to the same files: one header, every line readable.
        ProductionLine again(m_usb, {1, 2, 0.0, 4, 1200});
        QProcess next;
        startStation(next, {QStringLiteral("--json"), QStringLiteral("--units"), QStringLiteral("2")});
        again.start();
        QCOMPARE(operate(next, again, 2, true).size(), 2);
        QVERIFY(next.waitForFinished(60000));
        QCOMPARE(next.exitCode(), 0);
        json = readJsonRecords(records.filePath(jsonFiles.first()));
        QVERIFY(json);
        QCOMPARE(json->damagedLines, 0);
        QCOMPARE(json->records.size(), before + 2);
        quint64 lastBefore = 0;
        for (int i = 0; i < before; ++i)
            lastBefore = std::max(lastBefore, json->records[i].unit);
        QCOMPARE(json->records[before].unit, lastBefore + 1); // numbering continues after a restart
        QCOMPARE(json->records[before + 1].unit, lastBefore + 2);
        again.stop();
        m_usb.clear();
    }

    void ctrlCStopsRunningBoardsAndRecordsThem()
    {
        QDir(path(QStringLiteral("records"))).removeRecursively();
        ProductionLine::Options slow{2, 1, 0.0, 5, 600};
        slow.timing = sim::TimingModel::realistic(); // a unit takes seconds: Ctrl-C lands mid-write
        ProductionLine line(m_usb, slow);
        QProcess p;
        startStation(p, {QStringLiteral("--json")});
        line.start();
        LineReader reader(p);
        int started = 0;
        QElapsedTimer timer;
        timer.start();
        while (started < 2 && timer.elapsed() < 30000) {
            p.waitForReadyRead(100);
            for (const QByteArray &l : reader.take())
                started += l.contains("\"unitStarted\"");
        }
        QCOMPARE(started, 2);
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 6);
        const QDir records(path(QStringLiteral("records")));
        auto json =
            readJsonRecords(records.filePath(records.entryList({QStringLiteral("*.jsonl")}).value(0)));
        QVERIFY2(json, why(json).constData());
        QCOMPARE(json->records.size(), 2);
        for (const UnitRecord &r : std::as_const(json->records)) {
            QCOMPARE(r.outcome, UnitOutcome::Stopped);
            QCOMPARE(r.errorClass, QStringLiteral("cancelled"));
            QVERIFY2(!r.boardState.isEmpty() && !r.stage.isEmpty(), qPrintable(r.message));
        }
        line.stop();
        m_usb.clear();
    }

    void refusesAChangedPackage()
    {
        const QString copy = path(QStringLiteral("changed.json"));
        auto plan = StationPlan::load(m_plan);
        QVERIFY(plan);
        plan->packageSha256 = QString(64, QLatin1Char('0'));
        QVERIFY(plan->save(copy));
        int code = -1;
        const QByteArray out = runTool(
            {QStringLiteral("station"), copy, QStringLiteral("--records"), path(QStringLiteral("r2"))},
            &code);
        QCOMPARE(code, 2);
        QVERIFY2(out.contains("has changed since the plan"), out.constData());
        QVERIFY2(out.contains("what to do:"), out.constData());
    }

    void refusesAPlanWithoutRecordsFolder()
    {
        int code = -1;
        const QByteArray out = runTool({QStringLiteral("station"), m_plan}, &code);
        QCOMPARE(code, 1);
        QVERIFY2(out.contains("--records"), out.constData());
    }
};

QTEST_GUILESS_MAIN(TestStationCli)
#include "tst_stationcli.moc"
