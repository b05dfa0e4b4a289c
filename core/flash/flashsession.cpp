#include "flashsession.h"

#include "imagesource.h"
#include "storageconfig.h"

#include "../protocol/bootrom.h"
#include "../protocol/burner.h"
#include "../protocol/config.h"
#include "../protocol/timeouts.h"
#include "../protocol/wire.h"
#include "../util/logging.h"

#include <QElapsedTimer>
#include <QSaveFile>

namespace oc {

namespace {

QString hex(quint64 v)
{
    return QStringLiteral("0x%1").arg(v, 8, 16, QLatin1Char('0'));
}


quint64 alignUp(quint64 value, quint64 unit)
{
    return (value + unit - 1) / unit * unit;
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
    OC_TRY(checkCancelled());
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
    const proto::PolicyParams policy = policyFor(m_plan.target);
    OC_TRY_CTX(m_burner->sendConfig(proto::buildPolicyBlob(m_plan.target.burner, policy)),
               QStringLiteral("policy blob"));
    if (m_plan.target.storage == StorageKind::Nor)
        return configureNor();
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

Result<std::unique_ptr<ImageSource>> FlashSession::openImage() const
{
    auto image = FileImageSource::open(m_plan.imagePath);
    if (!image)
        return std::move(image).error();
    if ((*image)->size() != m_plan.imageSize)
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("%1 changed size since the plan was made (%2 -> %3 bytes)")
                             .arg(m_plan.imagePath)
                             .arg(m_plan.imageSize)
                             .arg((*image)->size()));
    return std::unique_ptr<ImageSource>(std::move(image).value());
}

Status FlashSession::writeImage()
{
    auto image = openImage();
    if (!image)
        return std::move(image).error();
    const quint32 unit = writeUnit();
    const quint32 chunk = quint32(m_plan.target.writeChunk) / unit * unit;
    std::vector<quint8> buffer(qMax(chunk, unit));
    for (quint64 pos = 0; pos < quint64(m_plan.imageSize); pos += buffer.size()) {
        OC_TRY(checkCancelled());
        OC_TRY(writeChunk(**image, pos, buffer));
        m_written = qMin<quint64>(pos + buffer.size(), m_plan.imageSize);
        m_result.bytes = m_written;
        m_result.flashState = QStringLiteral("partly written: %1 of %2 bytes from %3")
                                  .arg(m_written)
                                  .arg(m_plan.imageSize)
                                  .arg(hex(m_plan.offset));
        progress(Stage::Write, qint64(m_written), m_plan.imageSize);
    }
    m_result.flashState =
        QStringLiteral("image written at %1 (%2 bytes)").arg(hex(m_plan.offset)).arg(m_plan.imageSize);
    return {};
}

Status FlashSession::writeChunk(ImageSource &image, quint64 pos, std::vector<quint8> &buffer)
{
    auto got = image.read(buffer);
    if (!got)
        return std::move(got).error();
    const quint64 flashOffset = m_plan.offset + pos;
    const quint32 unit = writeUnit();
    const quint64 length = alignUp(quint64(*got), unit);
    std::span<quint8> data(buffer.data(), length);
    if (quint64(*got) < length) {
        if (m_plan.target.storage == StorageKind::Nor)
            std::fill(buffer.begin() + *got, buffer.begin() + length, quint8(0xFF)); // 0xFF programs nothing
        else
            OC_TRY(mergeEmmcTail(flashOffset, data, *got));
    }
    const auto deadline = writeAckDeadline(m_plan, m_chip, quint32(length), *m_timeouts);
    return m_burner->write(flashOffset, data, m_ops, deadline);
}

// eMMC writes whole 512-byte blocks: keep the card's bytes behind the image's last byte.
Status FlashSession::mergeEmmcTail(quint64 flashOffset, std::span<quint8> chunk, qint64 valid)
{
    const quint64 blockStart = quint64(valid) / 512 * 512;
    std::array<quint8, 512> block{};
    OC_TRY_CTX(m_burner->read(flashOffset + blockStart, block, m_ops, m_plan.target.debug.transferDataCheck),
               QStringLiteral("reading the last block to keep the data behind the image"));
    std::copy(block.begin() + (valid - qint64(blockStart)), block.end(), chunk.begin() + valid);
    return {};
}

Status FlashSession::verifyImage()
{
    auto image = openImage();
    if (!image)
        return std::move(image).error();
    const qint64 total = m_plan.imageSize;
    const qint64 chunk = m_plan.target.readChunk;
    std::vector<quint8> flash(chunk);
    std::vector<quint8> expected(chunk);
    for (qint64 pos = 0; pos < total; pos += chunk) {
        OC_TRY(checkCancelled());
        const qint64 n = qMin(chunk, total - pos);
        std::span<quint8> flashPart(flash.data(), n);
        OC_TRY(m_burner->read(m_plan.offset + pos, flashPart, m_ops, m_plan.target.debug.transferDataCheck));
        auto got = (*image)->read(std::span<quint8>(expected.data(), n));
        if (!got)
            return std::move(got).error();
        const auto diff = std::mismatch(flashPart.begin(), flashPart.end(), expected.begin());
        if (diff.first != flashPart.end()) {
            const quint64 at = m_plan.offset + pos + (diff.first - flashPart.begin());
            Error error =
                makeError(ErrorCode::VerifyMismatch,
                          QStringLiteral("flash differs from the image at %1: flash has 0x%2, image has "
                                         "0x%3; erase the range and write again")
                              .arg(hex(at))
                              .arg(*diff.first, 2, 16, QLatin1Char('0'))
                              .arg(*diff.second, 2, 16, QLatin1Char('0')));
            error.offset = qint64(at);
            return error;
        }
        m_result.bytes = quint64(pos + n);
        progress(Stage::Verify, pos + n, total);
    }
    log(LogLevel::Info, QStringLiteral("verified %1 bytes at %2").arg(total).arg(hex(m_plan.offset)));
    return {};
}

Status FlashSession::readToFile()
{
    const quint64 capacity =
        m_plan.target.storage == StorageKind::Nor ? m_chip.chipSize : m_plan.target.capacity;
    const quint64 total = m_plan.length ? m_plan.length : capacity - m_plan.offset;
    QSaveFile out(m_plan.outputPath); // the file appears only when every byte arrived
    if (!out.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("cannot create %1: %2").arg(m_plan.outputPath, out.errorString()));
    std::vector<quint8> buffer(m_plan.target.readChunk);
    for (quint64 pos = 0; pos < total; pos += buffer.size()) {
        OC_TRY(checkCancelled());
        const quint64 n = qMin<quint64>(buffer.size(), total - pos);
        std::span<quint8> part(buffer.data(), n);
        OC_TRY(m_burner->read(m_plan.offset + pos, part, m_ops, m_plan.target.debug.transferDataCheck));
        if (out.write(reinterpret_cast<const char *>(part.data()), qint64(n)) != qint64(n))
            return makeError(ErrorCode::InputFile,
                             QStringLiteral("writing %1: %2").arg(m_plan.outputPath, out.errorString()));
        m_result.bytes = pos + n;
        progress(Stage::Read, qint64(pos + n), qint64(total));
    }
    if (!out.commit())
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("saving %1: %2").arg(m_plan.outputPath, out.errorString()));
    log(LogLevel::Info, QStringLiteral("read %1 bytes from %2 into %3")
                            .arg(total)
                            .arg(hex(m_plan.offset), m_plan.outputPath));
    return {};
}

Status FlashSession::rebootBoard()
{
    OC_TRY(m_burner->reboot());
    m_result.boardState = BoardState::Rebooted;
    log(LogLevel::Info, QStringLiteral("board rebooted"));
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
