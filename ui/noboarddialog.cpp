#include "noboarddialog.h"

#include "station.h"
#include "usbeventmonitor.h"

#include "core/catalog/catalog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTime>
#include <QVBoxLayout>

namespace oc::ui {

NoBoardDialog::NoBoardDialog(Station *station, std::shared_ptr<const catalog::Catalog> catalog,
                             const QString &chip, UsbEventMonitor *monitor, QWidget *parent)
    : QDialog(parent)
    , m_station(station)
    , m_catalog(std::move(catalog))
    , m_status(new QLabel(this))
    , m_events(new QListWidget(this))
{
    setWindowTitle(tr("No board detected?"));
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    m_status->setWordWrap(true);
    m_status->setText(tr("Waiting for a board in USB boot mode..."));

    auto *steps = new QGroupBox(tr("Check, one after the other"), this);
    auto *stepsLayout = new QVBoxLayout(steps);
    const QStringList items = {
        tr("The cable carries data. Many phone-charging cables only carry power: try the cable that came "
           "with "
           "the board, or one that works with a phone's file transfer."),
        tr("The board is in USB boot mode: hold its boot button (often marked BOOT) while you plug the cable "
           "in "
           "or switch the board on, and release it after two seconds."),
        tr("The cable is in a USB port of the computer itself, not in a hub, a keyboard or a monitor."),
        tr("The board appears in the list on the right as an Ingenic device with the USB id %1.")
            .arg(expectedIds(chip)),
    };
    for (const QString &item : items) {
        auto *box = new QCheckBox(steps);
        auto *label = new QLabel(item, steps); // QCheckBox does not wrap: the text goes in a label beside it
        label->setWordWrap(true);
        label->setBuddy(box);
        box->setAccessibleName(item);
        auto *row = new QHBoxLayout;
        row->addWidget(box, 0, Qt::AlignTop);
        row->addWidget(label, 1);
        stepsLayout->addLayout(row);
    }
    auto *permission = new QPushButton(tr("It appears but cannot be opened: USB permissions..."), steps);
    auto *virtualBoard = new QPushButton(tr("No board at hand: try a virtual board"), steps);
    stepsLayout->addWidget(permission);
    stepsLayout->addWidget(virtualBoard);
    stepsLayout->addStretch(1);

    auto *live = new QGroupBox(tr("USB events, live"), this);
    auto *liveLayout = new QVBoxLayout(live);
    liveLayout->addWidget(m_events);
    m_events->setAccessibleName(tr("USB events"));
    if (!monitor || !monitor->isAvailable())
        liveLayout->addWidget(new QLabel(tr("Only Ingenic boards are listed on this system."), live));

    auto *columns = new QHBoxLayout;
    columns->addWidget(steps, 3);
    columns->addWidget(live, 2);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);
    resize(860, 480);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(permission, &QPushButton::clicked, this, &NoBoardDialog::permissionHelpRequested);
    connect(virtualBoard, &QPushButton::clicked, this, [this] { Q_EMIT virtualBoardRequested(); });
    connect(station, &Station::boardArrived, this, &NoBoardDialog::onBoardArrived);
    connect(station, &Station::boardLeft, this,
            [this](const QString &key) { addEvent(tr("%1 left").arg(m_station->labelFor(key))); });
    for (const QString &key : station->presentKeys())
        addEvent(tr("Present: %1").arg(station->labelFor(key)));
    if (monitor && monitor->isAvailable()) {
        connect(monitor, &UsbEventMonitor::arrived, this, &NoBoardDialog::onUsbArrived);
        connect(monitor, &UsbEventMonitor::left, this, &NoBoardDialog::onUsbLeft);
        for (const UsbDeviceInfo &device : monitor->scan()) {
            if (!device.isIngenic())
                addEvent(tr("Present: %1:%2 %3")
                             .arg(device.vid, 4, 16, QLatin1Char('0'))
                             .arg(device.pid, 4, 16, QLatin1Char('0'))
                             .arg(device.product));
        }
    }
}

QString NoBoardDialog::expectedIds(const QString &chip) const
{
    if (!m_catalog)
        return QStringLiteral("a108:xxxx");
    QStringList ids;
    if (const catalog::ChipProfile *profile = m_catalog->chip(chip)) {
        for (const catalog::UsbId &id : profile->usbIds)
            ids << catalog::formatUsbId(id);
        if (!ids.isEmpty())
            return tr("%1 (for a %2)").arg(ids.join(QStringLiteral(", ")), chip.toUpper());
    }
    for (const catalog::UsbId &id : m_catalog->knownUsbIds())
        ids << catalog::formatUsbId(id);
    return ids.join(QStringLiteral(", "));
}

void NoBoardDialog::addEvent(const QString &text)
{
    m_events->addItem(
        QStringLiteral("%1  %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), text));
    m_events->scrollToBottom();
}

QStringList NoBoardDialog::events() const
{
    QStringList list;
    for (int i = 0; i < m_events->count(); ++i)
        list << m_events->item(i)->text();
    return list;
}

void NoBoardDialog::onUsbArrived(const UsbDeviceInfo &device)
{
    const QString id = QStringLiteral("%1:%2")
                           .arg(device.vid, 4, 16, QLatin1Char('0'))
                           .arg(device.pid, 4, 16, QLatin1Char('0'));
    if (device.isIngenic()) {
        addEvent(device.writable
                     ? tr("Ingenic device %1 arrived on port %2").arg(id, device.port)
                     : tr("Ingenic device %1 arrived on port %2, but you may not open it: see USB "
                          "permissions")
                           .arg(id, device.port));
        return;
    }
    addEvent(tr("Another USB device arrived: %1 %2 %3 (not a board in USB boot mode)")
                 .arg(id, device.manufacturer, device.product)
                 .simplified());
}

void NoBoardDialog::onUsbLeft(const UsbDeviceInfo &device)
{
    addEvent(tr("USB device %1:%2 left")
                 .arg(device.vid, 4, 16, QLatin1Char('0'))
                 .arg(device.pid, 4, 16, QLatin1Char('0')));
}

void NoBoardDialog::onBoardArrived(const QString &key)
{
    const QString label = m_station->labelFor(key);
    addEvent(tr("Found: %1").arg(label));
    m_found = true;
    m_status->setText(tr("Found: %1. It is in the list of boards; you can close this window.").arg(label));
    m_status->setStyleSheet(QStringLiteral("color: #2e9e48;"));
}

} // namespace oc::ui
