// Placeholders for virtual boards: written where VendorFiles finds them, unmistakably marked, a ginfo
// with the board's real FIDB, recognised by isPlaceholder(); vendor-looking data is not.

#include "catalogtestutil.h"
#include "core/catalog/catalog.h"
#include "core/catalog/placeholders.h"
#include "core/catalog/vendorfiles.h"
#include "core/protocol/config.h"
#include "core/protocol/tlv.h"
#include "core/protocol/wire.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace oc;
using namespace oc::catalog;

class TestPlaceholders : public QObject
{
    Q_OBJECT

private:
    std::optional<Catalog> m_catalog;

    const BoardProfile &board(const char *name) const { return *m_catalog->board(QLatin1String(name)); }
    const ChipProfile &chipOf(const BoardProfile &b) const { return m_catalog->chipOf(b); }

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv(Catalog::EnvironmentVariable);
        auto loaded = Catalog::load();
        QVERIFY(loaded.ok());
        m_catalog = std::move(loaded).value();
    }

    void writtenWhereVendorFilesFindsThem()
    {
        QTemporaryDir dir;
        const BoardProfile &b = board("t31-nor");
        QVERIFY(writePlaceholders(dir.path(), chipOf(b), b).ok());
        const auto found = VendorFiles::locate(dir.path(), chipOf(b), b);
        QVERIFY2(found.ok(), found.ok() ? "" : qPrintable(found.error().message));
        QCOMPARE(found->splPath, dir.filePath(QStringLiteral("t31/spl.bin")));
        QVERIFY(found->placeholder);
        QCOMPARE(found->spl.size(), PlaceholderSplSize);
        QCOMPARE(found->burner.size(), PlaceholderBurnerSize);
        QVERIFY(found->ginfo.size() <= 0x800);
    }

    // Every shipped board gets placeholders that pass the same checks as vendor files.
    void everyBoardGetsUsablePlaceholders()
    {
        QTemporaryDir dir;
        for (const BoardProfile *b : m_catalog->boards()) {
            QVERIFY(writePlaceholders(dir.path(), chipOf(*b), *b).ok());
            const auto found = VendorFiles::locate(dir.path(), chipOf(*b), *b);
            QVERIFY2(found.ok(), qPrintable(b->name + (found.ok() ? QString() : found.error().message)));
            QVERIFY(found->placeholder);
        }
    }

    void splAndBurnerStartWithTheMarker()
    {
        const BoardProfile &b = board("t20-nor");
        for (const QByteArray &data : {placeholderSpl(chipOf(b), b), placeholderBurner(chipOf(b), b)}) {
            QVERIFY(data.startsWith("OPENCLONER PLACEHOLDER - NOT A VENDOR FILE"));
            QVERIFY(isPlaceholder(data));
        }
        QVERIFY(placeholderBurner(chipOf(b), b).size() >= 64 * 1024);
    }

    void ginfoCarriesTheBoardFidbAndAMarkedRdd()
    {
        const BoardProfile &b = board("t41-nor");
        const QByteArray ginfo = placeholderGinfo(chipOf(b), b);
        const auto entries = proto::parseTlvList(ginfo);
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), 2);
        QCOMPARE(entries->at(0).magic, quint32(proto::MagicInfo));
        QCOMPARE(entries->at(0).data, proto::encodeGlobalInfo(b.globalInfo));
        QCOMPARE(entries->at(1).magic, quint32(proto::MagicDdr));
        QVERIFY(entries->at(1).data.startsWith(PlaceholderMarker));
        QCOMPARE(entries->at(1).data.size() % 4, 0); // the SPL stops at unaligned entries
        QVERIFY(ginfo.startsWith("FIDB"));
        QVERIFY(isPlaceholder(ginfo));
    }

    void placeholdersDescribeThemselves()
    {
        const BoardProfile &b = board("x2000-nor");
        const std::pair<QByteArray, const char *> files[] = {{placeholderSpl(chipOf(b), b), "spl"},
                                                             {placeholderBurner(chipOf(b), b), "burner"},
                                                             {placeholderGinfo(chipOf(b), b), "ginfo"}};
        for (const auto &[data, kind] : files) {
            const auto info = parsePlaceholder(data);
            QVERIFY(info);
            QCOMPARE(info->kind, QLatin1String(kind));
            QCOMPARE(info->chip, QStringLiteral("x2000"));
            QCOMPARE(info->board, QStringLiteral("x2000-nor"));
            QCOMPARE(info->burnerId, QByteArray("X2000_V12"));
        }
    }

    void realLookingDataIsNotAPlaceholder()
    {
        QRandomGenerator generator(42);
        QByteArray random(64 * 1024, '\0');
        for (char &c : random)
            c = char(generator.bounded(256));
        const BoardProfile &b = board("t20-nor");
        const QByteArray vendorLikeGinfo = proto::buildGinfo(b.globalInfo, random.left(196));
        QByteArray text = QByteArrayLiteral("U-Boot SPL 2013.07 BOOTx1520 OPENCLONER placeholder mention");
        for (const QByteArray &data :
             {random, vendorLikeGinfo, text, QByteArray(), QByteArray(4096, '\xFF')}) {
            QVERIFY(!isPlaceholder(data));
            QVERIFY(!parsePlaceholder(data));
        }
        // A placeholder pasted into a larger file is still recognised.
        QVERIFY(isPlaceholder(random.left(100) + placeholderSpl(chipOf(b), b)));
    }
};

QTEST_GUILESS_MAIN(TestPlaceholders)
#include "tst_placeholders.moc"
