#include "core/station/recordlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace oc;
using namespace oc::station;

namespace {

const QDate Day(2026, 11, 21);

UnitRecord record(quint64 unit, const QDateTime &time = QDateTime(Day, QTime(10, 0), Qt::LocalTime))
{
    UnitRecord r;
    r.time = time.addSecs(qint64(unit));
    r.unit = unit;
    r.station = QStringLiteral("bench 3/A");
    r.operatorName = QStringLiteral("=1+1");
    r.lane = int(unit % 8) + 1;
    r.port = QStringLiteral("1-%1").arg(unit);
    r.chip = QStringLiteral("t31");
    r.romId = QStringLiteral("T31");
    r.flashJedec = 0xc84018;
    r.flashSize = 16777216;
    r.plan = QStringLiteral("camera, line A");
    r.durationSeconds = 10.5 + double(unit);
    r.outcome = unit % 3 ? UnitOutcome::Pass : UnitOutcome::Fail;
    r.offset = unit % 3 ? -1 : 0x1000;
    r.boardState = QStringLiteral("rebooted");
    r.message = unit % 3 ? QString() : QStringLiteral("verify: \"mismatch\",\r\nat 0x1000");
    return r;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void appendRaw(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    QCOMPARE(file.write(bytes), bytes.size());
}

QList<quint64> units(const RecordFile &file)
{
    QList<quint64> list;
    for (const UnitRecord &r : file.records)
        list.append(r.unit);
    return list;
}

QStringList unitColumn(const CsvFile &file)
{
    QStringList list;
    for (const QStringList &row : file.rows)
        list.append(row.at(1));
    return list;
}

} // namespace

class TestRecordLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createsFolderAndNamesFiles()
    {
        QTemporaryDir tmp;
        const QString folder = tmp.filePath(QStringLiteral("records/day"));
        Result<RecordLog> log = RecordLog::open(folder, QStringLiteral("bench 3/A"));
        QVERIFY2(log.ok(), log.ok() ? "" : qPrintable(log.error().message));
        QVERIFY(QFileInfo(folder).isDir());
        QCOMPARE(log->csvPath(Day), folder + QStringLiteral("/opencloner-bench-3-A-2026-11-21.csv"));
        QCOMPARE(log->jsonPath(Day), folder + QStringLiteral("/opencloner-bench-3-A-2026-11-21.jsonl"));
        QVERIFY(
            QDir(folder).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)); // probe removed

        Result<RecordLog> unnamed = RecordLog::open(folder, QString());
        QVERIFY(unnamed.ok());
        QCOMPARE(QFileInfo(unnamed->csvPath(Day)).fileName(),
                 QStringLiteral("opencloner-station-2026-11-21.csv"));
    }

    void headerOnceAcrossReopen()
    {
        QTemporaryDir tmp;
        QString csvPath;
        QString jsonPath;
        for (quint64 first : {1, 4}) {
            Result<RecordLog> log = RecordLog::open(tmp.path(), QStringLiteral("bench"));
            QVERIFY(log.ok());
            for (quint64 unit = first; unit < first + 3; ++unit)
                QVERIFY(log->append(record(unit)).ok());
            csvPath = log->csvPath(Day);
            jsonPath = log->jsonPath(Day);
        }
        const QByteArray raw = readAll(csvPath);
        QVERIFY(raw.startsWith(QByteArray(UnitRecord::columns().join(QLatin1Char(',')).toUtf8() + "\r\n")));
        QCOMPARE(raw.count("time,unit,station"), 1);

        const Result<CsvFile> csv = readCsvRecords(csvPath);
        QVERIFY(csv.ok());
        QCOMPARE(csv->header, UnitRecord::columns());
        QCOMPARE(csv->damagedLines, 0);
        QCOMPARE(unitColumn(*csv), QStringList({"1", "2", "3", "4", "5", "6"}));

        const Result<RecordFile> json = readJsonRecords(jsonPath);
        QVERIFY(json.ok());
        QCOMPARE(json->damagedLines, 0);
        QCOMPARE(units(*json), QList<quint64>({1, 2, 3, 4, 5, 6}));
        QCOMPARE(json->records.at(2).values(), record(3).values());
    }

    void csvFieldsSurviveTheRoundTrip()
    {
        QTemporaryDir tmp;
        Result<RecordLog> log = RecordLog::open(tmp.path(), QStringLiteral("bench"));
        QVERIFY(log.ok());
        const UnitRecord r = record(3); // quoted message with CR LF, quotes and a comma; formula operator
        QVERIFY(log->append(r).ok());
        const Result<CsvFile> csv = readCsvRecords(log->csvPath(Day));
        QVERIFY(csv.ok());
        QCOMPARE(csv->rows.size(), 1);
        QStringList expected = r.values();
        expected[3] = QLatin1Char('\'') + expected[3]; // the operator "=1+1" was defused
        QCOMPARE(csv->rows.first(), expected);
        QCOMPARE(csv->rows.first().at(20), QStringLiteral("4096"));
    }

    void tornLineDamagesOnlyItself()
    {
        QTemporaryDir tmp;
        QString csvPath;
        QString jsonPath;
        {
            Result<RecordLog> log = RecordLog::open(tmp.path(), QStringLiteral("bench"));
            QVERIFY(log.ok());
            QVERIFY(log->append(record(1)).ok());
            csvPath = log->csvPath(Day);
            jsonPath = log->jsonPath(Day);
        }
        // The power failed in the middle of unit 3's record: inside its quoted message in the CSV.
        const QByteArray csvLine = record(3).csvLine();
        const QByteArray jsonLine = record(3).jsonLine();
        appendRaw(csvPath, csvLine.left(csvLine.indexOf("verify") + 3));
        appendRaw(jsonPath, jsonLine.left(jsonLine.size() / 2));
        QCOMPARE(readJsonRecords(jsonPath)->damagedLines, 1);

        Result<RecordLog> log = RecordLog::open(tmp.path(), QStringLiteral("bench"));
        QVERIFY(log.ok());
        for (quint64 unit : {4, 5, 6})
            QVERIFY(log->append(record(unit)).ok());
        QVERIFY(readAll(jsonPath).contains(QByteArray(jsonLine.left(jsonLine.size() / 2) + "\n{")));
        QVERIFY(
            readAll(csvPath).contains(QByteArray(csvLine.left(csvLine.indexOf("verify") + 3) + "\r\n2026")));

        const Result<RecordFile> json = readJsonRecords(jsonPath);
        QVERIFY(json.ok());
        QCOMPARE(json->damagedLines, 1);
        QCOMPARE(units(*json), QList<quint64>({1, 4, 5, 6}));
        QCOMPARE(json->records.at(1).values(), record(4).values());

        const Result<CsvFile> csv = readCsvRecords(csvPath);
        QVERIFY(csv.ok());
        QCOMPARE(csv->damagedLines, 1);
        QCOMPARE(unitColumn(*csv), QStringList({"1", "4", "5", "6"}));
        QCOMPARE(csv->rows.at(3).at(22), record(6).message); // unit 6 has the multi-line message
    }

    void dateRollsOverAtLocalMidnight()
    {
        QTemporaryDir tmp;
        Result<RecordLog> log = RecordLog::open(tmp.path(), QStringLiteral("bench"));
        QVERIFY(log.ok());
        const QDateTime lateEvening(Day, QTime(23, 59, 58, 500), Qt::LocalTime);
        QVERIFY(log->append(record(1, lateEvening)).ok());
        QVERIFY(log->append(record(2, lateEvening)).ok()); // 00:00:00.500 the next day
        const QDate nextDay = Day.addDays(1);
        QCOMPARE(unitColumn(*readCsvRecords(log->csvPath(Day))), QStringList({"1"}));
        QCOMPARE(unitColumn(*readCsvRecords(log->csvPath(nextDay))), QStringList({"2"}));
        QCOMPARE(units(*readJsonRecords(log->jsonPath(Day))), QList<quint64>({1}));
        QCOMPARE(units(*readJsonRecords(log->jsonPath(nextDay))), QList<quint64>({2}));
        QVERIFY(readAll(log->csvPath(nextDay)).startsWith("time,unit,"));
    }

    void unwritableFolderIsRefused()
    {
        if (::geteuid() == 0)
            QSKIP("root ignores folder permissions");
        QTemporaryDir tmp;
        const QString folder = tmp.filePath(QStringLiteral("locked"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0500) == 0);
        const Result<RecordLog> log = RecordLog::open(folder, QStringLiteral("bench"));
        ::chmod(QFile::encodeName(folder).constData(), 0700);
        QVERIFY(!log.ok());
        QCOMPARE(log.error().code, ErrorCode::InputFile);
        QVERIFY2(log.error().message.contains(folder), qPrintable(log.error().message));
        QVERIFY2(log.error().message.contains(QLatin1String("Permission denied")),
                 qPrintable(log.error().message));
    }

    void folderThatCannotBeCreated()
    {
        QTemporaryDir tmp;
        appendRaw(tmp.filePath(QStringLiteral("file")), "not a folder");
        const QString folder = tmp.filePath(QStringLiteral("file/records"));
        const Result<RecordLog> log = RecordLog::open(folder, QStringLiteral("bench"));
        QVERIFY(!log.ok());
        QVERIFY2(log.error().message.contains(folder), qPrintable(log.error().message));
        QVERIFY2(log.error().message.contains(QLatin1String("Not a directory")),
                 qPrintable(log.error().message));
        QCOMPARE(RecordLog::open(QString(), QStringLiteral("bench")).error().code,
                 ErrorCode::InvalidArgument);
    }

    void fullDiskLosesOnlyThatFile()
    {
        if (!QFileInfo::exists(QStringLiteral("/dev/full")))
            QSKIP("no /dev/full");
        QTemporaryDir tmp;
        Result<RecordLog> log = RecordLog::open(tmp.path(), QStringLiteral("bench"));
        QVERIFY(log.ok());
        const QString csvPath = log->csvPath(Day);
        QVERIFY(QFile::link(QStringLiteral("/dev/full"), csvPath));
        const Status full = log->append(record(1));
        QVERIFY(!full.ok());
        QVERIFY2(full.error().message.contains(csvPath), qPrintable(full.error().message));
        QVERIFY2(full.error().message.contains(QLatin1String("No space left on device")),
                 qPrintable(full.error().message));
        QCOMPARE(units(*readJsonRecords(log->jsonPath(Day))), QList<quint64>({1}));

        // The disk has room again: the next record reopens the CSV file and both files get it.
        QVERIFY(QFile::remove(csvPath));
        QVERIFY(log->append(record(2)).ok());
        QCOMPARE(unitColumn(*readCsvRecords(csvPath)), QStringList({"2"}));
        QCOMPARE(units(*readJsonRecords(log->jsonPath(Day))), QList<quint64>({1, 2}));
    }

    void moveKeepsTheFiles()
    {
        QTemporaryDir tmp;
        Result<RecordLog> opened = RecordLog::open(tmp.path(), QStringLiteral("bench"));
        QVERIFY(opened.ok());
        RecordLog log = std::move(opened).value();
        QVERIFY(log.append(record(1)).ok());
        RecordLog moved(std::move(log));
        QVERIFY(moved.append(record(2)).ok());
        Result<RecordLog> other = RecordLog::open(tmp.filePath(QStringLiteral("other")), QStringLiteral("x"));
        QVERIFY(other.ok());
        *other = std::move(moved);
        QVERIFY(other->append(record(3)).ok());
        QCOMPARE(other->folder(), tmp.path());
        QCOMPARE(units(*readJsonRecords(other->jsonPath(Day))), QList<quint64>({1, 2, 3}));
    }

    void readersOnOddFiles()
    {
        QTemporaryDir tmp;
        const Result<RecordFile> missing = readJsonRecords(tmp.filePath(QStringLiteral("none.jsonl")));
        QVERIFY(missing.ok());
        QVERIFY(missing->records.isEmpty());
        const Result<CsvFile> missingCsv = readCsvRecords(tmp.filePath(QStringLiteral("none.csv")));
        QVERIFY(missingCsv.ok());
        QVERIFY(missingCsv->rows.isEmpty());

        const QString foreign = tmp.filePath(QStringLiteral("foreign.csv"));
        appendRaw(foreign, "a,b,c\r\n1,2,3\r\n");
        const Result<CsvFile> csv = readCsvRecords(foreign);
        QVERIFY(!csv.ok());
        QVERIFY(csv.error().message.contains(foreign));

        const QString json = tmp.filePath(QStringLiteral("mixed.jsonl"));
        appendRaw(json, record(1).jsonLine() + "[1,2]\n{\"unit\":1}\nnot json\n\n" + record(2).jsonLine());
        const Result<RecordFile> mixed = readJsonRecords(json);
        QVERIFY(mixed.ok());
        QCOMPARE(mixed->damagedLines, 3);
        QCOMPARE(units(*mixed), QList<quint64>({1, 2}));
    }
};

QTEST_GUILESS_MAIN(TestRecordLog)
#include "tst_recordlog.moc"
