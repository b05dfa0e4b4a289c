#pragma once

#include "core/sim/virtualboard.h"
#include "core/util/result.h"

#include <QCommandLineParser>
#include <QStringList>

#include <memory>
#include <vector>

namespace oc::sim {
class UmockdevBus;
}

namespace oc::simapp {

// opencloner-sim: plugs virtual Ingenic boards into an emulated USB bus (umockdev), runs a command
// against it through the real libusb path, then saves the boards' storage.
class SimApp
{
public:
    SimApp();
    ~SimApp();

    int run(const QStringList &arguments);

private:
    int usage(const QString &message) const;
    int fail(const Error &error) const;
    int makePlaceholders();
    Result<sim::SimBoardConfig> boardConfig(int index) const;
    Status createBoards();
    Status plugBoards();
    int runCommand(const QStringList &command);
    Status saveStorage() const;
    void printSummary() const;

    QCommandLineParser m_parser;
    std::vector<std::shared_ptr<sim::VirtualBoard>> m_boards;
    std::unique_ptr<sim::UmockdevBus> m_bus;
    int m_verbosity = 0;
};

} // namespace oc::simapp
