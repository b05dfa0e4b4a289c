#include "flashsession.h"

#include "imagesource.h"
#include "preflight.h"
#include "storageconfig.h"

#include "../protocol/bootrom.h"
#include "../protocol/burner.h"
#include "../protocol/config.h"
#include "../protocol/timeouts.h"
#include "../protocol/wire.h"
#include "../util/logging.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace oc {

namespace {

QString hex(quint64 v)
{
    return QStringLiteral("0x%1").arg(v, 8, 16, QLatin1Char('0'));
}

} // namespace

const char *boardStateName(BoardState state)
{
    switch (state) {
    case BoardState::Untouched:
        return "untouched";
    case BoardState::InRom:
        return "in-rom";
    case BoardState::BurnerIdle:
        return "burner-idle";
    case BoardState::Rebooted:
        return "rebooted";
    case BoardState::Gone:
        return "gone";
    case BoardState::Unresponsive:
        return "unresponsive";
    }
    return "untouched";
}

FlashSession::FlashSession(const FlashPlan &plan, UsbTransport &usb, SessionObserver &observer,
                           const CancelToken &cancel)
    : m_plan(plan)
    , m_usb(usb)
    , m_observer(observer)
    , m_cancel(cancel)
    , m_timeouts(std::make_unique<proto::Timeouts>(plan.timeouts))
{
    m_ops = plan.target.storage == StorageKind::Nor ? proto::OpsSfcNor : proto::opsMmc(plan.target.mmcSlot);
}

FlashSession::~FlashSession() = default;

JobResult FlashSession::run()
{
    QElapsedTimer timer;
    timer.start();
    m_result.flashState = QStringLiteral("unchanged");
    const Status status = execute();
    m_result.seconds = double(timer.nsecsElapsed()) / 1e9;
    if (m_burner)
        m_result.retries = m_burner->retriesUsed();
    m_result.ok = status.ok();
    if (!status.ok()) {
        m_result.error = status.error();
        switch (m_result.error.code) {
        case ErrorCode::Disconnected:
            m_result.boardState = BoardState::Gone;
            break;
        case ErrorCode::Timeout:
            m_result.boardState = BoardState::Unresponsive;
            break;
        default:
            break;
        }
        log(LogLevel::Error, m_result.error.message);
    }
    return m_result;
}

Status FlashSession::execute()
{
    OC_TRY(stage(Stage::Connect, [this] { return connect(); }));
    OC_TRY(stage(Stage::Identify, [this] { return identify(); }));
    OC_TRY(bootBurner());
    if (m_plan.op == Operation::Boot)
        return {};
    OC_TRY(stage(Stage::Configure, [this] { return configure(); }));
    OC_TRY(stage(Stage::Init, [this] {
        const Milliseconds deadline = initDeadline(m_plan, m_chip, *m_timeouts);
        return m_burner->init(deadline);
    }));
    if (m_plan.isMultiStep())
        return runSteps();
    if (m_plan.op == Operation::Erase)
        m_result.flashState =
            QStringLiteral("erased %1 bytes at %2").arg(m_plan.length).arg(hex(m_plan.offset));
    if (m_plan.hasStage(Stage::Write))
        OC_TRY(stage(Stage::Write, [this] { return writeImage(); }));
    if (m_plan.hasStage(Stage::Verify))
        OC_TRY(stage(Stage::Verify, [this] { return verifyImage(); }));
    if (m_plan.hasStage(Stage::Read))
        OC_TRY(stage(Stage::Read, [this] { return readToFile(); }));
    if (m_plan.hasStage(Stage::Reboot))
        OC_TRY(stage(Stage::Reboot, [this] { return rebootBoard(); }));
    return {};
}

Status FlashSession::stage(Stage s, const std::function<Status()> &work)
{
    if (Status cancelled = checkCancelled(); !cancelled) {
        m_result.failedStage = s; // stopped before this stage began: the record says where
        return cancelled;
    }
    m_observer.stageStarted(s);
    qCDebug(lcFlash) << "stage" << stageName(s);
    Status status = work();
    if (!status.ok()) {
        m_result.failedStage = s;
        Error error = std::move(status).error();
        error.context(QLatin1String(stageLabel(s)));
        return error;
    }
    m_observer.stageFinished(s);
    return {};
}

Status FlashSession::checkCancelled() const
{
    if (m_cancel.isCancelled())
        return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled by the user"));
    return {};
}

Status FlashSession::connect()
{
    if (m_plan.isMultiStep())
        OC_TRY(checkFilesBeforeTransfer()); // nothing was sent yet: the board is untouched
    const UsbDeviceId id = m_usb.deviceId();
    log(LogLevel::Info, QStringLiteral("board at port %1 (%2:%3)")
                            .arg(id.portPath)
                            .arg(id.vid, 4, 16, QLatin1Char('0'))
                            .arg(id.pid, 4, 16, QLatin1Char('0')));
    if (m_plan.images.placeholder && !id.isVirtual)
        return makeError(
            ErrorCode::InputFile,
            QStringLiteral("the vendor files are OpenCloner placeholders, made for virtual boards only; "
                           "a real board needs the SPL and burner of your Ingenic USB Cloner "
                           "installation (firmwares/%1/spl.bin, uboot.bin)")
                .arg(m_plan.target.chipName));
    for (const QString &note : m_plan.notes)
        log(LogLevel::Info, note);
    m_rom = std::make_unique<proto::BootRom>(m_usb, m_plan.target.boot, m_plan.target.burner, *m_timeouts,
                                             &m_cancel);
    return {};
}

Status FlashSession::identify()
{
    auto probe = m_rom->probe();
    if (!probe)
        return std::move(probe).error();
    m_result.romId = probe->cpuInfo;
    switch (probe->stage) {
    case proto::DeviceStage::Rom:
        log(LogLevel::Info, QStringLiteral("boot ROM answers '%1'").arg(proto::printableId(probe->cpuInfo)));
        return {};
    case proto::DeviceStage::Burner:
        m_result.boardState = BoardState::BurnerIdle;
        return makeError(
            ErrorCode::ChipMismatch,
            QStringLiteral("the board already runs a burner ('%1') from an earlier session; its state "
                           "cannot be known: power-cycle it in USB boot mode and start again")
                .arg(proto::printableId(probe->cpuInfo)));
    case proto::DeviceStage::ResidentSpl:
    case proto::DeviceStage::Unknown:
        break;
    }
    return makeError(
        ErrorCode::ChipMismatch,
        QStringLiteral("the board answered '%1', but a %2 boot ROM answers '%3': pick the right chip, "
                       "or power-cycle the board in USB boot mode")
            .arg(proto::printableId(probe->cpuInfo), m_plan.target.chipName,
                 proto::printableId(m_plan.target.boot.romCpuInfo)));
}

Status FlashSession::bootBurner()
{
    m_result.boardState = BoardState::InRom;
    OC_TRY(stage(Stage::LoadSpl, [this] {
        return m_rom->loadSpl(m_plan.images.ginfo, m_plan.images.spl,
                              [this](qint64 done, qint64 total) { progress(Stage::LoadSpl, done, total); });
    }));
    OC_TRY(stage(Stage::RunSpl, [this] { return m_rom->waitForRom(); }));
    OC_TRY(stage(Stage::LoadBurner, [this] {
        return m_rom->loadBurner(m_plan.images.burner, [this](qint64 done, qint64 total) {
            progress(Stage::LoadBurner, done, total);
        });
    }));
    OC_TRY(stage(Stage::StartBurner, [this]() -> Status {
        auto answer = m_rom->waitForBurner();
        if (!answer)
            return std::move(answer).error();
        m_result.burnerId = *answer;
        return {};
    }));
    m_result.boardState = BoardState::BurnerIdle;
    m_burner =
        std::make_unique<proto::Burner>(m_usb, m_plan.target.burner, *m_timeouts, &m_cancel, &m_observer);
    log(LogLevel::Info, QStringLiteral("burner running"));
    return {};
}

Status FlashSession::configure()
{
    if (m_plan.target.syncTime) {
        // The profile asks for the board's RTC to be set; a board without one says so, which is no
        // reason to stop flashing.
        if (Status synced = m_burner->syncTime(QDateTime::currentDateTime()); !synced)
            log(LogLevel::Warning,
                QStringLiteral("the board's clock was not set: %1").arg(synced.error().message));
        else
            log(LogLevel::Info, QStringLiteral("board clock set to the host's time"));
    }
    const proto::PolicyParams policy = policyFor(m_plan.target);
    OC_TRY_CTX(m_burner->sendConfig(proto::buildPolicyBlob(m_plan.target.burner, policy)),
               QStringLiteral("policy blob"));
    if (m_plan.target.storage == StorageKind::Nor)
        return configureNor();
    m_result.flashSize = m_plan.target.capacity;
    const QByteArray blob =
        proto::buildMmcConfigBlob(m_plan.target.burner, m_plan.target.debug, policy, mmcConfigFor(m_plan));
    OC_TRY_CTX(m_burner->sendConfig(blob), QStringLiteral("eMMC configuration"));
    return {};
}

Status FlashSession::configureNor()
{
    auto id = m_burner->readFlashId();
    if (!id)
        return std::move(id).error();
    m_result.jedecId = *id;
    const QString idText = QStringLiteral("0x%1").arg(*id, 6, 16, QLatin1Char('0'));
    if (*id == 0 || *id == 0xFFFFFF)
        return makeError(
            ErrorCode::UnknownFlash,
            QStringLiteral("no SPI NOR chip answered (JEDEC id %1): check the flash chip, its solder "
                           "joints and the board's SFC pin group")
                .arg(idText));
    const auto it = std::find_if(m_plan.target.norDatabase.cbegin(), m_plan.target.norDatabase.cend(),
                                 [&](const proto::SpiNorChip &c) { return c.jedecId == *id; });
    if (it == m_plan.target.norDatabase.cend())
        return makeError(
            ErrorCode::UnknownFlash,
            QStringLiteral("SPI NOR chip with JEDEC id %1 is not in the flash database; add its record "
                           "to boards/spinor.json (see boards/README.md)")
                .arg(idText));
    m_chip = *it;
    m_result.flashName = m_chip.name;
    m_result.flashSize = m_chip.chipSize;
    log(LogLevel::Info,
        QStringLiteral("flash %1 (JEDEC %2, %3 MiB)").arg(m_chip.name, idText).arg(m_chip.chipSize >> 20));
    OC_TRY(checkAgainstChip());
    const QByteArray blob =
        proto::buildNorConfigBlob(m_plan.target.burner, m_plan.target.debug, policyFor(m_plan.target),
                                  sfcConfigFor(m_plan, m_chip), m_plan.target.ddrType);
    OC_TRY_CTX(m_burner->sendConfig(blob), QStringLiteral("SFC configuration"));
    return {};
}

Status FlashSession::checkAgainstChip() const
{
    if (m_plan.isMultiStep())
        return blockingStatus(preflightChip(m_plan, m_chip)).context(QStringLiteral("nothing was written"));
    const quint64 end = m_plan.offset + (m_plan.op == Operation::Write || m_plan.op == Operation::Verify
                                             ? quint64(m_plan.imageSize)
                                             : m_plan.length);
    if (end > m_chip.chipSize)
        return makeError(
            ErrorCode::InputFile,
            QStringLiteral("the range ends at %1, beyond the end of the %2 (%3 bytes); nothing was "
                           "written")
                .arg(hex(end), m_chip.name)
                .arg(m_chip.chipSize));
    const quint32 unit = writeUnit();
    if (m_plan.op != Operation::Read && m_plan.offset % unit)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("offset %1 is not a multiple of the %2 erase block (%3 bytes)")
                             .arg(hex(m_plan.offset), m_chip.name)
                             .arg(unit));
    return {};
}

quint32 FlashSession::writeUnit() const
{
    return m_plan.target.storage == StorageKind::Nor ? norEraseUnit(m_plan.target, m_chip) : 512;
}

quint64 FlashSession::capacity() const
{
    return m_plan.target.storage == StorageKind::Nor ? m_chip.chipSize : m_plan.target.capacity;
}

Result<std::unique_ptr<ImageSource>> FlashSession::openImage() const
{
    ImageRef ref;
    ref.path = m_plan.imagePath;
    ref.size = m_plan.imageSize;
    return oc::openImage(ref);
}

Status FlashSession::writeImage()
{
    auto image = openImage();
    if (!image)
        return std::move(image).error();
    OC_TRY(writeRange(**image, m_plan.offset, nullptr, [this](quint64 written) {
        m_written = written;
        m_result.bytes = written;
        m_result.flashState = QStringLiteral("partly written: %1 of %2 bytes from %3")
                                  .arg(m_written)
                                  .arg(m_plan.imageSize)
                                  .arg(hex(m_plan.offset));
        progress(Stage::Write, qint64(written), m_plan.imageSize);
    }));
    m_result.flashState =
        QStringLiteral("image written at %1 (%2 bytes)").arg(hex(m_plan.offset)).arg(m_plan.imageSize);
    return {};
}

Status FlashSession::verifyImage()
{
    auto image = openImage();
    if (!image)
        return std::move(image).error();
    OC_TRY(verifyRange(**image, m_plan.offset, 0, m_plan.imageSize));
    log(LogLevel::Info,
        QStringLiteral("verified %1 bytes at %2").arg(m_plan.imageSize).arg(hex(m_plan.offset)));
    return {};
}

Status FlashSession::readToFile()
{
    const quint64 total = m_plan.length ? m_plan.length : capacity() - m_plan.offset;
    return readRange(m_plan.offset, total, m_plan.outputPath, 0, qint64(total));
}

Status FlashSession::rebootBoard()
{
    if (m_plan.target.powerOff) {
        OC_TRY(m_burner->powerOff());
        log(LogLevel::Info, QStringLiteral("board powered off (the profile's power_off)"));
    } else {
        OC_TRY(m_burner->reboot());
        log(LogLevel::Info, QStringLiteral("board rebooted"));
    }
    m_result.boardState = BoardState::Rebooted;
    return {};
}

void FlashSession::progress(Stage s, qint64 done, qint64 total)
{
    m_observer.stageProgress(s, done, total);
}

void FlashSession::log(LogLevel level, const QString &text)
{
    qCDebug(lcFlash).noquote() << text;
    m_observer.log(level, text);
}

} // namespace oc
