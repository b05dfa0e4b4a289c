#pragma once

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;

namespace oc::ui {

// Asks for the engineer's PIN. Lock: a name for the plan and the new PIN twice; a PIN shorter than
// station::PinHash::MinimumPinLength, made of one repeated character, or typed differently twice is
// refused with the reason. Unlock: the PIN once. Either way `check` gets the PIN when OK is pressed
// and returns why it is not accepted (empty: accepted, the dialog closes), so a wrong PIN or the wait
// after wrong PINs is said in the dialog itself.
class PinDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode : quint8 { Lock, Unlock };
    using Check = std::function<QString(const QString &pin)>;

    PinDialog(Mode mode, const QString &explanation, Check check, QWidget *parent = nullptr);

    void setPlanName(const QString &name);
    QString planName() const;
    QString pin() const;

    // Why `pin` (typed as `again` the second time) cannot be a PIN; empty when it can. Translated.
    static QString weakness(const QString &pin, const QString &again);

    void accept() override;

private:
    Mode m_mode;
    Check m_check;
    QLineEdit *m_plan = nullptr;
    QLineEdit *m_pin;
    QLineEdit *m_again = nullptr;
    QLabel *m_problem;
};

} // namespace oc::ui
