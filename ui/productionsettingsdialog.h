#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace oc::ui {

// Production settings: the folder that receives the per-unit records (CSV and JSON lines, one file
// each per station and day), the station's name (in the file names and every record) and the
// operator's. In operator mode only the operator's name can change: the folder and the station are
// the locked plan's. The values are only accepted when the folder and the station are given.
class ProductionSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    struct Values
    {
        QString recordsDir;
        QString station;
        QString operatorName;
    };

    ProductionSettingsDialog(const Values &values, bool operatorOnly, QWidget *parent = nullptr);

    Values values() const;
    // Sensible first values: a records folder under the user's documents, the computer's name, the
    // login name.
    static Values defaults();

    void accept() override;

private:
    void buildLayout();
    void chooseFolder();

    QLineEdit *m_records;
    QPushButton *m_browse;
    QLineEdit *m_station;
    QLineEdit *m_operator;
    QLabel *m_problem;
};

} // namespace oc::ui
