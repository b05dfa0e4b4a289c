#include "virtualboarddialog.h"

#include "boardlistmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace oc::ui {

QList<VirtualBoardDialog::Fault> VirtualBoardDialog::faults()
{
    return {
        {QStringLiteral("none"), QString()},
        {QStringLiteral("unplug"), QStringLiteral("disconnect@write:chunk=2")},
        {QStringLiteral("stuck"), QStringLiteral("bulk_timeout@write:chunk=2:count=0")},
        {QStringLiteral("badflash"), QStringLiteral("program_fail:start=0x20000:end=0x20100")},
        {QStringLiteral("noflash"), QStringLiteral("jedec:id=0xffffff")},
        {QStringLiteral("protected"), QStringLiteral("write_protect")},
        {QStringLiteral("splhang"), QStringLiteral("spl_hang")},
        {QStringLiteral("custom"), QString()},
    };
}

QString VirtualBoardDialog::faultLabel(const QString &id)
{
    if (id == QLatin1String("none"))
        return tr("None: a healthy board");
    if (id == QLatin1String("unplug"))
        return tr("The cable is pulled while writing");
    if (id == QLatin1String("stuck"))
        return tr("The board stops taking data while writing");
    if (id == QLatin1String("badflash"))
        return tr("A flash area cannot be programmed");
    if (id == QLatin1String("noflash"))
        return tr("No flash chip answers");
    if (id == QLatin1String("protected"))
        return tr("The flash is write-protected");
    if (id == QLatin1String("splhang"))
        return tr("The memory does not start (the SPL hangs)");
    return tr("Custom fault (developer)");
}

VirtualBoardDialog::VirtualBoardDialog(BoardListModel *boards, const QString &currentBoard, bool developer,
                                       QWidget *parent)
    : QDialog(parent)
    , m_board(new QComboBox(this))
    , m_count(new QSpinBox(this))
    , m_speed(new QComboBox(this))
    , m_fault(new QComboBox(this))
    , m_faultText(new QLineEdit(this))
    , m_sample(new QCheckBox(this))
    , m_explain(new QLabel(this))
    , m_developer(developer)
{
    setWindowTitle(tr("Add virtual boards"));
    m_board->setModel(boards);
    m_board->setCurrentIndex(qMax(0, boards->rowOfBoard(currentBoard)));
    m_count->setRange(1, 8);
    m_speed->addItem(tr("Like a real board"), QStringLiteral("realistic"));
    m_speed->addItem(tr("10 times faster"), QStringLiteral("realistic:0.1"));
    m_speed->addItem(tr("Instant"), QStringLiteral("none"));
    for (const Fault &fault : faults()) {
        if (fault.id != QLatin1String("custom") || developer)
            m_fault->addItem(faultLabel(fault.id), fault.id);
    }
    m_faultText->setPlaceholderText(tr("e.g. disconnect@write:chunk=3; slow_erase:factor=4"));
    m_faultText->setVisible(developer);
    m_sample->setText(tr("Also make a sample firmware file to try with"));
    m_explain->setWordWrap(true);
    m_explain->setText(
        tr("A virtual board behaves like a real one in USB boot mode, with its boot ROM, burner "
           "and flash, but lives inside OpenCloner. Use it to learn the tool or to show what "
           "happens when something goes wrong. It gets generated placeholder vendor files; "
           "real boards never do."));

    auto *form = new QFormLayout;
    form->addRow(tr("&Profile:"), m_board);
    form->addRow(tr("&Number of boards:"), m_count);
    form->addRow(tr("&Speed:"), m_speed);
    form->addRow(tr("&Fault:"), m_fault);
    if (developer)
        form->addRow(tr("Fault &plan:"), m_faultText);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_explain);
    layout->addLayout(form);
    layout->addWidget(m_sample);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_fault, &QComboBox::currentIndexChanged, this, &VirtualBoardDialog::updateFaultText);
    m_board->setAccessibleName(tr("Board profile the virtual board imitates"));
    m_count->setAccessibleName(tr("Number of virtual boards"));
    m_speed->setAccessibleName(tr("Speed of the virtual boards"));
    m_fault->setAccessibleName(tr("Fault the virtual boards show"));
    m_faultText->setAccessibleName(tr("Fault plan text"));
}

void VirtualBoardDialog::updateFaultText()
{
    const QString id = m_fault->currentData().toString();
    for (const Fault &fault : faults()) {
        if (fault.id == id && id != QLatin1String("custom"))
            m_faultText->setText(fault.text);
    }
}

QString VirtualBoardDialog::boardName() const
{
    return m_board->currentData(BoardListModel::NameRole).toString();
}

int VirtualBoardDialog::count() const
{
    return m_count->value();
}

QString VirtualBoardDialog::timing() const
{
    return m_speed->currentData().toString();
}

void VirtualBoardDialog::setTiming(const QString &timing)
{
    const int index = m_speed->findData(timing);
    if (index >= 0)
        m_speed->setCurrentIndex(index);
}

QString VirtualBoardDialog::faultText() const
{
    if (m_developer)
        return m_faultText->text().trimmed();
    for (const Fault &fault : faults()) {
        if (fault.id == m_fault->currentData().toString())
            return fault.text;
    }
    return QString();
}

bool VirtualBoardDialog::createSampleFirmware() const
{
    return m_sample->isChecked();
}

VirtualBoardSpec VirtualBoardDialog::spec(const VirtualBoardSpec &forBoard) const
{
    VirtualBoardSpec spec = forBoard;
    spec.timing = timing();
    spec.faults = faultText();
    return spec;
}

} // namespace oc::ui
