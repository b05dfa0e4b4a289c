#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeView;

namespace oc::ui {

class LogFilterProxy;
class LogModel;

// The log pane: every line of the session with its time, level and board; filters by level and by
// board; saves what it shows; opens the folder where every session's log is kept. Follows new lines
// while scrolled to the bottom.
class LogPane : public QWidget
{
    Q_OBJECT
public:
    LogPane(LogModel *model, const QString &sessionLogDir, QWidget *parent = nullptr);

    LogFilterProxy *proxy() const { return m_proxy; }
    QTreeView *view() const { return m_view; }
    void setDeviceFilter(const QString &key);
    // Writes the lines shown to `path` as text. False with `error` set when the file cannot be written.
    bool saveTo(const QString &path, QString *error) const;
    void saveAs(); // asks for a file name

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void addDevice(const QString &key, const QString &label);
    void onLevelChosen();
    void onBoardChosen();

    LogModel *m_model;
    LogFilterProxy *m_proxy;
    QString m_sessionDir;
    QLabel *m_levelLabel;
    QComboBox *m_level;
    QLabel *m_boardLabel;
    QComboBox *m_board;
    QPushButton *m_save;
    QPushButton *m_openFolder;
    QPushButton *m_clear;
    QTreeView *m_view;
    bool m_follow = true;
};

} // namespace oc::ui
