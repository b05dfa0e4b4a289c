#pragma once

// The station's per-unit record files: one CSV and one JSON-lines file per station and day in a
// folder the engineer chose, e.g. records/opencloner-bench-3-2026-11-21.csv and .jsonl.
//
// Durable by construction: files are only ever appended to (O_APPEND), each record is one write()
// per file followed by fsync(), so a unit reported as recorded survives the app being killed or the
// machine losing power. A file whose last line was cut short (power lost mid-write) gets a line break
// before the next record, so only that one line is damaged and every other line stays readable. The
// CSV header is written when a file is created, never twice. Nothing is ever truncated or rewritten.
//
// Not thread-safe: the station appends from its own thread.

#include "unitrecord.h"

#include "core/util/result.h"

#include <QDate>
#include <QString>

namespace oc::station {

class RecordLog
{
public:
    // Creates `folder` if needed and checks that it is writable (a test file is created and
    // removed). `station` names the files; characters unsafe in a file name become '-'.
    static Result<RecordLog> open(const QString &folder, const QString &station);

    RecordLog(RecordLog &&other) noexcept;
    RecordLog &operator=(RecordLog &&other) noexcept;
    ~RecordLog();

    // Appends the record to the CSV and the JSON-lines file of the record's date (files roll over at
    // local midnight), then syncs both. An error names the file and the system's reason; the record
    // may then be missing from that file only.
    Status append(const UnitRecord &record);

    QString folder() const { return m_folder; }
    QString csvPath(const QDate &date) const;
    QString jsonPath(const QDate &date) const;

private:
    RecordLog(QString folder, QString baseName);
    Status openFor(const QDate &date);
    void closeFiles();

    QString m_folder;
    QString m_baseName;
    QDate m_date;
    int m_csv = -1;
    int m_json = -1;
};

// Reads a JSON-lines record file back (tests, the window's counters after a restart). Lines that are
// not a complete record (a line cut short by a power loss) are counted in `damagedLines`, not
// returned; a missing file is an empty list.
struct RecordFile
{
    QList<UnitRecord> records;
    int damagedLines = 0;
};
Result<RecordFile> readJsonRecords(const QString &path);

// Reads a CSV record file back: the header must be UnitRecord::columns(); rows are split with full
// RFC 4180 quoting. For tests and tools; a damaged row counts in damagedLines.
struct CsvFile
{
    QStringList header;
    QList<QStringList> rows;
    int damagedLines = 0;
};
Result<CsvFile> readCsvRecords(const QString &path);

} // namespace oc::station
