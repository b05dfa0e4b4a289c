// opencloner: the desktop application (Qt Widgets) on the same engine as opencloner-cli.

#include "screenshottour.h"

#include "ui/boardpicker.h"
#include "ui/devicelistmodel.h"
#include "ui/logmodel.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

#include <cstdio>

namespace {

QPointer<oc::ui::LogModel> g_log;
QtMessageHandler g_previousHandler = nullptr;

// The engine logs through QLoggingCategory ("opencloner.*"); its warnings belong in the log pane too.
void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (g_previousHandler)
        g_previousHandler(type, context, message);
    const char *category = context.category ? context.category : "";
    if (qstrncmp(category, "opencloner.", 11) != 0 || type == QtDebugMsg)
        return;
    const oc::LogLevel level = type == QtInfoMsg      ? oc::LogLevel::Info
                               : type == QtWarningMsg ? oc::LogLevel::Warning
                                                      : oc::LogLevel::Error;
    const QString text = QStringLiteral("%1: %2").arg(QLatin1String(category), message);
    if (oc::ui::LogModel *log = g_log.data())
        QMetaObject::invokeMethod(
            log, [log, level, text] { log->append(level, QString(), QString(), text); },
            Qt::QueuedConnection);
}

// Prints the time from the start of main() to the window's first paint, then quits (benchmarks).
class ShownReporter : public QObject
{
public:
    explicit ShownReporter(const QElapsedTimer &clock)
        : m_clock(clock)
    {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            std::printf("opencloner: window shown after %.1f ms\n", double(m_clock.nsecsElapsed()) / 1e6);
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer &m_clock;
    bool m_done = false;
};

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer clock;
    clock.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("OpenCloner"));
    QApplication::setOrganizationName(QStringLiteral("OpenCloner"));
    QApplication::setApplicationVersion(QStringLiteral(OPENCLONER_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.opencloner.OpenCloner"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("OpenCloner: flash Ingenic boards over USB."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption virtualOption(
        QStringLiteral("virtual"), QStringLiteral("Plug N virtual boards in at start."), QStringLiteral("N"));
    const QCommandLineOption boardOption(QStringLiteral("board"), QStringLiteral("Board profile to select."),
                                         QStringLiteral("name"));
    const QCommandLineOption timingOption(
        QStringLiteral("virtual-timing"),
        QStringLiteral("Speed of virtual boards: realistic, realistic:0.1, none."), QStringLiteral("model"),
        QStringLiteral("realistic"));
    const QCommandLineOption faultOption(
        QStringLiteral("virtual-faults"),
        QStringLiteral("Fault plan of the virtual boards (opencloner-sim syntax)."), QStringLiteral("plan"));
    const QCommandLineOption firmwareOption(QStringLiteral("firmware"),
                                            QStringLiteral("Firmware file to open."), QStringLiteral("file"));
    const QCommandLineOption noUsbOption(
        QStringLiteral("no-usb"), QStringLiteral("Do not watch the real USB bus (virtual boards only)."));
    const QCommandLineOption developerOption(QStringLiteral("developer"),
                                             QStringLiteral("Developer tools (free-text fault plans)."));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("Language: en, zh_CN."),
                                        QStringLiteral("code"));
    const QCommandLineOption themeOption(
        QStringLiteral("theme"), QStringLiteral("Appearance: system, light, dark."), QStringLiteral("name"));
    const QCommandLineOption settingsOption(
        QStringLiteral("settings"), QStringLiteral("Use this settings file (INI)."), QStringLiteral("file"));
    const QCommandLineOption dataOption(QStringLiteral("data-dir"),
                                        QStringLiteral("Folder for session logs and caches."),
                                        QStringLiteral("dir"));
    const QCommandLineOption shotsOption(QStringLiteral("screenshots"),
                                         QStringLiteral("Take the review screenshots into DIR, then quit."),
                                         QStringLiteral("dir"));
    const QCommandLineOption shownOption(
        QStringLiteral("report-shown"),
        QStringLiteral("Print the time to the first paint of the window, then quit."));
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("Firmware file to open (as --firmware)."),
                                 QStringLiteral("[file]"));
    parser.addOptions({virtualOption, boardOption, timingOption, faultOption, firmwareOption, noUsbOption,
                       developerOption, langOption, themeOption, settingsOption, dataOption, shotsOption,
                       shownOption});
    parser.process(app);

    oc::ui::MainWindowOptions options;
    options.settingsFile = parser.value(settingsOption);
    if (parser.isSet(dataOption)) {
        options.dataDir = parser.value(dataOption);
        options.cacheDir = parser.value(dataOption) + QStringLiteral("/cache");
    }
    options.useRealUsb = !parser.isSet(noUsbOption);
    options.developer = parser.isSet(developerOption);
    options.language = parser.value(langOption);
    options.theme = parser.value(themeOption);
    oc::ui::MainWindow window(options);
    g_log = window.logModel();
    g_previousHandler = qInstallMessageHandler(messageHandler);

    ShownReporter shown(clock);
    if (parser.isSet(shownOption))
        window.installEventFilter(&shown);

    // Virtual boards, board and firmware need the catalog, which loads on a worker thread.
    QObject::connect(
        &window, &oc::ui::MainWindow::catalogReady, &window,
        [&] {
            if (parser.isSet(boardOption))
                window.boardPicker()->selectBoard(parser.value(boardOption));
            if (parser.isSet(virtualOption)) {
                const auto added = window.addVirtualBoards(
                    window.boardPicker()->boardName(), parser.value(virtualOption).toInt(),
                    parser.value(timingOption), parser.value(faultOption));
                if (!added)
                    std::fprintf(stderr, "opencloner: --virtual: %s\n", qPrintable(added.error().message));
            }
            if (parser.isSet(firmwareOption))
                window.openFirmware(parser.value(firmwareOption));
            else if (!parser.positionalArguments().isEmpty())
                window.openFirmware(parser.positionalArguments().first());
        },
        Qt::SingleShotConnection);

    std::unique_ptr<ScreenshotTour> tour;
    if (parser.isSet(shotsOption))
        tour = std::make_unique<ScreenshotTour>(&window, parser.value(shotsOption));
    window.show();
    const int code = QApplication::exec();
    qInstallMessageHandler(g_previousHandler);
    return tour ? tour->exitCode() : code;
}
