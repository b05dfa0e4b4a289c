#include "boardprobe.h"

#include "core/catalog/catalog.h"
#include "core/protocol/wire.h"

#include <array>

namespace oc::ui {

namespace {

QStringList names(const QList<const catalog::ChipProfile *> &chips)
{
    QStringList list;
    for (const catalog::ChipProfile *chip : chips)
        list << chip->name;
    return list;
}

void classify(ProbeResult &result, const catalog::Catalog *catalog)
{
    if (result.answer.startsWith(QByteArrayLiteral("ingenic"))) {
        result.kind = ProbeResult::Kind::ResidentSpl;
        return;
    }
    if (!catalog) {
        result.kind = ProbeResult::Kind::Unknown;
        return;
    }
    QByteArray padded = result.answer.leftJustified(proto::CpuInfoLength, '\0', true);
    result.chips = names(catalog->chipsByRomString(padded));
    if (!result.chips.isEmpty()) {
        result.kind = ProbeResult::Kind::Rom;
        return;
    }
    for (const catalog::ChipProfile *chip : catalog->chips()) {
        if (chip->matchesBurnerId(result.answer))
            result.chips << chip->name;
    }
    result.kind = result.chips.isEmpty() ? ProbeResult::Kind::Unknown : ProbeResult::Kind::Burner;
}

} // namespace

ProbeResult probeBoard(DeviceProvider &provider, const UsbDeviceId &device, const catalog::Catalog *catalog)
{
    ProbeResult result;
    auto transport = provider.open(device);
    if (!transport) {
        result.error = std::move(transport).error();
        return result;
    }
    std::array<quint8, proto::CpuInfoLength> buffer{};
    auto n = (*transport)->controlIn(proto::GetCpuInfo, 0, 0, buffer, std::chrono::milliseconds(1000));
    if (!n) {
        result.error = std::move(n).error();
        result.kind =
            result.error.code == ErrorCode::Timeout ? ProbeResult::Kind::Busy : ProbeResult::Kind::Failed;
        return result;
    }
    result.answer = QByteArray(reinterpret_cast<const char *>(buffer.data()), *n);
    classify(result, catalog);
    return result;
}

QStringList chipsForUsbId(const catalog::Catalog &catalog, const UsbDeviceId &device)
{
    return names(catalog.chipsByUsbId(device.vid, device.pid));
}

} // namespace oc::ui
