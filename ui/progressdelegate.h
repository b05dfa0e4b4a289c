#pragma once

#include <QStyledItemDelegate>

namespace oc::ui {

// Paints DeviceListModel's progress column as a progress bar carrying the stage name ("Writing 45%"),
// in the highlight colour while running, green when done, red when failed.
class ProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace oc::ui
