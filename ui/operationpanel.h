#pragma once

#include "jobrequest.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace oc::ui {

class SizeEdit;

// What to do to the boards: flash (verify on by default), read the whole flash or a range into one
// file, erase the whole flash or a range, verify against the firmware file, or boot only. Only the
// options of the chosen operation are shown.
class OperationPanel : public QWidget
{
    Q_OBJECT
public:
    explicit OperationPanel(QWidget *parent = nullptr);

    Operation operation() const;
    void setOperation(Operation op);
    bool verify() const;
    void setVerify(bool on);
    quint64 offset() const; // 0 when the field is not valid
    void setOffset(quint64 offset);
    QString outputPath() const;
    void setOutputPath(const QString &path);
    // The firmware is an OpenCloner package: its steps set offsets and erase mode, so those fields go.
    void setPackageMode(bool on);
    bool isPackageMode() const { return m_packageMode; }

    // The job for `boardName` with `imagePath` (Write / Verify). nullopt with a translated reason
    // when a field is not valid (the reason names the field). `profileSteps`: the board profile brings
    // its own files, so Flash needs no firmware file.
    std::optional<JobRequest> request(const QString &boardName, const QString &imagePath, QString *problem,
                                      bool profileSteps = false) const;

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateVisibility();
    void chooseOutput();

    QLabel *m_opLabel;
    QComboBox *m_op;
    QCheckBox *m_verify;
    QCheckBox *m_whole;
    QLabel *m_offsetLabel;
    SizeEdit *m_offset;
    QLabel *m_lengthLabel;
    SizeEdit *m_length;
    QLabel *m_eraseLabel;
    QComboBox *m_erase;
    QLabel *m_outputLabel;
    QLineEdit *m_output;
    QPushButton *m_outputBrowse;
    QCheckBox *m_reboot;
    QLabel *m_explain;
    bool m_packageMode = false;
};

} // namespace oc::ui
