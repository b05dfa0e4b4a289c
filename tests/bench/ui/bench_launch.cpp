// Launch-to-shown time of the real application: starts `opencloner --report-shown` (virtual boards
// only, fresh settings) several times and prints, per run and as median, the wall time from process
// start until the process says its window was painted, and the time the application measured itself
// from main() (the difference is the dynamic loader and Qt's static start-up).

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? qMax(1, atoi(argv[1])) : 7;
    QList<double> wall;
    QList<double> inside;
    static const QRegularExpression shown(QStringLiteral("window shown after ([0-9.]+) ms"));
    for (int i = 0; i < runs; ++i) {
        QTemporaryDir dir;
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::SeparateChannels);
        QElapsedTimer clock;
        clock.start();
        process.start(QStringLiteral(OPENCLONER_GUI_BINARY),
                      {QStringLiteral("--no-usb"), QStringLiteral("--report-shown"),
                       QStringLiteral("--settings"), dir.filePath(QStringLiteral("settings.ini")),
                       QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("data"))});
        QByteArray out;
        double wallMs = -1;
        while (process.waitForReadyRead(30000)) {
            out += process.readAllStandardOutput();
            if (out.contains("window shown")) {
                wallMs = double(clock.nsecsElapsed()) / 1e6;
                break;
            }
        }
        process.waitForFinished(30000);
        const auto match = shown.match(QString::fromUtf8(out));
        if (wallMs < 0 || !match.hasMatch()) {
            std::fprintf(stderr, "run %d: the window was not shown\n%s\n", i + 1,
                         process.readAllStandardError().constData());
            return 1;
        }
        wall << wallMs;
        inside << match.captured(1).toDouble();
        std::printf("run %d: shown %.1f ms after process start (%.1f ms after main())\n", i + 1, wallMs,
                    inside.last());
    }
    std::sort(wall.begin(), wall.end());
    std::sort(inside.begin(), inside.end());
    std::printf("launch to shown window (%s, %d runs): median %.1f ms, min %.1f ms, max %.1f ms; "
                "from main(): median %.1f ms\n",
                qPrintable(qEnvironmentVariable("QT_QPA_PLATFORM", QStringLiteral("offscreen"))), runs,
                wall.at(wall.size() / 2), wall.first(), wall.last(), inside.at(inside.size() / 2));
    return 0;
}
