#include "timingmodel.h"

#include <limits>

namespace oc::sim {

namespace {
constexpr double NsPerSecond = 1e9;
constexpr double BytesPerMiB = 1024.0 * 1024.0;
constexpr double BytesPerGiB = 1024.0 * BytesPerMiB;
} // namespace

TimingModel TimingModel::none()
{
    return TimingModel();
}

TimingModel TimingModel::realistic(double scale)
{
    TimingModel model;
    model.m_kind = TimingKind::Realistic;
    model.m_scale = scale;
    return model;
}

Result<TimingModel> TimingModel::parse(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("none"))
        return none();
    if (t == QLatin1String("realistic"))
        return realistic();
    if (t.startsWith(QLatin1String("realistic:"))) {
        bool ok = false;
        const double scale = t.mid(10).toDouble(&ok);
        if (ok && scale >= 0.01 && scale <= 1.0)
            return realistic(scale);
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("timing '%1': scale must be a number from 0.01 to 1").arg(text));
    }
    return makeError(ErrorCode::InvalidArgument,
                     QStringLiteral("timing '%1': expected none, realistic or realistic:<scale>").arg(text));
}

QString TimingModel::toString() const
{
    if (m_kind == TimingKind::None)
        return QStringLiteral("none");
    return m_scale == 1.0 ? QStringLiteral("realistic") : QStringLiteral("realistic:%1").arg(m_scale);
}

SimDuration TimingModel::scaled(SimDuration d) const
{
    if (m_kind == TimingKind::None)
        return SimDuration::zero();
    return SimDuration(qint64(double(d.count()) * m_scale));
}

SimDuration TimingModel::factor(SimDuration d, double f) const
{
    return scaled(SimDuration(qint64(double(d.count()) * f)));
}

SimDuration TimingModel::perRate(qint64 bytes, double bytesPerSecond) const
{
    if (bytes <= 0 || bytesPerSecond <= 0)
        return SimDuration::zero();
    return scaled(SimDuration(qint64(double(bytes) * NsPerSecond / bytesPerSecond)));
}

qint64 TimingModel::bytesWithin(SimDuration window, double bytesPerSecond) const
{
    if (m_kind == TimingKind::None || m_scale <= 0 || bytesPerSecond <= 0)
        return std::numeric_limits<qint64>::max();
    if (window.count() <= 0)
        return 0;
    return qint64(double(window.count()) / (NsPerSecond / bytesPerSecond * m_scale));
}

SimDuration TimingModel::crc(qint64 bytes) const
{
    return scaled(SimDuration(qint64(double(m_params.crcPerMiB.count()) * double(bytes) / BytesPerMiB)));
}

SimDuration TimingModel::norRead(qint64 bytes) const
{
    return factor(SimDuration(qint64(double(bytes) * NsPerSecond / m_params.sfcReadBytesPerSecond)),
                  readFactor);
}

SimDuration TimingModel::norPageProgram(qint64 bytes) const
{
    const SimDuration program = useMaxTimes ? m_params.pageProgramMax : m_params.pageProgramTyp;
    const SimDuration shift(qint64(double(bytes) * NsPerSecond / m_params.sfcShiftBytesPerSecond));
    return factor(program + shift, programFactor);
}

SimDuration TimingModel::norErase(quint64 bytes, quint64 chipCapacity) const
{
    const TimingParams &p = m_params;
    SimDuration d;
    if (bytes == 0 || bytes >= chipCapacity) {
        const SimDuration chip16 = useMaxTimes ? p.chipErase16MiBMax : p.chipErase16MiBTyp;
        d = SimDuration(qint64(double(chip16.count()) * double(chipCapacity) / (16.0 * BytesPerMiB)));
    } else if (bytes <= 4096) {
        d = useMaxTimes ? p.sectorEraseMax : p.sectorEraseTyp;
    } else if (bytes <= 32768) {
        d = useMaxTimes ? p.block32EraseMax : p.block32EraseTyp;
    } else {
        d = useMaxTimes ? p.block64EraseMax : p.block64EraseTyp;
    }
    return factor(d, eraseFactor);
}

SimDuration TimingModel::norStatusWrite() const
{
    return scaled(useMaxTimes ? m_params.statusWriteMax : m_params.statusWriteTyp);
}

SimDuration TimingModel::emmcWrite(qint64 bytes) const
{
    return factor(SimDuration(qint64(double(bytes) * NsPerSecond / m_params.emmcWriteBytesPerSecond)),
                  programFactor);
}

SimDuration TimingModel::emmcRead(qint64 bytes) const
{
    return factor(SimDuration(qint64(double(bytes) * NsPerSecond / m_params.emmcReadBytesPerSecond)),
                  readFactor);
}

SimDuration TimingModel::emmcErase(quint64 bytes) const
{
    const auto perGiB = double(m_params.emmcErasePerGiB.count()) * double(bytes) / BytesPerGiB;
    return factor(m_params.emmcEraseBase + SimDuration(qint64(perGiB)), eraseFactor);
}

} // namespace oc::sim
