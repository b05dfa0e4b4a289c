#include "stage.h"

namespace oc {

const char *stageName(Stage stage)
{
    switch (stage) {
    case Stage::Connect:
        return "connect";
    case Stage::Identify:
        return "identify";
    case Stage::LoadSpl:
        return "load-spl";
    case Stage::RunSpl:
        return "run-spl";
    case Stage::LoadBurner:
        return "load-burner";
    case Stage::StartBurner:
        return "start-burner";
    case Stage::Configure:
        return "configure";
    case Stage::Init:
        return "init";
    case Stage::Write:
        return "write";
    case Stage::Read:
        return "read";
    case Stage::Verify:
        return "verify";
    case Stage::Reboot:
        return "reboot";
    }
    return "unknown";
}

const char *stageLabel(Stage stage)
{
    switch (stage) {
    case Stage::Connect:
        return "Connecting";
    case Stage::Identify:
        return "Identifying the chip";
    case Stage::LoadSpl:
        return "Loading SPL";
    case Stage::RunSpl:
        return "Initialising DDR";
    case Stage::LoadBurner:
        return "Loading the burner";
    case Stage::StartBurner:
        return "Starting the burner";
    case Stage::Configure:
        return "Configuring";
    case Stage::Init:
        return "Initialising flash";
    case Stage::Write:
        return "Writing";
    case Stage::Read:
        return "Reading";
    case Stage::Verify:
        return "Verifying";
    case Stage::Reboot:
        return "Rebooting";
    }
    return "Unknown";
}

} // namespace oc
