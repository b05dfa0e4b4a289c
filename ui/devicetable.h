#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace oc::ui {

class DeviceListModel;

// The live device list: a table with one Start / Stop button per row (real buttons, so they are in
// the tab order and have accessible names), and, while no board is plugged in, a short explanation
// with the way to the checklist and to a virtual board instead of an empty grid.
class DeviceTable : public QWidget
{
    Q_OBJECT
public:
    explicit DeviceTable(DeviceListModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    QStringList selectedKeys() const;
    QString currentKey() const;
    void selectKey(const QString &key);
    QPushButton *actionButton(const QString &key) const; // tests and accessibility checks
    // Production mode starts boards by itself: the rows' Start buttons go blank (Stop stays).
    void setStartAllowed(bool allowed);

Q_SIGNALS:
    void startRequested(const QString &key);
    void stopRequested(const QString &key);
    void checklistRequested();
    void virtualBoardRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void addButtons(int first, int last);
    void updateButtons(int first, int last);
    void updatePage();

    DeviceListModel *m_model;
    QStackedWidget *m_stack;
    QWidget *m_empty;
    QLabel *m_emptyTitle;
    QLabel *m_emptyText;
    QPushButton *m_checklist;
    QPushButton *m_virtual;
    QTableView *m_view;
    bool m_startAllowed = true;
};

} // namespace oc::ui
