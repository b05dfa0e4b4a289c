#include "logpane.h"

#include "logfilterproxy.h"
#include "logmodel.h"
#include "texts.h"

#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTreeView>
#include <QUrl>

namespace oc::ui {

LogPane::LogPane(LogModel *model, const QString &sessionLogDir, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new LogFilterProxy(this))
    , m_sessionDir(sessionLogDir)
    , m_levelLabel(new QLabel(this))
    , m_level(new QComboBox(this))
    , m_boardLabel(new QLabel(this))
    , m_board(new QComboBox(this))
    , m_save(new QPushButton(this))
    , m_openFolder(new QPushButton(this))
    , m_clear(new QPushButton(this))
    , m_view(new QTreeView(this))
{
    m_proxy->setSourceModel(model);
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setColumnWidth(0, m_view->fontMetrics().horizontalAdvance(QStringLiteral("00:00:00.000 ")) + 8);
    m_view->setColumnWidth(1, m_view->fontMetrics().horizontalAdvance(QStringLiteral("Warning  ")) + 8);
    m_view->setColumnWidth(2, m_view->fontMetrics().horizontalAdvance(QStringLiteral("1-1 (virtual) ")) + 8);
    for (LogLevel level : {LogLevel::Error, LogLevel::Warning, LogLevel::Info, LogLevel::Debug})
        m_level->addItem(QString(), int(level));
    m_level->setCurrentIndex(2);
    m_board->addItem(QString(), QString());
    m_levelLabel->setBuddy(m_level);
    m_boardLabel->setBuddy(m_board);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_levelLabel);
    bar->addWidget(m_level);
    bar->addWidget(m_boardLabel);
    bar->addWidget(m_board);
    bar->addStretch(1);
    bar->addWidget(m_clear);
    bar->addWidget(m_openFolder);
    bar->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view);

    connect(m_level, &QComboBox::activated, this, &LogPane::onLevelChosen);
    connect(m_board, &QComboBox::activated, this, &LogPane::onBoardChosen);
    connect(m_save, &QPushButton::clicked, this, &LogPane::saveAs);
    connect(m_clear, &QPushButton::clicked, m_model, &LogModel::clear);
    connect(m_openFolder, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(m_sessionDir)); });
    connect(model, &LogModel::deviceSeen, this, &LogPane::addDevice);
    // Follow new lines only while the user looks at the end of the log.
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int value) { m_follow = value >= m_view->verticalScrollBar()->maximum() - 2; });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow)
            m_view->scrollToBottom();
    });
    retranslateUi();
}

void LogPane::retranslateUi()
{
    m_levelLabel->setText(tr("Le&vel:"));
    m_level->setItemText(0, tr("Errors"));
    m_level->setItemText(1, tr("Warnings and errors"));
    m_level->setItemText(2, tr("Information"));
    m_level->setItemText(3, tr("Everything (debug)"));
    m_level->setAccessibleName(tr("Log level"));
    m_boardLabel->setText(tr("B&oard:"));
    m_board->setItemText(0, tr("All boards"));
    m_board->setAccessibleName(tr("Show the log of"));
    m_save->setText(tr("&Save log..."));
    m_save->setAccessibleName(tr("Save the log shown to a file"));
    m_openFolder->setText(tr("Session logs"));
    m_openFolder->setToolTip(
        tr("Every session's log is kept in %1").arg(QDir::toNativeSeparators(m_sessionDir)));
    m_openFolder->setAccessibleName(tr("Open the folder of the session logs"));
    m_clear->setText(tr("Clear"));
    m_clear->setAccessibleName(tr("Clear the log pane (the session log on disk is kept)"));
    m_view->setAccessibleName(tr("Log"));
}

void LogPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LogPane::addDevice(const QString &key, const QString &label)
{
    if (m_board->findData(key) < 0)
        m_board->addItem(label, key);
}

void LogPane::setDeviceFilter(const QString &key)
{
    const int index = m_board->findData(key);
    m_board->setCurrentIndex(index < 0 ? 0 : index);
    onBoardChosen();
}

void LogPane::onLevelChosen()
{
    m_proxy->setMinimumLevel(LogLevel(m_level->currentData().toInt()));
}

void LogPane::onBoardChosen()
{
    m_proxy->setDeviceKey(m_board->currentData().toString());
}

bool LogPane::saveTo(const QString &path, QString *error) const
{
    m_model->flush();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        *error = file.errorString();
        return false;
    }
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const int source = m_proxy->mapToSource(m_proxy->index(row, 0)).row();
        file.write(m_model->entry(source).toLine().toUtf8());
        file.write("\n");
    }
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void LogPane::saveAs()
{
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(QStringLiteral("opencloner-log.txt"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the log"), suggested,
                                                      tr("Text files (*.txt *.log);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveTo(path, &error))
        QMessageBox::warning(
            this, tr("Save the log"),
            tr("The log could not be saved to %1: %2").arg(QDir::toNativeSeparators(path), error));
}

} // namespace oc::ui
