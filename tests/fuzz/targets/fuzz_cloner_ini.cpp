// libFuzzer: the Ingenic USB Cloner's .cfg INI dialect (core/catalog/clonerini.h) with every typed
// accessor on every entry, and, chosen by the first byte, one spiflashinfo.cfg record (59 fields,
// core/catalog/spiflashinfo.h) or a whole spiflashinfo.cfg.

#include "fuzzinput.h"

#include "core/catalog/clonerini.h"
#include "core/catalog/spiflashinfo.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace oc::catalog;
    const int which = oc::fuzz::selector(data, size, 3);
    const QByteArray input = oc::fuzz::bytes(data, size);
    if (which == 1) {
        (void)parseSpiFlashRecord(QString::fromUtf8(input), QStringLiteral("fuzz"));
        return 0;
    }
    const auto ini = ClonerIni::parse(input, QStringLiteral("fuzz.cfg"));
    if (!ini)
        return 0;
    if (which == 2) {
        (void)importSpiFlashInfo(*ini);
        return 0;
    }
    for (const QString &name : ini->sectionNames()) {
        for (const IniEntry &e : ini->section(name)->entries) {
            (void)ini->integer(name, e.key, -(qint64(1) << 40), qint64(1) << 40);
            (void)ini->list(name, e.key);
            (void)ini->where(name, e.key);
        }
    }
    return 0;
}
