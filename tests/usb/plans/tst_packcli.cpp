// `opencloner-cli pack` and `flash` with packages and compressed images, end to end as a user runs
// them: opencloner-sim plugs a virtual board into an emulated USB bus and runs the real CLI binary.

#include "flashtestkit.h"

#include <QProcess>
#include <QTest>

using namespace oc::test;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &args)
{
    QProcess p;
    // opencloner-sim re-executes itself with libumockdev-preload first in LD_PRELOAD; under the
    // sanitizer builds that puts it ahead of the ASan runtime, which ASan refuses unless told.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString asan = env.value(QStringLiteral("ASAN_OPTIONS"));
    env.insert(QStringLiteral("ASAN_OPTIONS"), (asan.isEmpty() ? QString() : asan + QLatin1Char(':')) +
                                                   QStringLiteral("verify_asan_link_order=0"));
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

Run cli(const QStringList &args)
{
    return run(QStringLiteral(OPENCLONER_CLI), args);
}

// opencloner-sim [simArgs] -- opencloner-cli [args]
Run sim(const QStringList &simArgs, const QStringList &args)
{
    return run(QStringLiteral(OPENCLONER_SIM),
               simArgs + QStringList{QStringLiteral("--"), QStringLiteral(OPENCLONER_CLI)} + args);
}

} // namespace

class TestPackCli : public QObject
{
    Q_OBJECT

private:
    FlashKit m_kit;
    QString m_vendor;

    QStringList board(const QString &command) const
    {
        return {command, QStringLiteral("--board"), QStringLiteral("t31-nor"), QStringLiteral("--firmware"),
                m_vendor};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_vendor = m_kit.tempPath(QStringLiteral("vendor"));
        const Run r =
            run(QStringLiteral(OPENCLONER_SIM), {QStringLiteral("--make-placeholders"), m_vendor,
                                                 QStringLiteral("--board"), QStringLiteral("t31-nor")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void packThenFlashThePackage()
    {
        const QString uboot = m_kit.makeImage(QStringLiteral("uboot.bin"), 128 * 1024, 51);
        QByteArray kernel = FlashKit::readFile(m_kit.makeImage(QStringLiteral("k.raw"), 1 << 20, 52));
        kernel.replace(0, 300000, QByteArray(300000, 'z'));
        const QString kernelXz =
            m_kit.makeCompressed(QStringLiteral("kernel.xz"), kernel, QStringLiteral("xz"));
        const QString package = m_kit.tempPath(QStringLiteral("fw.zip"));
        Run r = cli({QStringLiteral("pack"), package, QStringLiteral("--board"), QStringLiteral("t31-nor"),
                     QStringLiteral("--read"), QStringLiteral("factory.bin@0xFF0000:64K"),
                     QStringLiteral("--write"), uboot + QStringLiteral("@0"), QStringLiteral("--write"),
                     kernelXz + QStringLiteral("@0x40000"), QStringLiteral("--boot-last"),
                     QStringLiteral("--name"), QStringLiteral("Camera firmware"),
                     QStringLiteral("--package-version"), QStringLiteral("4.2")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("\"Camera firmware\" 4.2 for t31-nor"), r.out.constData());
        QVERIFY2(r.out.contains("sha256 "), r.out.constData());
        QVERIFY2(r.out.indexOf("kernel.xz") < r.out.indexOf("uboot.bin"),
                 r.out.constData()); // boot region last

        const QString flash = m_kit.tempPath(QStringLiteral("flash.bin"));
        r = sim({QStringLiteral("--save-flash"), flash}, board(QStringLiteral("flash")) << package);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QByteArray content = FlashKit::readFile(flash);
        QCOMPARE(content.left(128 * 1024), FlashKit::readFile(uboot));
        QCOMPARE(content.mid(0x40000, kernel.size()), kernel);
        QCOMPARE(FlashKit::readFile(m_kit.tempPath(QStringLiteral("factory.bin"))).size(),
                 64 * 1024); // next to the package
    }

    void flashTakesCompressedImages()
    {
        QByteArray data = FlashKit::readFile(m_kit.makeImage(QStringLiteral("c.raw"), 512 * 1024, 53));
        data.replace(0, 200000, QByteArray(200000, 'c'));
        const QString zst = m_kit.makeCompressed(QStringLiteral("fw.img.zst"), data, QStringLiteral("zstd"));
        const QString flash = m_kit.tempPath(QStringLiteral("flash2.bin"));
        const Run r = sim({QStringLiteral("--save-flash"), flash}, board(QStringLiteral("flash"))
                                                                       << zst << QStringLiteral("--offset")
                                                                       << QStringLiteral("0x100000"));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(FlashKit::readFile(flash).mid(0x100000, data.size()), data);
    }

    void packRefusesAPlanThatFailsPreflight()
    {
        const QString a = m_kit.makeImage(QStringLiteral("a.bin"), 1 << 20, 54);
        const QString b = m_kit.makeImage(QStringLiteral("b.bin"), 64 * 1024, 55);
        const Run r =
            cli({QStringLiteral("pack"), m_kit.tempPath(QStringLiteral("bad.zip")), QStringLiteral("--board"),
                 QStringLiteral("t31-nor"), QStringLiteral("--write"), a + QStringLiteral("@0x100000"),
                 QStringLiteral("--write"), b + QStringLiteral("@0x180000")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("overlap"), r.err.constData());
        QVERIFY(!QFile::exists(m_kit.tempPath(QStringLiteral("bad.zip"))));
    }

    void tamperedPackageIsRefusedBeforeTheBoardIsTouched()
    {
        const QString image = m_kit.makeImage(QStringLiteral("t.bin"), 256 * 1024, 56);
        const QString package = m_kit.tempPath(QStringLiteral("t.zip"));
        Run r = cli({QStringLiteral("pack"), package, QStringLiteral("--board"), QStringLiteral("t31-nor"),
                     QStringLiteral("--write"), image + QStringLiteral("@0")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QByteArray zip = FlashKit::readFile(package);
        FlashKit::writeFile(package, zip.left(zip.size() / 2));
        r = sim({}, board(QStringLiteral("flash")) << package);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("t.bin is cut off"), r.err.constData());
        QVERIFY2(!r.err.contains("Connecting"), r.err.constData()); // refused before any job started
    }
};

QTEST_GUILESS_MAIN(TestPackCli)
#include "tst_packcli.moc"
