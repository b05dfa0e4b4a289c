// libFuzzer: proto::parseTlvList, the TLV walker for UPDATE_CFG / ginfo blobs from outside
// (Cloner installations, captures). Every entry it returns must lie inside the input.

#include "fuzzinput.h"

#include "core/protocol/tlv.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = oc::fuzz::bytes(data, size);
    const auto entries = oc::proto::parseTlvList(QByteArrayView(input), 64);
    if (entries) {
        for (const oc::proto::TlvEntry &e : *entries) {
            if (e.offset < 0 || e.offset + 8 + e.data.size() > input.size())
                std::abort(); // an entry outside the input: the parser read out of bounds
        }
    }
    return 0;
}
