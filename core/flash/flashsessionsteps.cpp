// FlashSession: multi-step plans. After Configure and Init (which did any erase at the start), the
// steps run in plan order, each write and read in its own stage; one Verify stage then reads back
// every written step, so it checks the final state of the flash after all of them.

#include "flashsession.h"

#include "imagesource.h"
#include "preflight.h"

#include "../util/logging.h"

namespace oc {

namespace {

QString hex(quint64 v)
{
    return QStringLiteral("0x%1").arg(v, 8, 16, QLatin1Char('0'));
}

} // namespace

Status FlashSession::checkFilesBeforeTransfer()
{
    return blockingStatus(preflightFiles(m_plan))
        .context(QStringLiteral("before anything was sent to the board"));
}

void FlashSession::noteStepState(const QString &current)
{
    QStringList parts = m_stepsDone;
    if (!current.isEmpty())
        parts << current;
    m_result.flashState = parts.isEmpty() ? QStringLiteral("unchanged") : parts.join(QStringLiteral("; "));
}

Status FlashSession::runSteps()
{
    if (m_plan.erase == EraseMode::AtInit || m_plan.erase == EraseMode::Chip)
        m_stepsDone << QStringLiteral("erased at the start (erase mode %1)")
                           .arg(QLatin1String(eraseModeName(m_plan.erase)));
    noteStepState({});
    limitChunksToTheFirst();
    bool wrote = false;
    for (const FlashStep &step : m_plan.steps) {
        if (step.kind == StepKind::Write) {
            OC_TRY(stage(Stage::Write, [&] { return writeStep(step); }));
            wrote = true;
        } else if (step.kind == StepKind::Read) {
            OC_TRY(stage(Stage::Read, [&] { return readStep(step); }));
        }
    }
    if (m_plan.verify && wrote)
        OC_TRY(stage(Stage::Verify, [this] { return verifySteps(); }));
    if (m_plan.hasStage(Stage::Reboot))
        OC_TRY(stage(Stage::Reboot, [this] { return rebootBoard(); }));
    return {};
}

// A K1 burner sizes its read-back buffer by the first WRITE of its boot and hangs on a later, larger
// chunk [5.6, 6.9 step 10]. A first file smaller than one chunk therefore sets the chunk size of the
// whole plan; later files take more, smaller chunks.
void FlashSession::limitChunksToTheFirst()
{
    const auto first = std::find_if(m_plan.steps.cbegin(), m_plan.steps.cend(),
                                    [](const FlashStep &s) { return s.kind == StepKind::Write; });
    if (!m_plan.target.debug.writeBackCheck || first == m_plan.steps.cend())
        return;
    const quint64 unit = writeUnit();
    const quint64 firstChunk = (first->length + unit - 1) / unit * unit;
    if (firstChunk >= quint64(m_plan.target.writeChunk))
        return;
    m_chunkLimit = quint32(firstChunk);
    log(LogLevel::Info,
        QStringLiteral("writing in chunks of %1 bytes: the burner sizes its read-back buffer by the "
                       "first chunk (%2)")
            .arg(m_chunkLimit)
            .arg(first->label));
}

Status FlashSession::writeStep(const FlashStep &step)
{
    log(LogLevel::Info, step.describe());
    auto image = oc::openImage(step.image);
    if (!image)
        return std::move(image).error();
    const qint64 size = step.image.size;
    Status status = writeRange(**image, step.offset, &step, [&](quint64 written) {
        noteStepState(QStringLiteral("partly written: %1, %2 of %3 bytes at %4")
                          .arg(step.label)
                          .arg(written)
                          .arg(size)
                          .arg(hex(step.offset)));
        progress(Stage::Write, qint64(written), size);
    });
    if (!status)
        return std::move(status).error().withContext(step.label);
    m_result.bytes += quint64(size);
    m_stepsDone << QStringLiteral("%1 written at %2").arg(step.label, hex(step.offset));
    noteStepState({});
    return {};
}

Status FlashSession::readStep(const FlashStep &step)
{
    const quint64 end = step.endOn(capacity());
    const quint64 length = end > step.offset ? end - step.offset : 0;
    log(LogLevel::Info, step.describe());
    OC_TRY_CTX(readRange(step.offset, length, step.outputPath, 0, qint64(length)), step.label);
    m_stepsDone << QStringLiteral("%1 read from %2").arg(step.label, hex(step.offset));
    noteStepState({});
    return {};
}

Status FlashSession::verifySteps()
{
    qint64 total = 0;
    for (const FlashStep &step : m_plan.steps)
        total += step.kind == StepKind::Write ? step.image.size : 0;
    qint64 done = 0;
    for (const FlashStep &step : m_plan.steps) {
        if (step.kind != StepKind::Write)
            continue;
        auto image = oc::openImage(step.image); // a stream cannot rewind: read it again from the start
        if (!image)
            return std::move(image).error();
        OC_TRY_CTX(verifyRange(**image, step.offset, done, total), step.label);
        done += step.image.size;
    }
    m_result.bytes = quint64(total);
    log(LogLevel::Info, QStringLiteral("verified %1 bytes in %2 steps").arg(total).arg(m_plan.steps.size()));
    return {};
}

} // namespace oc
