#include "boardpicker.h"

#include "boardlistmodel.h"

#include "core/catalog/catalog.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSortFilterProxyModel>

namespace oc::ui {

BoardPicker::BoardPicker(QWidget *parent)
    : QWidget(parent)
    , m_model(new BoardListModel(this))
    , m_byChip(new QSortFilterProxyModel(this))
    , m_bySearch(new QSortFilterProxyModel(this))
    , m_chipLabel(new QLabel(this))
    , m_chip(new QComboBox(this))
    , m_boardLabel(new QLabel(this))
    , m_board(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_notice(new QLabel(this))
{
    m_byChip->setSourceModel(m_model);
    m_byChip->setFilterRole(BoardListModel::ChipRole);
    m_bySearch->setSourceModel(m_byChip);
    m_bySearch->setFilterRole(BoardListModel::SearchTextRole);
    m_bySearch->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_board->setModel(m_bySearch);
    m_board->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_board->setMinimumContentsLength(16);
    m_chip->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_search->setClearButtonEnabled(true);
    m_search->setAcceptDrops(false); // a dropped file goes to the window (firmware)
    m_chipLabel->setBuddy(m_chip);
    m_boardLabel->setBuddy(m_board);
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->hide();

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_chipLabel, 0, 0);
    layout->addWidget(m_chip, 0, 1);
    layout->addWidget(m_boardLabel, 0, 2);
    layout->addWidget(m_board, 0, 3);
    layout->addWidget(m_search, 0, 4);
    layout->setColumnStretch(4, 1);
    layout->addWidget(m_notice, 1, 0, 1, 5);

    connect(m_chip, &QComboBox::activated, this, &BoardPicker::onChipChosen);
    connect(m_board, &QComboBox::currentIndexChanged, this, &BoardPicker::onBoardChosen);
    connect(m_search, &QLineEdit::textChanged, this, &BoardPicker::onSearch);
    retranslateUi();
}

BoardPicker::~BoardPicker() = default;

void BoardPicker::retranslateUi()
{
    m_chipLabel->setText(tr("C&hip:"));
    m_boardLabel->setText(tr("&Board:"));
    m_search->setPlaceholderText(tr("Search boards (name, chip, description)"));
    m_chip->setAccessibleName(tr("Chip"));
    m_chip->setToolTip(tr("The SoC on the board. Boards in USB boot mode are identified automatically when "
                          "their boot ROM tells which chip they are."));
    m_board->setAccessibleName(tr("Board profile"));
    m_board->setToolTip(tr("The board profile: storage, memory and boot settings of your board."));
    m_search->setAccessibleName(tr("Search board profiles"));
    if (m_chip->count() > 0)
        m_chip->setItemText(0, tr("All chips"));
}

void BoardPicker::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void BoardPicker::setCatalog(std::shared_ptr<const catalog::Catalog> catalog)
{
    const QString previous = m_current;
    m_updating = true;
    m_model->setCatalog(catalog);
    fillChips();
    m_updating = false;
    if (!selectBoard(previous) && m_model->rowCount() > 0)
        selectBoard(m_model->index(0, 0).data(BoardListModel::NameRole).toString());
}

void BoardPicker::fillChips()
{
    m_chip->clear();
    m_chip->addItem(tr("All chips"), QString());
    for (const QString &chip : m_model->chips())
        m_chip->addItem(chip.toUpper(), chip);
}

QString BoardPicker::boardName() const
{
    return m_current;
}

QString BoardPicker::chipName() const
{
    const int row = m_model->rowOfBoard(m_current);
    return row < 0 ? QString() : m_model->index(row, 0).data(BoardListModel::ChipRole).toString();
}

bool BoardPicker::selectBoard(const QString &name)
{
    const int row = m_model->rowOfBoard(name);
    if (row < 0)
        return false;
    const QString chip = m_model->index(row, 0).data(BoardListModel::ChipRole).toString();
    m_updating = true;
    // Keep the chip filter if it already shows the board; otherwise show that chip's boards.
    if (!m_chip->currentData().toString().isEmpty() && m_chip->currentData().toString() != chip)
        m_chip->setCurrentIndex(qMax(0, m_chip->findData(chip)));
    setChipFilter(m_chip->currentData().toString());
    if (!m_search->text().isEmpty() && !m_model->index(row, 0)
                                            .data(BoardListModel::SearchTextRole)
                                            .toString()
                                            .contains(m_search->text().toLower()))
        m_search->clear();
    m_updating = false;
    const QModelIndex proxy = m_bySearch->mapFromSource(m_byChip->mapFromSource(m_model->index(row, 0)));
    m_board->setCurrentIndex(proxy.row());
    onBoardChosen();
    return true;
}

void BoardPicker::onChipChosen()
{
    const QString chip = m_chip->currentData().toString();
    m_updating = true;
    setChipFilter(chip);
    m_updating = false;
    if (!chip.isEmpty() && chipName() != chip) {
        const QString board = defaultBoardFor(chip);
        if (!board.isEmpty()) {
            selectBoard(board);
            return;
        }
    }
    // The current board may still be listed: keep it, otherwise take the first one shown.
    if (!selectBoard(m_current) && m_bySearch->rowCount() > 0)
        m_board->setCurrentIndex(0);
    onBoardChosen();
}

void BoardPicker::setChipFilter(const QString &chip)
{
    m_byChip->setFilterRegularExpression(
        chip.isEmpty() ? QString() : QStringLiteral("^%1$").arg(QRegularExpression::escape(chip)));
}

QString BoardPicker::defaultBoardFor(const QString &chip) const
{
    const QString last = m_lastForChip.value(chip);
    if (!last.isEmpty() && m_model->rowOfBoard(last) >= 0)
        return last;
    for (int i = 0; i < m_model->rowCount(); ++i) {
        if (m_model->index(i, 0).data(BoardListModel::ChipRole).toString() == chip)
            return m_model->index(i, 0).data(BoardListModel::NameRole).toString();
    }
    return QString();
}

void BoardPicker::onSearch(const QString &text)
{
    m_updating = true;
    m_bySearch->setFilterFixedString(text.trimmed().toLower());
    m_updating = false;
    if (m_bySearch->rowCount() == 0)
        return; // nothing matches: keep the current board until the search changes
    const int row = m_board->findText(m_current, Qt::MatchExactly);
    m_board->setCurrentIndex(row >= 0 ? row : 0);
    onBoardChosen();
}

void BoardPicker::onBoardChosen()
{
    if (m_updating || m_board->currentIndex() < 0)
        return;
    const QString name = m_board->currentData(BoardListModel::NameRole).toString();
    if (name.isEmpty() || name == m_current)
        return;
    m_current = name;
    const QString chip = chipName();
    m_lastForChip.insert(chip, name);
    m_board->setToolTip(m_board->currentData(BoardListModel::DescriptionRole).toString());
    Q_EMIT boardChanged(name);
}

void BoardPicker::setNotice(const QString &text, bool warning)
{
    m_notice->setText(text);
    m_notice->setProperty("warning", warning);
    m_notice->setStyleSheet(warning ? QStringLiteral("color: #c06000;") : QString());
    m_notice->setAccessibleName(text);
    m_notice->setVisible(!text.isEmpty());
}

QString BoardPicker::notice() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void BoardPicker::showDetection(const QString &boardLabel, const QStringList &chips, const QString &answer)
{
    if (chips.isEmpty()) {
        setNotice(tr("The %1 answered \"%2\", which no known chip does. Pick its profile yourself.")
                      .arg(boardLabel, answer),
                  true);
        return;
    }
    const QString current = chipName();
    if (chips.size() > 1) {
        QStringList upper;
        for (const QString &c : chips)
            upper << c.toUpper();
        const QString list = upper.join(tr(" or "));
        setNotice(
            chips.contains(current)
                ? tr("The %1 answers like a %2, which cannot be told apart over USB. The chosen profile "
                     "(%3) is one of them: check the marking on the chip.")
                      .arg(boardLabel, list, m_current)
                : tr("The %1 answers like a %2, which cannot be told apart over USB. Pick the profile for "
                     "the chip on the board.")
                      .arg(boardLabel, list),
            !chips.contains(current));
        return;
    }
    const QString chip = chips.first();
    if (chip == current) {
        setNotice(tr("The %1 is a %2: profile %3 fits.").arg(boardLabel, chip.toUpper(), m_current), false);
        return;
    }
    const QString board = defaultBoardFor(chip);
    if (board.isEmpty()) {
        setNotice(tr("The %1 is a %2, but there is no board profile for that chip. Add one in "
                     "Settings > Profile folders.")
                      .arg(boardLabel, chip.toUpper()),
                  true);
        return;
    }
    selectBoard(board);
    setNotice(tr("The %1 is a %2: switched to profile %3.").arg(boardLabel, chip.toUpper(), board), false);
}

} // namespace oc::ui
