#pragma once

#include "flashplan.h"
#include "jobresult.h"

#include "../usb/usbtransport.h"
#include "../util/cancel.h"
#include "../util/observer.h"

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
    Status writeChunk(ImageSource &image, quint64 pos, std::vector<quint8> &buffer);
    Status mergeEmmcTail(quint64 flashOffset, std::span<quint8> chunk, qint64 valid);
    void progress(Stage stage, qint64 done, qint64 total);
    void log(LogLevel level, const QString &text);
    quint32 writeUnit() const;

    const FlashPlan &m_plan;
    UsbTransport &m_usb;
    SessionObserver &m_observer;
    const CancelToken &m_cancel;
    std::unique_ptr<proto::Timeouts> m_timeouts;
    std::unique_ptr<proto::BootRom> m_rom;
    std::unique_ptr<proto::Burner> m_burner;
    proto::SpiNorChip m_chip;
    quint32 m_ops = 0;
    quint64 m_written = 0; // bytes of the image written so far
    JobResult m_result;
};

} // namespace oc
