#include "core/station/pinlock.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QTest>

using namespace oc;
using namespace oc::station;

namespace {

// The smallest count the format accepts keeps the test fast; production uses DefaultIterations.
constexpr int FastIterations = 10000;

} // namespace

class TestPinLock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchesOnlyThePin()
    {
        const Result<PinHash> pin = PinHash::create(QStringLiteral("2468"), FastIterations);
        QVERIFY(pin.ok());
        QCOMPARE(pin->salt.size(), 16);
        QCOMPARE(pin->hash.size(), 32);
        QCOMPARE(pin->iterations, FastIterations);
        QVERIFY(pin->matches(QStringLiteral("2468")));
        QVERIFY(!pin->matches(QStringLiteral("2469")));
        QVERIFY(!pin->matches(QStringLiteral("24680")));
        QVERIFY(!pin->matches(QString()));
    }

    void hashIsPbkdf2OfThePin()
    {
        // Independent of the implementation: the stored hash is PBKDF2-HMAC-SHA256(pin, salt).
        const Result<PinHash> pin = PinHash::create(QStringLiteral("open sesame"), FastIterations);
        QVERIFY(pin.ok());
        QCOMPARE(pin->hash, QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, "open sesame",
                                                               pin->salt, FastIterations, 32));
        QVERIFY(!pin->hash.contains("open sesame"));
        QVERIFY(!pin->toString().contains(QLatin1String("open sesame")));
    }

    void saltDiffersForTheSamePin()
    {
        const Result<PinHash> a = PinHash::create(QStringLiteral("1357"), FastIterations);
        const Result<PinHash> b = PinHash::create(QStringLiteral("1357"), FastIterations);
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a->salt != b->salt);
        QVERIFY(a->hash != b->hash);
        QVERIFY(a->toString() != b->toString());
        QVERIFY(a->matches(QStringLiteral("1357")) && b->matches(QStringLiteral("1357")));
    }

    void stringRoundTrip()
    {
        const Result<PinHash> pin = PinHash::create(QStringLiteral("9753"), FastIterations);
        QVERIFY(pin.ok());
        const QString text = pin->toString();
        QVERIFY(text.startsWith(QLatin1String("pbkdf2-sha256$10000$")));
        QCOMPARE(text.count(QLatin1Char('$')), 3);
        const std::optional<PinHash> back = PinHash::fromString(text);
        QVERIFY(back.has_value());
        QCOMPARE(back->salt, pin->salt);
        QCOMPARE(back->hash, pin->hash);
        QCOMPARE(back->iterations, FastIterations);
        QVERIFY(back->matches(QStringLiteral("9753")));
        QVERIFY(!back->matches(QStringLiteral("9754")));
    }

    void defaultsAreTheDocumentedOnes()
    {
        PinHash pin;
        QCOMPARE(pin.iterations, 120000);
        QVERIFY(!pin.matches(QStringLiteral("1234"))); // an empty hash matches nothing
    }

    void malformedStrings_data()
    {
        QTest::addColumn<QString>("text");
        const QString salt = QString::fromLatin1(QByteArray(16, 's').toBase64());
        const QString hash = QString::fromLatin1(QByteArray(32, 'h').toBase64());
        const auto make = [&](const QString &scheme, const QString &iterations, const QString &s,
                              const QString &h) {
            return QStringList{scheme, iterations, s, h}.join(QLatin1Char('$'));
        };
        const QString good = make(QStringLiteral("pbkdf2-sha256"), QStringLiteral("120000"), salt, hash);
        QVERIFY(PinHash::fromString(good).has_value());
        QTest::newRow("empty") << QString();
        QTest::newRow("plain pin") << QStringLiteral("1234");
        QTest::newRow("other scheme")
            << make(QStringLiteral("pbkdf2-sha1"), QStringLiteral("120000"), salt, hash);
        QTest::newRow("missing part") << QStringLiteral("pbkdf2-sha256$120000$") + salt;
        QTest::newRow("extra part") << good + QStringLiteral("$x");
        QTest::newRow("too few iterations")
            << make(QStringLiteral("pbkdf2-sha256"), QStringLiteral("9999"), salt, hash);
        QTest::newRow("too many iterations")
            << make(QStringLiteral("pbkdf2-sha256"), QStringLiteral("10000001"), salt, hash);
        QTest::newRow("signed iterations")
            << make(QStringLiteral("pbkdf2-sha256"), QStringLiteral("+120000"), salt, hash);
        QTest::newRow("huge iterations")
            << make(QStringLiteral("pbkdf2-sha256"), QStringLiteral("99999999999"), salt, hash);
        QTest::newRow("short salt") << make(QStringLiteral("pbkdf2-sha256"), QStringLiteral("120000"),
                                            QString::fromLatin1(QByteArray(8, 's').toBase64()), hash);
        QTest::newRow("short hash") << make(QStringLiteral("pbkdf2-sha256"), QStringLiteral("120000"), salt,
                                            QString::fromLatin1(QByteArray(31, 'h').toBase64()));
        QTest::newRow("not base64") << make(QStringLiteral("pbkdf2-sha256"), QStringLiteral("120000"),
                                            QStringLiteral("!!!!!!!!!!!!!!!!!!!!!!!!"), hash);
        QTest::newRow("unpadded") << make(QStringLiteral("pbkdf2-sha256"), QStringLiteral("120000"),
                                          salt.chopped(2), hash);
    }

    void malformedStrings()
    {
        QFETCH(QString, text);
        QVERIFY(!PinHash::fromString(text).has_value());
    }

    void weakPinsAndCountsRefused()
    {
        for (const QString &pin :
             {QString(), QStringLiteral("123"), QStringLiteral("0000"), QStringLiteral("aaaaaaaa")}) {
            const Result<PinHash> refused = PinHash::create(pin, FastIterations);
            QVERIFY2(!refused.ok(), qPrintable(pin));
            QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        }
        QVERIFY(PinHash::create(QStringLiteral("0001"), FastIterations).ok());
        QVERIFY(!PinHash::create(QStringLiteral("2468"), 9999).ok());
        QVERIFY(!PinHash::create(QStringLiteral("2468"), 10000001).ok());
    }
};

QTEST_GUILESS_MAIN(TestPinLock)
#include "tst_pinlock.moc"
