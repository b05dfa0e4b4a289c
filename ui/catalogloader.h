#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <memory>

namespace oc::catalog {
class Catalog;
}

namespace oc::ui {

// Loads the board profiles on a worker thread (built-ins, $OPENCLONER_BOARDS_DIR, the user's profile
// folders). A broken user file does not leave the window without profiles: the built-ins are used and
// `problem` says what is wrong. GUI thread.
class CatalogLoader : public QObject
{
    Q_OBJECT
public:
    struct Loaded
    {
        std::shared_ptr<const catalog::Catalog> catalog; // null only if the built-ins failed too
        QString problem;                                 // technical English, empty when all loaded
    };

    explicit CatalogLoader(QObject *parent = nullptr);
    ~CatalogLoader() override; // waits for a load in progress

    void load(const QStringList &profileDirs);
    bool isLoading() const { return m_watcher.isRunning(); }

    // Blocking; what load() runs on the worker thread.
    static Loaded loadNow(const QStringList &profileDirs);

Q_SIGNALS:
    void loaded(const oc::ui::CatalogLoader::Loaded &result);

private:
    QFutureWatcher<Loaded> m_watcher;
};

} // namespace oc::ui
