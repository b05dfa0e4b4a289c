#include "productionpanel.h"

#include <QDir>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace oc::ui {

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QString colourStyle(const QColor &colour)
{
    return QStringLiteral("color: %1;").arg(colour.name());
}

} // namespace

ProductionPanel::ProductionPanel(QWidget *parent)
    : QFrame(parent)
    , m_start(new QPushButton(this))
    , m_stop(new QPushButton(this))
    , m_details(new QLabel(this))
    , m_state(new QLabel(this))
    , m_notice(new QLabel(this))
{
    setObjectName(QStringLiteral("productionPanel"));
    setFrameShape(QFrame::StyledPanel);
    auto *counters = new QGridLayout;
    counters->setHorizontalSpacing(28);
    m_passed = addCounter(counters, 0, &m_passedCaption);
    m_failed = addCounter(counters, 1, &m_failedCaption);
    m_running = addCounter(counters, 2, &m_runningCaption);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(buildButtons());
    layout->addSpacing(16);
    layout->addLayout(counters);
    layout->addSpacing(24);
    layout->addLayout(buildInfo(), 1);
    connect(m_start, &QPushButton::clicked, this, &ProductionPanel::startClicked);
    connect(m_stop, &QPushButton::clicked, this, &ProductionPanel::stopClicked);
    retranslateUi();
    updateColours();
    setState(false, 0);
}

QLayout *ProductionPanel::buildButtons()
{
    QFont big = m_start->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    for (QPushButton *button : {m_start, m_stop}) {
        button->setFont(big);
        button->setMinimumWidth(150);
        button->setMinimumHeight(button->sizeHint().height() * 3 / 2);
    }
    m_start->setIcon(QIcon(QStringLiteral(":/opencloner/icons/start.svg")));
    m_stop->setIcon(QIcon(QStringLiteral(":/opencloner/icons/stop.svg")));
    m_start->setObjectName(QStringLiteral("productionStart"));
    m_stop->setObjectName(QStringLiteral("productionStop"));
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addStretch(1);
    return buttons;
}

QLayout *ProductionPanel::buildInfo()
{
    for (QLabel *label : {m_details, m_state, m_notice}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    QFont bold = m_state->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_state->setFont(bold);
    m_notice->hide();
    auto *info = new QVBoxLayout;
    info->addWidget(m_state);
    info->addWidget(m_details);
    info->addWidget(m_notice);
    info->addStretch(1);
    return info;
}

QLabel *ProductionPanel::addCounter(QGridLayout *grid, int column, QLabel **caption)
{
    auto *figure = new QLabel(QStringLiteral("0"), this);
    QFont font = figure->font();
    font.setPointSizeF(font.pointSizeF() * 2.8);
    font.setBold(true);
    figure->setFont(font);
    figure->setAlignment(Qt::AlignHCenter | Qt::AlignBottom);
    figure->setMinimumWidth(figure->fontMetrics().horizontalAdvance(QStringLiteral("0000")));
    *caption = new QLabel(this);
    (*caption)->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    grid->addWidget(figure, 0, column);
    grid->addWidget(*caption, 1, column);
    return figure;
}

void ProductionPanel::retranslateUi()
{
    m_start->setText(tr("Start"));
    m_start->setToolTip(
        tr("Flashes every board plugged in now and every board plugged in later, each on its own lane"));
    m_start->setAccessibleName(tr("Start the production station"));
    m_stop->setText(tr("Stop"));
    m_stop->setToolTip(tr("No new board is started; boards still being flashed are stopped"));
    m_stop->setAccessibleName(tr("Stop the production station"));
    m_passedCaption->setText(tr("Passed"));
    m_failedCaption->setText(tr("Failed"));
    m_runningCaption->setText(tr("In progress"));
    setCounters(m_counters);
    setDetails(m_station, m_operator, m_plan, m_records);
    setState(m_armed, m_unitsRunning);
}

void ProductionPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::PaletteChange)
        updateColours();
    QFrame::changeEvent(event);
}

void ProductionPanel::updateColours()
{
    const bool dark = isDark(palette());
    // Shades that keep a contrast of about 4.5:1 on the window colour of each palette.
    const QColor green = dark ? QColor(0x6f, 0xdc, 0x8c) : QColor(0x1b, 0x7a, 0x32);
    const QColor red = dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x26, 0x2d);
    m_passed->setStyleSheet(colourStyle(green));
    m_failed->setStyleSheet(colourStyle(red));
    m_notice->setStyleSheet(colourStyle(red));
}

void ProductionPanel::setCounters(const station::StationCounters &counters)
{
    m_counters = counters;
    m_passed->setText(QString::number(counters.passed));
    m_failed->setText(QString::number(counters.failed));
    m_running->setText(QString::number(counters.running));
    m_passed->setAccessibleName(tr("Passed: %1").arg(counters.passed));
    m_failed->setAccessibleName(tr("Failed: %1").arg(counters.failed));
    m_running->setAccessibleName(tr("In progress: %1").arg(counters.running));
}

void ProductionPanel::setDetails(const QString &station, const QString &operatorName, const QString &plan,
                                 const QString &recordsFolder)
{
    m_station = station;
    m_operator = operatorName;
    m_plan = plan;
    m_records = recordsFolder;
    const QString none = tr("not set");
    QStringList lines;
    lines << tr("Station: %1 · Operator: %2")
                 .arg(station.isEmpty() ? none : station, operatorName.isEmpty() ? none : operatorName);
    if (!plan.isEmpty())
        lines << tr("Plan: %1").arg(plan);
    lines << tr("Records: %1").arg(recordsFolder.isEmpty() ? none : QDir::toNativeSeparators(recordsFolder));
    m_details->setText(lines.join(QLatin1Char('\n')));
}

void ProductionPanel::setState(bool armed, int running)
{
    m_armed = armed;
    m_unitsRunning = running;
    m_start->setEnabled(!armed);
    m_stop->setEnabled(armed || running > 0);
    if (armed)
        m_state->setText(tr("Running: plug boards in, each is flashed on its own lane. Unplug a board when "
                            "its lane says so."));
    else if (running > 0)
        m_state->setText(tr("Stopping: %n board(s) still finishing.", nullptr, running));
    else
        m_state->setText(tr("Stopped. Press Start to flash every board plugged in."));
}

void ProductionPanel::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void ProductionPanel::clearNotice()
{
    showNotice(QString());
}

QString ProductionPanel::notice() const
{
    return m_notice->text();
}

QString ProductionPanel::stateText() const
{
    return m_state->text();
}

} // namespace oc::ui
