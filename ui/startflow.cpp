#include "startflow.h"

#include "boardlistmodel.h"
#include "boardpicker.h"
#include "devicelistmodel.h"
#include "firmwarepanel.h"
#include "operationpanel.h"
#include "station.h"
#include "texts.h"

#include "core/catalog/catalog.h"

#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

namespace oc::ui {

namespace {

QString boardLabel(const DeviceRow &row)
{
    const bool oneChip = row.probe && row.probe->identifiesOneChip();
    const QString chip = oneChip ? row.probe->chips.first().toUpper() : QString();
    if (row.isVirtual)
        return oneChip ? StartFlow::tr("the virtual %1 board on port %2").arg(chip, row.device.portPath)
                       : StartFlow::tr("the virtual board on port %1").arg(row.device.portPath);
    return oneChip ? StartFlow::tr("the %1 board on port %2").arg(chip, row.device.portPath)
                   : StartFlow::tr("the board on port %1").arg(row.device.portPath);
}

QString joinBoards(const QStringList &boards)
{
    if (boards.size() <= 3)
        return boards.join(StartFlow::tr(", ", "list separator"));
    return StartFlow::tr("%1 and %n more", nullptr, int(boards.size() - 2))
        .arg(boards.mid(0, 2).join(StartFlow::tr(", ", "list separator")));
}

} // namespace

StartFlow::StartFlow(Station *station, DeviceListModel *devices, BoardPicker *picker, FirmwarePanel *firmware,
                     OperationPanel *operation, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_station(station)
    , m_devices(devices)
    , m_picker(picker)
    , m_firmware(firmware)
    , m_operation(operation)
    , m_parent(dialogParent)
{}

QStringList StartFlow::startableKeys() const
{
    QStringList keys;
    for (const QString &key : m_devices->keys()) {
        if (m_station->canStart(key))
            keys << key;
    }
    return keys;
}

void StartFlow::refuse(const QString &text)
{
    m_problem = text;
    Q_EMIT problemShown(text);
    QMessageBox box(QMessageBox::Warning, tr("Cannot start"), text, QMessageBox::Ok, m_parent);
    box.setObjectName(QStringLiteral("cannotStart"));
    box.exec();
}

std::optional<JobRequest> StartFlow::buildRequest()
{
    const QString board = m_picker->boardName();
    if (board.isEmpty()) {
        refuse(tr("Choose a board profile first."));
        return std::nullopt;
    }
    const Operation op = m_operation->operation();
    const bool needsImage = op == Operation::Write || op == Operation::Verify;
    if (needsImage && m_firmware->isInspecting()) {
        refuse(tr("The firmware file is still being checked. Start again in a moment."));
        return std::nullopt;
    }
    // No firmware file: an imported profile may bring its own files (the Cloner's way of working).
    const ProfileSteps own =
        op == Operation::Write && !m_firmware->firmware() ? stepsOfProfile() : ProfileSteps();
    if (!own.missing.isEmpty()) {
        refuse(tr("Profile %1 names no file for %2. Drop a firmware file, or choose the files in the Ingenic "
                  "USB Cloner and import it again.")
                   .arg(board, own.missing.join(QStringLiteral(", "))));
        return std::nullopt;
    }
    QString problem;
    auto request = m_operation->request(board, needsImage ? m_firmware->imagePath() : QString(), &problem,
                                        own.isUsable());
    if (!request) {
        refuse(problem);
        return std::nullopt;
    }
    request->steps = own.steps;
    if (needsImage && (m_firmware->fit() == FirmwarePanel::Fit::TooBig ||
                       m_firmware->fit() == FirmwarePanel::Fit::WrongTarget)) {
        refuse(m_firmware->verdict());
        return std::nullopt;
    }
    return request;
}

std::optional<StartFlow::Question> StartFlow::question(const JobRequest &request, const QStringList &boards,
                                                       const QString &firmwareName, qint64 imageSize,
                                                       int packageSteps)
{
    const QString who = joinBoards(boards);
    const int n = int(boards.size());
    Question q;
    if (request.op == Operation::Write && !request.steps.isEmpty()) {
        QStringList files;
        for (const StepRequest &step : request.steps)
            files << QFileInfo(step.path).fileName();
        q.title = tr("Flash %n board(s)?", nullptr, n);
        q.text =
            tr("Write the files of profile %1 (%2) to the flash of %3? What is on the flash where they go is "
               "replaced.")
                .arg(request.boardName, files.join(QStringLiteral(", ")), who);
        q.accept = tr("&Write");
        q.canSkipLater = true;
        return q;
    }
    if (request.op == Operation::Write && packageSteps > 0) {
        q.title = tr("Flash %n board(s)?", nullptr, n);
        q.text = tr("Run the package %1 on %2, with profile %3? Its %n step(s) write %4 to the flash, at the "
                    "offsets the package gives; what is there is replaced.",
                    nullptr, packageSteps)
                     .arg(firmwareName, who, request.boardName, Texts::size(imageSize));
        q.accept = tr("&Write");
        q.canSkipLater = true;
        return q;
    }
    if (request.op == Operation::Write) {
        q.title = tr("Flash %n board(s)?", nullptr, n);
        q.text = tr("Write %1 (%2) to the flash of %3, with profile %4?")
                     .arg(firmwareName, Texts::size(imageSize), who, request.boardName);
        q.text += QLatin1Char('\n') + QLatin1Char('\n');
        q.text += request.erase == EraseMode::Chip
                      ? tr("The whole flash is erased first: everything on it is lost.")
                      : tr("What is on the flash from %1 to %2 is replaced.")
                            .arg(Texts::hex(request.offset), Texts::hex(request.offset + quint64(imageSize)));
        q.accept = tr("&Write");
        q.canSkipLater = request.erase != EraseMode::Chip;
        return q;
    }
    if (request.op == Operation::Erase) {
        q.title = tr("Erase %n board(s)?", nullptr, n);
        q.text = request.length == 0 && request.offset == 0
                     ? tr("Erase the whole flash of %1? Everything on it is lost, including the boot loader: "
                          "the board will not start until it is flashed again.")
                           .arg(who)
                     : tr("Erase %1 of the flash of %2, from %3? What is there is lost.")
                           .arg(request.length ? Texts::size(qint64(request.length)) : tr("everything"), who,
                                Texts::hex(request.offset));
        q.accept = tr("&Erase");
        return q;
    }
    return std::nullopt;
}

bool StartFlow::confirm(const JobRequest &request, const QStringList &keys)
{
    QStringList boards;
    for (const QString &key : keys) {
        if (const DeviceRow *row = m_devices->row(key))
            boards << boardLabel(*row);
    }
    const auto &fw = m_firmware->firmware();
    const QString fileName = fw ? QFileInfo(fw->check.path).fileName() : QString();
    auto q = question(request, boards, fileName, fw ? fw->imageSize : 0,
                      fw && fw->package ? int(fw->package->manifest.steps.size()) : 0);
    const QString mismatch = mismatchWarning(keys);
    if (!mismatch.isEmpty()) {
        if (!q)
            q = Question{tr("Start anyway?"), QString(), tr("Start &anyway"), false};
        q->text = q->text.isEmpty() ? mismatch : q->text + QLatin1String("\n\n") + mismatch;
        q->canSkipLater = false;
    }
    if (!q)
        return true;
    const QString trustKey = request.boardName + QLatin1Char('|') + request.imagePath;
    if (q->canSkipLater && m_trustedFlash == trustKey)
        return true;
    QMessageBox box(QMessageBox::Question, q->title, q->text, QMessageBox::NoButton, m_parent);
    box.setObjectName(QStringLiteral("confirmDestructive"));
    QPushButton *accept = box.addButton(q->accept, QMessageBox::AcceptRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    QCheckBox *skip = nullptr;
    if (q->canSkipLater) {
        skip = new QCheckBox(tr("Do not ask again for this file and profile until I quit"), &box);
        box.setCheckBox(skip);
    }
    accept->setAccessibleName(q->accept);
    box.exec();
    if (box.clickedButton() != accept)
        return false;
    if (skip && skip->isChecked())
        m_trustedFlash = trustKey;
    return true;
}

ProfileSteps StartFlow::stepsOfProfile() const
{
    const auto catalog = m_station->catalog();
    const catalog::BoardProfile *board = catalog ? catalog->board(m_picker->boardName()) : nullptr;
    return board ? profileSteps(*board) : ProfileSteps();
}

QString StartFlow::mismatchWarning(const QStringList &keys) const
{
    const QString chip = m_picker->chipName();
    QStringList lines;
    for (const QString &key : keys) {
        const DeviceRow *row = m_devices->row(key);
        if (!row || !row->probe || row->probe->kind != ProbeResult::Kind::Rom ||
            row->probe->chips.isEmpty() || row->probe->chips.contains(chip))
            continue;
        QStringList upper;
        for (const QString &c : row->probe->chips)
            upper << c.toUpper();
        lines << tr("Careful: %1 answers like a %2, but profile %3 is for a %4. The job will stop when it "
                    "identifies the board; pick the matching profile first.")
                     .arg(boardLabel(*row), upper.join(tr(" or ")), m_picker->boardName(), chip.toUpper());
    }
    return lines.join(QLatin1Char('\n'));
}

QString StartFlow::outputFor(const QString &base, const QString &key, bool several) const
{
    if (!several)
        return base;
    const DeviceRow *row = m_devices->row(key);
    const QFileInfo info(base);
    const QString port =
        row ? QString(row->device.portPath).replace(QLatin1Char('.'), QLatin1Char('_')) : key;
    const QString suffix = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
    return info.dir().filePath(info.completeBaseName() + QLatin1Char('-') +
                               (row && row->isVirtual ? QStringLiteral("virtual-") : QString()) + port +
                               suffix);
}

bool StartFlow::start(const QStringList &requested)
{
    m_problem.clear();
    QStringList keys;
    for (const QString &key : requested) {
        if (m_station->canStart(key))
            keys << key;
    }
    if (keys.isEmpty()) {
        refuse(requested.isEmpty()
                   ? tr("No board is ready. Plug a board in USB boot mode, or add a virtual board "
                        "(Help > Virtual boards).")
                   : tr("The chosen board is busy or no longer plugged in."));
        return false;
    }
    auto request = buildRequest();
    if (!request || !confirm(*request, keys))
        return false;
    bool started = false;
    for (const QString &key : keys) {
        JobRequest r = *request;
        if (r.op == Operation::Read)
            r.outputPath = outputFor(request->outputPath, key, keys.size() > 1);
        started |= m_station->start(key, r);
    }
    return started;
}

std::optional<JobRequest> StartFlow::productionRequest()
{
    m_problem.clear();
    if (m_operation->operation() != Operation::Write) {
        refuse(tr("Production mode flashes every board: choose %1 under Operation first.")
                   .arg(Texts::operation(Operation::Write)));
        return std::nullopt;
    }
    return buildRequest();
}

} // namespace oc::ui
