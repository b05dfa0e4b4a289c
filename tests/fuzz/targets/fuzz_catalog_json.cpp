// libFuzzer: the catalog's JSON files (boards/README.md): a board profile, a chip profile or an SPI
// NOR database, chosen by the first byte. User folders and imports feed these parsers.

#include "fuzzinput.h"

#include "core/catalog/boardprofile.h"
#include "core/catalog/chipprofile.h"
#include "core/catalog/flashdatabase.h"
#include "core/catalog/jsonreader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace oc::catalog;
    const int which = oc::fuzz::selector(data, size, 3);
    JsonReader reader(QStringLiteral("fuzz.json"));
    const auto root = reader.parseObject(oc::fuzz::bytes(data, size));
    if (!root)
        return 0;
    if (which == 0) {
        const BoardProfile board = BoardProfile::fromJson(reader, *root);
        (void)board.policy();
    } else if (which == 1) {
        (void)ChipProfile::fromJson(reader, *root);
    } else {
        QStringList warnings;
        FlashDatabase db;
        db.add(FlashDatabase::parse(reader, *root, warnings));
        (void)db.collisions();
    }
    (void)reader.errors();
    return 0;
}
