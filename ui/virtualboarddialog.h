#pragma once

#include "virtualdevicesource.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace oc::ui {

class BoardListModel;

// Adds virtual boards: which profile they imitate, how many, how fast they are, and which fault they
// will show (for teaching what the window says when something goes wrong). The same virtual board as
// the tests (core/sim), with generated placeholder vendor files.
class VirtualBoardDialog : public QDialog
{
    Q_OBJECT
public:
    struct Fault
    {
        QString id;
        QString text; // sim::FaultPlan syntax
    };
    static QList<Fault> faults(); // the menu of faults, "none" first

    VirtualBoardDialog(BoardListModel *boards, const QString &currentBoard, bool developer,
                       QWidget *parent = nullptr);

    QString boardName() const;
    int count() const;
    QString timing() const;
    void setTiming(const QString &timing);
    QString faultText() const;
    bool createSampleFirmware() const;

    // The spec for one board like `board` (storage from the profile) with the chosen speed and fault.
    VirtualBoardSpec spec(const VirtualBoardSpec &forBoard) const;

private:
    static QString faultLabel(const QString &id);
    void updateFaultText();

    QComboBox *m_board;
    QSpinBox *m_count;
    QComboBox *m_speed;
    QComboBox *m_fault;
    QLineEdit *m_faultText;
    QCheckBox *m_sample;
    QLabel *m_explain;
    bool m_developer;
};

} // namespace oc::ui
