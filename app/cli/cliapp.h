#pragma once

#include "reporter.h"

#include "core/flash/planner.h"
#include "core/usb/deviceprovider.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <functional>
#include <memory>

namespace oc::catalog {
class Catalog;
}

namespace oc::cli {

// opencloner-cli: parses the command line, runs one command and returns its exit code
// (0 ok, 1 usage, 2 input file / profile, 3 no device, 4 USB, 5 board error / verify, 6 cancelled).
class CliApp : public QObject
{
    Q_OBJECT
public:
    explicit CliApp(std::shared_ptr<DeviceProvider> provider, QObject *parent = nullptr);
    ~CliApp() override;

    int run(const QStringList &arguments);
    void cancel(); // Ctrl-C: cancel the running job cleanly

private:
    void addOptions();
    int usageError(const QString &message);
    int fail(const Error &error);
    int cmdList();
    int cmdInfo();
    int cmdJob(Operation op);
    Result<PlanRequest> planRequest(Operation op) const;
    Result<UsbDeviceId> pickDevice();
    Result<QList<UsbDeviceId>> waitForDevices();
    int runJob(FlashPlan plan, const UsbDeviceId &device);

    std::shared_ptr<DeviceProvider> m_provider;
    std::unique_ptr<catalog::Catalog> m_catalog;
    QCommandLineParser m_parser;
    QString m_command;
    QStringList m_args;
    OutputMode m_mode = OutputMode::Human;
    int m_verbosity = 0;
    FlashJob *m_job = nullptr;
    std::function<void()> m_cancelHook; // set while `station` runs
};

} // namespace oc::cli
