// OpenCloner packages: the manifest's strict parser, pack and load round trips, streamed entries
// (plain and compressed), tampered, incomplete, hostile and truncated packages refused with the
// file named, and a package flashed and verified on a virtual board in-process.

#include "flashtestkit.h"
#include "ziptool.h"

#include "core/flash/packageplan.h"
#include "core/package/packagewriter.h"
#include "core/sim/virtualbus.h"
#include "core/sim/virtualbusprovider.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace oc;
using namespace oc::test;

namespace {

constexpr qint64 KiB = 1024;

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

pkg::ManifestStep writeEntry(const QString &file, const QByteArray &stored, qint64 imageSize, quint64 offset,
                             pkg::Compression compression = pkg::Compression::None)
{
    pkg::ManifestStep s;
    s.op = pkg::StepOp::Write;
    s.file = file;
    s.offset = offset;
    s.storedSize = stored.size();
    s.imageSize = imageSize;
    s.compression = compression;
    s.sha256 = sha256(stored);
    return s;
}

pkg::Manifest manifestFor(QList<pkg::ManifestStep> steps)
{
    pkg::Manifest m;
    m.name = QStringLiteral("test firmware");
    m.version = QStringLiteral("1.0");
    m.chips = {QStringLiteral("t31")};
    m.steps = std::move(steps);
    return m;
}

QByteArray readAllFrom(const pkg::StreamLocation &where)
{
    auto reader = pkg::StreamReader::open(where);
    if (!reader)
        return {};
    QByteArray all;
    std::vector<quint8> buffer(100 * KiB);
    for (;;) {
        auto n = (*reader)->read(buffer);
        if (!n || *n == 0)
            break;
        all.append(reinterpret_cast<const char *>(buffer.data()), *n);
    }
    return all;
}

} // namespace

class TestPackage : public QObject
{
    Q_OBJECT

private:
    FlashKit m_kit;

    QByteArray compressible(const QString &name, qint64 size, quint32 seed) const
    {
        QByteArray data = FlashKit::readFile(m_kit.makeImage(name, size, seed));
        data.replace(0, size / 2, QByteArray(size / 2, char(seed)));
        return data;
    }

    // A package of three writes (plain, zstd, gzip) made by pack's writer. Returns its path.
    QString makeGoodPackage(const QString &name, QByteArray *kernelOut = nullptr)
    {
        const QString uboot = m_kit.makeImage(name + QStringLiteral("-uboot.bin"), 100 * KiB, 1);
        const QByteArray kernel = compressible(name + QStringLiteral("-k.raw"), 700 * KiB, 2);
        const QByteArray rootfs = compressible(name + QStringLiteral("-r.raw"), 900 * KiB, 3);
        const QString kernelGz =
            m_kit.makeCompressed(name + QStringLiteral("-kernel.gz"), kernel, QStringLiteral("gzip"));
        const QString rootfsZst =
            m_kit.makeCompressed(name + QStringLiteral("-rootfs.zst"), rootfs, QStringLiteral("zstd"));
        pkg::Manifest m = manifestFor({});
        for (const auto &[file, offset] :
             {qMakePair(QStringLiteral("uboot.bin"), 0), qMakePair(QStringLiteral("kernel.gz"), 0x40000),
              qMakePair(QStringLiteral("rootfs.img.zst"), 0x2C0000)}) {
            pkg::ManifestStep s;
            s.file = file;
            s.offset = quint64(offset);
            m.steps << s;
        }
        const QMap<QString, QString> sources{{QStringLiteral("uboot.bin"), uboot},
                                             {QStringLiteral("kernel.gz"), kernelGz},
                                             {QStringLiteral("rootfs.img.zst"), rootfsZst}};
        const QString path = m_kit.tempPath(name + QStringLiteral(".zip"));
        auto written = pkg::writePackage(path, m, sources);
        if (!written)
            qFatal("pack failed: %s", qPrintable(written.error().message));
        if (kernelOut)
            *kernelOut = kernel;
        return path;
    }

    void expectRefused(const QString &path, const QString &words)
    {
        auto loaded = pkg::loadPackage(path);
        QVERIFY2(!loaded.ok(), qPrintable(path));
        QCOMPARE(loaded.error().code, ErrorCode::InputFile);
        QVERIFY2(loaded.error().message.contains(words), qPrintable(loaded.error().message));
    }

private Q_SLOTS:
    void manifestRoundTrip()
    {
        pkg::Manifest m = manifestFor({writeEntry(QStringLiteral("a/b.bin"), "abc", 3, 0x8000)});
        m.boards = {QStringLiteral("t31-nor")};
        m.erase = QStringLiteral("init");
        m.bootLast = true;
        pkg::ManifestStep read;
        read.op = pkg::StepOp::Read;
        read.output = QStringLiteral("factory.bin");
        read.partition = QStringLiteral("factory");
        m.steps << read;
        auto parsed = pkg::Manifest::fromJson(m.toJson());
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
        QCOMPARE(parsed->toJson(), m.toJson());
        QCOMPARE(parsed->steps[0].sha256, sha256("abc"));
        QCOMPARE(parsed->steps[1].partition, QStringLiteral("factory"));
    }

    void manifestRefusesHostileInput_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("words");
        QTest::newRow("unknown key") << "steps[0].color" << QJsonValue(1) << "steps[0].color: unknown key";
        QTest::newRow("dot-dot") << "steps[0].file" << QJsonValue("../../etc/passwd")
                                 << "'.' or '..' folder part";
        QTest::newRow("absolute") << "steps[0].file" << QJsonValue("/etc/passwd") << "absolute path";
        QTest::newRow("backslash") << "steps[0].file" << QJsonValue("a\\b.bin") << "backslash";
        QTest::newRow("bad hash") << "steps[0].sha256" << QJsonValue("xyz") << "64 hexadecimal digits";
        QTest::newRow("huge size") << "steps[0].imageSize" << QJsonValue(double(qint64(1) << 42))
                                   << "whole number from 0 to";
        QTest::newRow("compression") << "steps[0].compression" << QJsonValue("lz4") << "is not none, gzip";
        QTest::newRow("newer format") << "formatVersion" << QJsonValue(2) << "newer OpenCloner";
        QTest::newRow("erase mode") << "erase" << QJsonValue("sometimes") << "erase mode 'sometimes'";
        QJsonArray many;
        for (int i = 0; i < 65; ++i)
            many.append(QJsonObject{{"op", "erase"}, {"offset", 0}, {"length", 4096}});
        QTest::newRow("huge step count") << "steps" << QJsonValue(many) << "1 to 64 steps";
    }

    void manifestRefusesHostileInput()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, words);
        QJsonObject root =
            QJsonDocument::fromJson(manifestFor({writeEntry("k.bin", "k", 1, 0)}).toJson()).object();
        if (key.startsWith(QLatin1String("steps[0]."))) {
            QJsonArray steps = root.value("steps").toArray();
            QJsonObject first = steps[0].toObject();
            first.insert(key.mid(9), value);
            steps[0] = first;
            root.insert("steps", steps);
        } else {
            root.insert(key, value);
        }
        auto parsed = pkg::Manifest::fromJson(QJsonDocument(root).toJson());
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message.contains(words), qPrintable(parsed.error().message));
        QVERIFY(!pkg::Manifest::fromJson("{\"format\": \"opencloner-package\", ").ok());
    }

    void packAndLoadRoundTrip()
    {
        QByteArray kernel;
        const QString path = makeGoodPackage(QStringLiteral("good"), &kernel);
        QVERIFY(pkg::isPackage(path));
        auto loaded = pkg::loadPackage(path);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
        const pkg::ManifestStep &k = loaded->manifest.steps[1];
        QCOMPARE(k.compression, pkg::Compression::Gzip);
        QCOMPARE(k.imageSize, qint64(kernel.size()));
        QCOMPARE(k.sha256, sha256(FlashKit::readFile(m_kit.tempPath(QStringLiteral("good-kernel.gz")))));
        QCOMPARE(loaded->manifest.steps[2].compression, pkg::Compression::Zstd);
        QCOMPARE(readAllFrom(loaded->location(k)), kernel); // streamed out of the zip and gunzipped
        QVERIFY(loaded->ignoredEntries.isEmpty());
        QVERIFY(pkg::checkUnchanged(*loaded).ok());
    }

    void tamperedPackagesAreRefused()
    {
        const QByteArray k(64 * KiB, 'k');
        const QString manifestName = QLatin1String(pkg::ManifestName);
        const auto make = [&](const QString &name, const pkg::Manifest &m, ZipEntries files) {
            files.prepend({manifestName, m.toJson()});
            const QString path = m_kit.tempPath(name);
            if (!writeZip(path, files))
                qFatal("cannot write %s", qPrintable(path));
            return path;
        };
        pkg::ManifestStep wrongHash = writeEntry("kernel.bin", k, k.size(), 0x40000);
        wrongHash.sha256 = sha256("something else");
        expectRefused(make("hash.zip", manifestFor({wrongHash}), {{"kernel.bin", k}}),
                      "kernel.bin does not match the manifest: its SHA-256 is");
        QByteArray changed = k;
        changed[1000] = 'X';
        expectRefused(make("swapped.zip", manifestFor({writeEntry("kernel.bin", k, k.size(), 0x40000)}),
                           {{"kernel.bin", changed}}),
                      "kernel.bin does not match the manifest");
        expectRefused(make("missing.zip", manifestFor({writeEntry("kernel.bin", k, k.size(), 0x40000)}), {}),
                      "kernel.bin, listed in its manifest, is missing");
        expectRefused(make("short.zip", manifestFor({writeEntry("kernel.bin", k, k.size(), 0x40000)}),
                           {{"kernel.bin", k.left(1000)}}),
                      "kernel.bin has 1000 bytes, its manifest says 65536");
        expectRefused(make("twice.zip", manifestFor({writeEntry("kernel.bin", k, k.size(), 0x40000)}),
                           {{"kernel.bin", k}, {"kernel.bin", k}}),
                      "holds two files named kernel.bin");
        const QString nothing = m_kit.tempPath("nomanifest.zip");
        QVERIFY(writeZip(nothing, {{"kernel.bin", k}}));
        expectRefused(nothing, "has no manifest.json");
        expectRefused(m_kit.makeImage("plain.zip", 4096, 3), "not an OpenCloner package");
    }

    void decompressionBombIsStoppedAtTheStatedSize()
    {
        const QByteArray big(4 << 20, '\0');
        const QString zst = m_kit.makeCompressed("bomb.zst", big, "zstd");
        const QByteArray stored = FlashKit::readFile(zst);
        const QString path = m_kit.tempPath("bomb.zip");
        QVERIFY(writeZip(
            path, {{pkg::ManifestName,
                    manifestFor({writeEntry("bomb.zst", stored, 1000, 0, pkg::Compression::Zstd)}).toJson()},
                   {"bomb.zst", stored}}));
        expectRefused(path, "bomb.zst holds more than the 1000 bytes its manifest states");
    }

    void flippedByteInAStoredFileIsRefused()
    {
        const QString path = makeGoodPackage(QStringLiteral("flip"));
        QByteArray zip = FlashKit::readFile(path);
        const QByteArray zst = FlashKit::readFile(m_kit.tempPath(QStringLiteral("flip-rootfs.zst")));
        const qsizetype at = zip.indexOf(zst.mid(200, 64)); // the .zst is stored as it is
        QVERIFY(at > 0);
        zip[at + 10] = char(zip[at + 10] ^ 0x01);
        FlashKit::writeFile(path, zip);
        expectRefused(path, QStringLiteral("rootfs.img.zst"));
    }

    void unlistedFilesAreIgnoredAndSaid()
    {
        const QByteArray k(4096, 'k');
        const QString path = m_kit.tempPath("extra.zip");
        QVERIFY(
            writeZip(path, {{pkg::ManifestName, manifestFor({writeEntry("k.bin", k, k.size(), 0)}).toJson()},
                            {"k.bin", k},
                            {"README.txt", "hello"}}));
        auto loaded = pkg::loadPackage(path);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
        QCOMPARE(loaded->ignoredEntries, QStringList{QStringLiteral("README.txt")});
    }

    void truncatedPackagesAreRefused_data()
    {
        QTest::addColumn<double>("keep");
        QTest::addColumn<QString>("words");
        QTest::newRow("inside the kernel") << 0.25 << "kernel.gz is cut off";
        QTest::newRow("inside the rootfs") << 0.8 << "rootfs.img.zst is cut off";
        QTest::newRow("table of contents")
            << -60.0 << "table of contents is missing (complete up to rootfs.img.zst)";
    }

    void truncatedPackagesAreRefused()
    {
        QFETCH(double, keep);
        QFETCH(QString, words);
        const QString path = makeGoodPackage(QStringLiteral("cut-") + QString::number(keep));
        const QByteArray zip = FlashKit::readFile(path);
        const qsizetype size = keep > 0 ? qsizetype(double(zip.size()) * keep) : zip.size() + qsizetype(keep);
        FlashKit::writeFile(path, zip.left(size));
        expectRefused(path, QStringLiteral("truncated"));
        expectRefused(path, words);
    }

    void packageForAnotherBoardIsRefused()
    {
        pkg::Manifest m = manifestFor({writeEntry("k.bin", "k", 1, 0)});
        m.chips = {QStringLiteral("t20")};
        m.boards = {QStringLiteral("t20-nor")};
        const Status s = checkPackageTarget(m, m_kit.target(QStringLiteral("t31-nor")));
        QCOMPARE(s.error().code, ErrorCode::ChipMismatch);
        QVERIFY2(s.error().message.contains(
                     QStringLiteral("is for t20-nor, T20 boards, not for board \"t31-nor\" (T31)")),
                 qPrintable(s.error().message));
    }

    void packFlashVerifyRoundTripInProcess()
    {
        auto bus = std::make_shared<sim::VirtualBus>();
        auto provider = std::make_shared<sim::VirtualBusProvider>(bus);
        auto port =
            bus->addBoard(FlashKit::boardConfig("t31", "nor:16M:0xc84018"), sim::TimingModel::none(), {});
        QVERIFY(port.ok());
        sim::VirtualBoard &board = *bus->board(*port);
        const QByteArray factory = FlashKit::readFile(m_kit.makeImage("factory.raw", 64 * KiB, 21));
        board.nor()->array().write(0xFF0000, factory);

        // The plan a user would give `pack`: two files and a backup of the factory data.
        const QString uboot = m_kit.makeImage("rt-uboot.bin", 96 * KiB, 22);
        const QByteArray kernel = compressible("rt-k.raw", 1 << 20, 23);
        const QString kernelXz = m_kit.makeCompressed("rt-kernel.xz", kernel, "xz");
        PlanRequest request;
        StepRequest u{StepKind::Write, uboot};
        u.offset = 0;
        StepRequest kx{StepKind::Write, kernelXz};
        kx.offset = 0x40000;
        StepRequest backup{StepKind::Read, m_kit.tempPath("factory.bin")};
        backup.offset = 0xFF0000;
        backup.length = 64 * KiB;
        request.steps = {backup, u, kx};
        auto plan = m_kit.plan(QStringLiteral("t31-nor"), request);
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
        auto contents = packContents(*plan, "round trip", "2.0");
        QVERIFY(contents.ok());
        const QString package = m_kit.tempPath("roundtrip.zip");
        QVERIFY(pkg::writePackage(package, contents->manifest, contents->sources).ok());

        QDir(m_kit.tempPath({})).mkpath("out");
        PlanRequest flash{Operation::Write, package, m_kit.tempPath("out")};
        auto loaded = m_kit.plan(QStringLiteral("t31-nor"), flash);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
        QCOMPARE(loaded->packagePath, package);
        QCOMPARE(loaded->steps[2].image.entry, QStringLiteral("rt-kernel.xz")); // streamed from the zip
        QCOMPARE(loaded->steps[2].length, quint64(kernel.size()));

        FlashJob job(*loaded, provider, provider->listDevices()->first());
        JobTrace trace;
        QVERIFY(runJob(job, trace));
        QVERIFY2(trace.result->ok, qPrintable(trace.result->error.message));
        QVERIFY(trace.stagesStarted().contains("verify"));
        QCOMPARE(board.nor()->array().read(0, 96 * KiB), FlashKit::readFile(uboot));
        QCOMPARE(board.nor()->array().read(0x40000, kernel.size()), kernel);
        QCOMPARE(FlashKit::readFile(m_kit.tempPath("out/factory.bin")), factory);
    }
};

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
