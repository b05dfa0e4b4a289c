#include "devicetable.h"

#include "devicelistmodel.h"
#include "progressdelegate.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace oc::ui {

DeviceTable::DeviceTable(DeviceListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_stack(new QStackedWidget(this))
    , m_empty(new QWidget(this))
    , m_emptyTitle(new QLabel(m_empty))
    , m_emptyText(new QLabel(m_empty))
    , m_checklist(new QPushButton(m_empty))
    , m_virtual(new QPushButton(m_empty))
    , m_view(new QTableView(this))
{
    m_view->setModel(model);
    m_view->setItemDelegateForColumn(DeviceListModel::ProgressColumn, new ProgressDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 16);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(DeviceListModel::ProgressColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(DeviceListModel::ResultColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(60);

    QFont big = m_emptyTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_emptyTitle->setFont(big);
    m_emptyTitle->setAlignment(Qt::AlignCenter);
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    auto *emptyButtons = new QHBoxLayout;
    emptyButtons->addStretch(1);
    emptyButtons->addWidget(m_checklist);
    emptyButtons->addWidget(m_virtual);
    emptyButtons->addStretch(1);
    auto *emptyLayout = new QVBoxLayout(m_empty);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(m_emptyTitle);
    emptyLayout->addWidget(m_emptyText);
    emptyLayout->addLayout(emptyButtons);
    emptyLayout->addStretch(1);

    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_view);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_checklist, &QPushButton::clicked, this, &DeviceTable::checklistRequested);
    connect(m_virtual, &QPushButton::clicked, this, &DeviceTable::virtualBoardRequested);
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
        addButtons(first, last);
        updatePage();
    });
    connect(model, &QAbstractItemModel::rowsRemoved, this, &DeviceTable::updatePage);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        addButtons(0, m_model->rowCount() - 1);
        updatePage();
    });
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &from, const QModelIndex &to) { updateButtons(from.row(), to.row()); });
    addButtons(0, model->rowCount() - 1);
    retranslateUi();
    updatePage();
}

void DeviceTable::retranslateUi()
{
    m_emptyTitle->setText(tr("No board detected"));
    m_emptyText->setText(
        tr("Put a board in USB boot mode (hold its boot button while you plug it in or power it "
           "on). It appears here by itself, with its chip and port."));
    m_checklist->setText(tr("What to &check..."));
    m_checklist->setAccessibleName(tr("Open the checklist for a board that is not detected"));
    m_virtual->setText(tr("Try a &virtual board"));
    m_virtual->setAccessibleName(tr("Add a virtual board to try OpenCloner without hardware"));
    m_view->setAccessibleName(tr("Boards"));
    updateButtons(0, m_model->rowCount() - 1);
}

void DeviceTable::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DeviceTable::updatePage()
{
    m_stack->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget *>(m_view) : m_empty);
}

void DeviceTable::addButtons(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = m_model->index(row, DeviceListModel::ActionColumn);
        auto *button = new QPushButton(m_view);
        const QPersistentModelIndex persistent(index);
        connect(button, &QPushButton::clicked, this, [this, persistent] {
            if (!persistent.isValid())
                return;
            const QString key = persistent.data(DeviceListModel::KeyRole).toString();
            const auto activity = DeviceRow::Activity(persistent.data(DeviceListModel::ActivityRole).toInt());
            const bool busy = activity == DeviceRow::Activity::Preparing ||
                              activity == DeviceRow::Activity::Running ||
                              activity == DeviceRow::Activity::Stopping;
            Q_EMIT(busy ? stopRequested(key) : startRequested(key));
        });
        m_view->setIndexWidget(index, button);
    }
    updateButtons(first, last);
}

void DeviceTable::updateButtons(int first, int last)
{
    for (int row = qMax(0, first); row <= last && row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, DeviceListModel::ActionColumn);
        auto *button = qobject_cast<QPushButton *>(m_view->indexWidget(index));
        if (!button)
            continue;
        const DeviceRow &r = m_model->rowAt(row);
        // The view shows its index widgets itself, so a button that must not be used is emptied
        // and flattened rather than hidden.
        const bool blank = !r.isBusy() && !m_startAllowed;
        const QString text = blank ? QString() : r.isBusy() ? tr("Stop") : tr("Start");
        if (button->text() != text)
            button->setText(text);
        button->setFlat(blank);
        button->setEnabled(!blank && (r.isBusy() ? r.activity != DeviceRow::Activity::Stopping : r.present));
        const QString port = r.device.portPath;
        button->setAccessibleName(r.isBusy() ? tr("Stop the job on port %1").arg(port)
                                             : tr("Start on the board on port %1").arg(port));
    }
}

void DeviceTable::setStartAllowed(bool allowed)
{
    m_startAllowed = allowed;
    updateButtons(0, m_model->rowCount() - 1);
}

QStringList DeviceTable::selectedKeys() const
{
    QStringList keys;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        keys << index.data(DeviceListModel::KeyRole).toString();
    return keys;
}

QString DeviceTable::currentKey() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->index(current.row(), 0).data(DeviceListModel::KeyRole).toString()
                             : QString();
}

void DeviceTable::selectKey(const QString &key)
{
    const int row = m_model->rowOf(key);
    if (row >= 0)
        m_view->selectRow(row);
}

QPushButton *DeviceTable::actionButton(const QString &key) const
{
    const int row = m_model->rowOf(key);
    return row < 0 ? nullptr
                   : qobject_cast<QPushButton *>(
                         m_view->indexWidget(m_model->index(row, DeviceListModel::ActionColumn)));
}

} // namespace oc::ui
