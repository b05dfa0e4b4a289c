#include "firmwareinspector.h"

#include "core/package/streamreader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QtConcurrent>

#include <vector>

namespace oc::ui {

namespace {

constexpr qint64 Block = 1 << 20;

Error cancelledError()
{
    return makeError(ErrorCode::Cancelled, QStringLiteral("inspection cancelled"));
}

Result<QByteArray> hashFile(const QString &path, const CancelToken &cancel,
                            const std::function<void(int)> &progress)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InputFile, QStringLiteral("%1: %2").arg(path, file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const qint64 total = qMax<qint64>(1, file.size());
    qint64 done = 0;
    QByteArray buffer(Block, Qt::Uninitialized);
    for (;;) {
        if (cancel.isCancelled())
            return cancelledError();
        const qint64 n = file.read(buffer.data(), Block);
        if (n < 0)
            return makeError(ErrorCode::InputFile, QStringLiteral("%1: %2").arg(path, file.errorString()));
        if (n == 0)
            break;
        hash.addData(QByteArrayView(buffer.constData(), n));
        done += n;
        progress(int(100 * done / total));
    }
    return hash.result();
}

// One pass over a compressed image: the engine streams it the same way when it writes.
Status inspectCompressed(FirmwareInfo &info, const CancelToken &cancel)
{
    auto reader = pkg::StreamReader::open({info.check.path, QString()});
    if (!reader)
        return std::move(reader).error();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    std::vector<quint8> buffer(Block);
    bool first = true;
    for (;;) {
        if (cancel.isCancelled())
            return cancelledError();
        auto n = (*reader)->read(buffer);
        if (!n)
            return std::move(n).error();
        if (*n == 0)
            break;
        // A compressed tar is an archive of files, not a flash image.
        if (first && *n >= 262 &&
            QByteArrayView(reinterpret_cast<const char *>(buffer.data()) + 257, 5) == "ustar")
            info.check.kind = FileCheck::Kind::Archive;
        first = false;
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(buffer.data()), qsizetype(*n)));
    }
    auto summary = (*reader)->finish(&cancel);
    if (!summary)
        return std::move(summary).error();
    info.imagePath = info.check.path;
    info.imageSize = summary->imageSize;
    info.fileSha256 = summary->storedSha256;
    info.imageSha256 = hash.result();
    if (info.imageSize == 0)
        info.check.kind = FileCheck::Kind::EmptyFile;
    return {};
}

Status inspectPackage(FirmwareInfo &info, const CancelToken &cancel, const std::function<void(int)> &progress)
{
    auto package = pkg::loadPackage(info.check.path, &cancel, [&progress](qint64 done, qint64 total) {
        progress(total > 0 ? int(100 * done / total) : -1);
    });
    if (!package)
        return std::move(package).error();
    info.imagePath = info.check.path;
    info.imageSize = 0;
    for (const pkg::ManifestStep &step : package->manifest.steps) {
        if (step.op == pkg::StepOp::Write)
            info.imageSize += step.imageSize;
    }
    info.package = std::move(package).value();
    // The package file's own hash: what a station plan pins and every production record names.
    auto hash = hashFile(info.check.path, cancel, [](int) {});
    if (!hash)
        return std::move(hash).error();
    info.fileSha256 = *hash;
    return {};
}

} // namespace

FirmwareInfo inspectFirmware(const QString &path, const CancelToken &cancel,
                             const std::function<void(int)> &progress)
{
    FirmwareInfo info;
    info.check = FileClassifier::classify(path);
    Status status;
    switch (info.check.kind) {
    case FileCheck::Kind::Image:
        if (auto hash = hashFile(path, cancel, progress); hash) {
            info.imagePath = path;
            info.imageSize = info.check.size;
            info.fileSha256 = info.imageSha256 = *hash;
        } else {
            status = std::move(hash).error();
        }
        break;
    case FileCheck::Kind::CompressedImage:
        progress(-1);
        status = inspectCompressed(info, cancel);
        break;
    case FileCheck::Kind::Package:
        status = inspectPackage(info, cancel, progress);
        break;
    default:
        break;
    }
    if (!status)
        info.error = status.error();
    progress(100);
    return info;
}

FirmwareInspector::FirmwareInspector(QObject *parent)
    : QObject(parent)
    , m_cancel(std::make_shared<CancelToken>())
    , m_generation(std::make_shared<std::atomic_int>(0))
{
    qRegisterMetaType<oc::ui::FirmwareInfo>();
    connect(&m_watcher, &QFutureWatcher<FirmwareInfo>::finished, this, [this] {
        const FirmwareInfo info = m_watcher.result();
        if (!m_pendingPath.isEmpty()) {
            inspect(std::exchange(m_pendingPath, QString()));
            return;
        }
        Q_EMIT finished(info);
    });
}

FirmwareInspector::~FirmwareInspector()
{
    m_cancel->cancel();
    m_watcher.waitForFinished();
}

void FirmwareInspector::cancel()
{
    m_cancel->cancel();
    m_pendingPath.clear();
}

void FirmwareInspector::inspect(const QString &path)
{
    if (m_watcher.isRunning()) {
        // One worker at a time: the running one stops at its next block, then this path starts.
        m_cancel->cancel();
        m_pendingPath = path;
        return;
    }
    m_cancel = std::make_shared<CancelToken>();
    const int generation = ++*m_generation;
    Q_EMIT started(path);
    auto report = [this, generation, gen = m_generation,
                   last = std::make_shared<std::atomic_int>(-2)](int percent) {
        if (last->exchange(percent) == percent || gen->load() != generation)
            return;
        QMetaObject::invokeMethod(
            this, [this, percent] { Q_EMIT progress(percent); }, Qt::QueuedConnection);
    };
    m_watcher.setFuture(QtConcurrent::run(
        [path, cancel = m_cancel, report] { return inspectFirmware(path, *cancel, report); }));
}

} // namespace oc::ui
