#include "productionsettingsdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QSysInfo>
#include <QVBoxLayout>

namespace oc::ui {

ProductionSettingsDialog::ProductionSettingsDialog(const Values &values, bool operatorOnly, QWidget *parent)
    : QDialog(parent)
    , m_records(new QLineEdit(QDir::toNativeSeparators(values.recordsDir), this))
    , m_browse(new QPushButton(tr("C&hoose..."), this))
    , m_station(new QLineEdit(values.station, this))
    , m_operator(new QLineEdit(values.operatorName, this))
    , m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("productionSettings"));
    setWindowTitle(tr("Production settings"));
    m_records->setObjectName(QStringLiteral("recordsDir"));
    m_station->setObjectName(QStringLiteral("stationName"));
    m_operator->setObjectName(QStringLiteral("operatorName"));
    m_records->setAccessibleName(tr("Records folder"));
    m_browse->setAccessibleName(tr("Choose the records folder"));
    m_station->setAccessibleName(tr("Station name"));
    m_operator->setAccessibleName(tr("Operator name"));
    m_station->setPlaceholderText(tr("e.g. bench-3"));
    m_operator->setPlaceholderText(tr("Who runs the station"));
    m_records->setReadOnly(operatorOnly);
    m_station->setReadOnly(operatorOnly);
    m_browse->setEnabled(!operatorOnly);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #d03030;"));
    m_problem->hide();

    buildLayout();
    resize(560, sizeHint().height());
}

void ProductionSettingsDialog::buildLayout()
{
    auto *explain = new QLabel(
        tr("Every board flashed in production mode gets one line in a CSV file and one in a JSON-lines "
           "file in this folder, written the moment it finishes: one file of each per station and day."),
        this);
    explain->setWordWrap(true);
    auto *recordsRow = new QHBoxLayout;
    recordsRow->addWidget(m_records, 1);
    recordsRow->addWidget(m_browse);
    auto *recordsLabel = new QLabel(tr("&Records folder:"), this);
    recordsLabel->setBuddy(m_records);
    auto *form = new QFormLayout;
    form->addRow(recordsLabel, recordsRow);
    form->addRow(tr("&Station:"), m_station);
    form->addRow(tr("&Operator:"), m_operator);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explain);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ProductionSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_browse, &QPushButton::clicked, this, &ProductionSettingsDialog::chooseFolder);
}

ProductionSettingsDialog::Values ProductionSettingsDialog::defaults()
{
    Values v;
    v.recordsDir = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                       .filePath(QStringLiteral("OpenCloner records"));
    v.station = QSysInfo::machineHostName();
    v.operatorName = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return v;
}

ProductionSettingsDialog::Values ProductionSettingsDialog::values() const
{
    return {QDir::fromNativeSeparators(m_records->text().trimmed()), m_station->text().trimmed(),
            m_operator->text().trimmed()};
}

void ProductionSettingsDialog::accept()
{
    const Values v = values();
    QString problem;
    if (v.recordsDir.isEmpty())
        problem = tr("Choose the folder for the records.");
    else if (!QDir::isAbsolutePath(v.recordsDir))
        problem = tr("Give the records folder as a full path.");
    else if (v.station.isEmpty())
        problem = tr("Give the station a name: it is in the file names and in every record.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (problem.isEmpty())
        QDialog::accept();
}

void ProductionSettingsDialog::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Records folder"), m_records->text());
    if (!dir.isEmpty())
        m_records->setText(QDir::toNativeSeparators(dir));
}

} // namespace oc::ui
