#include "simapp.h"

#include "core/catalog/catalog.h"
#include "core/catalog/placeholders.h"
#include "core/simusb/umockdevbus.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>

#include <csignal>

namespace oc::simapp {

namespace {

const char *Summary =
    "Plugs virtual Ingenic boards into an emulated USB bus and runs COMMAND against them through the real\n"
    "libusb code path; the boards behave like real ones (ROM, SPL, burner, SPI NOR / eMMC), including\n"
    "their unpleasant behaviours and any injected faults. Storage is saved when COMMAND ends.\n"
    "\n"
    "  opencloner-sim [options] -- COMMAND [ARGS...]\n"
    "  opencloner-sim --make-placeholders DIR --board t31-nor\n"
    "\n"
    "Storage:  nor:16M[:0xc84018][:page=256][:locked]   emmc:4G[:erased=0xff][:wp][:absent]\n"
    "Faults:   kind[@trigger][:param...], e.g. disconnect@write:chunk=3, bad_ack@init:value=-5,\n"
    "          ctrl_timeout@req=0x19:n=2, jedec:id=0xffffff (docs/virtual-board.md lists them all).\n"
    "          Prefix with N: to aim at board N only (1-based), e.g. 2:disconnect@write:chunk=1.\n"
    "Exit code: COMMAND's, or 2 for bad sim options, 125 if COMMAND could not be started.";

void err(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stderr);
}

} // namespace

SimApp::SimApp()
{
    m_parser.setApplicationDescription(QString::fromLatin1(Summary));
    m_parser.addHelpOption();
    m_parser.addPositionalArgument(QStringLiteral("command"),
                                   QStringLiteral("The program to run against the bus."),
                                   QStringLiteral("-- COMMAND [ARGS...]"));
    m_parser.addOptions({
        {QStringLiteral("chip"),
         QStringLiteral("Chip preset of the boards (t20, t31, t41, a1, x1000, x2000 ...)."),
         QStringLiteral("name"), QStringLiteral("t31")},
        {QStringLiteral("storage"), QStringLiteral("What is soldered on the boards."), QStringLiteral("spec"),
         QStringLiteral("nor:16M:0xc84018")},
        {QStringLiteral("boards"), QStringLiteral("How many boards to plug in (ports 1-1, 1-2, ...)."),
         QStringLiteral("n"), QStringLiteral("1")},
        {QStringLiteral("fault"), QStringLiteral("Inject a fault (repeatable)."), QStringLiteral("spec")},
        {QStringLiteral("timing"), QStringLiteral("none, or realistic[:scale] (spec 6.15 device times)."),
         QStringLiteral("model"), QStringLiteral("none")},
        {QStringLiteral("load-flash"), QStringLiteral("Initial storage content of board 1."),
         QStringLiteral("file")},
        {QStringLiteral("save-flash"),
         QStringLiteral("Save board 1's storage here when COMMAND ends (board N > 1: FILE.N)."),
         QStringLiteral("file")},
        {QStringLiteral("reappear"),
         QStringLiteral("Boards come back as a fresh ROM after REBOOT (boot button held).")},
        {QStringLiteral("exact-descriptors"),
         QStringLiteral(
             "Byte-exact ROM descriptors (no OpenCloner-Virtual serial: looks like a real board).")},
        {QStringLiteral("make-placeholders"),
         QStringLiteral("Write marked placeholder SPL / burner / ginfo for --board into DIR and exit."),
         QStringLiteral("dir")},
        {QStringLiteral("board"), QStringLiteral("Board profile for --make-placeholders."),
         QStringLiteral("name"), QStringLiteral("t31-nor")},
        {QStringLiteral("list-presets"), QStringLiteral("List the chip presets and exit.")},
        {{QStringLiteral("v"), QStringLiteral("verbose")},
         QStringLiteral("Print each board's event log at the end.")},
    });
}

SimApp::~SimApp()
{
    m_bus.reset(); // the bus goes before the boards it drives
}

int SimApp::usage(const QString &message) const
{
    err(QStringLiteral("opencloner-sim: %1\nTry `opencloner-sim --help`.\n").arg(message));
    return 2;
}

int SimApp::fail(const Error &error) const
{
    err(QStringLiteral("opencloner-sim: %1\n").arg(error.message));
    return 2;
}

int SimApp::run(const QStringList &arguments)
{
    const int dashes = int(arguments.indexOf(QStringLiteral("--")));
    const QStringList own = dashes < 0 ? arguments : arguments.mid(0, dashes);
    const QStringList command = dashes < 0 ? QStringList() : arguments.mid(dashes + 1);
    if (!m_parser.parse(own))
        return usage(m_parser.errorText());
    m_verbosity = int(m_parser.optionNames().count(QStringLiteral("v")) +
                      m_parser.optionNames().count(QStringLiteral("verbose")));
    if (m_parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(m_parser.helpText()), stdout);
        return 0;
    }
    if (m_parser.isSet(QStringLiteral("list-presets"))) {
        std::fputs(qPrintable(sim::SimBoardConfig::presetNames().join(QLatin1Char(' ')) + QLatin1Char('\n')),
                   stdout);
        return 0;
    }
    if (m_parser.isSet(QStringLiteral("make-placeholders")))
        return makePlaceholders();
    if (command.isEmpty())
        return usage(QStringLiteral("no command given after --"));
    if (Status s = createBoards(); !s)
        return fail(s.error());
    if (Status s = plugBoards(); !s)
        return fail(s.error());
    const int code = runCommand(command);
    m_bus.reset(); // stops the bus's housekeeping thread: the boards are ours alone from here
    if (Status s = saveStorage(); !s) {
        fail(s.error());
        return code ? code : 2;
    }
    printSummary();
    return code;
}

int SimApp::makePlaceholders()
{
    auto catalog = catalog::Catalog::load();
    if (!catalog)
        return fail(catalog.error());
    const QString name = m_parser.value(QStringLiteral("board"));
    const catalog::BoardProfile *board = catalog->board(name);
    if (!board)
        return usage(
            QStringLiteral("no board profile named '%1' (opencloner-cli info lists them)").arg(name));
    const QString dir = m_parser.value(QStringLiteral("make-placeholders"));
    if (Status s = catalog::writePlaceholders(dir, catalog->chipOf(*board), *board); !s)
        return fail(s.error());
    err(QStringLiteral("placeholder vendor files for %1 written to %2 (virtual boards only)\n")
            .arg(name, dir));
    return 0;
}

Result<sim::SimBoardConfig> SimApp::boardConfig(int index) const
{
    auto config = sim::SimBoardConfig::preset(m_parser.value(QStringLiteral("chip")));
    if (!config)
        return std::move(config).error();
    auto storage = sim::StorageSpec::parse(m_parser.value(QStringLiteral("storage")));
    if (!storage)
        return std::move(storage).error().withContext(QStringLiteral("--storage"));
    config->storage = *storage;
    if (index == 0 && m_parser.isSet(QStringLiteral("load-flash"))) {
        const QString image = m_parser.value(QStringLiteral("load-flash"));
        if (config->storage.nor)
            config->storage.nor->imagePath = image;
        else if (config->storage.emmc)
            config->storage.emmc->imagePath = image;
    }
    config->serialNumber = index + 1;
    config->usbBootSelectHeld = m_parser.isSet(QStringLiteral("reappear"));
    config->exactDescriptors = m_parser.isSet(QStringLiteral("exact-descriptors"));
    return config;
}

Status SimApp::createBoards()
{
    bool ok = false;
    const int count = m_parser.value(QStringLiteral("boards")).toInt(&ok);
    if (!ok || count < 1 || count > 32)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("--boards takes 1 to 32"));
    auto timing = sim::TimingModel::parse(m_parser.value(QStringLiteral("timing")));
    if (!timing)
        return std::move(timing).error().withContext(QStringLiteral("--timing"));
    const QRegularExpression aimed(QStringLiteral("^(\\d+):(.*)$"));
    for (int i = 0; i < count; ++i) {
        QStringList specs;
        for (const QString &fault : m_parser.values(QStringLiteral("fault"))) {
            const auto m = aimed.match(fault);
            if (!m.hasMatch())
                specs << fault;
            else if (m.captured(1).toInt() == i + 1)
                specs << m.captured(2);
        }
        auto faults = sim::FaultPlan::parse(specs.join(QLatin1Char(';')));
        if (!faults)
            return std::move(faults).error().withContext(QStringLiteral("--fault"));
        auto config = boardConfig(i);
        if (!config)
            return std::move(config).error();
        auto board = sim::VirtualBoard::create(*config, *timing, *faults);
        if (!board)
            return std::move(board).error();
        m_boards.push_back(std::shared_ptr<sim::VirtualBoard>(std::move(board).value()));
    }
    return {};
}

Status SimApp::plugBoards()
{
    auto bus = sim::UmockdevBus::create();
    if (!bus)
        return std::move(bus).error();
    m_bus = std::move(bus).value();
    for (size_t i = 0; i < m_boards.size(); ++i) {
        m_boards[i]->plug(sim::SimClock::now());
        const QString port = QStringLiteral("1-%1").arg(i + 1);
        auto id = m_bus->addDevice(m_boards[i], port);
        if (!id)
            return std::move(id).error();
        if (m_verbosity)
            err(QStringLiteral("opencloner-sim: %1 board (%2) at port %3\n")
                    .arg(m_boards[i]->config().chip, m_boards[i]->config().storage.toString(), port));
    }
    return {};
}

int SimApp::runCommand(const QStringList &command)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.setInputChannelMode(QProcess::ForwardedInputChannel);
    child.setProcessEnvironment(m_bus->childEnvironment());
    // Ctrl-C reaches the whole process group: let COMMAND handle it, and save the storage after.
    const auto previous = std::signal(SIGINT, SIG_IGN);
    child.start(command.first(), command.mid(1));
    if (!child.waitForStarted(-1)) {
        std::signal(SIGINT, previous);
        err(QStringLiteral("opencloner-sim: cannot start %1: %2\n")
                .arg(command.first(), child.errorString()));
        return 125;
    }
    child.waitForFinished(-1);
    std::signal(SIGINT, previous);
    if (child.exitStatus() == QProcess::CrashExit) {
        err(QStringLiteral("opencloner-sim: %1 crashed\n").arg(command.first()));
        return 125;
    }
    return child.exitCode();
}

Status SimApp::saveStorage() const
{
    if (!m_parser.isSet(QStringLiteral("save-flash")))
        return {};
    const QString base = m_parser.value(QStringLiteral("save-flash"));
    for (size_t i = 0; i < m_boards.size(); ++i) {
        const QString path = i == 0 ? base : QStringLiteral("%1.%2").arg(base).arg(i + 1);
        sim::VirtualBoard &board = *m_boards[i];
        const Status saved = board.nor() ? board.nor()->array().save(path) : board.emmc()->array().save(path);
        if (!saved)
            return saved;
    }
    return {};
}

void SimApp::printSummary() const
{
    for (size_t i = 0; i < m_boards.size(); ++i) {
        const sim::VirtualBoard &board = *m_boards[i];
        if (m_verbosity) {
            err(QStringLiteral("opencloner-sim: board %1 ended in state %2%3\n")
                    .arg(i + 1)
                    .arg(QLatin1String(sim::boardStateName(board.state())))
                    .arg(board.hangReason().isEmpty() ? QString()
                                                      : QStringLiteral(" (%1)").arg(board.hangReason())));
            for (const QString &line : board.eventLog())
                err(QStringLiteral("  %1\n").arg(line));
        } else if (!board.hangReason().isEmpty()) {
            err(QStringLiteral("opencloner-sim: board %1 hung: %2\n").arg(i + 1).arg(board.hangReason()));
        }
    }
}

} // namespace oc::simapp
