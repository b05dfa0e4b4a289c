#pragma once

#include <QString>

#include <optional>

namespace oc::cli {

// "65536", "0x10000", "64K", "16M", "1G" (binary units) -> bytes.
std::optional<quint64> parseSize(const QString &text);

} // namespace oc::cli
