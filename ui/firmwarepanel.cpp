#include "firmwarepanel.h"

#include "texts.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QToolButton>

namespace oc::ui {

namespace {
constexpr int MaxRecent = 10;
}

FirmwarePanel::FirmwarePanel(QWidget *parent)
    : QFrame(parent)
    , m_inspector(new FirmwareInspector(this))
    , m_title(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_browse(new QPushButton(this))
    , m_recentButton(new QToolButton(this))
    , m_recentMenu(new QMenu(this))
    , m_clear(new QToolButton(this))
    , m_name(new QLabel(this))
    , m_details(new QLabel(this))
    , m_verdict(new QLabel(this))
    , m_message(new QLabel(this))
    , m_progress(new QProgressBar(this))
{
    setObjectName(QStringLiteral("firmwarePanel"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_name->setFont(bold);
    for (QLabel *label : {m_hint, m_details, m_verdict, m_message}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_recentButton->setMenu(m_recentMenu);
    m_recentButton->setPopupMode(QToolButton::InstantPopup);
    m_recentButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_progress->setRange(0, 100);
    m_progress->hide();
    m_message->hide();

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/opencloner/icons/drop.svg")).pixmap(48, 48));
    icon->setAlignment(Qt::AlignTop);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_hint, 1);
    buttons->addWidget(m_browse);
    buttons->addWidget(m_recentButton);
    buttons->addWidget(m_clear);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->addWidget(icon, 0, 0, 6, 1);
    layout->addWidget(m_title, 0, 1);
    layout->addLayout(buttons, 1, 1);
    layout->addWidget(m_name, 2, 1);
    layout->addWidget(m_details, 3, 1);
    layout->addWidget(m_verdict, 4, 1);
    layout->addWidget(m_message, 5, 1);
    layout->addWidget(m_progress, 6, 1);
    layout->setColumnStretch(1, 1);

    connect(m_browse, &QPushButton::clicked, this, &FirmwarePanel::browse);
    connect(m_clear, &QToolButton::clicked, this, &FirmwarePanel::clear);
    connect(m_inspector, &FirmwareInspector::started, this, &FirmwarePanel::onStarted);
    connect(m_inspector, &FirmwareInspector::progress, this, [this](int percent) {
        m_progress->setRange(0, percent < 0 ? 0 : 100); // 0..0: busy, the total is not known yet
        if (percent >= 0)
            m_progress->setValue(percent);
    });
    connect(m_inspector, &FirmwareInspector::finished, this, &FirmwarePanel::onInspected);
    retranslateUi();
    updateDetails();
}

void FirmwarePanel::retranslateUi()
{
    m_title->setText(tr("2  Firmware"));
    m_hint->setText(tr("Drop a firmware file (.bin, .img, .gz, .xz, .zst) or an OpenCloner package (.zip) "
                       "anywhere on this window, or"));
    m_browse->setText(tr("&Browse..."));
    m_browse->setAccessibleName(tr("Browse for a firmware file"));
    m_recentButton->setText(tr("&Recent"));
    m_recentButton->setAccessibleName(tr("Recent firmware files"));
    m_progress->setAccessibleName(tr("Checking the firmware file"));
    m_clear->setText(tr("&Clear"));
    m_clear->setAccessibleName(tr("Forget the chosen firmware file"));
    m_clear->setToolTip(tr("Forget the chosen file (a profile that brings its own files then uses them)"));
    setAccessibleName(tr("Firmware"));
    rebuildRecentMenu();
    updateDetails();
    updateVerdict();
}

void FirmwarePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

void FirmwarePanel::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor border = m_dropHover ? palette().color(QPalette::Highlight) : palette().color(QPalette::Mid);
    painter.setPen(QPen(border, m_dropHover ? 3 : 1.5, Qt::DashLine));
    QColor fill = palette().color(QPalette::AlternateBase);
    if (m_dropHover)
        fill = palette()
                   .color(QPalette::Highlight)
                   .lighter(m_dropHover && palette().color(QPalette::Window).lightness() > 128 ? 185 : 60);
    painter.setBrush(fill);
    painter.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 8, 8);
}

void FirmwarePanel::setDropHover(bool hover)
{
    if (hover == m_dropHover)
        return;
    m_dropHover = hover;
    update();
}

void FirmwarePanel::browse()
{
    const QString start = m_recent.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::HomeLocation)
                                             : QFileInfo(m_recent.first()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose a firmware file"), start,
        tr("Firmware images (*.bin *.img *.gz *.xz *.zst *.bz2);;All files (*)"));
    if (!path.isEmpty())
        openPath(path);
}

void FirmwarePanel::openPath(const QString &path)
{
    m_inspecting = path;
    m_inspector->inspect(path);
}

void FirmwarePanel::onStarted(const QString &path)
{
    m_inspecting = path;
    m_progress->setValue(0);
    m_progress->show();
    showMessage(tr("Checking %1...").arg(QFileInfo(path).fileName()), false);
}

void FirmwarePanel::onInspected(const FirmwareInfo &info)
{
    m_progress->hide();
    if (info.error && info.error->code == ErrorCode::Cancelled)
        return showMessage(QString(), false);
    if (info.check.kind == FileCheck::Kind::VendorFolder) {
        showMessage(QString(), false);
        Q_EMIT vendorFolderDropped(info.check.path, info.check.importable);
        return;
    }
    if (info.check.kind == FileCheck::Kind::ClonerBundle) {
        showMessage(QString(), false);
        Q_EMIT bundleDropped(info.check.path);
        return;
    }
    if (info.error) {
        showMessage(
            tr("%1 could not be read: %2").arg(QFileInfo(info.check.path).fileName(), info.error->message),
            true);
        return;
    }
    if (!info.isUsable()) {
        if (info.check.kind == FileCheck::Kind::Missing && m_recent.removeAll(info.check.path) > 0) {
            rebuildRecentMenu();
            Q_EMIT recentFilesChanged(m_recent);
        }
        showMessage(FileClassifier::message(info.check), true);
        return;
    }
    showMessage(QString(), false);
    m_firmware = info;
    addRecent(info.check.path);
    updateDetails();
    updateVerdict();
    Q_EMIT firmwareChanged();
}

void FirmwarePanel::showRefusal(const FileCheck &check)
{
    showMessage(FileClassifier::message(check), true);
}

void FirmwarePanel::showMessage(const QString &text, bool warning)
{
    m_message->setText(text);
    m_message->setStyleSheet(warning ? QStringLiteral("color: #c06000;") : QString());
    m_message->setVisible(!text.isEmpty());
}

QString FirmwarePanel::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void FirmwarePanel::clear()
{
    m_inspector->cancel();
    m_firmware.reset();
    updateDetails();
    updateVerdict();
    Q_EMIT firmwareChanged();
}

void FirmwarePanel::updateDetails()
{
    m_clear->setVisible(m_firmware.has_value());
    if (!m_firmware) {
        m_name->setText(tr("No firmware chosen"));
        m_details->clear();
        m_details->hide();
        if (!m_profileSteps.isEmpty()) {
            m_name->setText(tr("No firmware chosen: profile %1 brings its own files").arg(m_boardName));
            QString text = m_profileSteps.descriptions.join(QStringLiteral("; "));
            if (!m_profileSteps.missing.isEmpty())
                text += QLatin1Char('\n') +
                        tr("No file yet for: %1.").arg(m_profileSteps.missing.join(QStringLiteral(", ")));
            m_details->setText(text);
            m_details->show();
        }
        return;
    }
    const FirmwareInfo &f = *m_firmware;
    m_name->setText(QFileInfo(f.check.path).fileName());
    m_name->setToolTip(QDir::toNativeSeparators(f.check.path));
    if (f.package) {
        m_details->setText(packageDetails(*f.package));
        m_details->show();
        return;
    }
    QString details =
        f.check.kind == FileCheck::Kind::CompressedImage
            ? tr("%1 compressed, %2 unpacked").arg(Texts::size(f.check.size), Texts::size(f.imageSize))
            : Texts::size(f.imageSize);
    const QString sha = QString::fromLatin1(f.fileSha256.toHex());
    details += tr(" · SHA-256 %1").arg(sha);
    if (f.imageSha256 != f.fileSha256)
        details += tr(" · unpacked SHA-256 %1").arg(QString::fromLatin1(f.imageSha256.toHex()));
    m_details->setText(details);
    m_details->show();
}

void FirmwarePanel::setTarget(const QString &boardName, const QString &chip, quint64 capacity, quint64 offset,
                              Operation op)
{
    m_boardName = boardName;
    m_chip = chip;
    m_capacity = capacity;
    m_offset = offset;
    m_op = op;
    updateVerdict();
}

void FirmwarePanel::updateVerdict()
{
    const bool needed = m_op == Operation::Write || m_op == Operation::Verify;
    if (!needed)
        m_fit = Fit::NotNeeded;
    else if (!m_firmware)
        m_fit = Fit::NoFirmware;
    else if (m_firmware->package)
        m_fit = packageTargetProblem().isEmpty() ? Fit::Fits : Fit::WrongTarget;
    else if (m_capacity == 0)
        m_fit = Fit::Unknown;
    else
        m_fit = m_offset + quint64(m_firmware->imageSize) <= m_capacity ? Fit::Fits : Fit::TooBig;
    m_verdict->setText(verdict());
    m_verdict->setStyleSheet(m_fit == Fit::TooBig || m_fit == Fit::WrongTarget
                                 ? QStringLiteral("color: #d03030; font-weight: bold;")
                                 : QString());
    m_verdict->setVisible(!m_verdict->text().isEmpty());
}

QString FirmwarePanel::verdict() const
{
    const qint64 size = m_firmware ? m_firmware->imageSize : 0;
    switch (m_fit) {
    case Fit::NoFirmware:
        return QString();
    case Fit::NotNeeded:
        return m_firmware ? tr("%1 does not use a firmware file.").arg(Texts::operation(m_op)) : QString();
    case Fit::WrongTarget:
        return packageTargetProblem();
    case Fit::Fits:
        if (m_firmware && m_firmware->package)
            return tr("Made for %1: the package decides offsets and erase mode.").arg(m_boardName);
        return tr("Fits %1: %2 of %3 from offset %4.")
            .arg(m_boardName, Texts::size(size), Texts::size(qint64(m_capacity)), Texts::hex(m_offset));
    case Fit::TooBig:
        return tr("Does not fit %1: the image needs %2 from offset %3, the flash holds %4.")
            .arg(m_boardName, Texts::size(size), Texts::hex(m_offset), Texts::size(qint64(m_capacity)));
    case Fit::Unknown:
        return tr("%1 reads its flash size from the flash chip when the job starts; the image needs %2 from "
                  "offset %3.")
            .arg(m_boardName, Texts::size(size), Texts::hex(m_offset));
    }
    return QString();
}

QString FirmwarePanel::packageDetails(const pkg::LoadedPackage &package) const
{
    const pkg::Manifest &m = package.manifest;
    QStringList lines;
    QString title = m.version.isEmpty() ? m.name : tr("%1, version %2").arg(m.name, m.version);
    if (!m.description.isEmpty())
        title += QStringLiteral(" – ") + m.description;
    lines << tr("OpenCloner package: %1").arg(title);
    QStringList targets = m.boards;
    for (const QString &chip : m.chips)
        targets << chip.toUpper();
    lines << (targets.isEmpty() ? tr("For any board.")
                                : tr("For: %1.").arg(targets.join(QStringLiteral(", "))));
    QStringList steps;
    for (const pkg::ManifestStep &step : m.steps) {
        const QString where = step.offset ? Texts::hex(*step.offset) : step.partition;
        switch (step.op) {
        case pkg::StepOp::Write:
            steps << tr("write %1 (%2) at %3").arg(step.file, Texts::size(step.imageSize), where);
            break;
        case pkg::StepOp::Read:
            steps << tr("read %1 into %2")
                         .arg(step.length ? Texts::size(qint64(step.length)) : where, step.output);
            break;
        case pkg::StepOp::Erase:
            steps << tr("erase %1")
                         .arg(step.length ? Texts::size(qint64(step.length)) + QLatin1Char(' ') + where
                                          : where);
            break;
        }
    }
    lines << tr("%n step(s): %1", nullptr, int(steps.size())).arg(steps.join(QStringLiteral("; ")));
    lines << tr("Every file was checked against its SHA-256; %1 goes to the flash.")
                 .arg(Texts::size(m_firmware->imageSize));
    return lines.join(QLatin1Char('\n'));
}

QString FirmwarePanel::packageTargetProblem() const
{
    if (!m_firmware || !m_firmware->package || m_boardName.isEmpty())
        return QString();
    const pkg::Manifest &m = m_firmware->package->manifest;
    if (!m.boards.isEmpty() && !m.boards.contains(m_boardName))
        return tr("This package is for %1, not for %2: choose one of its boards.")
            .arg(m.boards.join(QStringLiteral(", ")), m_boardName);
    if (!m.chips.isEmpty() && !m.chips.contains(m_chip))
        return tr("This package is for %1 chips, not for %2 (profile %3).")
            .arg(m.chips.join(QStringLiteral(", ")).toUpper(), m_chip.toUpper(), m_boardName);
    return QString();
}

void FirmwarePanel::setProfileSteps(const ProfileSteps &steps)
{
    m_profileSteps = steps;
    updateDetails();
}

void FirmwarePanel::setRecentFiles(const QStringList &files)
{
    m_recent = files.mid(0, MaxRecent);
    rebuildRecentMenu();
}

void FirmwarePanel::addRecent(const QString &path)
{
    m_recent.removeAll(path);
    m_recent.prepend(path);
    while (m_recent.size() > MaxRecent)
        m_recent.removeLast();
    rebuildRecentMenu();
    Q_EMIT recentFilesChanged(m_recent);
}

void FirmwarePanel::rebuildRecentMenu()
{
    m_recentMenu->clear();
    for (const QString &path : std::as_const(m_recent)) {
        QAction *action =
            m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openPath(path); });
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
    }
    if (m_recent.isEmpty())
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
    m_recentButton->setEnabled(!m_recent.isEmpty());
}

} // namespace oc::ui
