#include "catalogloader.h"

#include "core/catalog/catalog.h"

#include <QtConcurrent>

namespace oc::ui {

CatalogLoader::CatalogLoader(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Loaded>::finished, this,
            [this] { Q_EMIT loaded(m_watcher.result()); });
}

CatalogLoader::~CatalogLoader()
{
    m_watcher.waitForFinished();
}

void CatalogLoader::load(const QStringList &profileDirs)
{
    m_watcher.waitForFinished(); // a reload while loading: the newer folders win
    m_watcher.setFuture(QtConcurrent::run(&CatalogLoader::loadNow, profileDirs));
}

CatalogLoader::Loaded CatalogLoader::loadNow(const QStringList &profileDirs)
{
    Loaded loaded;
    auto catalog = catalog::Catalog::load(profileDirs);
    if (!catalog) {
        loaded.problem = catalog.error().message;
        catalog = catalog::Catalog::loadRoots({QString::fromLatin1(catalog::Catalog::BuiltinRoot)});
    }
    if (catalog)
        loaded.catalog = std::make_shared<const catalog::Catalog>(std::move(catalog).value());
    else
        loaded.problem = catalog.error().message;
    return loaded;
}

} // namespace oc::ui
