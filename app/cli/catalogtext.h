#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QString>

namespace oc::catalog {
class Catalog;
}

namespace oc::cli {

// "rom t31", "burner t31/t21/t30", "resident-spl" or "unknown" for a GET_CPU_INFO answer.
QString describeStage(const catalog::Catalog &catalog, const QByteArray &answer);

// `info`: every chip and board profile (text table or one JSON document).
QString catalogSummary(const catalog::Catalog &catalog, bool json);

// `info NAME`: one board profile or chip in detail; Profile error naming the known names.
Result<QString> catalogDetails(const catalog::Catalog &catalog, const QString &name, bool json);

} // namespace oc::cli
