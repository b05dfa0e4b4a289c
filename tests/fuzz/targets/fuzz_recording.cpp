// libFuzzer: USB recording files (core/usb/recordingfile.h, JSON Lines), as a user or a bug report
// hands them to the replay transport.

#include "fuzzinput.h"

#include "core/usb/recordingfile.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)oc::RecordingFile::load(oc::fuzz::inputFile(data, size, ".jsonl"));
    return 0;
}
