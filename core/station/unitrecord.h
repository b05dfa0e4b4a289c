#pragma once

// The record of one unit (one board flashed at a production station): what a line lead needs at the
// end of the day and an RMA engineer a year later. One record per board that reached a lane, pass or
// fail, written the moment the board finishes (recordlog.h).
//
// Columns, in this order (CSV header and JSON keys are the same names):
//   time            finish time, local, ISO 8601 with offset and milliseconds
//   unit            sequence number of the unit in this station run (1, 2, ...)
//   station         the station's name (the plan's, or --station)
//   operator        who ran the station (--operator, or the operator field of the window)
//   lane, port      the lane number (1-based, in order of first use) and the USB port path
//   chip            the plan's chip; rom_id / burner_id: what the board answered (printable)
//   flash_jedec     "0xc84018" (NOR; empty for eMMC), flash_name, flash_size (bytes)
//   plan            the station plan's name; package, package_version, package_sha256 (of the file)
//   duration_s      seconds from the first USB transfer to the end, 3 decimals
//   result          pass, fail or stopped
//   error_class     ErrorCode name (empty on pass), stage (the stage that failed), offset (-1: none)
//   board_state     where the board was left (BoardState name)
//   message         the technical message (English; empty on pass)

#include "core/flash/jobresult.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace oc::station {

enum class UnitOutcome : quint8 { Pass, Fail, Stopped };
const char *unitOutcomeName(UnitOutcome outcome);

// What the station knows about a unit besides the job's result.
struct UnitContext
{
    quint64 unit = 0;
    QString station;
    QString operatorName;
    int lane = 0;
    QString port;
    QString chip;
    QString plan;
    QString package;
    QString packageVersion;
    QString packageSha256; // 64 lower-case hex digits, or empty for a plain image
};

struct UnitRecord
{
    QDateTime time;
    quint64 unit = 0;
    QString station;
    QString operatorName;
    int lane = 0;
    QString port;
    QString chip;
    QString romId;
    QString burnerId;
    quint32 flashJedec = 0; // 0: none (eMMC, or the job failed before GET_FLASH_INFO)
    QString flashName;
    quint64 flashSize = 0;
    QString plan;
    QString package;
    QString packageVersion;
    QString packageSha256;
    double durationSeconds = 0;
    UnitOutcome outcome = UnitOutcome::Fail;
    QString errorClass; // errorCodeName(), empty on pass
    QString stage;      // stageName() of the failed stage, empty on pass
    qint64 offset = -1;
    QString boardState;
    QString message;

    static UnitRecord from(const UnitContext &context, const JobResult &result,
                           const QDateTime &time = QDateTime::currentDateTime());

    static QStringList columns();      // the CSV header / JSON keys, in order
    QStringList values() const;        // the fields as text, in columns() order
    QByteArray csvLine() const;        // RFC 4180, ends with "\r\n"; formulas defused (see .cpp)
    QByteArray jsonLine() const;       // one compact JSON object, ends with "\n"
    QJsonObject toJson() const;
    static Result<UnitRecord> fromJson(const QJsonObject &object); // strict: every key, right types
};

} // namespace oc::station
