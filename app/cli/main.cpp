// opencloner-cli: the command-line companion of OpenCloner, on the same engine as the window.

#include "cliapp.h"

#include "core/usb/libusbcontext.h"
#include "core/usb/libusbdeviceprovider.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <unistd.h>

namespace {

int g_signalPipe[2] = {-1, -1};

void onSigint(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &byte, 1);
    std::signal(SIGINT, SIG_DFL); // a second Ctrl-C ends the process at once
    std::signal(SIGTERM, SIG_DFL);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("opencloner-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OPENCLONER_VERSION));

    auto context = oc::LibusbContext::create();
    if (!context) {
        std::fprintf(stderr, "error: %s\n", qPrintable(context.error().message));
        return oc::exitCodeFor(context.error().code);
    }
    oc::cli::CliApp cli(std::make_shared<oc::LibusbDeviceProvider>(*context));
    if (::pipe(g_signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &cli, [&cli] {
            char byte;
            [[maybe_unused]] const auto n = ::read(g_signalPipe[0], &byte, 1);
            cli.cancel();
        });
        std::signal(SIGINT, onSigint);
        std::signal(SIGTERM, onSigint); // `kill`, systemd: the same clean stop as Ctrl-C
    }
    return cli.run(QCoreApplication::arguments());
}
