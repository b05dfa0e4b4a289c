#include "core/station/unitrecord.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace oc;
using namespace oc::station;

namespace {

UnitContext context()
{
    UnitContext c;
    c.unit = 7;
    c.station = QStringLiteral("bench-3");
    c.operatorName = QStringLiteral("Zoë");
    c.lane = 2;
    c.port = QStringLiteral("1-4.2");
    c.chip = QStringLiteral("t31");
    c.plan = QStringLiteral("T31 camera, line A");
    c.package = QStringLiteral("camera-1.4.zip");
    c.packageVersion = QStringLiteral("1.4.0");
    c.packageSha256 = QString(64, QLatin1Char('a'));
    return c;
}

JobResult failedResult()
{
    JobResult r;
    r.ok = false;
    r.error = makeError(ErrorCode::VerifyMismatch, QStringLiteral("verify: mismatch at 0x1000"));
    r.error.offset = 0x1000;
    r.failedStage = Stage::Verify;
    r.boardState = BoardState::BurnerIdle;
    r.romId = QByteArray("X2580\0\0\0", 8);
    r.burnerId = QByteArrayLiteral("T31 burner\x01");
    r.jedecId = 0xc84018;
    r.flashName = QStringLiteral("GD25Q128");
    r.flashSize = 16 * 1024 * 1024;
    r.seconds = 12.34567;
    return r;
}

// 14:03:07.250 at +01:00 (Berlin in November).
QDateTime fixedTime()
{
    return QDateTime(QDate(2026, 11, 21), QTime(14, 3, 7, 250), QTimeZone(3600));
}

QList<QByteArray> splitCsv(const QByteArray &line)
{
    // Good enough for lines without quoted commas: the escaping tests look at raw bytes instead.
    return line.chopped(2).split(',');
}

} // namespace

class TestUnitRecord : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fromFillsEveryField()
    {
        const UnitRecord r = UnitRecord::from(context(), failedResult(), fixedTime());
        QCOMPARE(r.unit, quint64(7));
        QCOMPARE(r.operatorName, QStringLiteral("Zoë"));
        QCOMPARE(r.romId, QStringLiteral("X2580\\0\\0\\0"));
        QCOMPARE(r.burnerId, QStringLiteral("T31 burner\\x01"));
        QCOMPARE(r.flashJedec, quint32(0xc84018));
        QCOMPARE(r.flashSize, quint64(16 * 1024 * 1024));
        QCOMPARE(r.outcome, UnitOutcome::Fail);
        QCOMPARE(r.errorClass, QStringLiteral("verify-mismatch"));
        QCOMPARE(r.stage, QStringLiteral("verify"));
        QCOMPARE(r.offset, qint64(0x1000));
        QCOMPARE(r.boardState, QStringLiteral("burner-idle"));
        QCOMPARE(r.message, QStringLiteral("verify: mismatch at 0x1000"));
        QCOMPARE(r.time, fixedTime());
    }

    void outcomes()
    {
        JobResult ok = failedResult();
        ok.ok = true;
        const UnitRecord pass = UnitRecord::from(context(), ok, fixedTime());
        QCOMPARE(pass.outcome, UnitOutcome::Pass);
        QVERIFY(pass.errorClass.isEmpty());
        QVERIFY(pass.stage.isEmpty());
        QVERIFY(pass.message.isEmpty());
        QCOMPARE(pass.offset, qint64(-1));

        JobResult cancelled = failedResult();
        cancelled.error = makeError(ErrorCode::Cancelled, QStringLiteral("stopped by the operator"));
        cancelled.failedStage = Stage::Write;
        const UnitRecord stopped = UnitRecord::from(context(), cancelled, fixedTime());
        QCOMPARE(stopped.outcome, UnitOutcome::Stopped);
        QCOMPARE(stopped.errorClass, QStringLiteral("cancelled"));
        QCOMPARE(stopped.stage, QStringLiteral("write"));
        QCOMPARE(stopped.offset, qint64(-1));

        JobResult noStage = failedResult();
        noStage.failedStage.reset();
        QVERIFY(UnitRecord::from(context(), noStage, fixedTime()).stage.isEmpty());
        QCOMPARE(QByteArray(unitOutcomeName(UnitOutcome::Stopped)), QByteArray("stopped"));
    }

    void valuesInColumnOrder()
    {
        const QStringList columns = UnitRecord::columns();
        QCOMPARE(columns.size(), 23);
        QCOMPARE(columns.first(), QStringLiteral("time"));
        QCOMPARE(columns.last(), QStringLiteral("message"));
        const UnitRecord r = UnitRecord::from(context(), failedResult(), fixedTime());
        const QStringList values = r.values();
        QCOMPARE(values.size(), columns.size());
        const auto at = [&](const char *column) {
            return values.at(columns.indexOf(QLatin1String(column)));
        };
        QCOMPARE(at("time"), QStringLiteral("2026-11-21T14:03:07.250+01:00"));
        QCOMPARE(at("flash_jedec"), QStringLiteral("0xc84018"));
        QCOMPARE(at("flash_size"), QStringLiteral("16777216"));
        QCOMPARE(at("duration_s"), QStringLiteral("12.346"));
        QCOMPARE(at("result"), QStringLiteral("fail"));
        QCOMPARE(at("offset"), QStringLiteral("4096"));
    }

    void localTimeCarriesItsOffset()
    {
        UnitRecord r;
        r.time = QDateTime(QDate(2026, 7, 1), QTime(9, 0), Qt::LocalTime); // summer time in the test's TZ
        const QString text = r.values().first();
        QCOMPARE(text, QStringLiteral("2026-07-01T09:00:00.000+02:00"));
        QCOMPARE(QDateTime::fromString(text, Qt::ISODateWithMs), r.time);
    }

    void zeroOffsetIsWrittenAsAnOffset()
    {
        UnitRecord r;
        r.time = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), QTimeZone::utc());
        QCOMPARE(r.values().first(), QStringLiteral("2026-01-02T03:04:05.006+00:00"));
        QCOMPARE(QDateTime::fromString(r.values().first(), Qt::ISODateWithMs), r.time);
        QCOMPARE(UnitRecord().values().first(), QString()); // no time: an empty cell, not garbage
    }

    void smallJedecIsPadded()
    {
        UnitRecord r;
        r.flashJedec = 0x1f;
        QCOMPARE(r.values().at(9), QStringLiteral("0x00001f"));
        r.flashJedec = 0;
        QCOMPARE(r.values().at(9), QString());
    }

    void csvQuotesAndDefusesFormulas()
    {
        UnitRecord r = UnitRecord::from(context(), failedResult(), fixedTime());
        r.operatorName = QStringLiteral("=HYPERLINK(\"http://x\",\"y\")");
        r.port = QStringLiteral("+1");
        r.chip = QStringLiteral("-x");
        r.flashName = QStringLiteral("@SUM(A1)");
        r.romId = QStringLiteral("\tTAB");
        r.message = QStringLiteral("line one\r\nline \"two\", end");
        r.offset = -1;
        const QByteArray line = r.csvLine();
        QVERIFY(line.endsWith("\r\n"));
        QVERIFY(line.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","));
        QVERIFY(line.contains(",'+1,"));
        QVERIFY(line.contains(",'-x,"));
        QVERIFY(line.contains(",'@SUM(A1),"));
        QVERIFY(line.contains(",'\tTAB,"));
        QVERIFY(line.endsWith(",-1,burner-idle,\"line one\r\nline \"\"two\"\", end\"\r\n"));
        // The plan name holds a comma: quoted.
        QVERIFY(line.contains(",\"T31 camera, line A\","));
    }

    void csvPlainLine()
    {
        JobResult ok = failedResult();
        ok.ok = true;
        const UnitRecord r = UnitRecord::from(context(), ok, fixedTime());
        const QByteArray line = r.csvLine();
        const QList<QByteArray> fields = splitCsv(line.left(line.indexOf("\"T31")) + "\r\n");
        QCOMPARE(fields.at(0), QByteArray("2026-11-21T14:03:07.250+01:00"));
        QCOMPARE(fields.at(1), QByteArray("7"));
        QCOMPARE(fields.at(3), QByteArray("Zoë"));
        QVERIFY(line.endsWith(
            QByteArray(",1.4.0," + QByteArray(64, 'a') + ",12.346,pass,,,-1,burner-idle,\r\n")));
    }

    void jsonNumbersAndRoundTrip()
    {
        UnitRecord r = UnitRecord::from(context(), failedResult(), fixedTime());
        r.message = QStringLiteral("two\nlines, \"quoted\" =1");
        const QByteArray line = r.jsonLine();
        QVERIFY(line.endsWith('\n'));
        QCOMPARE(line.count('\n'), 1);
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        QCOMPARE(object.keys().size(), UnitRecord::columns().size());
        for (const char *key : {"unit", "lane", "flash_size", "duration_s", "offset"})
            QVERIFY2(object.value(QLatin1String(key)).isDouble(), key);
        QCOMPARE(object.value(QLatin1String("flash_jedec")).toString(), QStringLiteral("0xc84018"));
        QCOMPARE(object.value(QLatin1String("duration_s")).toDouble(), 12.346);
        QCOMPARE(object.value(QLatin1String("message")).toString(), r.message); // JSON is never defused

        const Result<UnitRecord> back = UnitRecord::fromJson(object);
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message));
        QCOMPARE(back->values(), r.values());
        QCOMPARE(back->time, r.time);
        QCOMPARE(back->flashJedec, r.flashJedec);
        QCOMPARE(back->outcome, UnitOutcome::Fail);
    }

    void fromJsonIsStrict_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value"); // Undefined: remove the key
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing") << "port" << QJsonValue(QJsonValue::Undefined) << "\"port\": missing";
        QTest::newRow("string as number")
            << "unit" << QJsonValue(QStringLiteral("7")) << "\"unit\": expected a number";
        QTest::newRow("number as string") << "chip" << QJsonValue(31) << "\"chip\": expected a string";
        QTest::newRow("fraction") << "lane" << QJsonValue(1.5) << "\"lane\": 1.5 is not a whole number";
        QTest::newRow("offset below -1") << "offset" << QJsonValue(-2) << "\"offset\"";
        QTest::newRow("unknown result")
            << "result" << QJsonValue(QStringLiteral("ok")) << "\"result\": \"ok\"";
        QTest::newRow("bad time") << "time" << QJsonValue(QStringLiteral("yesterday")) << "\"time\"";
        QTest::newRow("bad jedec") << "flash_jedec" << QJsonValue(QStringLiteral("c84018"))
                                   << "\"flash_jedec\"";
        QTest::newRow("negative duration") << "duration_s" << QJsonValue(-1) << "\"duration_s\"";
        QTest::newRow("unknown key") << "colour" << QJsonValue(QStringLiteral("red"))
                                     << "\"colour\": unknown key";
    }

    void fromJsonIsStrict()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        QJsonObject object = UnitRecord::from(context(), failedResult(), fixedTime()).toJson();
        QVERIFY(UnitRecord::fromJson(object).ok());
        if (value.isUndefined())
            object.remove(key);
        else
            object.insert(key, value);
        const Result<UnitRecord> r = UnitRecord::fromJson(object);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::InputFile);
        QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().message));
    }
};

QTEST_GUILESS_MAIN(TestUnitRecord)
#include "tst_unitrecord.moc"
