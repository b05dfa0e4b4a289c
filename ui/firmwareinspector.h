#pragma once

#include "fileclassifier.h"

#include "core/package/packagereader.h"
#include "core/util/cancel.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QFutureWatcher>
#include <QMetaType>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace oc::ui {

// Everything the window shows about a firmware file, computed off the GUI thread.
struct FirmwareInfo
{
    FileCheck check;
    QString imagePath;     // what the job is given: the file itself (the engine streams compressed ones)
    qint64 imageSize = 0;  // bytes that go to the flash (after decompression; a package: all its writes)
    QByteArray fileSha256; // of the file as chosen (what vendors publish), a package's too
    QByteArray
        imageSha256; // of the bytes written to the flash (= fileSha256 for plain images; none: package)
    std::optional<pkg::LoadedPackage> package; // Package: its manifest, every file checked
    std::optional<Error> error;                // unreadable, damaged compressed stream or package, cancelled

    bool isUsable() const { return !error && check.isFirmware(); }
};

// Classifies and measures: SHA-256 of a plain image; one streaming pass over a compressed image
// (its unpacked size, SHA-256 of both forms, and a check that the stream is whole); a complete check
// of an OpenCloner package (core/package: manifest, every file's size and SHA-256). Blocking, reads
// the whole file: worker thread only. `progress` gets 0..100, or -1 while the total is unknown
// (compressed streams); `cancel` is polled between 1 MiB blocks.
FirmwareInfo inspectFirmware(const QString &path, const CancelToken &cancel,
                             const std::function<void(int)> &progress);

// Runs inspectFirmware() on a worker thread; a new inspect() cancels the one running. GUI thread.
class FirmwareInspector : public QObject
{
    Q_OBJECT
public:
    explicit FirmwareInspector(QObject *parent = nullptr);
    ~FirmwareInspector() override; // cancels and waits (at most one 1 MiB block)

    void inspect(const QString &path);
    void cancel();
    bool isBusy() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    void started(const QString &path);
    void progress(int percent); // -1: busy, total not known
    void finished(const oc::ui::FirmwareInfo &info);

private:
    QFutureWatcher<FirmwareInfo> m_watcher;
    std::shared_ptr<CancelToken> m_cancel;
    std::shared_ptr<std::atomic_int> m_generation;
    QString m_pendingPath;
};

} // namespace oc::ui

Q_DECLARE_METATYPE(oc::ui::FirmwareInfo)
