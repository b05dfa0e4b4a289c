#include "pindialog.h"

#include "core/station/pinlock.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace oc::ui {

namespace {

QLineEdit *pinEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setEchoMode(QLineEdit::Password);
    edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhSensitiveData);
    return edit;
}

} // namespace

PinDialog::PinDialog(Mode mode, const QString &explanation, Check check, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_check(std::move(check))
    , m_pin(pinEdit(QStringLiteral("pin"), this))
    , m_problem(new QLabel(this))
{
    const bool lock = mode == Mode::Lock;
    setObjectName(lock ? QStringLiteral("lockDialog") : QStringLiteral("unlockDialog"));
    setWindowTitle(lock ? tr("Lock for operators") : tr("Unlock the station"));
    auto *text = new QLabel(explanation, this);
    text->setWordWrap(true);
    m_problem->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("pinProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #d03030; font-weight: bold;"));
    m_problem->hide();
    m_pin->setAccessibleName(lock ? tr("New PIN") : tr("PIN"));
    auto *form = new QFormLayout;
    if (lock) {
        m_plan = new QLineEdit(this);
        m_plan->setObjectName(QStringLiteral("planName"));
        m_plan->setAccessibleName(tr("Plan name"));
        m_again = pinEdit(QStringLiteral("pinAgain"), this);
        m_again->setAccessibleName(tr("New PIN again"));
        form->addRow(tr("Plan &name:"), m_plan);
        form->addRow(tr("&PIN:"), m_pin);
        form->addRow(tr("PIN &again:"), m_again);
    } else {
        form->addRow(tr("&PIN:"), m_pin);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &PinDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_pin->setFocus();
    resize(qMax(440, sizeHint().width()), sizeHint().height());
}

void PinDialog::setPlanName(const QString &name)
{
    if (m_plan)
        m_plan->setText(name);
}

QString PinDialog::planName() const
{
    return m_plan ? m_plan->text().trimmed() : QString();
}

QString PinDialog::pin() const
{
    return m_pin->text();
}

QString PinDialog::weakness(const QString &pin, const QString &again)
{
    if (pin.size() < station::PinHash::MinimumPinLength)
        return tr("The PIN is too short: use at least %1 characters.")
            .arg(station::PinHash::MinimumPinLength);
    if (pin.count(pin.front()) == pin.size())
        return tr("The PIN repeats one character: anyone would guess it. Choose another.");
    if (pin != again)
        return tr("The two PINs differ. Type the same PIN twice.");
    return QString();
}

void PinDialog::accept()
{
    QString problem;
    if (m_mode == Mode::Lock && planName().isEmpty())
        problem = tr("Give the plan a name: the lanes and every record show it.");
    else if (m_mode == Mode::Lock)
        problem = weakness(m_pin->text(), m_again->text());
    if (problem.isEmpty() && m_check) {
        QApplication::setOverrideCursor(Qt::WaitCursor); // the PIN's hash takes a moment on purpose
        problem = m_check(m_pin->text());
        QApplication::restoreOverrideCursor();
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (problem.isEmpty()) {
        QDialog::accept();
        return;
    }
    m_pin->clear();
    if (m_again)
        m_again->clear();
    m_pin->setFocus();
}

} // namespace oc::ui
