#pragma once

#include <QObject>
#include <QStringList>

#include <memory>

class QWidget;

namespace oc::catalog {
class Catalog;
}

namespace oc::ui {

class LogModel;

// What happens when an Ingenic USB Cloner installation, a folder of vendor files or a Cloner bundle is
// dropped on the window: one question in plain words, then, on the user's word, the import of its board
// profiles (core/catalog ImportStore, on a worker thread, into the store Catalog::load() reads) and / or
// the folder as the vendor files of real boards. Every imported and skipped board is logged. GUI thread.
class ImportFlow : public QObject
{
    Q_OBJECT
public:
    ImportFlow(LogModel *log, QWidget *dialogParent);
    ~ImportFlow() override; // waits for an import in progress

    // `importable`: a whole installation (configs/ and firmwares/), not only a folder of vendor files.
    void offerFolder(const QString &path, bool importable, std::shared_ptr<const catalog::Catalog> catalog);
    void offerBundle(const QString &path, std::shared_ptr<const catalog::Catalog> catalog);
    bool isImporting() const { return m_running > 0; }

Q_SIGNALS:
    void vendorDirChosen(const QString &path);
    // The store changed: reload the catalog; `boards` are the imported profile names.
    void imported(const QStringList &boards);
    void importFailed(const QString &reason);

private:
    void startImport(const QString &path, std::shared_ptr<const catalog::Catalog> catalog);

    LogModel *m_log;
    QWidget *m_parent;
    int m_running = 0;
};

} // namespace oc::ui
