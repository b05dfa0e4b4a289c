#pragma once

// One SoC of boards/chips/<name>.json (format: boards/README.md): how its boot ROM is reached and
// which burner build runs on it [7.1, 7.2]. Plain value; immutable once the catalog is loaded.

#include "../protocol/params.h"
#include "../util/result.h"
#include "evidence.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

class QJsonObject;

namespace oc::catalog {

struct UsbId
{
    quint16 vid = 0;
    quint16 pid = 0;

    bool operator==(const UsbId &) const = default;
};

struct ChipProfile
{
    QString name;        // directory name of the vendor firmware set, e.g. "t31"
    QStringList aliases; // variant names served by the same data, e.g. "t31x"
    QString description;
    QList<UsbId> usbIds;               // ROM VID:PID candidates, most likely first
    proto::BootParams boot;            // boot.romCpuInfo empty: the ROM string is not known (any is accepted)
    proto::BurnerProfile burner;       // burner.paramOffset 0: the build defines no NOR parameter offset
    QList<QByteArray> burnerIdAliases; // other burner ID strings accepted for this chip
    quint32 maxSplSize = 0;            // largest SPL the ROM can load (CONFIG_SPL_MAX_SIZE)
    bool start1OneShot = true;         // PROGRAM_START1 works once per power-on; never retry it
    bool residentSpl = false;          // the burner SPL build can run its own USB loop [2.3]
    EvidenceMap evidence;              // keyed by JSON path ("burner.layout"); absent = confirmed
    QString sourceFile;                // where the profile was loaded from, for messages

    bool hasName(const QString &nameOrAlias) const;
    Evidence evidenceFor(const QString &path) const;
    // The ROM answered `answer` to GET_CPU_INFO: true if it is this chip's string or an alias, or if
    // the chip's string is not known. Compares all 8 bytes.
    bool matchesRomString(const QByteArray &answer) const;
    bool romStringKnown() const { return !boot.romCpuInfo.isEmpty(); }
    // The burner answered `answer` (cpuInfoLength bytes): compares up to the first NUL with the
    // expected string truncated to cpuInfoLength [7.2].
    bool matchesBurnerId(const QByteArray &answer) const;
    // Bytes available for ginfo below the SPL (CONFIG_SPL_GINFO_SIZE, 0x800 on every known chip).
    quint32 ginfoCapacity() const { return boot.splAddr - boot.ginfoAddr; }

    // Parses and validates one chip file. Problems go to `reader`; the returned value is meaningful
    // only when reader.ok().
    static ChipProfile fromJson(JsonReader &reader, const QJsonObject &root);
};

// "a108:c309".
QString formatUsbId(const UsbId &id);

// The JSON names of the burner build properties ("B", "K1", "k1-20", "k1-164", "vendor-24" ...).
const char *commandLayoutName(proto::CommandLayout layout);
const char *burnerGenerationName(proto::BurnerGeneration generation);
const char *debugLayoutName(proto::DebugLayout layout);
const char *policyLayoutName(proto::PolicyLayout layout);
const char *spiParamVariantName(proto::SpiParamVariant variant);

} // namespace oc::catalog
