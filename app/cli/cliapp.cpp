#include "cliapp.h"

#include "catalogtext.h"
#include "cmdimport.h"
#include "cmdpack.h"
#include "cmdstation.h"
#include "sizeparse.h"

#include "core/catalog/catalog.h"
#include "core/flash/targetbuilder.h"
#include "core/protocol/wire.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QThread>

namespace oc::cli {

namespace {

const char *Summary =
    "Boot Ingenic SoCs over their USB boot ROM and write, read, erase or verify their SPI NOR / eMMC.\n"
    "\n"
    "Commands:\n"
    "  list               Ingenic boards in USB boot mode: port, USB id, stage, CPU info\n"
    "  info [NAME]        chips and board profiles, or the details of one\n"
    "  boot               load the SPL and the burner, leave the burner running\n"
    "  flash IMAGE        write IMAGE at --offset, verify it (unless --no-verify), reboot\n"
    "  read FILE          read --length bytes at --offset (default: the whole flash) into FILE\n"
    "  erase              erase --length bytes at --offset (default: the whole flash)\n"
    "  verify IMAGE       compare the flash at --offset with IMAGE\n"
    "  import PATH        import the boards of an Ingenic USB Cloner folder or bundle (.zip/.ingenic)\n"
    "  pack OUT.zip       package --write FILE@OFFSET|PARTITION ... for --board; `flash OUT.zip` runs it\n"
    "  station PLAN       production station: flash and verify every board plugged in with the station\n"
    "                     plan, one lane per port, a CSV + JSON-lines record per unit in --records DIR;\n"
    "                     `station --save-plan PLAN --board NAME FIRMWARE` writes a plan\n"
    "\n"
    "Vendor files: --firmware names your Ingenic USB Cloner installation (or any folder with\n"
    "<chip>/spl.bin, uboot.bin, ginfo.bin); OpenCloner ships no vendor binaries.\n"
    "Exit codes: 0 ok, 1 usage, 2 input file or profile, 3 no device, 4 USB transfer,\n"
    "5 board error or verify mismatch, 6 cancelled.";

void out(const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stdout);
}

} // namespace

CliApp::CliApp(std::shared_ptr<DeviceProvider> provider, QObject *parent)
    : QObject(parent)
    , m_provider(std::move(provider))
{
    addOptions();
}

CliApp::~CliApp() = default;

void CliApp::addOptions()
{
    m_parser.setApplicationDescription(QString::fromLatin1(Summary));
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    m_parser.addHelpOption();
    m_parser.addPositionalArgument(
        QStringLiteral("command"),
        QStringLiteral("list, info, boot, flash, read, erase, verify, import, pack, station"));
    m_parser.addOptions({
        {{QStringLiteral("b"), QStringLiteral("board")},
         QStringLiteral("Board profile (see `info`)."),
         QStringLiteral("name")},
        {{QStringLiteral("f"), QStringLiteral("firmware")},
         QStringLiteral("Folder with the vendor SPL / burner / ginfo."),
         QStringLiteral("dir")},
        {{QStringLiteral("d"), QStringLiteral("device")},
         QStringLiteral("Port path of the board when several are plugged in (see `list`)."),
         QStringLiteral("port")},
        {{QStringLiteral("o"), QStringLiteral("offset")},
         QStringLiteral("Flash offset (bytes; 0x.., K, M, G)."),
         QStringLiteral("n"),
         QStringLiteral("0")},
        {{QStringLiteral("l"), QStringLiteral("length")},
         QStringLiteral("Length for read / erase (default: to the end)."),
         QStringLiteral("n"),
         QStringLiteral("0")},
        {QStringLiteral("erase"),
         QStringLiteral("Erase mode for flash: lazy (erase what is written, default), init (erase the range "
                        "first), chip (whole chip), none."),
         QStringLiteral("mode"), QStringLiteral("lazy")},
        {QStringLiteral("erase-all"), QStringLiteral("Same as --erase chip.")},
        {QStringLiteral("no-verify"), QStringLiteral("Do not read the image back after writing.")},
        {QStringLiteral("no-reboot"), QStringLiteral("Leave the burner running at the end.")},
        {QStringLiteral("chunk-size"),
         QStringLiteral("Bytes per WRITE / READ (default: the board profile's)."), QStringLiteral("n")},
        {{QStringLiteral("w"), QStringLiteral("wait")},
         QStringLiteral("Wait for a board to appear (up to --wait-timeout seconds).")},
        {QStringLiteral("wait-timeout"), QStringLiteral("Seconds to wait with --wait."), QStringLiteral("s"),
         QStringLiteral("60")},
        {QStringLiteral("boards-dir"), QStringLiteral("Extra folder of chip / board / flash JSON files."),
         QStringLiteral("dir")},
        {QStringLiteral("json"), QStringLiteral("One JSON object per line on stdout (events and result).")},
        {{QStringLiteral("v"), QStringLiteral("verbose")},
         QStringLiteral("More output (-vv: every protocol step).")},
        {QStringLiteral("version"), QStringLiteral("Print the version and exit.")},
    });
    addPackOptions(m_parser);    // pack's own options (cmdpack.h)
    addStationOptions(m_parser); // station's (cmdstation.h)
}

int CliApp::usageError(const QString &message)
{
    std::fprintf(stderr, "opencloner-cli: %s\nTry `opencloner-cli --help`.\n", qPrintable(message));
    return exitCodeFor(ErrorCode::InvalidArgument);
}

int CliApp::fail(const Error &error)
{
    return reportFailure(m_mode, error);
}

int CliApp::run(const QStringList &arguments)
{
    if (!m_parser.parse(arguments))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        out(m_parser.helpText());
        return 0;
    }
    if (m_parser.isSet(QStringLiteral("version"))) {
        out(QStringLiteral("opencloner-cli %1\n").arg(QCoreApplication::applicationVersion()));
        return 0;
    }
    m_mode = m_parser.isSet(QStringLiteral("json")) ? OutputMode::Json : OutputMode::Human;
    m_verbosity = int(m_parser.optionNames().count(QStringLiteral("v")) +
                      m_parser.optionNames().count(QStringLiteral("verbose")));
    if (m_verbosity >= 2) // -vv: every transfer and protocol step, from the engine's log categories
        QLoggingCategory::setFilterRules(QStringLiteral("opencloner.*.debug=true"));
    const QStringList positional = m_parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(QStringLiteral("no command given"));
    m_command = positional.first();
    m_args = positional.mid(1);
    if (m_command == QLatin1String("import")) // before the catalog load: it may create --boards-dir
        return runImportCommand({m_args, m_parser.value(QStringLiteral("boards-dir")), m_mode});
    QStringList extra;
    if (m_parser.isSet(QStringLiteral("boards-dir")))
        extra << m_parser.value(QStringLiteral("boards-dir"));
    auto catalog = catalog::Catalog::load(extra);
    if (!catalog)
        return fail(catalog.error());
    m_catalog = std::make_unique<catalog::Catalog>(std::move(catalog).value());

    if (m_command == QLatin1String("list") || m_command == QLatin1String("detect"))
        return cmdList();
    if (m_command == QLatin1String("info"))
        return cmdInfo();
    if (m_command == QLatin1String("boot"))
        return cmdJob(Operation::Boot);
    if (m_command == QLatin1String("flash") || m_command == QLatin1String("write"))
        return cmdJob(Operation::Write);
    if (m_command == QLatin1String("read"))
        return cmdJob(Operation::Read);
    if (m_command == QLatin1String("erase"))
        return cmdJob(Operation::Erase);
    if (m_command == QLatin1String("verify"))
        return cmdJob(Operation::Verify);
    if (m_command == QLatin1String("station"))
        return runStationCommand(*m_catalog, {m_parser, m_args, m_mode, m_verbosity, m_provider,
                                              [this](std::function<void()> hook) {
                                                  m_cancelHook = std::move(hook);
                                              }});
    if (m_command == QLatin1String("pack"))
        return runPackCommand(*m_catalog, {m_parser, arguments, m_args, m_mode});
    return usageError(QStringLiteral("unknown command '%1'").arg(m_command));
}

void CliApp::cancel()
{
    if (m_cancelHook) {
        m_cancelHook();
    } else if (m_job) {
        std::fputs("\ncancelling: stopping after the current transfer...\n", stderr);
        m_job->cancel();
    }
}

Result<QList<UsbDeviceId>> CliApp::waitForDevices()
{
    const bool wait = m_parser.isSet(QStringLiteral("wait"));
    const int timeoutMs = m_parser.value(QStringLiteral("wait-timeout")).toInt() * 1000;
    QElapsedTimer timer;
    timer.start();
    bool announced = false;
    for (;;) {
        auto devices = m_provider->listDevices();
        if (!devices || !devices->isEmpty() || !wait || timer.elapsed() >= timeoutMs)
            return devices;
        if (!announced && m_mode == OutputMode::Human)
            std::fputs("waiting for a board in USB boot mode...\n", stderr);
        announced = true;
        QThread::msleep(200);
    }
}

Result<UsbDeviceId> CliApp::pickDevice()
{
    auto devices = waitForDevices();
    if (!devices)
        return std::move(devices).error();
    const QString wanted = m_parser.value(QStringLiteral("device"));
    QStringList ports;
    for (const UsbDeviceId &id : *devices) {
        if (!wanted.isEmpty() && id.portPath == wanted)
            return id;
        ports << id.portPath;
    }
    if (!wanted.isEmpty())
        return makeError(
            ErrorCode::NoDevice,
            QStringLiteral("no Ingenic board at port %1 (boards at: %2)")
                .arg(wanted, ports.isEmpty() ? QStringLiteral("none") : ports.join(QStringLiteral(", "))));
    if (devices->isEmpty())
        return makeError(ErrorCode::NoDevice, QStringLiteral("no Ingenic board in USB boot mode found"));
    if (devices->size() > 1)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 boards are plugged in (%2): choose one with --device")
                             .arg(devices->size())
                             .arg(ports.join(QStringLiteral(", "))));
    return devices->first();
}

int CliApp::cmdList()
{
    auto devices = waitForDevices();
    if (!devices)
        return fail(devices.error());
    QJsonArray rows;
    if (m_mode == OutputMode::Human)
        out(QStringLiteral("%1 %2 %3 %4\n")
                .arg(QStringLiteral("PORT"), -10)
                .arg(QStringLiteral("USB ID"), -10)
                .arg(QStringLiteral("STAGE"), -14)
                .arg(QStringLiteral("CPU INFO")));
    for (UsbDeviceId id : *devices) {
        QString stage = QStringLiteral("unknown");
        QString info;
        auto transport = m_provider->open(id);
        if (transport)
            id.isVirtual = (*transport)->deviceId().isVirtual;
        if (!transport) {
            stage = QLatin1String(errorCodeName(transport.error().code));
            info = transport.error().message;
        } else {
            std::array<quint8, proto::CpuInfoLength> buffer{};
            auto n =
                (*transport)->controlIn(proto::GetCpuInfo, 0, 0, buffer, std::chrono::milliseconds(1000));
            if (!n) {
                stage = QLatin1String(errorCodeName(n.error().code));
            } else {
                const QByteArray answer(reinterpret_cast<const char *>(buffer.data()), *n);
                stage = describeStage(*m_catalog, answer);
                info = proto::printableId(answer);
            }
        }
        const QString usbId =
            QStringLiteral("%1:%2").arg(id.vid, 4, 16, QLatin1Char('0')).arg(id.pid, 4, 16, QLatin1Char('0'));
        rows.append(QJsonObject{{QStringLiteral("port"), id.portPath},
                                {QStringLiteral("usbId"), usbId},
                                {QStringLiteral("stage"), stage},
                                {QStringLiteral("cpuInfo"), info},
                                {QStringLiteral("virtual"), id.isVirtual}});
        if (m_mode == OutputMode::Human)
            out(QStringLiteral("%1 %2 %3 %4%5\n")
                    .arg(id.portPath, -10)
                    .arg(usbId, -10)
                    .arg(stage, -14)
                    .arg(info)
                    .arg(id.isVirtual ? QStringLiteral("  (virtual)") : QString()));
    }
    if (m_mode == OutputMode::Json)
        out(QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact)) + QLatin1Char('\n'));
    else if (devices->isEmpty())
        std::fputs(
            "no Ingenic board in USB boot mode found (hold the boot button while plugging the board in)\n",
            stderr);
    return devices->isEmpty() ? exitCodeFor(ErrorCode::NoDevice) : 0;
}

int CliApp::cmdInfo()
{
    if (m_args.isEmpty()) {
        out(catalogSummary(*m_catalog, m_mode == OutputMode::Json));
        return 0;
    }
    auto text = catalogDetails(*m_catalog, m_args.first(), m_mode == OutputMode::Json);
    if (!text)
        return fail(text.error());
    out(*text);
    return 0;
}

Result<PlanRequest> CliApp::planRequest(Operation op) const
{
    PlanRequest r;
    r.op = op;
    const auto size = [this](const char *name) {
        return parseSize(m_parser.value(QLatin1String(name)));
    };
    const auto offset = size("offset");
    const auto length = size("length");
    if (!offset || !length)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("--offset and --length take a size such as 0x10000, 64K or 16M"));
    r.offset = *offset;
    r.length = *length;
    const QString mode = m_parser.isSet(QStringLiteral("erase-all"))
                             ? QStringLiteral("chip")
                             : m_parser.value(QStringLiteral("erase"));
    const auto erase = eraseModeFromName(mode);
    if (!erase)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("--erase takes lazy, init, chip or none, not '%1'").arg(mode));
    r.erase = *erase;
    r.verify = !m_parser.isSet(QStringLiteral("no-verify"));
    r.reboot = !m_parser.isSet(QStringLiteral("no-reboot"));
    if (m_parser.isSet(QStringLiteral("chunk-size"))) {
        const auto chunk = size("chunk-size");
        if (!chunk || *chunk == 0 || *chunk > (1u << 20))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("--chunk-size takes 512 bytes to 1M"));
        r.writeChunk = r.readChunk = int(*chunk);
    }
    const bool needsFile = op == Operation::Write || op == Operation::Read || op == Operation::Verify;
    if (needsFile && m_args.size() != 1)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("`%1` takes one file name").arg(m_command));
    if (!needsFile && !m_args.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("`%1` takes no file name").arg(m_command));
    (op == Operation::Read ? r.outputPath : r.imagePath) = needsFile ? m_args.first() : QString();
    return r;
}

int CliApp::cmdJob(Operation op)
{
    auto request = planRequest(op);
    if (!request)
        return fail(request.error());
    if (!m_parser.isSet(QStringLiteral("board")))
        return usageError(
            QStringLiteral("`%1` needs --board (opencloner-cli info lists them)").arg(m_command));
    // An imported board knows its Cloner installation; any other board needs --firmware.
    const catalog::BoardProfile *board = m_catalog->board(m_parser.value(QStringLiteral("board")));
    const QString firmware = m_parser.isSet(QStringLiteral("firmware"))
                                 ? m_parser.value(QStringLiteral("firmware"))
                             : board ? board->vendorFiles.root
                                     : QString();
    if (firmware.isEmpty() && board)
        return usageError(
            QStringLiteral("`%1` needs --firmware: the folder of your Ingenic USB Cloner installation")
                .arg(m_command));
    auto resolved = resolveTarget(*m_catalog, m_parser.value(QStringLiteral("board")), firmware);
    if (!resolved)
        return fail(resolved.error());
    auto plan = makePlan(*request, std::move(resolved->target), std::move(resolved->images));
    if (!plan)
        return fail(plan.error());
    auto device = pickDevice();
    if (!device)
        return fail(device.error());
    return runJob(std::move(plan).value(), *device);
}

int CliApp::runJob(FlashPlan plan, const UsbDeviceId &device)
{
    FlashJob job(std::move(plan), m_provider, device);
    Reporter reporter(job, m_mode, m_verbosity);
    QEventLoop loop;
    connect(&job, &FlashJob::finished, &loop, &QEventLoop::quit);
    m_job = &job;
    job.start();
    loop.exec();
    m_job = nullptr;
    const JobResult result = job.result();
    reporter.printResult(result);
    return result.ok ? 0 : exitCodeFor(result.error.code);
}

} // namespace oc::cli
