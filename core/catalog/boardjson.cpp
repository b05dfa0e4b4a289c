#include "boardjson.h"

#include "boardprofile.h"
#include "jsonreader.h"

#include <QDir>
#include <QJsonArray>

namespace oc::catalog {

namespace {

constexpr int MaxSteps = 64;
constexpr qint64 MaxOffset = qint64(1) << 42;
constexpr int MaxGinfoSize = 0x800; // CONFIG_SPL_GINFO_SIZE [3.10]

// The names boardprofile.cpp reads, indexed by the enum values of params.h.
const char *const EraseNames[] = {"partition", "all-partitions", "chip-command", "none"};
const char *const ModeNames[] = {"MTD_MODE", "UBI_MANAGER", "MTD_D_MODE"};
const char *const MmcEraseNames[] = {"none", "all", "ranges"};

QString hex(quint64 v)
{
    return QStringLiteral("0x") + QString::number(v, 16).toUpper();
}

QJsonObject gpioJson(const proto::GpioGroup &g)
{
    return {{QStringLiteral("port"), qint64(g.port)},
            {QStringLiteral("func"), hex(g.func)},
            {QStringLiteral("pins"), hex(g.pins)}};
}

BoardStep readStep(JsonReader &reader, const QJsonValue &value, const QString &path)
{
    BoardStep step;
    if (!value.isObject()) {
        reader.fail(path, QStringLiteral(
                              "expected {\"kind\": \"write\" or \"read\", \"offset\": ..., \"file\": ...}"));
        return step;
    }
    const QJsonObject o = value.toObject();
    reader.rejectUnknownKeys(o, path,
                             {QStringLiteral("kind"), QStringLiteral("label"), QStringLiteral("offset"),
                              QStringLiteral("length"), QStringLiteral("file")});
    step.kind = StepKind(
        reader.choice(o, path, QStringLiteral("kind"), {QStringLiteral("write"), QStringLiteral("read")})
            .value_or(0));
    step.label = reader.string(o, path, QStringLiteral("label"), Need::Optional).value_or(QString());
    step.offset = quint64(reader.integer(o, path, QStringLiteral("offset"), 0, MaxOffset).value_or(0));
    step.length =
        quint64(reader.integer(o, path, QStringLiteral("length"), 0, MaxOffset, Need::Optional).value_or(0));
    step.path = reader.string(o, path, QStringLiteral("file"), Need::Optional).value_or(QString());
    if (!step.path.isEmpty() && !QDir::isAbsolutePath(step.path))
        reader.fail(joinPath(path, QStringLiteral("file")),
                    QStringLiteral("\"%1\" must be an absolute path").arg(step.path));
    if (step.kind == StepKind::Read && step.length == 0)
        reader.fail(joinPath(path, QStringLiteral("length")), QStringLiteral("a read step needs a length"));
    return step;
}

void readGinfo(JsonReader &reader, const QJsonObject &root, BoardProfile &board)
{
    const auto text = reader.string(root, QString(), QStringLiteral("ginfo"), Need::Optional);
    if (!text)
        return;
    const QByteArray bytes = QByteArray::fromHex(text->toLatin1());
    if (bytes.toHex() != text->toLatin1().toLower() || bytes.size() < 8 + 184 ||
        bytes.size() > MaxGinfoSize || !bytes.startsWith("FIDB"))
        reader.fail(QStringLiteral("ginfo"),
                    QStringLiteral("expected the hex bytes of a ginfo blob (FIDB first, 192 .. 2048 bytes)"));
    else
        board.ginfo = bytes;
}

void readOrigin(JsonReader &reader, const QJsonObject &root, BoardProfile &board)
{
    const QString path = QStringLiteral("import");
    const auto o = reader.object(root, QString(), path, Need::Optional);
    if (!o)
        return;
    reader.rejectUnknownKeys(*o, path,
                             {QStringLiteral("source"), QStringLiteral("config"), QStringLiteral("ddrPart"),
                              QStringLiteral("rddLayout"), QStringLiteral("ginfoVerified")});
    BoardOrigin origin;
    origin.source = reader.string(*o, path, QStringLiteral("source")).value_or(QString());
    origin.config = reader.string(*o, path, QStringLiteral("config")).value_or(QString());
    origin.ddrPart = reader.string(*o, path, QStringLiteral("ddrPart"), Need::Optional).value_or(QString());
    origin.rddLayout =
        reader.string(*o, path, QStringLiteral("rddLayout"), Need::Optional).value_or(QString());
    origin.ginfoVerified =
        reader.boolean(*o, path, QStringLiteral("ginfoVerified"), Need::Optional).value_or(false);
    board.origin = origin;
}

QJsonObject storageJson(const BoardProfile &b)
{
    QJsonObject storage{{QStringLiteral("kind"), QLatin1String(storageKindName(b.storage))}};
    if (b.capacity > 0)
        storage.insert(QStringLiteral("capacity"), qint64(b.capacity));
    if (b.storage == StorageKind::Emmc)
        storage.insert(QStringLiteral("mscSlot"), b.mmcSlot);
    return storage;
}

QJsonObject globalInfoJson(const proto::GlobalInfo &g)
{
    QJsonArray gpio;
    for (const proto::GpioGroup &group : g.gpio)
        gpio.append(gpioJson(group));
    return {
        {QStringLiteral("extal"), qint64(g.extal)},         {QStringLiteral("cpuFreq"), qint64(g.cpuFreq)},
        {QStringLiteral("ddrFreq"), qint64(g.ddrFreq)},     {QStringLiteral("ddrDiv"), qint64(g.ddrDiv)},
        {QStringLiteral("uartIndex"), qint64(g.uartIndex)}, {QStringLiteral("baudRate"), qint64(g.baudRate)},
        {QStringLiteral("uartGpio"), gpioJson(g.uartGpio)}, {QStringLiteral("gpio"), gpio}};
}

void putNorJson(const BoardProfile &b, QJsonObject &o)
{
    QJsonObject spi{{QStringLiteral("eraseBlockSize"), qint64(b.spi.eraseBlockSize)},
                    {QStringLiteral("quad"), b.spi.sfcQuadMode != 0},
                    {QStringLiteral("bootQuad"), b.bootQuad},
                    {QStringLiteral("downloadParams"), b.spi.downloadParams != 0},
                    {QStringLiteral("sfcFrequency"), qint64(b.spi.sfcFrequency)},
                    {QStringLiteral("erase"), QLatin1String(EraseNames[int(b.spi.erase) & 3])}};
    if (b.spi.reserveSpace)
        spi.insert(QStringLiteral("reserveSpace"), qint64(b.spi.reserveSpace));
    if (b.spi.paramOffset)
        spi.insert(QStringLiteral("paramOffset"), hex(b.spi.paramOffset));
    o.insert(QStringLiteral("spi"), spi);
    QJsonArray partitions;
    for (const proto::NorPartition &p : b.partitions)
        partitions.append(QJsonObject{
            {QStringLiteral("name"), p.name},
            {QStringLiteral("offset"), hex(p.offset)},
            {QStringLiteral("size"), p.size == 0xFFFFFFFF ? QJsonValue(-1) : QJsonValue(hex(p.size))},
            {QStringLiteral("readOnly"), p.readOnly},
            {QStringLiteral("mode"), QLatin1String(ModeNames[int(p.mode) % 3])}});
    o.insert(QStringLiteral("partitions"), partitions);
}

QJsonObject mmcJson(const proto::MmcConfig &m)
{
    QJsonArray ranges;
    for (const proto::MmcRange &r : m.ranges)
        ranges.append(
            QJsonObject{{QStringLiteral("start"), qint64(r.start)},
                        {QStringLiteral("end"), r.end == ~quint64(0) ? qint64(-1) : qint64(r.end)}});
    QJsonObject mmc{{QStringLiteral("openCard"), m.openCard},
                    {QStringLiteral("erase"), QLatin1String(MmcEraseNames[int(m.erase) % 3])},
                    {QStringLiteral("gppFields"), m.gppFields}};
    if (!ranges.isEmpty())
        mmc.insert(QStringLiteral("ranges"), ranges);
    return mmc;
}

QJsonArray stepsJson(const QList<BoardStep> &steps)
{
    QJsonArray array;
    for (const BoardStep &s : steps) {
        QJsonObject o{{QStringLiteral("kind"), QLatin1String(stepKindName(s.kind))},
                      {QStringLiteral("offset"), hex(s.offset)}};
        if (!s.label.isEmpty())
            o.insert(QStringLiteral("label"), s.label);
        if (s.length)
            o.insert(QStringLiteral("length"), hex(s.length));
        if (!s.path.isEmpty())
            o.insert(QStringLiteral("file"), s.path);
        array.append(o);
    }
    return array;
}

QJsonObject originJson(const BoardOrigin &origin)
{
    return {{QStringLiteral("source"), origin.source},
            {QStringLiteral("config"), origin.config},
            {QStringLiteral("ddrPart"), origin.ddrPart},
            {QStringLiteral("rddLayout"), origin.rddLayout},
            {QStringLiteral("ginfoVerified"), origin.ginfoVerified}};
}

} // namespace

const char *stepKindName(StepKind kind)
{
    return kind == StepKind::Read ? "read" : "write";
}

QStringList boardExtraKeys()
{
    return {QStringLiteral("steps"), QStringLiteral("ginfo"), QStringLiteral("powerOff"),
            QStringLiteral("syncTime"), QStringLiteral("import")};
}

void readBoardExtras(JsonReader &reader, const QJsonObject &root, BoardProfile &board)
{
    board.powerOff =
        reader.boolean(root, QString(), QStringLiteral("powerOff"), Need::Optional).value_or(false);
    board.syncTime =
        reader.boolean(root, QString(), QStringLiteral("syncTime"), Need::Optional).value_or(false);
    const auto steps = reader.array(root, QString(), QStringLiteral("steps"), Need::Optional);
    if (steps && steps->size() > MaxSteps)
        reader.fail(QStringLiteral("steps"),
                    QStringLiteral("%1 steps; at most %2").arg(steps->size()).arg(MaxSteps));
    for (int i = 0; steps && i < steps->size() && i < MaxSteps; ++i)
        board.steps.append(readStep(reader, steps->at(i), indexPath(QStringLiteral("steps"), i)));
    readGinfo(reader, root, board);
    readOrigin(reader, root, board);
}

QJsonObject boardToJson(const BoardProfile &b)
{
    QJsonObject files{{QStringLiteral("spl"), b.vendorFiles.spl},
                      {QStringLiteral("burner"), b.vendorFiles.burner},
                      {QStringLiteral("ginfo"), b.vendorFiles.ginfo}};
    if (!b.vendorFiles.dir.isEmpty())
        files.insert(QStringLiteral("dir"), b.vendorFiles.dir);
    if (!b.vendorFiles.root.isEmpty())
        files.insert(QStringLiteral("root"), b.vendorFiles.root);
    QJsonObject o{{QStringLiteral("schema"), CatalogSchema},
                  {QStringLiteral("name"), b.name},
                  {QStringLiteral("chip"), b.chip},
                  {QStringLiteral("description"), b.description},
                  {QStringLiteral("storage"), storageJson(b)},
                  {QStringLiteral("vendorFiles"), files},
                  {QStringLiteral("globalInfo"), globalInfoJson(b.globalInfo)},
                  {QStringLiteral("debug"),
                   QJsonObject{{QStringLiteral("log"), b.debug.logEnabled},
                               {QStringLiteral("transferDataCheck"), b.debug.transferDataCheck},
                               {QStringLiteral("writeBackCheck"), b.debug.writeBackCheck}}},
                  {QStringLiteral("chunkSize"), qint64(b.chunkSize)},
                  {QStringLiteral("forceReset"), b.forceReset},
                  {QStringLiteral("bootStageSendLength"), b.bootStageSendLength},
                  {QStringLiteral("powerOff"), b.powerOff},
                  {QStringLiteral("syncTime"), b.syncTime}};
    if (b.storage == StorageKind::Nor)
        putNorJson(b, o);
    else
        o.insert(QStringLiteral("mmc"), mmcJson(b.mmc));
    if (b.ddrType)
        o.insert(QStringLiteral("ddrType"), hex(quint32(*b.ddrType)));
    if (!b.steps.isEmpty())
        o.insert(QStringLiteral("steps"), stepsJson(b.steps));
    if (!b.ginfo.isEmpty())
        o.insert(QStringLiteral("ginfo"), QString::fromLatin1(b.ginfo.toHex()));
    if (b.origin)
        o.insert(QStringLiteral("import"), originJson(*b.origin));
    QJsonObject evidence;
    for (auto it = b.evidence.cbegin(); it != b.evidence.cend(); ++it)
        evidence.insert(it.key(),
                        QStringLiteral("%1: %2").arg(QLatin1String(evidenceMarkName(it->mark)), it->note));
    if (!evidence.isEmpty())
        o.insert(QStringLiteral("evidence"), evidence);
    return o;
}

} // namespace oc::catalog
