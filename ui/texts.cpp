#include "texts.h"

#include <QLocale>
#include <QRegularExpression>

namespace oc::ui {

QString Texts::stage(Stage stage, std::optional<Operation> op)
{
    switch (stage) {
    case Stage::Connect:
        return tr("Connecting");
    case Stage::Identify:
        return tr("Identifying the chip");
    case Stage::LoadSpl:
        return tr("Loading SPL");
    case Stage::RunSpl:
        return tr("Starting the memory");
    case Stage::LoadBurner:
        return tr("Loading the burner");
    case Stage::StartBurner:
        return tr("Starting the burner");
    case Stage::Configure:
        return tr("Detecting the flash");
    case Stage::Init:
        return op == Operation::Erase ? tr("Erasing") : tr("Preparing the flash");
    case Stage::Write:
        return tr("Writing");
    case Stage::Read:
        return tr("Reading");
    case Stage::Verify:
        return tr("Verifying");
    case Stage::Reboot:
        return tr("Restarting the board");
    }
    return QString();
}

QString Texts::operation(Operation op)
{
    switch (op) {
    case Operation::Boot:
        return tr("Boot only");
    case Operation::Write:
        return tr("Flash");
    case Operation::Read:
        return tr("Read");
    case Operation::Erase:
        return tr("Erase");
    case Operation::Verify:
        return tr("Verify");
    }
    return QString();
}

QString Texts::errorTitle(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Ok:
        return tr("No error");
    case ErrorCode::InvalidArgument:
        return tr("The job settings are not valid");
    case ErrorCode::InputFile:
        return tr("A file could not be used");
    case ErrorCode::Profile:
        return tr("The board profile is not valid");
    case ErrorCode::NoDevice:
        return tr("The board is not on the USB bus");
    case ErrorCode::AccessDenied:
        return tr("OpenCloner is not allowed to use the board");
    case ErrorCode::Disconnected:
        return tr("The board left the USB bus");
    case ErrorCode::Timeout:
        return tr("The board stopped answering");
    case ErrorCode::Stall:
        return tr("The board refused a request");
    case ErrorCode::Transfer:
        return tr("A USB transfer failed");
    case ErrorCode::ChipMismatch:
        return tr("The board does not match the chosen profile");
    case ErrorCode::UnknownFlash:
        return tr("The flash chip is not known");
    case ErrorCode::DeviceError:
        return tr("The board reported an error");
    case ErrorCode::VerifyMismatch:
        return tr("The flash does not hold the image");
    case ErrorCode::Cancelled:
        return tr("Stopped");
    case ErrorCode::Internal:
        return tr("OpenCloner hit a bug");
    }
    return QString();
}

QString Texts::errorAdvice(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Ok:
        return QString();
    case ErrorCode::InvalidArgument:
        return tr("Check the offset, the length and the files of the operation.");
    case ErrorCode::InputFile:
        return tr("Choose another file, or check the vendor files folder in Settings. "
                  "The board was not written.");
    case ErrorCode::Profile:
        return tr("Pick another board profile, or fix the profile file named in the details.");
    case ErrorCode::NoDevice:
        return tr("Put the board in USB boot mode (hold the boot button while powering it) and use a "
                  "cable that carries data. Help > No board detected walks you through it.");
    case ErrorCode::AccessDenied:
#if defined(Q_OS_WIN)
        return tr("Install the WinUSB driver for the board (see the user guide), then plug the board in "
                  "again. Close the Ingenic USB Cloner if it is running.");
#elif defined(Q_OS_MACOS)
        return tr("Close every other program that uses the board (such as the Ingenic USB Cloner), then "
                  "plug the board in again.");
#else
        return tr("Install the OpenCloner udev rule (Help > USB permissions shows how), then unplug and "
                  "plug the board in again. Close the Ingenic USB Cloner if it is running.");
#endif
    case ErrorCode::Disconnected:
        return tr("Check the cable and the power supply, put the board back in USB boot mode and start "
                  "again.");
    case ErrorCode::Timeout:
    case ErrorCode::Transfer:
        return tr("Power the board off and on in USB boot mode and start again. If it happens again, try "
                  "another cable or a USB port on the computer itself (not a hub).");
    case ErrorCode::Stall:
        return tr("Power the board off and on in USB boot mode and start again, and check that the chosen "
                  "board profile matches the board.");
    case ErrorCode::ChipMismatch:
        return tr("Choose the board profile that matches the chip on this board, or power the board off "
                  "and on in USB boot mode.");
    case ErrorCode::UnknownFlash:
        return tr("Check that the flash chip is fitted. If it is a part OpenCloner does not know yet, "
                  "add it to the flash database (see the user guide).");
    case ErrorCode::DeviceError:
        return tr("Power the board off and on and start again. If it happens again, choose "
                  "\"Erase the range before writing\".");
    case ErrorCode::VerifyMismatch:
        return tr("Flash the image again. If it happens again, the flash may be write-protected or worn "
                  "out.");
    case ErrorCode::Cancelled:
        return tr("Start again to finish the job.");
    case ErrorCode::Internal:
        return tr("Save the log (File > Save log) and report the problem to the OpenCloner project.");
    }
    return QString();
}

QString Texts::boardState(BoardState state)
{
    switch (state) {
    case BoardState::Untouched:
        return tr("The board was not changed.");
    case BoardState::InRom:
        return tr("The board is still in its boot ROM and its flash was not touched. Power it off and on "
                  "in USB boot mode before the next start.");
    case BoardState::BurnerIdle:
        return tr("The burner is still running on the board. Power the board off and on in USB boot mode "
                  "before the next job.");
    case BoardState::Rebooted:
        return tr("The board restarted and left the USB bus.");
    case BoardState::Gone:
        return tr("The board left the USB bus.");
    case BoardState::Unresponsive:
        return tr("The board no longer answers: power it off and on.");
    }
    return QString();
}

QString Texts::boardStateAfter(ErrorCode code, BoardState state)
{
    if (code == ErrorCode::Disconnected && state == BoardState::Gone)
        return QString();
    return boardState(state);
}

QString Texts::flashState(const QString &engineText)
{
    if (engineText.isEmpty() || engineText == QLatin1String("unchanged"))
        return tr("Flash: unchanged.");
    static const QRegularExpression partly(
        QStringLiteral("^partly written: (\\d+) of (\\d+) bytes from (\\S+)$"));
    static const QRegularExpression written(QStringLiteral("^image written at (\\S+) \\((\\d+) bytes\\)$"));
    static const QRegularExpression erased(QStringLiteral("^erased (\\d+) bytes at (\\S+)$"));
    if (const auto m = partly.match(engineText); m.hasMatch())
        return tr("Flash: partly written (%1 of %2 from %3); the rest of the range may be erased.")
            .arg(size(m.captured(1).toLongLong()), size(m.captured(2).toLongLong()), m.captured(3));
    if (const auto m = written.match(engineText); m.hasMatch())
        return tr("Flash: image written at %1 (%2).").arg(m.captured(1), size(m.captured(2).toLongLong()));
    if (const auto m = erased.match(engineText); m.hasMatch())
        return tr("Flash: %1 erased at %2.").arg(size(m.captured(1).toLongLong()), m.captured(2));
    return tr("Flash: %1.").arg(engineText);
}

QString Texts::logLevel(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return tr("Debug");
    case LogLevel::Info:
        return tr("Info");
    case LogLevel::Warning:
        return tr("Warning");
    case LogLevel::Error:
        return tr("Error");
    }
    return QString();
}

QString Texts::size(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, bytes < 1024 ? 0 : 1, QLocale::DataSizeIecFormat);
}

QString Texts::rate(double bytesPerSecond)
{
    return tr("%1/s").arg(QLocale().formattedDataSize(qint64(bytesPerSecond), 1, QLocale::DataSizeIecFormat));
}

QString Texts::duration(double seconds)
{
    const qint64 s = qint64(seconds + 0.5);
    if (s < 60)
        return tr("%n s", "seconds", int(s));
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString Texts::hex(quint64 value)
{
    return QStringLiteral("0x%1").arg(value, 8, 16, QLatin1Char('0'));
}

QString Texts::printable(const QByteArray &bytes)
{
    QString s;
    for (char c : bytes) {
        if (c == 0)
            break;
        s += (c >= 0x20 && c < 0x7F) ? QChar::fromLatin1(c) : QLatin1Char('.');
    }
    return s;
}

QString Texts::resultSummary(const JobResult &result, Operation op, bool verified)
{
    if (result.ok) {
        const QString time = duration(result.seconds);
        switch (op) {
        case Operation::Boot:
            return tr("Burner running (%1)").arg(time);
        case Operation::Write:
            return verified ? tr("Flashed and verified in %1").arg(time) : tr("Flashed in %1").arg(time);
        case Operation::Read:
            return tr("Read %1 in %2").arg(size(qint64(result.bytes)), time);
        case Operation::Erase:
            return tr("Erased in %1").arg(time);
        case Operation::Verify:
            return tr("Verified: identical (%1)").arg(time);
        }
    }
    if (result.error.code == ErrorCode::Cancelled)
        return tr("Stopped. %1").arg(boardState(result.boardState));
    return errorTitle(result.error.code);
}

QString Texts::resultDetails(const JobResult &result, Operation op, bool verified)
{
    QStringList lines;
    lines << resultSummary(result, op, verified);
    if (!result.ok) {
        if (result.failedStage)
            lines << tr("It happened while: %1.").arg(stage(*result.failedStage, op));
        if (result.error.code != ErrorCode::Cancelled) {
            lines << tr("What to do: %1").arg(errorAdvice(result.error.code));
            if (const QString state = boardStateAfter(result.error.code, result.boardState); !state.isEmpty())
                lines << state;
        }
    }
    lines << flashState(result.flashState);
    if (!result.flashName.isEmpty())
        lines << tr("Flash chip: %1 (JEDEC %2)").arg(result.flashName, hex(result.jedecId));
    if (!result.ok)
        lines << tr("Details: %1").arg(result.error.message);
    return lines.join(QLatin1Char('\n'));
}

} // namespace oc::ui
