#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace oc::ui {

// "OpenCloner may not open the board": says whether the udev rule is installed, and if it is not,
// shows the rule and the three commands that install it (copy, or save the rule file first).
// Installs nothing by itself: the .deb package already did, and nothing happens behind the user's back.
class PermissionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PermissionDialog(QWidget *parent = nullptr);

    // Where the rule is installed, empty if it is not. `roots` for tests.
    static QString installedRule(const QStringList &roots = {});
    static QString ruleText(); // the rule as shipped (from the resources)
    static QString installCommands(const QString &ruleFile);

private:
    void saveRule();

    QLabel *m_status;
    QPlainTextEdit *m_commands;
    QString m_ruleFile;
};

} // namespace oc::ui
