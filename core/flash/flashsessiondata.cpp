// FlashSession: the data stages' transfers, shared by single-operation and multi-step plans.

#include "flashsession.h"

#include "imagesource.h"
#include "storageconfig.h"

#include "../protocol/burner.h"
#include "../protocol/config.h"
#include "../protocol/timeouts.h"

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

struct ByteSpan
{
    quint64 start;
    quint64 length;
};

} // namespace

Status FlashSession::writeRange(ImageSource &image, quint64 offset, const FlashStep *step,
                                const Written &written)
{
    const quint32 unit = writeUnit();
    quint32 chunk = quint32(m_plan.target.writeChunk) / unit * unit;
    if (m_chunkLimit)
        chunk = qMin(chunk, m_chunkLimit);
    std::vector<quint8> buffer(qMax(chunk, unit));
    const quint64 size = quint64(image.size());
    for (quint64 pos = 0; pos < size; pos += buffer.size()) {
        OC_TRY(checkCancelled());
        OC_TRY(writeChunk(image, offset + pos, buffer, step));
        written(qMin<quint64>(pos + buffer.size(), size));
    }
    return {};
}

Status FlashSession::writeChunk(ImageSource &image, quint64 flashOffset, std::vector<quint8> &buffer,
                                const FlashStep *step)
{
    auto got = image.read(buffer);
    if (!got)
        return std::move(got).error();
    const quint32 unit = writeUnit();
    const quint64 length = alignUp(quint64(*got), unit);
    std::span<quint8> data(buffer.data(), length);
    if (quint64(*got) < length) {
        if (m_plan.target.storage == StorageKind::Nor)
            std::fill(buffer.begin() + *got, buffer.begin() + length, quint8(0xFF)); // 0xFF programs nothing
        else
            OC_TRY(mergeEmmcTail(flashOffset, data, *got));
    }
    const auto deadline = step ? stepWriteAckDeadline(m_plan, *step, m_chip, quint32(length), *m_timeouts)
                               : writeAckDeadline(m_plan, m_chip, quint32(length), *m_timeouts);
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

// With download_params the burner writes its NOR parameter block, the DDR type and the word at 512
// into the chunk at flash offset 0 [3.12]: the flash differs from the image there by design (5.5.8).
bool FlashSession::skippedByParameterPatch(quint64 flashOffset) const
{
    if (m_plan.target.storage != StorageKind::Nor || !m_plan.target.spi.downloadParams)
        return false;
    const quint32 paramOffset =
        m_plan.target.spi.paramOffset ? m_plan.target.spi.paramOffset : m_plan.target.burner.paramOffset;
    const ByteSpan patched[] = {{paramOffset, quint64(proto::SpiFlashInfoSize)}, {128, 4}, {512, 4}};
    return std::any_of(std::begin(patched), std::end(patched), [&](const ByteSpan &r) {
        return flashOffset >= r.start && flashOffset < r.start + r.length;
    });
}

Status FlashSession::verifyRange(ImageSource &image, quint64 offset, qint64 done, qint64 total)
{
    const qint64 size = image.size();
    const qint64 chunk = m_plan.target.readChunk;
    std::vector<quint8> flash(chunk);
    std::vector<quint8> expected(chunk);
    for (qint64 pos = 0; pos < size; pos += chunk) {
        OC_TRY(checkCancelled());
        const qint64 n = qMin(chunk, size - pos);
        std::span<quint8> flashPart(flash.data(), n);
        OC_TRY(m_burner->read(offset + pos, flashPart, m_ops, m_plan.target.debug.transferDataCheck));
        auto got = image.read(std::span<quint8>(expected.data(), n));
        if (!got)
            return std::move(got).error();
        for (qint64 i = 0; i < n; ++i) {
            const quint64 at = offset + quint64(pos + i);
            if (flashPart[i] == expected[i] || (offset == 0 && skippedByParameterPatch(at)))
                continue;
            return makeError(ErrorCode::VerifyMismatch,
                             QStringLiteral(
                                 "flash differs from %1 at %2: flash has 0x%3, image has 0x%4; erase the "
                                 "range and write again")
                                 .arg(image.name(), hex(at))
                                 .arg(flashPart[i], 2, 16, QLatin1Char('0'))
                                 .arg(expected[i], 2, 16, QLatin1Char('0')))
                .atOffset(qint64(at));
        }
        m_result.bytes = quint64(done + pos + n);
        progress(Stage::Verify, done + pos + n, total);
    }
    return {};
}

Status FlashSession::readRange(quint64 offset, quint64 length, const QString &outputPath, qint64 done,
                               qint64 total)
{
    QSaveFile out(outputPath); // the file appears only when every byte arrived
    if (!out.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("cannot create %1: %2").arg(outputPath, out.errorString()));
    std::vector<quint8> buffer(m_plan.target.readChunk);
    for (quint64 pos = 0; pos < length; pos += buffer.size()) {
        OC_TRY(checkCancelled());
        const quint64 n = qMin<quint64>(buffer.size(), length - pos);
        std::span<quint8> part(buffer.data(), n);
        OC_TRY(m_burner->read(offset + pos, part, m_ops, m_plan.target.debug.transferDataCheck));
        if (out.write(reinterpret_cast<const char *>(part.data()), qint64(n)) != qint64(n))
            return makeError(ErrorCode::InputFile,
                             QStringLiteral("writing %1: %2").arg(outputPath, out.errorString()));
        m_result.bytes = quint64(done) + pos + n;
        progress(Stage::Read, done + qint64(pos + n), total);
    }
    if (!out.commit())
        return makeError(ErrorCode::InputFile,
                         QStringLiteral("saving %1: %2").arg(outputPath, out.errorString()));
    log(LogLevel::Info,
        QStringLiteral("read %1 bytes from %2 into %3").arg(length).arg(hex(offset), outputPath));
    return {};
}

} // namespace oc
