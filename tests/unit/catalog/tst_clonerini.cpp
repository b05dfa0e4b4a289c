// The reader of the Ingenic USB Cloner's .cfg dialect: quoted comma lists with trailing commas, hex /
// decimal / -1 numbers, spaces around '=', CRLF, absolute Windows and Linux paths, and line-numbered
// errors for everything malformed or oversized.

#include "core/catalog/clonerini.h"

#include <QTemporaryDir>
#include <QTest>

using namespace oc;
using namespace oc::catalog;

class TestClonerIni : public QObject
{
    Q_OBJECT

private:
    static ClonerIni parse(const QByteArray &text)
    {
        auto ini = ClonerIni::parse(text, QStringLiteral("board.cfg"));
        if (!ini)
            qFatal("%s", qPrintable(ini.error().message));
        return std::move(ini).value();
    }

    static QString parseError(const QByteArray &text)
    {
        const auto ini = ClonerIni::parse(text, QStringLiteral("board.cfg"));
        return ini.ok() ? QStringLiteral("(parsed)") : ini.error().message;
    }

private Q_SLOTS:
    void vendorDialect()
    {
        const ClonerIni ini = parse("[config]\r\nginfo=  0x80001000\r\nd2i_len = 0x4000\r\n\r\n"
                                    "[policy0]\r\nops=\"12,6,0\"\r\nattribute=C:\\Users\\eng\\fw.bin\r\n"
                                    "label=\r\n[gpio]\r\nconfig=\"-1,-1,0,\"\r\n"
                                    "; a comment\r\n# another\r\n");
        QCOMPARE(ini.sectionNames(), (QStringList{"config", "policy0", "gpio"}));
        QCOMPARE(*ini.integer(QStringLiteral("config"), QStringLiteral("ginfo"), 0, 0xFFFFFFFF), 0x80001000);
        QCOMPARE(*ini.integer(QStringLiteral("config"), QStringLiteral("d2i_len"), 0, 0x100000), 0x4000);
        QCOMPARE(*ini.list(QStringLiteral("policy0"), QStringLiteral("ops")), (QStringList{"12", "6", "0"}));
        QCOMPARE(*ini.list(QStringLiteral("gpio"), QStringLiteral("config")), (QStringList{"-1", "-1", "0"}));
        QCOMPARE(*ini.value(QStringLiteral("policy0"), QStringLiteral("attribute")),
                 QStringLiteral("C:\\Users\\eng\\fw.bin"));
        QCOMPARE(*ini.value(QStringLiteral("policy0"), QStringLiteral("label")), QString());
        QVERIFY(ini.entry(QStringLiteral("policy0"), QStringLiteral("ops"))->quoted);
        QCOMPARE(ini.entry(QStringLiteral("gpio"), QStringLiteral("config"))->line, 10);
    }

    void numbers()
    {
        QCOMPARE(ClonerIni::parseInteger(u"-1"), std::optional<qint64>(-1));
        QCOMPARE(ClonerIni::parseInteger(u"0X1f"), std::optional<qint64>(31));
        QCOMPARE(ClonerIni::parseInteger(u" 16777216 "), std::optional<qint64>(16777216));
        QVERIFY(!ClonerIni::parseInteger(u"12k"));
        QVERIFY(!ClonerIni::parseInteger(u""));
        QVERIFY(!ClonerIni::parseInteger(u"0x"));
        const ClonerIni ini = parse("[sfc]\nsfc_frequency=-1\nblocksize=abc\nforce_erase=7\n");
        QCOMPARE(*ini.integer(QStringLiteral("sfc"), QStringLiteral("sfc_frequency"), -1, 200000000), -1);
        const auto bad = ini.integer(QStringLiteral("sfc"), QStringLiteral("blocksize"), 0, 0x40000);
        QCOMPARE(
            bad.error().message,
            QStringLiteral("board.cfg:3: [sfc] blocksize: \"abc\" is not a number (decimal, 0x-hex or -1)"));
        QCOMPARE(ini.integer(QStringLiteral("sfc"), QStringLiteral("force_erase"), 0, 3).error().message,
                 QStringLiteral("board.cfg:4: [sfc] force_erase: 7 is outside 0 .. 3"));
        QCOMPARE(ini.integer(QStringLiteral("sfc"), QStringLiteral("missing"), 0, 3).error().message,
                 QStringLiteral("board.cfg: [sfc] missing: missing; this key is required"));
        QCOMPARE(*ini.integerOr(QStringLiteral("sfc"), QStringLiteral("missing"), 0, 3, 2), 2);
    }

    void repeatedKeysAndSections()
    {
        // QSettings semantics the vendor files rely on: a repeated header continues the section and
        // the last value of a key wins.
        const ClonerIni ini = parse("[info]\ncount=1\n[debug]\nlog=1\n[info]\ncount=2\n");
        QCOMPARE(ini.sectionNames(), (QStringList{"info", "debug"}));
        QCOMPARE(*ini.value(QStringLiteral("info"), QStringLiteral("count")), QStringLiteral("2"));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("no section") << QByteArray("key=1\n")
                                    << "board.cfg:1: key=value before the first [section]";
        QTest::newRow("open header") << QByteArray("[info]\n[debug\n")
                                     << "board.cfg:2: section header \"[debug\" must look like [name]";
        QTest::newRow("no equals") << QByteArray("[info]\ncpufreq 800\n")
                                   << "board.cfg:2: \"cpufreq 800\" is neither [section] nor key=value";
        QTest::newRow("open quote") << QByteArray("[policy0]\n\nops=\"12,6,0\n")
                                    << "board.cfg:3: value of ops opens a quote that is never closed";
        QTest::newRow("no key") << QByteArray("[info]\n=5\n")
                                << "board.cfg:2: missing or invalid key before '='";
    }

    void malformed()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        QCOMPARE(parseError(text), message);
    }

    void bounds()
    {
        QByteArray longLine = "[info]\nx=" + QByteArray(ClonerIni::MaxLineLength, 'a') + "\n";
        QCOMPARE(parseError(longLine), QStringLiteral("board.cfg:2: line longer than 4096 characters"));
        QByteArray huge(ClonerIni::MaxFileSize + 1, '\n');
        QVERIFY(parseError(huge).contains(QLatin1String("far too large")));
        QByteArray sections;
        for (int i = 0; i <= ClonerIni::MaxSections; ++i)
            sections += "[s" + QByteArray::number(i) + "]\n";
        QCOMPARE(parseError(sections), QStringLiteral("board.cfg:4097: more than 4096 sections"));
    }

    void loadErrors()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("none.cfg"));
        auto r = ClonerIni::load(missing, QStringLiteral("configs/t31/none.cfg"));
        QCOMPARE(r.error().code, ErrorCode::InputFile);
        QCOMPARE(r.error().message, QStringLiteral("configs/t31/none.cfg is missing"));
        QFile empty(dir.filePath(QStringLiteral("empty.cfg")));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        r = ClonerIni::load(empty.fileName(), QStringLiteral("empty.cfg"));
        QCOMPARE(r.error().message, QStringLiteral("empty.cfg is empty"));
    }
};

QTEST_GUILESS_MAIN(TestClonerIni)
#include "tst_clonerini.moc"
