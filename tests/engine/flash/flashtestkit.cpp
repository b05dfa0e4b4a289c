#include "flashtestkit.h"

#include "core/catalog/placeholders.h"
#include "core/flash/targetbuilder.h"

#include <archive.h>
#include <archive_entry.h>

#include <QEventLoop>
#include <QFile>
#include <QRandomGenerator>
#include <QTimer>

namespace oc::test {

FlashKit::FlashKit()
{
    auto catalog = catalog::Catalog::load();
    Q_ASSERT_X(catalog.ok(), "FlashKit", "the built-in catalog must load");
    m_catalog = std::make_unique<catalog::Catalog>(std::move(catalog).value());
}

QString FlashKit::makeImage(const QString &name, qint64 size, quint32 seed) const
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator random(seed);
    random.fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    for (qint64 i = size / 4 * 4; i < size; ++i)
        data[i] = char(random.generate());
    const QString path = tempPath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != size)
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QByteArray FlashKit::readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void FlashKit::writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        qFatal("cannot write %s", qPrintable(path));
}

QString FlashKit::makeCompressed(const QString &name, const QByteArray &data, const QString &filter) const
{
    const QString path = tempPath(name);
    struct archive *a = archive_write_new();
    const QByteArray filterName = filter.toLatin1();
    if (archive_write_add_filter_by_name(a, filterName.constData()) != ARCHIVE_OK ||
        archive_write_set_format_raw(a) != ARCHIVE_OK ||
        archive_write_open_filename(a, QFile::encodeName(path).constData()) != ARCHIVE_OK)
        qFatal("libarchive cannot write %s: %s", qPrintable(filter), archive_error_string(a));
    struct archive_entry *entry = archive_entry_new();
    archive_entry_set_pathname(entry, "image");
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_size(entry, data.size());
    if (archive_write_header(a, entry) != ARCHIVE_OK ||
        archive_write_data(a, data.constData(), size_t(data.size())) != la_ssize_t(data.size()) ||
        archive_write_close(a) != ARCHIVE_OK)
        qFatal("libarchive failed on %s: %s", qPrintable(path), archive_error_string(a));
    archive_entry_free(entry);
    archive_write_free(a);
    return path;
}

proto::Timeouts FlashKit::shortTimeouts()
{
    proto::Timeouts t;
    t.romControl = Milliseconds(300);
    t.pollTry = Milliseconds(200);
    t.splDeadline = Milliseconds(1500);
    t.burnerBootDeadline = Milliseconds(1500);
    t.burnerIdle = Milliseconds(500);
    t.configBulk = Milliseconds(500);
    t.ackTry = Milliseconds(500);
    t.initBase = Milliseconds(1500);
    t.romBulkBase = Milliseconds(1000);
    t.writeBulkBase = Milliseconds(1000);
    t.writeAckBase = Milliseconds(1500);
    t.getCrcBase = Milliseconds(1000);
    t.readBulkBase = Milliseconds(1000);
    t.reboot = Milliseconds(300);
    return t;
}

Result<FlashPlan> FlashKit::plan(const QString &boardName, const PlanRequest &request,
                                 bool fullTimeouts) const
{
    if (!m_catalog->board(boardName))
        return makeError(ErrorCode::Profile, QStringLiteral("no board %1").arg(boardName));
    return plan(target(boardName), request, fullTimeouts);
}

Result<FlashPlan> FlashKit::plan(const TargetProfile &target, const PlanRequest &request,
                                 bool fullTimeouts) const
{
    auto plan = makePlan(request, target, images(target.boardName));
    if (plan && !fullTimeouts)
        plan->timeouts = shortTimeouts();
    return plan;
}

PlanCheck FlashKit::check(const TargetProfile &target, const PlanRequest &request) const
{
    return checkStepPlan(request, target, images(target.boardName));
}

TargetProfile FlashKit::target(const QString &boardName) const
{
    const catalog::BoardProfile *board = m_catalog->board(boardName);
    Q_ASSERT_X(board, "FlashKit::target", qPrintable(boardName));
    return targetFor(*m_catalog, *board);
}

VendorImages FlashKit::images(const QString &boardName) const
{
    const catalog::BoardProfile *board = m_catalog->board(boardName);
    Q_ASSERT_X(board, "FlashKit::images", qPrintable(boardName));
    const catalog::ChipProfile &chip = m_catalog->chipOf(*board);
    return VendorImages{catalog::placeholderGinfo(chip, *board), catalog::placeholderSpl(chip, *board),
                        catalog::placeholderBurner(chip, *board), true};
}

sim::SimBoardConfig FlashKit::boardConfig(const QString &chip, const QString &storage)
{
    auto config = sim::SimBoardConfig::preset(chip);
    Q_ASSERT(config.ok());
    auto spec = sim::StorageSpec::parse(storage);
    Q_ASSERT(spec.ok());
    config->storage = *spec;
    return *config;
}

void JobTrace::attach(FlashJob &job)
{
    QObject::connect(&job, &FlashJob::stageStarted, &job, [this](Stage s) {
        events << QStringLiteral("started:%1").arg(QLatin1String(stageName(s)));
    });
    QObject::connect(&job, &FlashJob::stageFinished, &job, [this](Stage s) {
        events << QStringLiteral("finished:%1").arg(QLatin1String(stageName(s)));
    });
    QObject::connect(&job, &FlashJob::stageProgress, &job, [this](Stage s, qint64 done, qint64 total) {
        if (s == Stage::Write)
            writeProgress.append({done, total});
    });
    QObject::connect(&job, &FlashJob::logLine, &job, [this](LogLevel, const QString &text) { logs << text; });
    QObject::connect(&job, &FlashJob::finished, &job, [this](const JobResult &r) { result = r; });
}

QStringList JobTrace::stagesStarted() const
{
    QStringList stages;
    for (const QString &e : events) {
        if (e.startsWith(QLatin1String("started:")))
            stages << e.mid(8);
    }
    return stages;
}

bool runJob(FlashJob &job, JobTrace &trace, int timeoutMs)
{
    trace.attach(job);
    QEventLoop loop;
    QObject::connect(&job, &FlashJob::finished, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    return trace.result.has_value();
}

QStringList stageNames(const QList<Stage> &stages)
{
    QStringList names;
    for (Stage s : stages)
        names << QLatin1String(stageName(s));
    return names;
}

proto::NorPartition part(const char *name, quint32 offset, quint32 size, proto::PartitionMode mode,
                         bool readOnly)
{
    proto::NorPartition p;
    p.name = QLatin1String(name);
    p.offset = offset;
    p.size = size;
    p.mode = mode;
    p.readOnly = readOnly;
    return p;
}

StepRequest step(StepKind kind, const QString &path, const QString &partition, std::optional<quint64> offset,
                 quint64 length)
{
    StepRequest r;
    r.kind = kind;
    r.path = path;
    r.partition = partition;
    r.offset = offset;
    r.length = length;
    return r;
}

} // namespace oc::test
