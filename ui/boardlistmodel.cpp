#include "boardlistmodel.h"

#include "core/catalog/catalog.h"

namespace oc::ui {

BoardListModel::BoardListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void BoardListModel::setCatalog(std::shared_ptr<const catalog::Catalog> catalog)
{
    beginResetModel();
    m_entries.clear();
    if (catalog) {
        for (const catalog::BoardProfile *board : catalog->boards()) {
            m_entries.append({board->name, catalog->chipOf(*board).name,
                              QString::fromLatin1(catalog::storageKindName(board->storage)), board->capacity,
                              board->description});
        }
    }
    endResetModel();
}

int BoardListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant BoardListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return e.name;
    case Qt::ToolTipRole:
    case DescriptionRole:
        return e.description;
    case Qt::AccessibleTextRole:
        return QString(e.name + QStringLiteral(", ") + e.description);
    case NameRole:
        return e.name;
    case ChipRole:
        return e.chip;
    case StorageRole:
        return e.storage;
    case CapacityRole:
        return qulonglong(e.capacity);
    case SearchTextRole:
        return QString(e.name + QLatin1Char(' ') + e.chip + QLatin1Char(' ') + e.description).toLower();
    }
    return QVariant();
}

QHash<int, QByteArray> BoardListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(ChipRole, "chip");
    names.insert(StorageRole, "storage");
    names.insert(CapacityRole, "capacity");
    names.insert(DescriptionRole, "description");
    names.insert(SearchTextRole, "searchText");
    return names;
}

int BoardListModel::rowOfBoard(const QString &name) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).name == name)
            return i;
    }
    return -1;
}

QStringList BoardListModel::chips() const
{
    QStringList chips;
    for (const Entry &e : m_entries) {
        if (!chips.contains(e.chip))
            chips << e.chip;
    }
    chips.sort();
    return chips;
}

} // namespace oc::ui
