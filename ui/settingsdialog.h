#pragma once

#include <QDialog>
#include <QFutureWatcher>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace oc::ui {

// Settings: the vendor files folder (the user's Ingenic USB Cloner installation) with a check that the
// chosen board's SPL and burner are there, extra board profile folders, verify by default, language
// and appearance. The caller applies the values when the dialog is accepted.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    struct Values
    {
        QString vendorDir;
        QStringList profileDirs;
        bool verifyByDefault = true;
        QString language; // "" system
        QString theme;    // "system", "light", "dark"
    };

    // `chip`: the chip of the chosen board, for the vendor files check.
    SettingsDialog(const Values &values, const QString &chip, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    Values values() const;

    // "spl.bin and uboot.bin found for T31 in firmwares/t31" or what is missing. Blocking (stats a
    // few paths): the dialog runs it on a worker thread.
    static QString vendorStatus(const QString &dir, const QString &chip);

private:
    void chooseVendorDir();
    void checkVendorDir();
    void addProfileDir();

    QString m_chip;
    QLineEdit *m_vendorDir;
    QLabel *m_vendorStatus;
    QListWidget *m_profileDirs;
    QCheckBox *m_verify;
    QComboBox *m_language;
    QComboBox *m_theme;
    QFutureWatcher<QString> m_check;
};

} // namespace oc::ui
