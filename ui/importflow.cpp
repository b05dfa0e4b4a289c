#include "importflow.h"

#include "logmodel.h"

#include "core/catalog/catalog.h"
#include "core/catalog/importstore.h"

#include <QDir>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QPushButton>
#include <QtConcurrent>

namespace oc::ui {

ImportFlow::ImportFlow(LogModel *log, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_log(log)
    , m_parent(dialogParent)
{}

ImportFlow::~ImportFlow()
{
    for (QFutureWatcher<Result<catalog::ClonerImport>> *watcher :
         findChildren<QFutureWatcher<Result<catalog::ClonerImport>> *>())
        watcher->waitForFinished();
}

void ImportFlow::offerFolder(const QString &path, bool importable,
                             std::shared_ptr<const catalog::Catalog> catalog)
{
    const QString shown = QDir::toNativeSeparators(path);
    QMessageBox box(QMessageBox::Question, tr("Ingenic USB Cloner"),
                    importable
                        ? tr("%1 is an Ingenic USB Cloner installation. Import its board profiles, so they "
                             "appear in the board list, and use its SPL and burner for real boards?")
                              .arg(shown)
                        : tr("%1 holds Ingenic vendor files (SPL and burner). Use this folder for real "
                             "boards?")
                              .arg(shown),
                    QMessageBox::NoButton, m_parent);
    box.setObjectName(QStringLiteral("useVendorFolder"));
    QPushButton *import = nullptr;
    if (importable && catalog)
        import = box.addButton(tr("&Import and use it"), QMessageBox::AcceptRole);
    QPushButton *use = box.addButton(import ? tr("&Only use its vendor files") : tr("&Use this folder"),
                                     import ? QMessageBox::ActionRole : QMessageBox::AcceptRole);
    box.setDefaultButton(import ? import : use);
    box.addButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != import && box.clickedButton() != use)
        return;
    m_log->append(LogLevel::Info, QString(), QString(), tr("Vendor files folder: %1").arg(shown));
    Q_EMIT vendorDirChosen(path);
    if (box.clickedButton() == import)
        startImport(path, std::move(catalog));
}

void ImportFlow::offerBundle(const QString &path, std::shared_ptr<const catalog::Catalog> catalog)
{
    if (!catalog)
        return;
    QMessageBox box(
        QMessageBox::Question, tr("Ingenic USB Cloner"),
        tr("%1 looks like an Ingenic USB Cloner bundle. Import its board profiles? Its SPL and burner "
           "are kept with them in OpenCloner's data folder.")
            .arg(QDir::toNativeSeparators(path)),
        QMessageBox::NoButton, m_parent);
    box.setObjectName(QStringLiteral("importBundle"));
    QPushButton *import = box.addButton(tr("&Import"), QMessageBox::AcceptRole);
    box.setDefaultButton(import);
    box.addButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == import)
        startImport(path, std::move(catalog));
}

void ImportFlow::startImport(const QString &path, std::shared_ptr<const catalog::Catalog> catalog)
{
    m_log->append(LogLevel::Info, QString(), QString(),
                  tr("Importing the board profiles of %1...").arg(QDir::toNativeSeparators(path)));
    auto *watcher = new QFutureWatcher<Result<catalog::ClonerImport>>(this);
    ++m_running;
    connect(watcher, &QFutureWatcher<Result<catalog::ClonerImport>>::finished, this, [this, watcher, path] {
        --m_running;
        watcher->deleteLater();
        const Result<catalog::ClonerImport> result = watcher->result();
        if (!result) {
            m_log->append(LogLevel::Error, QString(), QString(),
                          tr("The import of %1 failed: %2")
                              .arg(QDir::toNativeSeparators(path), result.error().message));
            Q_EMIT importFailed(result.error().message);
            return;
        }
        QStringList boards;
        for (const catalog::ImportedBoard &imported : result->boards) {
            boards << imported.board.name;
            for (const QString &warning : imported.warnings)
                m_log->append(LogLevel::Warning, QString(), QString(),
                              QStringLiteral("%1: %2").arg(imported.board.name, warning));
        }
        for (const catalog::SkippedBoard &skipped : result->skipped)
            m_log->append(LogLevel::Warning, QString(), QString(),
                          tr("Not imported: %1 (%2)").arg(skipped.config, skipped.reason));
        m_log->append(LogLevel::Info, QString(), QString(),
                      tr("Imported %n board profile(s): %1", nullptr, int(boards.size()))
                          .arg(boards.join(QStringLiteral(", "))));
        Q_EMIT imported(boards);
    });
    watcher->setFuture(QtConcurrent::run([path, catalog] {
        catalog::ImportStore store(catalog::ImportStore::defaultDir());
        return store.importAndSave(*catalog, path);
    }));
}

} // namespace oc::ui
