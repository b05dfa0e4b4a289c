#pragma once

// Every text the window shows about the engine's values: stage names, operations, error classes with
// what to do next, board states. Core never translates (architecture rule 10): it hands over enums
// and technical English; these functions turn them into translated, actionable sentences.
// GUI thread only (they depend on the installed translators).

#include "core/flash/flashplan.h"
#include "core/flash/jobresult.h"
#include "core/util/observer.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace oc::ui {

class Texts
{
    Q_DECLARE_TR_FUNCTIONS(Texts)

public:
    // "Writing", "Loading SPL"... Init is "Erasing" for an erase job (that is what it does there).
    static QString stage(Stage stage, std::optional<Operation> op = std::nullopt);
    static QString operation(Operation op);      // "Flash", "Read", ...
    static QString errorTitle(ErrorCode code);   // one line: what happened
    static QString errorAdvice(ErrorCode code);  // one or two sentences: what to do now
    static QString boardState(BoardState state); // where the job left the board, and what that means
    // The board state sentence after a failure with `code`, or empty when it would only repeat the
    // error's title (a disconnect leaves the board "gone").
    static QString boardStateAfter(ErrorCode code, BoardState state);
    static QString flashState(const QString &engineText); // core's English flash state, translated
    static QString logLevel(LogLevel level);

    static QString size(qint64 bytes);          // "16.0 MiB" (localised)
    static QString rate(double bytesPerSecond); // "4.20 MiB/s"
    static QString duration(double seconds);    // "1:05", "12 s"
    static QString hex(quint64 value);          // "0x00120000"

    // The ROM / burner answer as printable text ("T 3 1 V ").
    static QString printable(const QByteArray &bytes);

    // Result summary for a row: "Flashed and verified in 12 s", "Stopped: the burner is still ...".
    // `verified`: a write that read the flash back.
    static QString resultSummary(const JobResult &result, Operation op, bool verified = false);
    // Everything a person needs after a failure: title, advice, board state, technical details.
    static QString resultDetails(const JobResult &result, Operation op, bool verified = false);
};

} // namespace oc::ui
