#include "virtualboardflow.h"

#include "appsettings.h"
#include "boardpicker.h"
#include "devicelistmodel.h"
#include "station.h"
#include "virtualbench.h"
#include "virtualboarddialog.h"
#include "virtualdevicesource.h"

#include <QMessageBox>
#include <QStatusBar>

namespace oc::ui {

VirtualBoardFlow::VirtualBoardFlow(const Parts &parts, QObject *parent)
    : QObject(parent)
    , m_parts(parts)
{}

Result<QStringList> VirtualBoardFlow::add(const QString &boardName, int count, const QString &timing,
                                          const QString &faults)
{
    auto ports = m_parts.bench->add(boardName, count, timing, faults);
    if (!ports)
        return std::move(ports).error();
    QStringList keys;
    for (const QString &port : *ports)
        keys << DeviceListModel::keyFor(m_parts.source->sourceId(), port);
    return keys;
}

void VirtualBoardFlow::showDialog()
{
    if (!m_parts.station->catalog()) {
        m_parts.statusBar->showMessage(tr("The board profiles are still loading."), 5000);
        return;
    }
    BoardPicker *picker = m_parts.picker;
    VirtualBoardDialog dialog(picker->model(), picker->boardName(), m_parts.developer, m_parts.window);
    dialog.setTiming(m_parts.settings->virtualTiming());
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_parts.settings->setVirtualTiming(dialog.timing());
    auto keys = add(dialog.boardName(), dialog.count(), dialog.timing(), dialog.faultText());
    if (!keys) {
        QMessageBox::warning(m_parts.window, tr("Virtual boards"),
                             tr("The virtual board could not be added: %1").arg(keys.error().message));
        return;
    }
    picker->selectBoard(dialog.boardName());
    if (dialog.createSampleFirmware())
        m_parts.bench->makeSampleFirmware();
}

void VirtualBoardFlow::setPlugged(const QStringList &keys, bool plugged)
{
    for (const QString &key : keys) {
        const DeviceRow *row = m_parts.devices->row(key);
        if (row && row->isVirtual)
            plugged ? m_parts.bench->plug(row->device.portPath) : m_parts.bench->unplug(row->device.portPath);
    }
}

void VirtualBoardFlow::removeAll()
{
    for (const QString &key : m_parts.devices->keys()) {
        if (m_parts.devices->row(key)->isVirtual)
            m_parts.station->stop(key);
    }
    m_parts.bench->removeAll();
}

} // namespace oc::ui
