#include "core/station/stationplan.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace oc;
using namespace oc::station;

namespace {

const QString AbcSha256 = QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

QJsonObject packagePlan()
{
    return QJsonObject{
        {QStringLiteral("format"), QStringLiteral("opencloner-station")},
        {QStringLiteral("formatVersion"), 1},
        {QStringLiteral("name"), QStringLiteral("T31 camera, line A")},
        {QStringLiteral("board"), QStringLiteral("t31-nor")},
        {QStringLiteral("firmware"), QStringLiteral("../vendor/cloner")},
        {QStringLiteral("package"), QStringLiteral("packages/camera-1.4.zip")},
        {QStringLiteral("packageSha256"), AbcSha256.toUpper()},
        {QStringLiteral("verify"), true},
        {QStringLiteral("station"), QStringLiteral("bench-3")},
        {QStringLiteral("records"), QStringLiteral("/srv/records")},
    };
}

QJsonObject imagePlan()
{
    QJsonObject plan = packagePlan();
    plan.remove(QStringLiteral("package"));
    plan.remove(QStringLiteral("packageSha256"));
    plan.insert(QStringLiteral("image"), QStringLiteral("full.bin"));
    plan.insert(QStringLiteral("offset"), QStringLiteral("0x40000"));
    return plan;
}

QByteArray bytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace

class TestStationPlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void packagePlanWithRelativePaths()
    {
        const Result<StationPlan> plan =
            StationPlan::fromJson(bytes(packagePlan()), QStringLiteral("/plans/a"));
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
        QCOMPARE(plan->name, QStringLiteral("T31 camera, line A"));
        QCOMPARE(plan->board, QStringLiteral("t31-nor"));
        QCOMPARE(plan->firmware, QStringLiteral("/plans/vendor/cloner"));
        QCOMPARE(plan->package, QStringLiteral("/plans/a/packages/camera-1.4.zip"));
        QCOMPARE(plan->packageSha256, AbcSha256); // normalised to lower case
        QCOMPARE(plan->records, QStringLiteral("/srv/records"));
        QCOMPARE(plan->station, QStringLiteral("bench-3"));
        QVERIFY(plan->usesPackage());
        QVERIFY(plan->image.isEmpty());
        QVERIFY(plan->verify);
    }

    void imagePlanWithOffset()
    {
        Result<StationPlan> plan = StationPlan::fromJson(bytes(imagePlan()), QStringLiteral("/plans"));
        QVERIFY(plan.ok());
        QVERIFY(!plan->usesPackage());
        QCOMPARE(plan->image, QStringLiteral("/plans/full.bin"));
        QCOMPARE(plan->offset, quint64(0x40000));

        QJsonObject minimal = imagePlan();
        for (const char *key : {"firmware", "station", "records", "verify"})
            minimal.remove(QLatin1String(key));
        minimal.insert(QStringLiteral("offset"), 4096);
        plan = StationPlan::fromJson(bytes(minimal), QStringLiteral("/plans"));
        QVERIFY(plan.ok());
        QCOMPARE(plan->offset, quint64(4096));
        QVERIFY(plan->verify);
        QVERIFY(plan->firmware.isEmpty());
    }

    void strictness_data()
    {
        QTest::addColumn<QJsonObject>("plan");
        QTest::addColumn<QString>("expected");
        const auto with = [](QJsonObject plan, const char *key, const QJsonValue &value) {
            if (value.isUndefined())
                plan.remove(QLatin1String(key));
            else
                plan.insert(QLatin1String(key), value);
            return plan;
        };
        const QJsonValue remove(QJsonValue::Undefined);
        QTest::newRow("unknown key") << with(packagePlan(), "verfiy", true) << "verfiy: unknown key";
        QTest::newRow("both") << with(packagePlan(), "image", QStringLiteral("a.bin")) << "package, image";
        QTest::newRow("neither") << with(packagePlan(), "package", remove) << "package, image";
        QTest::newRow("verify false")
            << with(packagePlan(), "verify", false) << "verify: a production plan always verifies";
        QTest::newRow("verify as text") << with(packagePlan(), "verify", QStringLiteral("yes")) << "verify:";
        QTest::newRow("other format")
            << with(packagePlan(), "format", QStringLiteral("opencloner-package")) << "format:";
        QTest::newRow("newer version") << with(packagePlan(), "formatVersion", 2) << "formatVersion:";
        QTest::newRow("no version") << with(packagePlan(), "formatVersion", remove) << "formatVersion:";
        QTest::newRow("no name") << with(packagePlan(), "name", remove) << "name:";
        QTest::newRow("empty board") << with(packagePlan(), "board", QString()) << "board:";
        QTest::newRow("name not text") << with(packagePlan(), "name", 3) << "name:";
        QTest::newRow("short hash") << with(packagePlan(), "packageSha256", QStringLiteral("abc"))
                                    << "packageSha256:";
        QTest::newRow("offset with package") << with(packagePlan(), "offset", 0) << "offset:";
        QTest::newRow("negative offset") << with(imagePlan(), "offset", -1) << "offset:";
        QTest::newRow("fraction offset") << with(imagePlan(), "offset", 0.5) << "offset:";
        QTest::newRow("bad hex offset") << with(imagePlan(), "offset", QStringLiteral("0xzz")) << "offset:";
    }

    void strictness()
    {
        QFETCH(QJsonObject, plan);
        QFETCH(QString, expected);
        const Result<StationPlan> parsed = StationPlan::fromJson(bytes(plan), QStringLiteral("/plans"));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::InputFile);
        QVERIFY2(parsed.error().message.contains(expected), qPrintable(parsed.error().message));
    }

    void notJson()
    {
        for (const QByteArray &text : {QByteArray("{\"name\": "), QByteArray("[1, 2]"), QByteArray()}) {
            const Result<StationPlan> parsed = StationPlan::fromJson(text, QStringLiteral("/plans"));
            QVERIFY(!parsed.ok());
            QCOMPARE(parsed.error().code, ErrorCode::InputFile);
        }
    }

    void saveAndLoad()
    {
        QTemporaryDir tmp;
        Result<StationPlan> plan = StationPlan::fromJson(bytes(imagePlan()), tmp.path());
        QVERIFY(plan.ok());
        const QString path = tmp.filePath(QStringLiteral("line-a.json"));
        QVERIFY(plan->save(path).ok());
        const Result<StationPlan> loaded = StationPlan::load(path);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
        QCOMPARE(loaded->toJson(), plan->toJson());
        QCOMPARE(loaded->image, tmp.filePath(QStringLiteral("full.bin")));
        QCOMPARE(loaded->offset, quint64(0x40000));

        StationPlan unverified = *plan;
        unverified.verify = false;
        QVERIFY(!unverified.save(path).ok());
        QCOMPARE(StationPlan::load(path)->toJson(), plan->toJson()); // the good plan stays
    }

    void loadResolvesAgainstThePlanFolder()
    {
        QTemporaryDir tmp;
        QVERIFY(QDir().mkpath(tmp.filePath(QStringLiteral("plans"))));
        const QString path = tmp.filePath(QStringLiteral("plans/plan.json"));
        QVERIFY(writeFile(path, bytes(packagePlan())));
        const Result<StationPlan> plan = StationPlan::load(path);
        QVERIFY(plan.ok());
        QCOMPARE(plan->package, tmp.filePath(QStringLiteral("plans/packages/camera-1.4.zip")));
        QCOMPARE(plan->firmware, tmp.filePath(QStringLiteral("vendor/cloner")));

        const QString missing = tmp.filePath(QStringLiteral("none.json"));
        const Result<StationPlan> none = StationPlan::load(missing);
        QVERIFY(!none.ok());
        QVERIFY(none.error().message.contains(missing));

        const QString bad = tmp.filePath(QStringLiteral("bad.json"));
        QJsonObject unverified = packagePlan();
        unverified.insert(QStringLiteral("verify"), false);
        QVERIFY(writeFile(bad, bytes(unverified)));
        const Result<StationPlan> refused = StationPlan::load(bad);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.startsWith(bad), qPrintable(refused.error().message));
        QVERIFY(refused.error().message.contains(QLatin1String("verify")));
    }

    void sha256OfAFile()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("abc"));
        QVERIFY(writeFile(path, "abc"));
        QCOMPARE(*fileSha256(path), AbcSha256);
        const Result<QString> missing = fileSha256(tmp.filePath(QStringLiteral("none")));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::InputFile);
        QVERIFY(missing.error().message.contains(tmp.filePath(QStringLiteral("none"))));
    }

    void pinnedPackage()
    {
        QTemporaryDir tmp;
        QVERIFY(QDir().mkpath(tmp.filePath(QStringLiteral("packages"))));
        const QString package = tmp.filePath(QStringLiteral("packages/camera-1.4.zip"));
        QVERIFY(writeFile(package, "abc"));
        Result<StationPlan> plan = StationPlan::fromJson(bytes(packagePlan()), tmp.path());
        QVERIFY(plan.ok());
        QVERIFY(checkPinnedPackage(*plan).ok());

        QVERIFY(writeFile(package, "abd"));
        const Status changed = checkPinnedPackage(*plan);
        QVERIFY(!changed.ok());
        QCOMPARE(changed.error().code, ErrorCode::InputFile);
        const QString message = changed.error().message;
        QVERIFY2(message.contains(QLatin1String("has changed since the plan was locked")),
                 qPrintable(message));
        QVERIFY(message.contains(package));
        QVERIFY(message.contains(*fileSha256(package)));
        QVERIFY(message.contains(AbcSha256));
        QVERIFY(message.endsWith(QLatin1String("ask the engineer to lock it again")));

        StationPlan unpinned = *plan;
        unpinned.packageSha256.clear();
        QVERIFY(checkPinnedPackage(unpinned).ok());

        QVERIFY(QFile::remove(package));
        const Status gone = checkPinnedPackage(*plan);
        QVERIFY(!gone.ok());
        QVERIFY(gone.error().message.contains(package));
    }
};

QTEST_GUILESS_MAIN(TestStationPlan)
#include "tst_stationplan.moc"
