// Every model of the window under QAbstractItemModelTester while it changes the way it does in use:
// the device list through real virtual boards (arrive, identify, flash, leave, clear), the log with
// its filter proxy (batches, trimming, filtering), the board profiles with the picker's proxies.

#include "uitestutil.h"

#include "ui/boardlistmodel.h"
#include "ui/boardpicker.h"
#include "ui/devicelistmodel.h"
#include "ui/jobrequest.h"
#include "ui/logfilterproxy.h"
#include "ui/logmodel.h"
#include "ui/productioncontroller.h"
#include "ui/station.h"
#include "ui/virtualdevicesource.h"

#include "core/catalog/catalog.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QComboBox>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

using namespace oc;
using namespace oc::ui;

class TestModels : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<const catalog::Catalog> m_catalog;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        auto catalog = catalog::Catalog::load();
        QVERIFY2(catalog, qPrintable(catalog ? QString() : catalog.error().message));
        m_catalog = std::make_shared<const catalog::Catalog>(std::move(catalog).value());
    }

    void deviceList()
    {
        DeviceListModel devices;
        LogModel log;
        QAbstractItemModelTester tester(&devices, QAbstractItemModelTester::FailureReportingMode::QtTest);
        VirtualDeviceSource source;
        Station station(&devices, &log);
        station.setCatalog(m_catalog);
        station.setVendorSource({QString(), m_dir.filePath(QStringLiteral("placeholders"))});
        station.addSource(&source);
        source.start();

        VirtualBoardSpec spec = VirtualBoardSpec::forBoard(*m_catalog->board(QStringLiteral("t31-nor")));
        spec.timing = QStringLiteral("none");
        QVERIFY(source.addBoard(spec));
        QVERIFY(source.addBoard(spec));
        QVERIFY(source.addBoard(spec));
        QTRY_COMPARE(devices.rowCount(), 3);
        QCOMPARE(devices.columnCount(), int(DeviceListModel::ColumnCount));
        QTRY_VERIFY(devices.rowAt(0).probe && devices.rowAt(1).probe && devices.rowAt(2).probe);
        QCOMPARE(devices.rowAt(0).device.portPath, QStringLiteral("1-1"));
        QCOMPARE(devices.rowAt(2).device.portPath, QStringLiteral("1-3"));
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(devices.index(row, DeviceListModel::StatusColumn).data().toString(),
                     QStringLiteral("Ready"));
            QVERIFY(
                !devices.index(row, DeviceListModel::PortColumn).data(Qt::ToolTipRole).toString().isEmpty());
            QVERIFY(!devices.headerData(row, Qt::Horizontal).toString().isEmpty());
        }

        const QString image = m_dir.filePath(QStringLiteral("fw.bin"));
        QVERIFY(!test::writeImage(image, 256 * 1024).isEmpty());
        JobRequest request;
        request.boardName = QStringLiteral("t31-nor");
        request.imagePath = image;
        const QString key = devices.rowAt(1).key;
        QSignalSpy finished(&station, &Station::jobFinished);
        QVERIFY(station.start(key, request));
        QVERIFY(finished.wait(20000));
        const DeviceRow *row = devices.row(key);
        QVERIFY2(row->result && row->result->ok,
                 qPrintable(row->result ? row->result->error.message : QString()));
        QCOMPARE(devices.index(devices.rowOf(key), DeviceListModel::ProgressColumn)
                     .data(DeviceListModel::ProgressRole)
                     .toInt(),
                 1000);
        QCOMPARE(devices.index(devices.rowOf(key), DeviceListModel::ResultColumn)
                     .data(DeviceListModel::OutcomeRole)
                     .toInt(),
                 1);

        // The flashed board restarted and left: its row stays with its result; an idle board that
        // leaves goes away; a plugged-back board reuses its row.
        QTRY_VERIFY(!devices.row(key)->present);
        QVERIFY(source.unplug(QStringLiteral("1-3")));
        QTRY_COMPARE(devices.rowCount(), 2);
        QVERIFY(source.plug(QStringLiteral("1-3")));
        QTRY_COMPARE(devices.rowCount(), 3);
        QCOMPARE(devices.clearDeparted(), 1);
        QCOMPARE(devices.rowCount(), 2);
        devices.retranslate();
        QVERIFY(source.removeBoard(QStringLiteral("1-1")));
        QTRY_COMPARE(devices.rowCount(), 1);
    }

    // Production mode marks the rows with their lanes (number, verdict, colour) and takes the marks
    // away again; the model stays consistent throughout.
    void deviceListWithLanes()
    {
        DeviceListModel devices;
        LogModel log;
        QAbstractItemModelTester tester(&devices, QAbstractItemModelTester::FailureReportingMode::QtTest);
        VirtualDeviceSource source;
        Station station(&devices, &log);
        station.setCatalog(m_catalog);
        station.setVendorSource({QString(), m_dir.filePath(QStringLiteral("placeholders"))});
        station.addSource(&source);
        source.start();
        ProductionController production(&station, &devices);
        VirtualBoardSpec spec = VirtualBoardSpec::forBoard(*m_catalog->board(QStringLiteral("t31-nor")));
        spec.timing = QStringLiteral("none");
        QVERIFY(source.addBoard(spec));
        QVERIFY(source.addBoard(spec));
        QTRY_VERIFY(devices.rowCount() == 2 && devices.rowAt(0).probe && devices.rowAt(1).probe);
        production.setActive(true);
        QCOMPARE(devices.index(1, DeviceListModel::PortColumn).data().toString(),
                 QStringLiteral("Lane 2 · 1-2 (virtual)"));
        QCOMPARE(devices.index(0, 0).data(DeviceListModel::LaneStateRole).toInt(),
                 int(station::LaneState::Ready));

        const QString image = m_dir.filePath(QStringLiteral("lanes.bin"));
        QVERIFY(!test::writeImage(image, 64 * 1024).isEmpty());
        ProductionSetup setup;
        setup.request.boardName = QStringLiteral("t31-nor");
        setup.request.imagePath = image;
        setup.identity.station = QStringLiteral("models");
        setup.recordsFolder = m_dir.filePath(QStringLiteral("records"));
        QVERIFY(production.arm(setup).ok());
        QTRY_COMPARE_WITH_TIMEOUT(production.counters().passed, 2, 20000);
        for (int row = 0; row < 2; ++row) {
            QCOMPARE(devices.index(row, 0).data(DeviceListModel::LaneStateRole).toInt(),
                     int(station::LaneState::Passed));
            QVERIFY(devices.index(row, DeviceListModel::ResultColumn)
                        .data(Qt::BackgroundRole)
                        .value<QColor>()
                        .isValid());
        }
        production.setActive(false);
        QVERIFY(!production.isArmed());
        for (int row = 0; row < 2; ++row) {
            QCOMPARE(devices.index(row, 0).data(DeviceListModel::LaneStateRole).toInt(), -1);
            QVERIFY(!devices.index(row, 0).data(Qt::BackgroundRole).isValid());
            QVERIFY(!devices.index(row, DeviceListModel::PortColumn)
                         .data()
                         .toString()
                         .startsWith(QStringLiteral("Lane")));
        }
    }

    void logWithProxy()
    {
        LogModel log;
        log.setMaxEntries(100);
        LogFilterProxy proxy;
        proxy.setSourceModel(&log);
        QAbstractItemModelTester logTester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy seen(&log, &LogModel::deviceSeen);
        for (int i = 0; i < 250; ++i) {
            const LogLevel level = LogLevel(i % 4);
            const QString key = i % 2 ? QStringLiteral("virtual:1-1") : QStringLiteral("virtual:1-2");
            log.append(level, key, key.mid(8), QStringLiteral("line %1").arg(i));
            if (i % 60 == 0)
                log.flush();
        }
        QCOMPARE(seen.size(), 2);
        log.flush();
        QVERIFY(log.rowCount() <= 100);
        QCOMPARE(log.index(log.rowCount() - 1, LogModel::MessageColumn).data().toString(),
                 QStringLiteral("line 249"));
        proxy.setMinimumLevel(LogLevel::Warning);
        for (int row = 0; row < proxy.rowCount(); ++row)
            QVERIFY(proxy.index(row, 0).data(LogModel::LevelRole).toInt() >= int(LogLevel::Warning));
        proxy.setDeviceKey(QStringLiteral("virtual:1-1"));
        QVERIFY(proxy.rowCount() > 0);
        for (int row = 0; row < proxy.rowCount(); ++row)
            QCOMPARE(proxy.index(row, 0).data(LogModel::DeviceKeyRole).toString(),
                     QStringLiteral("virtual:1-1"));
        log.append(LogLevel::Error, QStringLiteral("virtual:1-1"), QStringLiteral("1-1"),
                   QStringLiteral("late"));
        QTRY_COMPARE(proxy.index(proxy.rowCount() - 1, LogModel::MessageColumn).data().toString(),
                     QStringLiteral("late"));
        QVERIFY(log.entry(log.rowCount() - 1).toLine().contains(QStringLiteral("error")));
        log.retranslate();
        log.clear();
        QCOMPARE(proxy.rowCount(), 0);
    }

    void boardProfiles()
    {
        BoardPicker picker;
        QAbstractItemModelTester tester(picker.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<std::unique_ptr<QAbstractItemModelTester>> proxyTesters;
        for (auto *proxy : picker.findChildren<QSortFilterProxyModel *>())
            proxyTesters.emplace_back(std::make_unique<QAbstractItemModelTester>(
                proxy, QAbstractItemModelTester::FailureReportingMode::QtTest));
        QCOMPARE(proxyTesters.size(), size_t(2));
        picker.setCatalog(m_catalog);
        QCOMPARE(picker.model()->rowCount(), int(m_catalog->boards().size()));
        QVERIFY(picker.model()->chips().contains(QStringLiteral("t31")));
        QVERIFY(picker.selectBoard(QStringLiteral("t20-emmc")));
        QCOMPARE(picker.chipName(), QStringLiteral("t20"));
        const auto searchText = picker.model()
                                    ->index(picker.model()->rowOfBoard(QStringLiteral("t20-emmc")), 0)
                                    .data(BoardListModel::SearchTextRole)
                                    .toString();
        QVERIFY(searchText.contains(QStringLiteral("emmc")));
        picker.setCatalog(nullptr);
        QCOMPARE(picker.model()->rowCount(), 0);
        picker.setCatalog(m_catalog);
        QCOMPARE(picker.boardName(), QStringLiteral("t20-emmc"));
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
