#include "reporter.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <unistd.h>

namespace oc::cli {

namespace {

void printErr(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);
}

QString formatRate(double bytesPerSecond)
{
    if (bytesPerSecond >= 1 << 20)
        return QStringLiteral("%1 MiB/s").arg(bytesPerSecond / double(1 << 20), 0, 'f', 2);
    return QStringLiteral("%1 KiB/s").arg(bytesPerSecond / 1024.0, 0, 'f', 0);
}

QString formatEta(double seconds)
{
    const int s = int(seconds + 0.5);
    return s >= 60 ? QStringLiteral("%1m%2s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'))
                   : QStringLiteral("%1s").arg(s);
}

QJsonObject errorJson(const Error &error)
{
    QJsonObject e{{QStringLiteral("code"), QLatin1String(errorCodeName(error.code))},
                  {QStringLiteral("message"), error.message},
                  {QStringLiteral("advice"), adviceFor(error)}};
    if (error.offset >= 0)
        e.insert(QStringLiteral("offset"), double(error.offset));
    if (error.ack)
        e.insert(QStringLiteral("ack"), *error.ack);
    return e;
}

} // namespace

int reportFailure(OutputMode mode, const Error &error)
{
    if (mode == OutputMode::Json) {
        const QJsonObject o{{QStringLiteral("event"), QStringLiteral("result")},
                            {QStringLiteral("ok"), false},
                            {QStringLiteral("exitCode"), exitCodeFor(error.code)},
                            {QStringLiteral("error"), errorJson(error)}};
        std::fputs(QJsonDocument(o).toJson(QJsonDocument::Compact).append('\n').constData(), stdout);
        std::fflush(stdout);
    } else {
        std::fprintf(stderr, "error: %s\nwhat to do: %s\n", qPrintable(error.message),
                     qPrintable(adviceFor(error)));
    }
    return exitCodeFor(error.code);
}

QString adviceFor(const Error &error)
{
    switch (error.code) {
    case ErrorCode::Ok:
        return {};
    case ErrorCode::InvalidArgument:
        return QStringLiteral("check the command line; opencloner-cli --help lists every option");
    case ErrorCode::InputFile:
    case ErrorCode::Profile:
        return QStringLiteral(
            "fix the file or profile named above and run the command again; the board was not "
            "written");
    case ErrorCode::NoDevice:
        return QStringLiteral(
            "put the board in USB boot mode (hold the boot button while powering it), use a cable "
            "that carries data, and check that `opencloner-cli list` shows it");
    case ErrorCode::AccessDenied:
        return QStringLiteral(
            "install the udev rule (packaging/udev/70-opencloner.rules into /etc/udev/rules.d, "
            "then `sudo udevadm control --reload` and re-plug the board)");
    case ErrorCode::Disconnected:
        return QStringLiteral(
            "the board left the USB bus: check the cable and power, put it back in USB boot mode "
            "and run the command again");
    case ErrorCode::Timeout:
    case ErrorCode::Stall:
    case ErrorCode::Transfer:
        return QStringLiteral(
            "power-cycle the board in USB boot mode and run the command again; if it repeats, "
            "try another cable or USB port");
    case ErrorCode::ChipMismatch:
        return QStringLiteral(
            "pick the board profile that matches this board (opencloner-cli info lists them)");
    case ErrorCode::UnknownFlash:
        return QStringLiteral(
            "add the flash chip to the database (boards/README.md), or check the flash chip");
    case ErrorCode::DeviceError:
        return QStringLiteral(
            "power-cycle the board and run the command again; if it repeats, erase the range "
            "first (--erase init)");
    case ErrorCode::VerifyMismatch:
        return QStringLiteral(
            "the flash does not hold the image: erase and write again; if it repeats the flash "
            "chip may be worn out or write-protected");
    case ErrorCode::Cancelled:
        return QStringLiteral("run the command again to finish the job");
    case ErrorCode::Internal:
        return QStringLiteral("this is a bug in OpenCloner: please report it with the log (-vv)");
    }
    return {};
}

Reporter::Reporter(const FlashJob &job, OutputMode mode, int verbosity, QObject *parent)
    : QObject(parent)
    , m_mode(mode)
    , m_verbosity(verbosity)
    , m_tty(isatty(STDERR_FILENO))
    , m_tracker(job.plan().stages)
    , m_device(job.device().portPath)
{
    connect(&job, &FlashJob::stageStarted, this, &Reporter::onStageStarted);
    connect(&job, &FlashJob::stageProgress, this, &Reporter::onProgress);
    connect(&job, &FlashJob::stageFinished, this, &Reporter::onStageFinished);
    connect(&job, &FlashJob::logLine, this, &Reporter::onLog);
}

void Reporter::json(const QJsonObject &object)
{
    QJsonObject o = object;
    o.insert(QStringLiteral("device"), m_device);
    std::fputs(QJsonDocument(o).toJson(QJsonDocument::Compact).append('\n').constData(), stdout);
    std::fflush(stdout);
}

void Reporter::onStageStarted(Stage stage)
{
    m_tracker.stageStarted(stage);
    if (m_mode == OutputMode::Json) {
        json({{QStringLiteral("event"), QStringLiteral("stage")},
              {QStringLiteral("stage"), QLatin1String(stageName(stage))},
              {QStringLiteral("state"), QStringLiteral("started")}});
        return;
    }
    if (!m_tty || m_verbosity > 0) {
        clearBar();
        printErr(QStringLiteral("%1...\n").arg(QLatin1String(stageLabel(stage))));
    }
    drawBar(true);
}

void Reporter::onProgress(Stage stage, qint64 done, qint64 total)
{
    m_tracker.stageProgress(stage, done, total);
    if (m_mode == OutputMode::Json) {
        json({{QStringLiteral("event"), QStringLiteral("progress")},
              {QStringLiteral("stage"), QLatin1String(stageName(stage))},
              {QStringLiteral("done"), double(done)},
              {QStringLiteral("total"), double(total)},
              {QStringLiteral("overall"), m_tracker.overall()},
              {QStringLiteral("bytesPerSecond"), m_tracker.bytesPerSecond()}});
        return;
    }
    drawBar(false);
}

void Reporter::onStageFinished(Stage stage)
{
    m_tracker.stageFinished(stage);
    if (m_mode == OutputMode::Json)
        json({{QStringLiteral("event"), QStringLiteral("stage")},
              {QStringLiteral("stage"), QLatin1String(stageName(stage))},
              {QStringLiteral("state"), QStringLiteral("finished")}});
    else
        drawBar(true);
}

void Reporter::onLog(LogLevel level, const QString &text)
{
    if (m_mode == OutputMode::Json) {
        json({{QStringLiteral("event"), QStringLiteral("log")},
              {QStringLiteral("level"), QLatin1String(logLevelName(level))},
              {QStringLiteral("text"), text}});
        return;
    }
    const bool show =
        level >= LogLevel::Warning || (level == LogLevel::Info && m_verbosity >= 1) || m_verbosity >= 2;
    if (!show || level == LogLevel::Error) // errors are printed once, with advice, by printResult()
        return;
    clearBar();
    printErr(QStringLiteral("%1: %2\n").arg(QLatin1String(logLevelName(level)), text));
    drawBar(true);
}

void Reporter::drawBar(bool force)
{
    if (!m_tty || m_mode == OutputMode::Json)
        return;
    if (!force && m_lastDraw.isValid() && m_lastDraw.elapsed() < 100)
        return;
    m_lastDraw.start();
    constexpr int Width = 30;
    const double overall = m_tracker.overall();
    const int filled = int(overall * Width);
    QString line = QStringLiteral("\r[%1%2] %3% %4")
                       .arg(QString(filled, QLatin1Char('#')), QString(Width - filled, QLatin1Char('.')))
                       .arg(int(overall * 100), 3)
                       .arg(QLatin1String(stageLabel(m_tracker.currentStage())));
    if (const double rate = m_tracker.bytesPerSecond(); rate > 0)
        line += QStringLiteral("  %1").arg(formatRate(rate));
    if (const auto eta = m_tracker.etaSeconds())
        line += QStringLiteral("  ETA %1").arg(formatEta(*eta));
    printErr(line.leftJustified(100));
    m_barShown = true;
}

void Reporter::clearBar()
{
    if (m_barShown)
        printErr(QStringLiteral("\r%1\r").arg(QString(100, QLatin1Char(' '))));
    m_barShown = false;
}

void Reporter::printResult(const JobResult &r)
{
    if (m_mode == OutputMode::Json) {
        QJsonObject o{{QStringLiteral("event"), QStringLiteral("result")},
                      {QStringLiteral("ok"), r.ok},
                      {QStringLiteral("exitCode"), r.ok ? 0 : exitCodeFor(r.error.code)},
                      {QStringLiteral("boardState"), QLatin1String(boardStateName(r.boardState))},
                      {QStringLiteral("flashState"), r.flashState},
                      {QStringLiteral("bytes"), double(r.bytes)},
                      {QStringLiteral("seconds"), r.seconds},
                      {QStringLiteral("retries"), r.retries}};
        if (r.jedecId)
            o.insert(QStringLiteral("jedec"), QStringLiteral("0x%1").arg(r.jedecId, 6, 16, QLatin1Char('0')));
        if (!r.flashName.isEmpty())
            o.insert(QStringLiteral("flash"), r.flashName);
        if (!r.ok) {
            o.insert(QStringLiteral("error"), errorJson(r.error));
            if (r.failedStage)
                o.insert(QStringLiteral("stage"), QLatin1String(stageName(*r.failedStage)));
        }
        json(o);
        return;
    }
    clearBar();
    if (r.ok) {
        printErr(QStringLiteral("done in %1 s (%2 bytes). Board: %3. Flash: %4.\n")
                     .arg(r.seconds, 0, 'f', 2)
                     .arg(r.bytes)
                     .arg(QLatin1String(boardStateName(r.boardState)), r.flashState));
        return;
    }
    printErr(QStringLiteral("error: %1\n").arg(r.error.message));
    printErr(QStringLiteral("board: %1; flash: %2\n")
                 .arg(QLatin1String(boardStateName(r.boardState)), r.flashState));
    printErr(QStringLiteral("what to do: %1\n").arg(adviceFor(r.error)));
}

} // namespace oc::cli
