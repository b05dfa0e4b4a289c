// usbbushost: the situation of `opencloner-sim -- COMMAND` in miniature. Without umockdev's preload
// in its own process (so without hotplug announcements) it creates an emulated bus, plugs LoopbackDevices
// into the slots named on the command line ("1-2", or "1-3.4=OpenCloner-Virtual-7" for a serial), runs `--`
// COMMAND on the bus and exits with its exit code (125 if the bus cannot be set up).
#include "core/simusb/umockdevbus.h"
#include "loopbackdevice.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTextStream>

using namespace oc;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const qsizetype separator = args.indexOf(QStringLiteral("--"));
    QTextStream err(stderr);
    if (separator < 0 || separator + 1 >= args.size()) {
        err << "usage: usbbushost SLOT[=SERIAL]... -- COMMAND [ARG]...\n";
        return 125;
    }
    auto bus = sim::UmockdevBus::create();
    if (!bus) {
        err << bus.error().message << '\n';
        return 125;
    }
    for (const QString &slot : args.mid(0, separator)) {
        auto added =
            (*bus)->addDevice(std::make_shared<test::LoopbackDevice>(slot.section(QLatin1Char('='), 1)),
                              slot.section(QLatin1Char('='), 0, 0));
        if (!added) {
            err << added.error().message << '\n';
            return 125;
        }
    }
    QProcess child;
    child.setProcessEnvironment((*bus)->childEnvironment());
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(args.at(separator + 1), args.mid(separator + 2));
    if (!child.waitForFinished(30000) || child.exitStatus() != QProcess::NormalExit)
        return 125;
    return child.exitCode();
}
