#include "progressdelegate.h"

#include "devicelistmodel.h"

#include <QApplication>
#include <QPainter>

namespace oc::ui {

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    const QString text = index.data(DeviceListModel::ProgressTextRole).toString();
    const int activity = index.data(DeviceListModel::ActivityRole).toInt();
    if (text.isEmpty() && activity == int(DeviceRow::Activity::Idle)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The selection background first, so a selected row still looks selected around the bar.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);

    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(3, 3, -3, -3);
    bar.minimum = 0;
    bar.maximum = 1000;
    bar.progress = index.data(DeviceListModel::ProgressRole).toInt();
    bar.text = text;
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;
    bar.state = option.state | QStyle::State_Horizontal;
    bar.palette = option.palette;
    bar.fontMetrics = option.fontMetrics;
    switch (index.data(DeviceListModel::OutcomeRole).toInt()) {
    case 1:
        bar.palette.setColor(QPalette::Highlight, QColor(0x2e, 0x9e, 0x48));
        break;
    case 2:
        bar.palette.setColor(QPalette::Highlight, QColor(0xd0, 0x30, 0x30));
        break;
    case 3:
        bar.palette.setColor(QPalette::Highlight, QColor(0xc0, 0x80, 0x20));
        break;
    default:
        break;
    }
    bar.palette.setColor(QPalette::HighlightedText, Qt::white);
    // The groove in the window colour stands out from the row in light and dark palettes alike.
    bar.palette.setColor(QPalette::Base, option.palette.color(QPalette::Window));
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, option.widget);
}

QSize ProgressDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(
        qMax(size.width(), option.fontMetrics.horizontalAdvance(QStringLiteral("Verifying the image 100%"))));
    size.setHeight(qMax(size.height(), option.fontMetrics.height() + 12));
    return size;
}

} // namespace oc::ui
