#pragma once

#include <QAbstractListModel>

#include <memory>

namespace oc::catalog {
class Catalog;
}

namespace oc::ui {

// The board profiles of the catalog (built-in, $OPENCLONER_BOARDS_DIR and the user's profile folders),
// one row each, ordered by name. Immutable between setCatalog() calls. GUI thread.
class BoardListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        NameRole = Qt::UserRole + 1, // "t31-nor"
        ChipRole,                    // canonical chip name "t31"
        StorageRole,                 // "nor" / "emmc"
        CapacityRole,                // qulonglong, 0 = read from the flash chip
        DescriptionRole,
        SearchTextRole, // everything a search may match, lower case
    };

    explicit BoardListModel(QObject *parent = nullptr);

    void setCatalog(std::shared_ptr<const catalog::Catalog> catalog);
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowOfBoard(const QString &name) const;
    // Chips that have at least one board profile, ordered by name.
    QStringList chips() const;

private:
    struct Entry
    {
        QString name;
        QString chip;
        QString storage;
        quint64 capacity = 0;
        QString description;
    };
    QList<Entry> m_entries;
};

} // namespace oc::ui
