// opencloner-sim: virtual Ingenic boards on an emulated USB bus, for developers, tests, benchmarks
// and anyone without hardware.

#include "simapp.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("opencloner-sim"));
    oc::simapp::SimApp sim;
    return sim.run(QCoreApplication::arguments());
}
