#pragma once

// The inputs of the ginfo RDD builder [3.10, 8.6]: one DDR part file (ddrs/<TYPE>/<part>.cfg, a
// [ddr] section of "number,unit" values) and the board's [ddr] section (geometry and the creator
// version that selects the vendor's register layout). Plain values, thread-safe once built.

#include "../../util/result.h"

#include <QMap>
#include <QString>

#include <optional>

namespace oc::catalog {
class ClonerIni;
}

namespace oc::catalog::ddr {

// The type ids of ddrs/ddr.cfg and of the board's current_type="id,NAME" (0 DDR3, 1 LPDDR, 2 LPDDR2,
// 3 LPDDR3, 4 DDR2); the same numbering is the DDR type field of the xburst2 RDD.
enum class DdrType : int { Ddr3 = 0, Lpddr = 1, Lpddr2 = 2, Lpddr3 = 3, Ddr2 = 4 };

const char *ddrTypeName(DdrType type); // "DDR3", "LPDDR" ...
std::optional<DdrType> ddrTypeFromName(const QString &name);

enum class DdrUnit : quint8 { None, Ps, Ns, Tck };

struct DdrValue
{
    qint64 number = -1;
    DdrUnit unit = DdrUnit::None;
};

class DdrPart
{
public:
    // Every [ddr] key must be "number," or "number,unit" with unit ps, ns or tck (ErrorCode::Profile
    // with the line otherwise). `vendor=` is kept as text.
    static Result<DdrPart> fromIni(const ClonerIni &ini, DdrType type, const QString &name);

    const QString &name() const { return m_name; } // file name without .cfg, e.g. "DDR3_W631GU6NG"
    DdrType type() const { return m_type; }
    const QString &vendor() const { return m_vendor; }
    bool has(const QString &key) const { return m_values.contains(key); }
    std::optional<DdrValue> value(const QString &key) const;

    // A count such as BL, CL, ROW ("8,"): the number whatever its unit; `fallback` when absent.
    qint64 count(const QString &key, qint64 fallback) const;
    // A time in ps at `psPerTck`, as the vendor converts it: ns x 1000, ps, tck x psPerTck, a bare
    // number unchanged, -1 scaled like any other number. `fallback` (already in ps) when absent.
    qint64 ps(const QString &key, qint64 psPerTck, qint64 fallback) const;

private:
    QString m_name;
    QString m_vendor;
    DdrType m_type = DdrType::Ddr2;
    QMap<QString, DdrValue> m_values;
};

// The board .cfg [ddr] section [8.4].
struct DdrBoard
{
    bool bank8 = false;
    bool cs0 = true;
    bool cs1 = false;
    bool dw32 = false;
    int creatorVersion = -1; // -1 (or absent): xburst1 DWC PHY; 1: xburst1 Inno PHY; 2: xburst2; 3: newer
    QString partFile;        // current_ddr, e.g. "M14D1G1664A_DDR2.cfg"
    DdrType type = DdrType::Ddr2;

    static Result<DdrBoard> fromIni(const ClonerIni &ini);
};

} // namespace oc::catalog::ddr
