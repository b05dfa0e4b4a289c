#pragma once

#include <QMap>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;

namespace oc::catalog {
class Catalog;
}

namespace oc::ui {

class BoardListModel;

// Chip, then board profile; a search field filters both by name, chip and description. The last
// board chosen for every chip is remembered, so following a detected chip lands on the profile the
// user used for it last time. When a board's ROM answer identifies its chip the picker follows it;
// when the answer is ambiguous (T-series ROMs share strings) it says so and leaves the choice to the user.
class BoardPicker : public QWidget
{
    Q_OBJECT
public:
    explicit BoardPicker(QWidget *parent = nullptr);
    ~BoardPicker() override;

    void setCatalog(std::shared_ptr<const catalog::Catalog> catalog);
    QString boardName() const;
    QString chipName() const; // chip of the chosen board
    bool selectBoard(const QString &name);
    BoardListModel *model() const { return m_model; }

    void setLastBoards(const QMap<QString, QString> &lastBoardForChip) { m_lastForChip = lastBoardForChip; }
    QMap<QString, QString> lastBoards() const { return m_lastForChip; }

    // A board answered: follow its chip when it is certain, explain when it is not.
    // `chips`: candidate chips (empty: the answer matches no known chip); `answer`: printable text.
    void showDetection(const QString &boardLabel, const QStringList &chips, const QString &answer);
    QString notice() const;

Q_SIGNALS:
    void boardChanged(const QString &name);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fillChips();
    void onChipChosen();
    void onBoardChosen();
    void onSearch(const QString &text);
    void setNotice(const QString &text, bool warning);
    void setChipFilter(const QString &chip);
    QString defaultBoardFor(const QString &chip) const;

    BoardListModel *m_model;
    QSortFilterProxyModel *m_byChip;
    QSortFilterProxyModel *m_bySearch;
    QLabel *m_chipLabel;
    QComboBox *m_chip;
    QLabel *m_boardLabel;
    QComboBox *m_board;
    QLineEdit *m_search;
    QLabel *m_notice;
    QMap<QString, QString> m_lastForChip;
    QString m_current;
    bool m_updating = false;
};

} // namespace oc::ui
