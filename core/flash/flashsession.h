#pragma once

#include "flashplan.h"
#include "jobresult.h"

#include "../usb/usbtransport.h"
#include "../util/cancel.h"
#include "../util/observer.h"

#include <QStringList>

#include <functional>
#include <memory>

namespace oc {

class ImageSource;
namespace proto {
class BootRom;
class Burner;
struct Timeouts;
} // namespace proto

// Runs one FlashPlan on one open transport, synchronously, on the calling thread (FlashJob puts
// it on a worker thread). Every stage of plan.stages is reported started / progress / finished
// in order; a failure stops the run and names the stage, the offset for data stages, and the state
// the board was left in. Returns after at most one transfer timeout once `cancel` is set.
// A multi-step plan boots the burner once, configures it once (the board's partition table) and
// runs its steps in order; its files are checked again before the first transfer and its steps
// against the detected NOR chip before INIT (preflight.h), so a refusal leaves the flash unchanged.
class FlashSession
{
public:
    FlashSession(const FlashPlan &plan, UsbTransport &usb, SessionObserver &observer,
                 const CancelToken &cancel);
    ~FlashSession();

    JobResult run();

private:
    Status execute();
    Status stage(Stage stage, const std::function<Status()> &work);
    Status checkCancelled() const;
    Status connect();
    Status identify();
    Status bootBurner();
    Status configure();
    Status configureNor();
    Status checkAgainstChip() const;
    Status writeImage();
    Status verifyImage();
    Status readToFile();
    Status rebootBoard();
    Result<std::unique_ptr<ImageSource>> openImage() const;
    void progress(Stage stage, qint64 done, qint64 total);
    void log(LogLevel level, const QString &text);
    quint32 writeUnit() const;
    quint64 capacity() const;

    // Data transfer shared by single-operation and multi-step plans (flashsessiondata.cpp).
    using Written = std::function<void(quint64 bytes)>;
    Status writeRange(ImageSource &image, quint64 offset, const FlashStep *step, const Written &written);
    Status writeChunk(ImageSource &image, quint64 flashOffset, std::vector<quint8> &buffer,
                      const FlashStep *step);
    Status mergeEmmcTail(quint64 flashOffset, std::span<quint8> chunk, qint64 valid);
    Status verifyRange(ImageSource &image, quint64 offset, qint64 done, qint64 total);
    Status readRange(quint64 offset, quint64 length, const QString &outputPath, qint64 done, qint64 total);
    bool skippedByParameterPatch(quint64 flashOffset) const;

    // Multi-step plans (flashsessionsteps.cpp).
    Status checkFilesBeforeTransfer();
    Status runSteps();
    Status writeStep(const FlashStep &step);
    Status readStep(const FlashStep &step);
    Status verifySteps();
    void noteStepState(const QString &current);
    void limitChunksToTheFirst();

    const FlashPlan &m_plan;
    UsbTransport &m_usb;
    SessionObserver &m_observer;
    const CancelToken &m_cancel;
    std::unique_ptr<proto::Timeouts> m_timeouts;
    std::unique_ptr<proto::BootRom> m_rom;
    std::unique_ptr<proto::Burner> m_burner;
    proto::SpiNorChip m_chip;
    quint32 m_ops = 0;
    quint64 m_written = 0;    // bytes of the image written so far
    QStringList m_stepsDone;  // multi-step plans: what each finished step did, for flashState
    quint32 m_chunkLimit = 0; // multi-step plans: no WRITE chunk larger than the first one (0: none)
    JobResult m_result;
};

} // namespace oc
