#include "helpdialogs.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QMessageBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace oc::ui {

namespace {

class HelpTexts
{
    Q_DECLARE_TR_FUNCTIONS(HelpTexts)
public:
    static void guide(QWidget *parent);
    static void about(QWidget *parent);
};

void HelpTexts::guide(QWidget *parent)
{
    auto *dialog = new QDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("OpenCloner user guide"));
    auto *browser = new QTextBrowser(dialog);
    browser->setOpenExternalLinks(true);
    browser->setAccessibleName(tr("User guide"));
    QFile file(QStringLiteral(":/opencloner/docs/user-guide.md"));
    if (file.open(QIODevice::ReadOnly))
        browser->setMarkdown(QString::fromUtf8(file.readAll()));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(browser);
    layout->addWidget(buttons);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    dialog->resize(760, 640);
    dialog->show();
}

void HelpTexts::about(QWidget *parent)
{
    QMessageBox::about(
        parent, tr("About OpenCloner"),
        tr("<h3>OpenCloner %1</h3>"
           "<p>A free, native replacement for the Ingenic USB Cloner: boots Ingenic SoCs over "
           "their USB boot ROM and writes, reads, erases and verifies their flash, on many boards "
           "at once.</p>"
           "<p>OpenCloner ships no Ingenic binaries: real boards use the SPL and burner of your "
           "own Ingenic USB Cloner installation.</p>"
           "<p>Built with Qt %2.</p>")
            .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

} // namespace

void showUserGuide(QWidget *parent)
{
    HelpTexts::guide(parent);
}

void showAbout(QWidget *parent)
{
    HelpTexts::about(parent);
}

} // namespace oc::ui
