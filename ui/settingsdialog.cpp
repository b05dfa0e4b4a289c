#include "settingsdialog.h"

#include "languagemanager.h"

#include "core/catalog/vendorfiles.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace oc::ui {

SettingsDialog::SettingsDialog(const Values &values, const QString &chip, QWidget *parent)
    : QDialog(parent)
    , m_chip(chip)
    , m_vendorDir(new QLineEdit(QDir::toNativeSeparators(values.vendorDir), this))
    , m_vendorStatus(new QLabel(this))
    , m_profileDirs(new QListWidget(this))
    , m_verify(new QCheckBox(tr("&Verify after writing (recommended)"), this))
    , m_language(new QComboBox(this))
    , m_theme(new QComboBox(this))
{
    setWindowTitle(tr("Settings"));
    m_vendorStatus->setWordWrap(true);
    m_vendorDir->setAccessibleName(tr("Vendor files folder"));
    m_vendorDir->setPlaceholderText(tr("The folder of your Ingenic USB Cloner installation"));
    m_profileDirs->addItems(values.profileDirs);
    m_profileDirs->setAccessibleName(tr("Extra board profile folders"));
    m_verify->setChecked(values.verifyByDefault);
    for (const auto &[code, name] : LanguageManager::available())
        m_language->addItem(name, code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(values.language)));
    m_language->setAccessibleName(tr("Language"));
    m_theme->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(values.theme)));
    m_theme->setAccessibleName(tr("Appearance"));

    auto *choose = new QPushButton(tr("C&hoose..."), this);
    choose->setAccessibleName(tr("Choose the vendor files folder"));
    auto *vendorRow = new QHBoxLayout;
    vendorRow->addWidget(m_vendorDir, 1);
    vendorRow->addWidget(choose);
    auto *addDir = new QPushButton(tr("&Add folder..."), this);
    auto *removeDir = new QPushButton(tr("&Remove"), this);
    auto *dirButtons = new QHBoxLayout;
    dirButtons->addWidget(addDir);
    dirButtons->addWidget(removeDir);
    dirButtons->addStretch(1);

    auto *vendorHelp =
        new QLabel(tr("OpenCloner ships no Ingenic binaries. Real boards need the SPL and burner "
                      "(spl.bin, uboot.bin) of your own Ingenic USB Cloner installation."),
                   this);
    vendorHelp->setWordWrap(true);
    auto *form = new QFormLayout;
    auto *vendorLabel = new QLabel(tr("&Vendor files:"), this);
    vendorLabel->setBuddy(m_vendorDir); // a row holding a layout gets no buddy from QFormLayout
    form->addRow(vendorLabel, vendorRow);
    form->addRow(QString(), m_vendorStatus);
    form->addRow(QString(), vendorHelp);
    form->addRow(tr("&Profile folders:"), m_profileDirs);
    form->addRow(QString(), dirButtons);
    form->addRow(QString(), m_verify);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("A&ppearance:"), m_theme);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(choose, &QPushButton::clicked, this, &SettingsDialog::chooseVendorDir);
    connect(m_vendorDir, &QLineEdit::textChanged, this, &SettingsDialog::checkVendorDir);
    connect(addDir, &QPushButton::clicked, this, &SettingsDialog::addProfileDir);
    connect(removeDir, &QPushButton::clicked, this, [this] { delete m_profileDirs->currentItem(); });
    connect(&m_check, &QFutureWatcher<QString>::finished, this,
            [this] { m_vendorStatus->setText(m_check.result()); });
    checkVendorDir();
    resize(640, 460);
}

SettingsDialog::~SettingsDialog()
{
    m_check.waitForFinished();
}

SettingsDialog::Values SettingsDialog::values() const
{
    Values v;
    v.vendorDir = QDir::fromNativeSeparators(m_vendorDir->text().trimmed());
    for (int i = 0; i < m_profileDirs->count(); ++i)
        v.profileDirs << m_profileDirs->item(i)->text();
    v.verifyByDefault = m_verify->isChecked();
    v.language = m_language->currentData().toString();
    v.theme = m_theme->currentData().toString();
    return v;
}

void SettingsDialog::chooseVendorDir()
{
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Folder of the Ingenic USB Cloner"), m_vendorDir->text());
    if (!dir.isEmpty())
        m_vendorDir->setText(QDir::toNativeSeparators(dir));
}

void SettingsDialog::addProfileDir()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder with board profiles"));
    if (!dir.isEmpty())
        m_profileDirs->addItem(dir);
}

void SettingsDialog::checkVendorDir()
{
    if (m_check.isRunning())
        m_check.waitForFinished(); // a few stat() calls
    m_check.setFuture(QtConcurrent::run(&SettingsDialog::vendorStatus,
                                        QDir::fromNativeSeparators(m_vendorDir->text().trimmed()), m_chip));
}

QString SettingsDialog::vendorStatus(const QString &dir, const QString &chip)
{
    if (dir.isEmpty())
        return tr("Not set: only virtual boards can be used.");
    if (!QFileInfo(dir).isDir())
        return tr("This folder does not exist.");
    if (chip.isEmpty())
        return QString();
    QStringList found;
    QStringList missing;
    for (const QString &file : {QStringLiteral("spl.bin"), QStringLiteral("uboot.bin")}) {
        bool ok = false;
        for (const QString &candidate : catalog::VendorFiles::candidates(dir, chip, file)) {
            if (QFileInfo::exists(candidate)) {
                found << QDir::toNativeSeparators(candidate);
                ok = true;
                break;
            }
        }
        if (!ok)
            missing << file;
    }
    if (missing.isEmpty())
        return tr("Found the %1 files: %2").arg(chip.toUpper(), found.join(QStringLiteral(", ")));
    return tr("Missing for %1: %2. Point this at the Cloner folder that has firmwares/%3/.")
        .arg(chip.toUpper(), missing.join(QStringLiteral(", ")), chip);
}

} // namespace oc::ui
