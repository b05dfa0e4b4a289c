#include "bootrom.h"

#include "../util/logging.h"
#include "wire.h"

#include <QElapsedTimer>
#include <QThread>

namespace oc::proto {

namespace {
const QByteArray ResidentSplId("ingenic\0", 8); // [2.3]

QString hex32(quint32 value)
{
    return QStringLiteral("0x%1").arg(value, 8, 16, QLatin1Char('0'));
}

QByteArray untilNul(const QByteArray &bytes, int length)
{
    const QByteArray head = bytes.left(length);
    const qsizetype nul = head.indexOf('\0');
    return nul < 0 ? head : head.left(nul);
}

std::span<const quint8> bytesOf(const QByteArray &data)
{
    return {reinterpret_cast<const quint8 *>(data.constData()), size_t(data.size())};
}

Error mismatch(const QByteArray &answer, const QString &expected)
{
    return makeError(
        ErrorCode::ChipMismatch,
        QStringLiteral("board answered '%1', profile expects %2").arg(printableId(answer), expected));
}
} // namespace

bool romIdMatches(const QByteArray &answer, const BootParams &boot)
{
    if (!boot.romCpuInfo.isEmpty() && answer == boot.romCpuInfo)
        return true;
    return boot.romAliases.contains(answer);
}

bool burnerIdMatches(const QByteArray &answer, const BurnerProfile &burner)
{
    const QByteArray expected = untilNul(burner.idString, burner.cpuInfoLength);
    return !expected.isEmpty() && untilNul(answer, burner.cpuInfoLength) == expected;
}

BootRom::BootRom(UsbTransport &usb, const BootParams &boot, const BurnerProfile &burner,
                 const Timeouts &timeouts, const CancelToken *cancel)
    : m_usb(usb)
    , m_boot(boot)
    , m_burner(burner)
    , m_timeouts(timeouts)
    , m_cancel(cancel)
{}

Result<StageProbe> BootRom::probe()
{
    auto answer = getCpuInfo(CpuInfoLength, m_timeouts.romControl);
    if (!answer)
        return std::move(answer).error().withContext(QStringLiteral("identifying the board"));
    const DeviceStage stage = classify(*answer);
    qCDebug(lcProtocol).noquote() << "GET_CPU_INFO answered" << printableId(*answer) << "stage" << int(stage);
    if (stage == DeviceStage::Rom)
        m_romAnswer = *answer; // the ROM answers the same again after the SPL
    return StageProbe{stage, *answer};
}

DeviceStage BootRom::classify(const QByteArray &answer) const
{
    if (romIdMatches(answer, m_boot))
        return DeviceStage::Rom;
    // The probe asks 8 bytes, so a burner answers its ID up to 8 characters here, whatever the
    // cpu_info_length it is polled with later: "X2000_v1" is an X2000 ROM, not its "X2000" burner.
    BurnerProfile asProbed = m_burner;
    asProbed.cpuInfoLength = CpuInfoLength;
    if (burnerIdMatches(answer, asProbed))
        return DeviceStage::Burner;
    if (answer == ResidentSplId)
        return DeviceStage::ResidentSpl;
    if (m_boot.romCpuInfo.isEmpty() && m_boot.romAliases.isEmpty() && answer.size() == CpuInfoLength) {
        qCWarning(lcProtocol).noquote()
            << "profile has no ROM string; taking" << printableId(answer) << "as the ROM";
        return DeviceStage::Rom;
    }
    return DeviceStage::Unknown;
}

Status BootRom::loadSpl(const QByteArray &ginfo, const QByteArray &spl, const ProgressFn &progress)
{
    if (ginfo.isEmpty() || spl.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("loading the SPL: ginfo and SPL must not be empty"));
    if (m_boot.splAddr > m_boot.ginfoAddr && quint64(ginfo.size()) > m_boot.splAddr - m_boot.ginfoAddr) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("ginfo of %1 bytes overlaps the SPL at %2")
                             .arg(ginfo.size())
                             .arg(hex32(m_boot.splAddr)));
    }
    const qint64 total = ginfo.size() + spl.size();
    if (progress)
        progress(0, total);
    OC_TRY(checkCancelled(QStringLiteral("before the ginfo upload")));
    OC_TRY(upload(m_boot.ginfoAddr, ginfo, QStringLiteral("ginfo")));
    if (progress)
        progress(ginfo.size(), total);
    OC_TRY(checkCancelled(QStringLiteral("before the SPL upload")));
    OC_TRY(upload(m_boot.splAddr, spl, QStringLiteral("SPL")));
    if (progress)
        progress(total, total);
    OC_TRY(checkCancelled(QStringLiteral("before PROGRAM_START1")));
    if (m_boot.d2iLen)
        OC_TRY(sendValue(SetDataLen, *m_boot.d2iLen, "SET_DATA_LEN (d2i)"));
    return sendValue(ProgramStart1, m_boot.splAddr, "PROGRAM_START1");
}

Status BootRom::waitForRom()
{
    auto answer = pollCpuInfo(CpuInfoLength, m_timeouts.splDeadline, QStringLiteral("the ROM after the SPL"));
    if (!answer)
        return std::move(answer).error();
    if (romIdMatches(*answer, m_boot) || (!m_romAnswer.isEmpty() && *answer == m_romAnswer))
        return {};
    if (*answer == ResidentSplId) {
        qCInfo(lcProtocol) << "the SPL stays resident (its own USB loop)";
        return {};
    }
    const QByteArray expected = m_romAnswer.isEmpty() ? m_boot.romCpuInfo : m_romAnswer;
    return mismatch(*answer, QStringLiteral("'%1'").arg(printableId(expected)))
        .withContext(QStringLiteral("waiting for the ROM after the SPL"));
}

Status BootRom::loadBurner(const QByteArray &burner, const ProgressFn &progress)
{
    if (burner.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("loading the burner: the image is empty"));
    if (progress)
        progress(0, burner.size());
    OC_TRY(checkCancelled(QStringLiteral("before the burner upload")));
    OC_TRY(upload(m_boot.stage2Addr, burner, QStringLiteral("burner")));
    if (progress)
        progress(burner.size(), burner.size());
    OC_TRY(checkCancelled(QStringLiteral("before PROGRAM_START2")));
    OC_TRY(sendValue(FlushCaches, 0, "FLUSH_CACHES"));
    return sendValue(ProgramStart2, m_boot.stage2Addr, "PROGRAM_START2");
}

Result<QByteArray> BootRom::waitForBurner()
{
    const int length = qBound(1, m_burner.cpuInfoLength, CpuInfoLength);
    auto answer = pollCpuInfo(length, m_timeouts.burnerBootDeadline, QStringLiteral("the burner"));
    if (!answer)
        return std::move(answer).error();
    if (burnerIdMatches(*answer, m_burner))
        return std::move(answer).value();
    return mismatch(*answer, QStringLiteral("'%1'").arg(printableId(m_burner.idString.left(length))))
        .withContext(QStringLiteral("waiting for the burner"));
}

Result<QByteArray> BootRom::getCpuInfo(int length, Milliseconds timeout)
{
    QByteArray answer(length, '\0');
    std::span<quint8> buffer(reinterpret_cast<quint8 *>(answer.data()), size_t(length));
    auto got = m_usb.controlIn(GetCpuInfo, 0, 0, buffer, timeout);
    if (!got)
        return std::move(got).error().withContext(QStringLiteral("GET_CPU_INFO"));
    answer.truncate(*got);
    return answer;
}

Result<QByteArray> BootRom::pollCpuInfo(int length, Milliseconds deadline, const QString &waitingFor)
{
    QElapsedTimer clock;
    clock.start();
    for (int tries = 1;; ++tries) {
        OC_TRY(checkCancelled(QStringLiteral("waiting for %1").arg(waitingFor)));
        auto answer = getCpuInfo(length, m_timeouts.pollTry);
        if (answer)
            return answer;
        if (answer.error().code != ErrorCode::Timeout)
            return std::move(answer).error().withContext(QStringLiteral("waiting for %1").arg(waitingFor));
        if (Milliseconds(clock.elapsed()) + m_timeouts.pollInterval >= deadline) {
            return makeError(
                ErrorCode::Timeout,
                QStringLiteral("waiting for %1: no answer within %2 ms (%3 tries); the board may "
                               "hang: power-cycle it in USB boot mode")
                    .arg(waitingFor)
                    .arg(deadline.count())
                    .arg(tries));
        }
        QThread::msleep(quint64(m_timeouts.pollInterval.count()));
    }
}

Status BootRom::sendValue(quint8 request, quint32 value, const char *name)
{
    const auto [wValue, wIndex] = splitValue(value);
    auto sent = m_usb.controlOut(request, wValue, wIndex, {}, m_timeouts.romControl);
    if (!sent)
        return std::move(sent).error().withContext(
            QStringLiteral("%1 %2").arg(QLatin1String(name), hex32(value)));
    return {};
}

Status BootRom::upload(quint32 address, const QByteArray &image, const QString &what)
{
    const QString where =
        QStringLiteral("uploading the %1 (%2 bytes) to %3").arg(what).arg(image.size()).arg(hex32(address));
    OC_TRY_CTX(sendValue(SetDataAddr, address, "SET_DATA_ADDR"), where); // O1: address before length
    if (m_boot.sendLengthBeforeBulk)
        OC_TRY_CTX(sendValue(SetDataLen, quint32(image.size()), "SET_DATA_LEN"), where);
    OC_TRY_CTX(m_usb.bulkOut(bytesOf(image), m_timeouts.romBulk(image.size())), where);
    return {};
}

Status BootRom::checkCancelled(const QString &where) const
{
    if (m_cancel && m_cancel->isCancelled())
        return makeError(ErrorCode::Cancelled, QStringLiteral("cancelled %1").arg(where));
    return {};
}

} // namespace oc::proto
