// opencloner-cli end to end, as a user runs it: opencloner-sim plugs virtual boards into an emulated
// USB bus and runs the real CLI binary against it through libusb. Checks the files, the output, the
// JSON events and the exit code classes.

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_vendor;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static Run run(const QString &program, const QStringList &args, int timeoutMs = 120000)
    {
        QProcess p;
        p.start(program, args);
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }

    // opencloner-sim [simArgs] -- opencloner-cli [cliArgs]
    static Run sim(const QStringList &simArgs, const QStringList &cliArgs, int timeoutMs = 120000)
    {
        return run(QStringLiteral(OPENCLONER_SIM), simArgs + QStringList{QStringLiteral("--"), QStringLiteral(OPENCLONER_CLI)} + cliArgs,
                   timeoutMs);
    }

    QString makeImage(const QString &name, qint64 size)
    {
        QByteArray data(size, Qt::Uninitialized);
        QRandomGenerator random(42);
        random.fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
        QFile f(path(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != size)
            qFatal("cannot write image");
        return f.fileName();
    }

    static QByteArray readAll(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QStringList job(const QString &command) const
    {
        return {command, QStringLiteral("--board"), QStringLiteral("t31-nor"), QStringLiteral("--firmware"), m_vendor};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_vendor = path(QStringLiteral("vendor"));
        const Run r = run(QStringLiteral(OPENCLONER_SIM),
                          {QStringLiteral("--make-placeholders"), m_vendor, QStringLiteral("--board"), QStringLiteral("t31-nor")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void flashThenReadBackIsIdentical()
    {
        const QString image = makeImage(QStringLiteral("fw.bin"), 4 << 20);
        const QString flash = path(QStringLiteral("flash.bin"));
        Run r = sim({QStringLiteral("--save-flash"), flash}, job(QStringLiteral("flash")) << image);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("done in"), r.err.constData());
        QCOMPARE(readAll(flash).left(4 << 20), readAll(image));

        const QString dump = path(QStringLiteral("dump.bin"));
        r = sim({QStringLiteral("--load-flash"), flash},
                job(QStringLiteral("read")) << dump << QStringLiteral("--length") << QStringLiteral("4M"));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(readAll(dump), readAll(image));
    }

    void jsonEventsAndResult()
    {
        const QString image = makeImage(QStringLiteral("j.bin"), 256 * 1024);
        const Run r = sim({}, job(QStringLiteral("flash")) << image << QStringLiteral("--json"));
        QCOMPARE(r.exitCode, 0);
        QStringList stages;
        QJsonObject result;
        for (const QByteArray &line : r.out.split('\n')) {
            if (line.isEmpty())
                continue;
            QJsonParseError error;
            const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
            QCOMPARE(o.value(QStringLiteral("device")).toString(), QStringLiteral("1-1"));
            if (o.value(QStringLiteral("event")) == QStringLiteral("stage") &&
                o.value(QStringLiteral("state")) == QStringLiteral("started"))
                stages << o.value(QStringLiteral("stage")).toString();
            if (o.value(QStringLiteral("event")) == QStringLiteral("result"))
                result = o;
        }
        QCOMPARE(stages.first(), QStringLiteral("connect"));
        QVERIFY(stages.contains(QStringLiteral("write")) && stages.contains(QStringLiteral("verify")));
        QCOMPARE(stages.last(), QStringLiteral("reboot"));
        QCOMPARE(result.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(result.value(QStringLiteral("jedec")).toString(), QStringLiteral("0xc84018"));
        QCOMPARE(result.value(QStringLiteral("boardState")).toString(), QStringLiteral("rebooted"));
    }

    void listShowsEveryBoard()
    {
        const Run r = sim({QStringLiteral("--boards"), QStringLiteral("2")}, {QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(r.out.trimmed()).array();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].toObject().value(QStringLiteral("port")).toString(), QStringLiteral("1-1"));
        QCOMPARE(rows[1].toObject().value(QStringLiteral("port")).toString(), QStringLiteral("1-2"));
        QCOMPARE(rows[0].toObject().value(QStringLiteral("stage")).toString(), QStringLiteral("rom t31/t41"));
        QCOMPARE(rows[0].toObject().value(QStringLiteral("virtual")).toBool(), true);
    }

    void exitCodesByClass_data()
    {
        QTest::addColumn<QStringList>("simArgs");
        QTest::addColumn<QStringList>("cliArgs");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        QTest::newRow("usage") << QStringList() << QStringList{QStringLiteral("frobnicate")} << 1 << QStringLiteral("unknown command");
        QTest::newRow("two boards, no --device") << QStringList{QStringLiteral("--boards"), QStringLiteral("2")}
                                                 << QStringList{QStringLiteral("boot"), QStringLiteral("--board"), QStringLiteral("t31-nor"), QStringLiteral("--firmware"), QStringLiteral("VENDOR")}
                                                 << 1 << QStringLiteral("choose one with --device");
        QTest::newRow("missing image") << QStringList() << QStringList{QStringLiteral("flash"), QStringLiteral("--board"), QStringLiteral("t31-nor"), QStringLiteral("--firmware"), QStringLiteral("VENDOR"), QStringLiteral("/nonexistent.bin")}
                                       << 2 << QStringLiteral("does not exist");
        QTest::newRow("missing vendor files") << QStringList() << QStringList{QStringLiteral("boot"), QStringLiteral("--board"), QStringLiteral("t31-nor"), QStringLiteral("--firmware"), QStringLiteral("/nonexistent")}
                                              << 2 << QStringLiteral("spl.bin");
        QTest::newRow("no device") << QStringList() << QStringList{QStringLiteral("boot"), QStringLiteral("--board"), QStringLiteral("t31-nor"), QStringLiteral("--firmware"), QStringLiteral("VENDOR"), QStringLiteral("--device"), QStringLiteral("9-9")}
                                   << 3 << QStringLiteral("no Ingenic board at port 9-9");
        QTest::newRow("usb transfer") << QStringList{QStringLiteral("--fault"), QStringLiteral("disconnect@write:chunk=1")}
                                      << QStringList{QStringLiteral("flash"), QStringLiteral("--board"), QStringLiteral("t31-nor"), QStringLiteral("--firmware"), QStringLiteral("VENDOR"), QStringLiteral("IMAGE")}
                                      << 4 << QStringLiteral("left the bus");
        QTest::newRow("board error") << QStringList{QStringLiteral("--fault"), QStringLiteral("bad_ack@write:chunk=0:value=-1")}
                                     << QStringList{QStringLiteral("flash"), QStringLiteral("--board"), QStringLiteral("t31-nor"), QStringLiteral("--firmware"), QStringLiteral("VENDOR"), QStringLiteral("IMAGE")}
                                     << 5 << QStringLiteral("EPERM (-1)");
        QTest::newRow("wrong chip") << QStringList{QStringLiteral("--chip"), QStringLiteral("t20")}
                                    << QStringList{QStringLiteral("boot"), QStringLiteral("--board"), QStringLiteral("t31-nor"), QStringLiteral("--firmware"), QStringLiteral("VENDOR")}
                                    << 5 << QStringLiteral("T 2 0 V");
    }

    void exitCodesByClass()
    {
        QFETCH(QStringList, simArgs);
        QFETCH(QStringList, cliArgs);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        const QString image = makeImage(QStringLiteral("e.bin"), 2 << 20);
        for (QString &a : cliArgs)
            a = a == QLatin1String("VENDOR") ? m_vendor : a == QLatin1String("IMAGE") ? image : a;
        const Run r = sim(simArgs, cliArgs);
        QVERIFY2(r.exitCode == exitCode, r.err.constData());
        QVERIFY2(QString::fromUtf8(r.err).contains(says), r.err.constData());
        if (exitCode > 1)
            QVERIFY2(r.err.contains("what to do:"), r.err.constData());
    }

    void ctrlCCancelsCleanly()
    {
        const QString image = makeImage(QStringLiteral("slow.bin"), 4 << 20);
        QProcess p;
        p.start(QStringLiteral(OPENCLONER_SIM), {QStringLiteral("--timing"), QStringLiteral("realistic"), QStringLiteral("--"),
                                                 QStringLiteral(OPENCLONER_CLI), QStringLiteral("flash"), QStringLiteral("--board"),
                                                 QStringLiteral("t31-nor"), QStringLiteral("--firmware"), m_vendor, image});
        QVERIFY(p.waitForStarted());
        QByteArray err;
        QElapsedTimer timer;
        timer.start();
        while (!err.contains("Writing") && timer.elapsed() < 30000) {
            p.waitForReadyRead(200);
            err += p.readAllStandardError();
        }
        QVERIFY2(err.contains("Writing"), err.constData());
        // Ctrl-C goes to the CLI (the sim forwards nothing; the terminal would signal both).
        const Run children = run(QStringLiteral("pgrep"), {QStringLiteral("-P"), QString::number(p.processId())});
        const qint64 cli = children.out.trimmed().toLongLong();
        QVERIFY(cli > 0);
        ::kill(pid_t(cli), SIGINT);
        QVERIFY(p.waitForFinished(30000));
        err += p.readAllStandardError();
        QCOMPARE(p.exitCode(), 6);
        QVERIFY2(err.contains("cancelled"), err.constData());
        QVERIFY2(err.contains("board: burner-idle"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
