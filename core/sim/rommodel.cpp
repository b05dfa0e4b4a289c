#include "rommodel.h"

#include "../protocol/wire.h"
#include "../util/logging.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <algorithm>
#include <cstring>

namespace oc::sim {

namespace {
constexpr quint32 PeripheralBase = 0xB0000000;
constexpr quint32 PeripheralEnd = 0xB8000000;
constexpr quint8 ExitLoop = 0x08; // resident SPL loop only [2.3]
constexpr int MaxGinfoEntries = 64;

bool inRange(quint32 address, quint64 base, quint64 size)
{
    return address >= base && quint64(address) < base + size;
}
} // namespace

RomModel::RomModel(const SimBoardConfig &config, SparseStore &memory)
    : m_config(config)
    , m_memory(memory)
{}

RomControlResult RomModel::control(const ControlSetup &setup, const QByteArray &out, bool resident)
{
    Q_UNUSED(out)
    RomControlResult r;
    const quint32 value = proto::joinValue(setup.value, setup.index);
    switch (setup.request) {
    case proto::GetCpuInfo:
        if (resident) {
            r.data = m_config.residentCpuInfo.left(setup.length);
        } else {
            // The ROM always sends its fixed 8 bytes: a shorter wLength overflows on the host.
            r.data = m_config.romCpuInfoBytes();
            if (setup.length < r.data.size())
                r.status = RomControlResult::Overflow;
        }
        return r;
    case proto::SetDataAddr:
        m_ptr = value;
        m_uploadStart = value;
        m_uploads.remove(value);
        if (resident) {
            m_len = 0;
            m_ptrValid = value % 4 == 0;
        }
        return r;
    case proto::SetDataLen:
        m_len = resident && qint32(value) < 0 ? 0 : value;
        return r;
    case proto::FlushCaches:
        m_flushedSinceLastBulk = true;
        return r;
    case proto::ProgramStart1:
        if (resident)
            r.status = RomControlResult::Stall;
        else
            r = {RomControlResult::Ok, {}, RomAction::Start1, value};
        return r;
    case proto::ProgramStart2:
        return {RomControlResult::Ok, {}, RomAction::Start2, value};
    default:
        if (resident && setup.request == ExitLoop)
            return {RomControlResult::Ok, {}, RomAction::ExitLoop, 0};
        r.status = RomControlResult::Stall;
        return r;
    }
}

// On-chip RAM always takes data; DDR only after the SPL ran; peripheral writes are recorded as
// register writes; anything else is lost.
qint64 RomModel::storeAt(quint32 address, const char *data, qint64 length)
{
    const quint64 onChipEnd = quint64(m_config.splAddr) + m_config.splMax;
    if (inRange(address, m_config.ginfoAddr, onChipEnd - m_config.ginfoAddr)) {
        m_memory.write(address, reinterpret_cast<const quint8 *>(data), quint64(length));
        return length;
    }
    if (inRange(address, m_config.ddrBase, m_config.ddrSize)) {
        if (m_ddrReady) {
            m_memory.write(address, reinterpret_cast<const quint8 *>(data), quint64(length));
            return length;
        }
        qCWarning(lcSim) << "ROM: DDR write at" << Qt::hex << address << "before DDR init: lost";
        return m_config.hangOnEarlyDdrWrite ? -1 : 0;
    }
    if (inRange(address, PeripheralBase, PeripheralEnd - PeripheralBase)) {
        for (qint64 i = 0; i + 4 <= length; i += 4) {
            quint32 word = 0;
            std::memcpy(&word, data + i, 4);
            m_registerWrites.append({quint32(address + i), qFromLittleEndian(word)});
        }
        return 0;
    }
    qCWarning(lcSim) << "ROM: bulk OUT to unmapped address" << Qt::hex << address << ": lost";
    return 0;
}

bool RomModel::bulkOut(const QByteArray &data, bool resident)
{
    qint64 n = data.size();
    const bool bounded = resident || m_config.romBoundsOutByLen;
    if (bounded)
        n = std::min<qint64>(n, m_len);
    m_flushedSinceLastBulk = false;
    if (resident && !m_ptrValid)
        return true; // NULL pointer: the data is discarded
    // Split at window boundaries so each piece lands in one region.
    const quint64 onChipEnd = quint64(m_config.splAddr) + m_config.splMax;
    const quint64 ddrEnd = quint64(m_config.ddrBase) + m_config.ddrSize;
    qint64 done = 0;
    qint64 stored = 0;
    while (done < n) {
        const quint64 at = quint64(m_ptr) + quint64(done);
        quint64 limit = 0x100000000ull;
        for (quint64 edge : {quint64(m_config.ginfoAddr), onChipEnd, quint64(m_config.ddrBase), ddrEnd,
                             quint64(PeripheralBase), quint64(PeripheralEnd)}) {
            if (edge > at && edge < limit)
                limit = edge;
        }
        const qint64 piece = qint64(std::min<quint64>(quint64(n - done), limit - at));
        const qint64 kept = storeAt(quint32(at), data.constData() + done, piece);
        if (kept < 0)
            return false;
        stored += kept;
        done += piece;
    }
    m_uploads[m_uploadStart] += stored;
    m_ptr += resident ? quint32((n + 3) & ~qint64(3)) : quint32(n);
    if (bounded)
        m_len -= quint32(n);
    return true;
}

QByteArray RomModel::bulkIn(int length, bool resident)
{
    Q_UNUSED(resident) // both loops read min(requested, len) bytes from the pointer
    const qint64 n = qint64(std::min<quint64>({quint64(std::max(length, 0)), m_len, 0x100000000ull - m_ptr}));
    const QByteArray out = m_memory.read(m_ptr, n);
    m_ptr += quint32(n);
    return out;
}

void RomModel::noteStart1()
{
    m_start1Done = true;
    m_d2i = m_len;
}

quint32 RomModel::read32(quint32 address) const
{
    quint8 b[4] = {0, 0, 0, 0};
    if (quint64(address) + 4 <= m_memory.size())
        m_memory.read(address, b, 4);
    return quint32(b[0]) | quint32(b[1]) << 8 | quint32(b[2]) << 16 | quint32(b[3]) << 24;
}

// The SPL's ginfo walk [3.10]: stops at magic 0 or at any unknown magic; a non-zero BOOT ends it.
bool RomModel::ginfoValid(QString *reason, bool *boot) const
{
    quint32 at = m_config.ginfoAddr;
    qint64 fidb = -1;
    quint32 fidbSize = 0;
    bool ddr = false;
    for (int i = 0; i < MaxGinfoEntries; ++i) {
        const quint32 magic = read32(at);
        const quint32 size = read32(at + 4);
        if (magic == proto::MagicInfo) {
            fidb = at + 8;
            fidbSize = size;
        } else if (magic == proto::MagicDdr) {
            ddr = true;
        } else if (magic == proto::MagicBoot) {
            if (read32(at + 8) != 0) {
                *boot = true;
                break;
            }
        } else {
            break; // magic 0 or unknown: the walk ends
        }
        at += 8 + size;
    }
    if (fidb < 0 || !ddr) {
        *reason = QStringLiteral("ginfo lacks %1: DDR init failed").arg(fidb < 0 ? "FIDB" : "RDD");
        return false;
    }
    if (fidbSize < 12 || !read32(quint32(fidb)) || !read32(quint32(fidb + 4)) || !read32(quint32(fidb + 8))) {
        *reason = QStringLiteral("ginfo FIDB has a zero extal / cpufreq / ddrfreq: DDR init failed");
        return false;
    }
    return true;
}

SplOutcome RomModel::runSpl(quint32 entry, const QByteArray &garbage)
{
    SplOutcome outcome;
    if (entry != m_config.splAddr || uploadedAt(m_config.splAddr) <= 0) {
        outcome.reason =
            QStringLiteral("START1 at 0x%1 without an SPL there").arg(entry, 8, 16, QLatin1Char('0'));
        return outcome;
    }
    if (!garbage.isEmpty())
        m_memory.write(quint64(m_config.ginfoAddr) + quint64(uploadedAt(m_config.ginfoAddr)), garbage);
    if (m_config.expectedD2i && m_d2i != *m_config.expectedD2i) {
        const QString warning = QStringLiteral("d2i length 0x%1, expected 0x%2")
                                    .arg(m_d2i, 0, 16)
                                    .arg(*m_config.expectedD2i, 0, 16);
        m_warnings << warning;
        qCWarning(lcSim).noquote() << "SPL:" << warning;
        if (m_config.hangOnD2iMismatch) {
            outcome.reason = warning;
            return outcome;
        }
    }
    if (m_config.require32ByteSpl && uploadedAt(m_config.splAddr) % 32) {
        outcome.reason =
            QStringLiteral("SPL of %1 bytes is not a multiple of 32").arg(uploadedAt(m_config.splAddr));
        return outcome;
    }
    bool boot = false;
    if (!ginfoValid(&outcome.reason, &boot))
        return outcome;
    m_ddrReady = true;
    outcome.ok = true;
    outcome.resident = boot && m_config.residentCapable;
    return outcome;
}

bool RomModel::burnerImageReady(quint32 entry, QString *reason) const
{
    const qint64 size = uploadedAt(m_config.stage2Addr);
    if (!m_ddrReady)
        *reason = QStringLiteral("START2 before the SPL initialised DDR");
    else if (entry != m_config.stage2Addr || size < qint64(m_config.minBurnerSize))
        *reason = QStringLiteral("START2 at 0x%1: no burner image there").arg(entry, 8, 16, QLatin1Char('0'));
    else if (m_config.strictFlush && !m_flushedSinceLastBulk)
        *reason = QStringLiteral("START2 without FLUSH_CACHES after the upload (stale I-cache)");
    else if (!m_config.burnerSha256.isEmpty()) {
        const QByteArray image = m_memory.read(m_config.stage2Addr, size);
        const QByteArray digest = QCryptographicHash::hash(image, QCryptographicHash::Sha256);
        const bool known =
            std::any_of(m_config.burnerSha256.cbegin(), m_config.burnerSha256.cend(),
                        [&](const QByteArray &d) { return d == digest || d.toLower() == digest.toHex(); });
        if (!known)
            *reason = QStringLiteral("burner image not in the accepted list");
    }
    return reason->isEmpty();
}

} // namespace oc::sim
