#include "permissiondialog.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace oc::ui {

namespace {
const QString RuleName = QStringLiteral("70-opencloner.rules");
}

QString PermissionDialog::installedRule(const QStringList &roots)
{
    const QStringList dirs = roots.isEmpty() ? QStringList{QStringLiteral("/etc/udev/rules.d"),
                                                           QStringLiteral("/usr/lib/udev/rules.d"),
                                                           QStringLiteral("/lib/udev/rules.d")}
                                             : roots;
    for (const QString &dir : dirs) {
        const QString path = QDir(dir).filePath(RuleName);
        if (QFileInfo::exists(path))
            return path;
    }
    return QString();
}

QString PermissionDialog::ruleText()
{
    QFile file(QStringLiteral(":/opencloner/udev/") + RuleName);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString PermissionDialog::installCommands(const QString &ruleFile)
{
    return QStringLiteral("sudo install -m 0644 \"%1\" /etc/udev/rules.d/%2\n"
                          "sudo udevadm control --reload-rules\n"
                          "sudo udevadm trigger --subsystem-match=usb --attr-match=idVendor=a108\n")
        .arg(ruleFile, RuleName);
}

PermissionDialog::PermissionDialog(QWidget *parent)
    : QDialog(parent)
    , m_status(new QLabel(this))
    , m_commands(new QPlainTextEdit(this))
{
    setWindowTitle(tr("USB permissions"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_commands->setReadOnly(true);
    m_commands->setAccessibleName(tr("Commands that install the udev rule"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_commands->setFont(mono);
    m_ruleFile = QDir(QStandardPaths::writableLocation(QStandardPaths::DownloadLocation)).filePath(RuleName);

    const QString installed = installedRule();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    if (!installed.isEmpty()) {
        m_status->setText(
            tr("The OpenCloner udev rule is installed (%1). If a board still cannot be opened:\n"
               "• unplug it and plug it in again: the rule applies to boards that arrive after it was "
               "installed;\n"
               "• close the Ingenic USB Cloner or any other program that uses the board;\n"
               "• use OpenCloner from the desktop session at the screen: the rule gives the USB boards to "
               "the person logged in there, not to remote (SSH) sessions.")
                .arg(installed));
        m_commands->hide();
    } else {
        m_status->setText(
            tr("Linux lets only administrators open USB devices unless a udev rule says "
               "otherwise. The OpenCloner package installs a rule that gives the person at the "
               "screen access to Ingenic boards in USB boot mode, and to nothing else. It is not "
               "installed here. Save the rule file, then run these commands in a terminal (they "
               "ask for your password), and plug the board in again:"));
        m_commands->setPlainText(installCommands(m_ruleFile) +
                                 QStringLiteral("\n# %1\n").arg(tr("The rule:")) + ruleText());
        auto *save = buttons->addButton(tr("&Save the rule file..."), QDialogButtonBox::ActionRole);
        auto *copy = buttons->addButton(tr("&Copy the commands"), QDialogButtonBox::ActionRole);
        connect(save, &QPushButton::clicked, this, &PermissionDialog::saveRule);
        connect(copy, &QPushButton::clicked, this,
                [this] { QGuiApplication::clipboard()->setText(installCommands(m_ruleFile)); });
    }
    layout->addWidget(m_commands, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(720, 420);
}

void PermissionDialog::saveRule()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save the udev rule"), m_ruleFile, tr("udev rules (*.rules)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(ruleText().toUtf8()) >= 0 && file.commit()) {
        m_ruleFile = path;
        m_commands->setPlainText(installCommands(m_ruleFile) +
                                 QStringLiteral("\n# %1\n").arg(tr("The rule:")) + ruleText());
    }
}

} // namespace oc::ui
