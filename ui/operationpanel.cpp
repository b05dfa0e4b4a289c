#include "operationpanel.h"

#include "sizeedit.h"
#include "texts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>

namespace oc::ui {

namespace {
const Operation Operations[] = {Operation::Write, Operation::Read, Operation::Erase, Operation::Verify,
                                Operation::Boot};
const EraseMode EraseModes[] = {EraseMode::Lazy, EraseMode::AtInit, EraseMode::Chip, EraseMode::None};
} // namespace

OperationPanel::OperationPanel(QWidget *parent)
    : QWidget(parent)
    , m_opLabel(new QLabel(this))
    , m_op(new QComboBox(this))
    , m_verify(new QCheckBox(this))
    , m_whole(new QCheckBox(this))
    , m_offsetLabel(new QLabel(this))
    , m_offset(new SizeEdit(this))
    , m_lengthLabel(new QLabel(this))
    , m_length(new SizeEdit(this))
    , m_eraseLabel(new QLabel(this))
    , m_erase(new QComboBox(this))
    , m_outputLabel(new QLabel(this))
    , m_output(new QLineEdit(this))
    , m_outputBrowse(new QPushButton(this))
    , m_reboot(new QCheckBox(this))
    , m_explain(new QLabel(this))
{
    for (Operation op : Operations)
        m_op->addItem(QString(), int(op));
    for (EraseMode mode : EraseModes)
        m_erase->addItem(QString(), int(mode));
    m_verify->setChecked(true);
    m_whole->setChecked(true);
    m_reboot->setChecked(true);
    m_offset->setMaximumWidth(120);
    m_length->setMaximumWidth(120);
    m_output->setText(QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                          .filePath(QStringLiteral("flash-dump.bin")));
    m_opLabel->setBuddy(m_op);
    m_offsetLabel->setBuddy(m_offset);
    m_lengthLabel->setBuddy(m_length);
    m_eraseLabel->setBuddy(m_erase);
    m_outputLabel->setBuddy(m_output);
    m_explain->setWordWrap(true);
    m_output->setAcceptDrops(false); // a dropped file goes to the window (firmware)

    auto *row = new QHBoxLayout;
    row->addWidget(m_opLabel);
    row->addWidget(m_op);
    row->addSpacing(12);
    row->addWidget(m_whole);
    row->addWidget(m_offsetLabel);
    row->addWidget(m_offset);
    row->addWidget(m_lengthLabel);
    row->addWidget(m_length);
    row->addWidget(m_eraseLabel);
    row->addWidget(m_erase);
    row->addWidget(m_verify);
    row->addStretch(1);
    auto *second = new QHBoxLayout;
    second->addWidget(m_outputLabel);
    second->addWidget(m_output, 1);
    second->addWidget(m_outputBrowse);
    second->addWidget(m_reboot);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addLayout(second);
    layout->addWidget(m_explain);

    connect(m_op, &QComboBox::currentIndexChanged, this, &OperationPanel::updateVisibility);
    connect(m_whole, &QCheckBox::toggled, this, &OperationPanel::updateVisibility);
    connect(m_outputBrowse, &QPushButton::clicked, this, &OperationPanel::chooseOutput);
    for (QCheckBox *box : {m_verify, m_reboot})
        connect(box, &QCheckBox::toggled, this, &OperationPanel::changed);
    connect(m_erase, &QComboBox::currentIndexChanged, this, &OperationPanel::changed);
    for (QLineEdit *edit : {static_cast<QLineEdit *>(m_offset), static_cast<QLineEdit *>(m_length), m_output})
        connect(edit, &QLineEdit::textChanged, this, &OperationPanel::changed);
    retranslateUi();
    updateVisibility();
}

void OperationPanel::retranslateUi()
{
    m_opLabel->setText(tr("&Operation:"));
    for (int i = 0; i < m_op->count(); ++i)
        m_op->setItemText(i, Texts::operation(Operation(m_op->itemData(i).toInt())));
    m_op->setAccessibleName(tr("Operation"));
    m_verify->setText(tr("&Verify after writing"));
    m_verify->setToolTip(tr("Reads the flash back and compares it with the image. Recommended."));
    m_whole->setText(tr("&Whole flash"));
    m_offsetLabel->setText(tr("O&ffset:"));
    m_offset->setAccessibleName(tr("Offset in the flash"));
    m_lengthLabel->setText(tr("&Length:"));
    m_length->setAccessibleName(tr("Length"));
    m_eraseLabel->setText(tr("&Erase:"));
    m_erase->setAccessibleName(tr("Erase mode"));
    m_erase->setItemText(0, tr("Only the blocks being written"));
    m_erase->setItemText(1, tr("The range before writing"));
    m_erase->setItemText(2, tr("The whole chip first"));
    m_erase->setItemText(3, tr("Nothing (already erased)"));
    m_outputLabel->setText(tr("&Save to:"));
    m_output->setAccessibleName(tr("File to save the flash contents to"));
    m_outputBrowse->setText(tr("C&hoose..."));
    m_outputBrowse->setAccessibleName(tr("Choose the file to save the flash contents to"));
    m_reboot->setText(tr("Restart the board &when done"));
    updateVisibility();
}

void OperationPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

Operation OperationPanel::operation() const
{
    return Operation(m_op->currentData().toInt());
}

void OperationPanel::setOperation(Operation op)
{
    m_op->setCurrentIndex(qMax(0, m_op->findData(int(op))));
}

bool OperationPanel::verify() const
{
    return m_verify->isChecked();
}

void OperationPanel::setVerify(bool on)
{
    m_verify->setChecked(on);
}

quint64 OperationPanel::offset() const
{
    const Operation op = operation();
    if ((op == Operation::Read || op == Operation::Erase) && m_whole->isChecked())
        return 0;
    return m_offset->value().value_or(0);
}

void OperationPanel::setOffset(quint64 offset)
{
    m_offset->setValue(offset);
}

QString OperationPanel::outputPath() const
{
    return m_output->text();
}

void OperationPanel::setOutputPath(const QString &path)
{
    m_output->setText(path);
}

void OperationPanel::setPackageMode(bool on)
{
    if (on == m_packageMode)
        return;
    m_packageMode = on;
    updateVisibility();
}

void OperationPanel::chooseOutput()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save the flash contents to"), m_output->text(),
                                     tr("Flash images (*.bin *.img);;All files (*)"));
    if (!path.isEmpty())
        m_output->setText(QDir::toNativeSeparators(path));
}

void OperationPanel::updateVisibility()
{
    const Operation op = operation();
    const bool ranged = op == Operation::Read || op == Operation::Erase;
    const bool range = !ranged || !m_whole->isChecked();
    m_whole->setVisible(ranged);
    const bool package = m_packageMode && op == Operation::Write;
    m_offsetLabel->setVisible(op != Operation::Boot && range && !package);
    m_offset->setVisible(op != Operation::Boot && range && !package);
    m_lengthLabel->setVisible(ranged && range);
    m_length->setVisible(ranged && range);
    m_eraseLabel->setVisible(op == Operation::Write && !package);
    m_erase->setVisible(op == Operation::Write && !package);
    m_verify->setVisible(op == Operation::Write);
    m_outputLabel->setVisible(op == Operation::Read);
    m_output->setVisible(op == Operation::Read);
    m_outputBrowse->setVisible(op == Operation::Read);
    m_reboot->setVisible(op != Operation::Boot);
    switch (op) {
    case Operation::Write:
        m_explain->setText(package
                               ? tr("Runs the package's steps on each board you start; the package sets the "
                                    "offsets and the erase mode.")
                               : tr("Writes the firmware file to the flash of each board you start."));
        break;
    case Operation::Read:
        m_explain->setText(tr("Copies the flash into the file. With several boards, each gets its own file "
                              "named after its port."));
        break;
    case Operation::Erase:
        m_explain->setText(tr("Erases the flash: what was there is lost."));
        break;
    case Operation::Verify:
        m_explain->setText(
            tr("Compares the flash with the firmware file, byte for byte. Nothing is written."));
        break;
    case Operation::Boot:
        m_explain->setText(
            tr("Loads the SPL and the burner and leaves the burner running, for other tools."));
        break;
    }
    Q_EMIT changed();
}

std::optional<JobRequest> OperationPanel::request(const QString &boardName, const QString &imagePath,
                                                  QString *problem, bool profileSteps) const
{
    JobRequest r;
    r.op = operation();
    r.boardName = boardName;
    r.verify = m_verify->isChecked();
    r.reboot = m_reboot->isChecked();
    r.erase = EraseMode(m_erase->currentData().toInt());
    const bool ranged = r.op == Operation::Read || r.op == Operation::Erase;
    const bool range = r.op != Operation::Boot && (!ranged || !m_whole->isChecked()) &&
                       !(m_packageMode && r.op == Operation::Write);
    if (range) {
        if (!m_offset->value()) {
            *problem = tr("The offset \"%1\" is not a number of bytes.").arg(m_offset->text());
            return std::nullopt;
        }
        r.offset = *m_offset->value();
    }
    if (ranged && range) {
        if (!m_length->value() || *m_length->value() == 0) {
            *problem = tr("The length \"%1\" is not a number of bytes above zero.").arg(m_length->text());
            return std::nullopt;
        }
        r.length = *m_length->value();
    }
    if (r.op == Operation::Write && imagePath.isEmpty() && profileSteps)
        return r;
    if (r.op == Operation::Write || r.op == Operation::Verify) {
        if (imagePath.isEmpty()) {
            *problem = tr("Choose a firmware file first: drop it on the window or use Browse.");
            return std::nullopt;
        }
        r.imagePath = imagePath;
    }
    if (r.op == Operation::Read) {
        if (m_output->text().trimmed().isEmpty()) {
            *problem = tr("Choose the file to save the flash contents to.");
            return std::nullopt;
        }
        r.outputPath = QDir::fromNativeSeparators(m_output->text().trimmed());
    }
    return r;
}

} // namespace oc::ui
