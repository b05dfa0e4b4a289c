// The texts the window shows for the engine's values: every error class has a title and what to do,
// every stage and board state a sentence; core's flash states are translated; sizes and durations read
// well; and Simplified Chinese is complete (no unfinished entry in the committed .ts) and switches live.

#include "windowfixture.h"

#include "ui/appsettings.h"
#include "ui/languagemanager.h"
#include "ui/texts.h"

#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QXmlStreamReader>

using namespace oc;
using namespace oc::ui;

namespace {

const QList<ErrorCode> Errors = {ErrorCode::InvalidArgument, ErrorCode::InputFile,    ErrorCode::Profile,
                                 ErrorCode::NoDevice,        ErrorCode::AccessDenied, ErrorCode::Disconnected,
                                 ErrorCode::Timeout,         ErrorCode::Stall,        ErrorCode::Transfer,
                                 ErrorCode::ChipMismatch,    ErrorCode::UnknownFlash, ErrorCode::DeviceError,
                                 ErrorCode::VerifyMismatch,  ErrorCode::Cancelled,    ErrorCode::Internal};
const QList<BoardState> States = {BoardState::Untouched, BoardState::InRom, BoardState::BurnerIdle,
                                  BoardState::Rebooted,  BoardState::Gone,  BoardState::Unresponsive};

bool hasHan(const QString &text)
{
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    return han.match(text).hasMatch();
}

QStringList everyText()
{
    QStringList texts;
    for (ErrorCode code : Errors)
        texts << Texts::errorTitle(code) << Texts::errorAdvice(code);
    for (int s = 0; s < StageCount; ++s)
        texts << Texts::stage(Stage(s));
    for (BoardState state : States)
        texts << Texts::boardState(state);
    for (Operation op :
         {Operation::Boot, Operation::Write, Operation::Read, Operation::Erase, Operation::Verify})
        texts << Texts::operation(op);
    return texts;
}

} // namespace

class TestTexts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyErrorIsActionable()
    {
        QSet<QString> titles;
        for (ErrorCode code : Errors) {
            QVERIFY(!Texts::errorTitle(code).isEmpty());
            QVERIFY(!Texts::errorAdvice(code).isEmpty());
            titles.insert(Texts::errorTitle(code));
        }
        QCOMPARE(titles.size(), Errors.size());
#ifdef Q_OS_LINUX
        QVERIFY(Texts::errorAdvice(ErrorCode::AccessDenied).contains(QStringLiteral("udev rule")));
#endif
        QVERIFY(Texts::errorAdvice(ErrorCode::NoDevice).contains(QStringLiteral("boot button")));
    }

    void stagesAndStates()
    {
        QSet<QString> names;
        for (int s = 0; s < StageCount; ++s)
            names.insert(Texts::stage(Stage(s)));
        QCOMPARE(names.size(), StageCount);
        QCOMPARE(Texts::stage(Stage::Init, Operation::Erase), QStringLiteral("Erasing"));
        for (BoardState state : States)
            QVERIFY(!Texts::boardState(state).isEmpty());
    }

    void flashStates()
    {
        QCOMPARE(Texts::flashState(QStringLiteral("unchanged")), QStringLiteral("Flash: unchanged."));
        QCOMPARE(Texts::flashState(QStringLiteral("image written at 0x00040000 (1048576 bytes)")),
                 QStringLiteral("Flash: image written at 0x00040000 (1.0 MiB)."));
        QVERIFY(
            Texts::flashState(QStringLiteral("partly written: 65536 of 131072 bytes from 0x00000000"))
                .startsWith(QStringLiteral("Flash: partly written (64.0 KiB of 128.0 KiB from 0x00000000)")));
        QCOMPARE(Texts::flashState(QStringLiteral("erased 4096 bytes at 0x00001000")),
                 QStringLiteral("Flash: 4.0 KiB erased at 0x00001000."));
        QCOMPARE(Texts::flashState(QStringLiteral("something new")), QStringLiteral("Flash: something new."));
    }

    void numbers()
    {
        QCOMPARE(Texts::size(512), QStringLiteral("512 bytes"));
        QCOMPARE(Texts::size(16 * 1024 * 1024), QStringLiteral("16.0 MiB"));
        QCOMPARE(Texts::rate(4.5 * 1024 * 1024), QStringLiteral("4.5 MiB/s"));
        QCOMPARE(Texts::duration(1), QStringLiteral("1 s"));
        QCOMPARE(Texts::duration(42.4), QStringLiteral("42 s"));
        QCOMPARE(Texts::duration(65), QStringLiteral("1 min 05 s"));
        QCOMPARE(Texts::duration(3725), QStringLiteral("1 h 02 min"));
        QCOMPARE(Texts::hex(0x120000), QStringLiteral("0x00120000"));
        QCOMPARE(Texts::printable(QByteArray("T 3 1 V \0", 9)), QStringLiteral("T 3 1 V "));
    }

    void chineseIsComplete()
    {
        QFile file(QStringLiteral(OPENCLONER_SOURCE_DIR "/translations/opencloner_zh_CN.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        int messages = 0;
        QString source;
        QStringList unfinished;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
                ++messages;
            } else if (xml.name() == QLatin1String("translation")) {
                const bool marked =
                    xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
                if (marked || text.isEmpty())
                    unfinished << source;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(messages > 300);
        QVERIFY2(unfinished.isEmpty(), qPrintable(unfinished.join(QStringLiteral("\n"))));
    }

    void switchesLanguageLive()
    {
        oc::ui::test::WindowFixture f;
        QVERIFY(f.waitForCatalog());
        const QStringList english = everyText();
        auto *startAll = f.window->findChildren<QPushButton *>().first();
        QVERIFY(startAll);
        const QString before = f.window->windowTitle();
        f.window->setLanguage(QStringLiteral("zh_CN"));
        QCOMPARE(f.window->languages()->effectiveLanguage(), QStringLiteral("zh_CN"));
        const QStringList chinese = everyText();
        for (int i = 0; i < english.size(); ++i) {
            QVERIFY2(chinese.at(i) != english.at(i) && hasHan(chinese.at(i)), qPrintable(english.at(i)));
        }
        // Widgets retranslate on the LanguageChange event Qt posts to them.
        QTRY_VERIFY(hasHan(f.window->menuBar()->actions().first()->text()));
        QVERIFY(hasHan(f.window->devices()->headerData(0, Qt::Horizontal).toString()));
        QVERIFY(hasHan(startAll->text()));
        f.window->setLanguage(QStringLiteral("en"));
        QCOMPARE(everyText(), english);
        QTRY_VERIFY(!hasHan(startAll->text()));
        QCOMPARE(f.window->windowTitle(), before);
        QCOMPARE(f.window->settings().language(), QStringLiteral("en"));
    }
};

QTEST_MAIN(TestTexts)
#include "tst_texts.moc"
