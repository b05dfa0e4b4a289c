// The window's parts on their own: sizes people type, the operation panel's checks, the fit verdict,
// the picker following a detected chip (and saying so when it cannot), the plain-words confirmations,
// the live USB monitor over a sysfs tree, the udev rule help and the virtual board dialog.

#include "uitestutil.h"

#include "ui/boardlistmodel.h"
#include "ui/boardpicker.h"
#include "ui/firmwarepanel.h"
#include "ui/languagemanager.h"
#include "ui/operationpanel.h"
#include "ui/permissiondialog.h"
#include "ui/sizeedit.h"
#include "ui/startflow.h"
#include "ui/usbeventmonitor.h"
#include "ui/virtualboarddialog.h"

#include "core/catalog/catalog.h"
#include "core/sim/faultplan.h"

#include <QComboBox>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace oc;
using namespace oc::ui;

class TestWidgets : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<const catalog::Catalog> m_catalog;
    QTemporaryDir m_dir;
    LanguageManager m_languages;

    void writeSysfsDevice(const QString &root, const QString &port, const QString &vid, const QString &pid,
                          const QString &product)
    {
        QDir dir(root);
        QVERIFY(dir.mkpath(port));
        const QList<QPair<QString, QString>> files = {{QStringLiteral("idVendor"), vid},
                                                      {QStringLiteral("idProduct"), pid},
                                                      {QStringLiteral("product"), product},
                                                      {QStringLiteral("busnum"), QStringLiteral("1")},
                                                      {QStringLiteral("devnum"), QStringLiteral("7")}};
        for (const auto &[name, value] : files) {
            QFile file(dir.filePath(port + QLatin1Char('/') + name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(value.toUtf8() + '\n');
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_languages.setLanguage(QStringLiteral("en"))); // English plurals come from opencloner_en.ts
        auto catalog = catalog::Catalog::load();
        QVERIFY(catalog);
        m_catalog = std::make_shared<const catalog::Catalog>(std::move(catalog).value());
    }

    void sizes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qulonglong>("bytes");
        QTest::addColumn<bool>("valid");
        QTest::newRow("decimal") << "65536" << 65536ull << true;
        QTest::newRow("hex") << "0x10000" << 65536ull << true;
        QTest::newRow("K") << "64K" << 65536ull << true;
        QTest::newRow("KiB") << "64KiB" << 65536ull << true;
        QTest::newRow("MB") << "16MB" << 16777216ull << true;
        QTest::newRow("spaces") << "  1G " << 1073741824ull << true;
        QTest::newRow("word") << "lots" << 0ull << false;
        QTest::newRow("negative") << "-1" << 0ull << false;
        QTest::newRow("empty") << "" << 0ull << false;
        QTest::newRow("overflow") << "99999999999G" << 0ull << false;
    }

    void sizes()
    {
        QFETCH(QString, text);
        QFETCH(qulonglong, bytes);
        QFETCH(bool, valid);
        const auto parsed = SizeEdit::parse(text);
        QCOMPARE(parsed.has_value(), valid);
        if (valid)
            QCOMPARE(*parsed, bytes);
        SizeEdit edit;
        edit.setValue(256 * 1024);
        QCOMPARE(edit.text(), QStringLiteral("256K"));
        QCOMPARE(edit.value(), std::optional<quint64>(256 * 1024));
    }

    void operationPanelChecks()
    {
        OperationPanel panel;
        QString problem;
        QVERIFY(!panel.request(QStringLiteral("t31-nor"), QString(), &problem));
        QVERIFY(problem.contains(QStringLiteral("firmware file")));
        auto write = panel.request(QStringLiteral("t31-nor"), QStringLiteral("/tmp/fw.bin"), &problem);
        QVERIFY(write);
        QCOMPARE(write->op, Operation::Write);
        QVERIFY(write->verify);
        QVERIFY(write->isDestructive());
        panel.findChild<SizeEdit *>()->setText(QStringLiteral("twelve"));
        QVERIFY(!panel.request(QStringLiteral("t31-nor"), QStringLiteral("/tmp/fw.bin"), &problem));
        QVERIFY(problem.contains(QStringLiteral("twelve")));
        panel.setOperation(Operation::Erase);
        auto erase =
            panel.request(QStringLiteral("t31-nor"), QString(), &problem); // whole flash: no range needed
        QVERIFY(erase);
        QCOMPARE(erase->length, 0u);
        panel.setOperation(Operation::Read);
        panel.setOutputPath(QStringLiteral("/tmp/dump.bin"));
        auto read = panel.request(QStringLiteral("t31-nor"), QString(), &problem);
        QVERIFY(read);
        QCOMPARE(read->outputPath, QStringLiteral("/tmp/dump.bin"));
        QVERIFY(!read->isDestructive());
        panel.setOperation(Operation::Boot);
        QVERIFY(panel.request(QStringLiteral("t31-nor"), QString(), &problem));
    }

    void fitVerdict()
    {
        FirmwarePanel panel;
        const QString file = m_dir.filePath(QStringLiteral("fw.bin"));
        QVERIFY(!test::writeImage(file, 2 * 1024 * 1024).isEmpty());
        QSignalSpy changed(&panel, &FirmwarePanel::firmwareChanged);
        panel.openPath(file);
        QVERIFY(changed.wait(10000));
        panel.setTarget(QStringLiteral("t20-nor"), QStringLiteral("t20"), 16u << 20, 0, Operation::Write);
        QCOMPARE(panel.fit(), FirmwarePanel::Fit::Fits);
        panel.setTarget(QStringLiteral("t20-nor"), QStringLiteral("t20"), 16u << 20, 15u << 20,
                        Operation::Write);
        QCOMPARE(panel.fit(), FirmwarePanel::Fit::TooBig);
        QVERIFY(panel.verdict().contains(QStringLiteral("Does not fit")));
        panel.setTarget(QStringLiteral("t31-nor"), QStringLiteral("t31"), 0, 0, Operation::Write);
        QCOMPARE(panel.fit(), FirmwarePanel::Fit::Unknown);
        panel.setTarget(QStringLiteral("t31-nor"), QStringLiteral("t31"), 0, 0, Operation::Read);
        QCOMPARE(panel.fit(), FirmwarePanel::Fit::NotNeeded);
    }

    void pickerFollowsDetectedChip()
    {
        BoardPicker picker;
        picker.setCatalog(m_catalog);
        QVERIFY(picker.selectBoard(QStringLiteral("t31-nor")));
        QSignalSpy changed(&picker, &BoardPicker::boardChanged);
        // One chip: the picker follows, to the board used last for that chip.
        picker.setLastBoards({{QStringLiteral("t20"), QStringLiteral("t20-emmc")}});
        picker.showDetection(QStringLiteral("board on port 1-2"), {QStringLiteral("t20")},
                             QStringLiteral("T 2 0 V "));
        QCOMPARE(picker.boardName(), QStringLiteral("t20-emmc"));
        QCOMPARE(changed.size(), 1);
        QVERIFY(picker.notice().contains(QStringLiteral("switched")));
        // The same chip again: nothing moves, the notice confirms.
        picker.showDetection(QStringLiteral("board on port 1-2"), {QStringLiteral("t20")},
                             QStringLiteral("T 2 0 V "));
        QCOMPARE(changed.size(), 1);
        QVERIFY(picker.notice().contains(QStringLiteral("fits")));
        // Ambiguous: the picker stays, and says so.
        picker.showDetection(QStringLiteral("board on port 1-3"),
                             {QStringLiteral("t31"), QStringLiteral("t41")}, QStringLiteral("T 3 1 V "));
        QCOMPARE(picker.boardName(), QStringLiteral("t20-emmc"));
        QVERIFY(picker.notice().contains(QStringLiteral("T31 or T41")));
        QVERIFY(picker.notice().contains(QStringLiteral("Pick the profile")));
        // Unknown answer.
        picker.showDetection(QStringLiteral("board on port 1-4"), {}, QStringLiteral("XYZ"));
        QVERIFY(picker.notice().contains(QStringLiteral("no known chip")));
        // A chip without a board profile.
        picker.showDetection(QStringLiteral("board on port 1-5"), {QStringLiteral("x1000")},
                             QStringLiteral("X1000_v1"));
        QVERIFY(picker.notice().contains(QStringLiteral("no board profile")));
        QCOMPARE(picker.lastBoards().value(QStringLiteral("t20")), QStringLiteral("t20-emmc"));
    }

    void pickerSearch()
    {
        BoardPicker picker;
        picker.setCatalog(m_catalog);
        auto *search = picker.findChild<QLineEdit *>();
        search->setText(QStringLiteral("emmc"));
        auto *boards = picker.findChildren<QComboBox *>().at(1);
        QVERIFY(boards->count() >= 2);
        for (int i = 0; i < boards->count(); ++i)
            QVERIFY(boards->itemText(i).contains(QStringLiteral("emmc")));
        QVERIFY(picker.boardName().contains(QStringLiteral("emmc")));
    }

    void confirmations()
    {
        JobRequest write;
        write.op = Operation::Write;
        write.boardName = QStringLiteral("t31-nor");
        write.offset = 0x40000;
        auto q = StartFlow::question(write, {QStringLiteral("the T31 board on port 1-2")},
                                     QStringLiteral("fw.bin"), 0x100000);
        QVERIFY(q);
        QVERIFY(q->text.contains(QStringLiteral("the T31 board on port 1-2")));
        QVERIFY(q->text.contains(QStringLiteral("fw.bin (1.0 MiB)")));
        QVERIFY(q->text.contains(QStringLiteral("from 0x00040000 to 0x00140000")));
        QVERIFY(q->canSkipLater);
        write.erase = EraseMode::Chip;
        q = StartFlow::question(write, {QStringLiteral("a"), QStringLiteral("b")}, QStringLiteral("fw.bin"),
                                16);
        QVERIFY(q->text.contains(QStringLiteral("everything on it is lost")));
        QVERIFY(!q->canSkipLater);
        QCOMPARE(q->title, QStringLiteral("Flash 2 boards?"));
        JobRequest erase;
        erase.op = Operation::Erase;
        q = StartFlow::question(erase, {QStringLiteral("the board on port 1-1")}, QString(), 0);
        QVERIFY(q->text.contains(QStringLiteral("whole flash of the board on port 1-1")));
        QVERIFY(q->text.contains(QStringLiteral("boot loader")));
        erase.offset = 0x10000;
        erase.length = 0x8000;
        q = StartFlow::question(
            erase, {QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z"), QStringLiteral("w")},
            QString(), 0);
        QVERIFY(q->text.contains(QStringLiteral("32.0 KiB")));
        QVERIFY(q->text.contains(QStringLiteral("x, y and 2 more")));
        JobRequest read;
        read.op = Operation::Read;
        QVERIFY(!StartFlow::question(read, {QStringLiteral("b")}, QString(), 0));
    }

    void usbEvents()
    {
        const QString root = m_dir.filePath(QStringLiteral("sys/bus/usb/devices"));
        QVERIFY(QDir().mkpath(root + QStringLiteral("/usb1")));
        QVERIFY(QDir().mkpath(root + QStringLiteral("/1-0:1.0")));
        writeSysfsDevice(root, QStringLiteral("1-4"), QStringLiteral("0bda"), QStringLiteral("8153"),
                         QStringLiteral("USB LAN"));
        UsbEventMonitor monitor(root, m_dir.filePath(QStringLiteral("dev")));
        QVERIFY(monitor.isAvailable());
        QSignalSpy arrived(&monitor, &UsbEventMonitor::arrived);
        QSignalSpy left(&monitor, &UsbEventMonitor::left);
        monitor.start(10000);
        QCOMPARE(arrived.size(), 1);
        writeSysfsDevice(root, QStringLiteral("1-2.1"), QStringLiteral("a108"), QStringLiteral("c309"),
                         QString());
        monitor.poll();
        QCOMPARE(arrived.size(), 2);
        const auto ingenic = arrived.last().first().value<UsbDeviceInfo>();
        QVERIFY(ingenic.isIngenic());
        QCOMPARE(ingenic.port, QStringLiteral("1-2.1"));
        QCOMPARE(ingenic.devNode, m_dir.filePath(QStringLiteral("dev/001/007")));
        QVERIFY(!ingenic.writable);
        QVERIFY(QDir(root + QStringLiteral("/1-4")).removeRecursively());
        monitor.poll();
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().first().value<UsbDeviceInfo>().pid, quint16(0x8153));
        QCOMPARE(monitor.scan().size(), 1);
    }

    void udevRuleHelp()
    {
        QVERIFY(PermissionDialog::ruleText().contains(QStringLiteral("TAG+=\"uaccess\"")));
        for (const QString &line : PermissionDialog::ruleText().split(QLatin1Char('\n'))) {
            if (!line.startsWith(QLatin1Char('#')))
                QVERIFY2(!line.contains(QStringLiteral("MODE")), qPrintable(line)); // uaccess, never a mode
        }
        const QString rules = m_dir.filePath(QStringLiteral("rules.d"));
        QVERIFY(QDir().mkpath(rules));
        QVERIFY(PermissionDialog::installedRule({rules}).isEmpty());
        QFile rule(rules + QStringLiteral("/70-opencloner.rules"));
        QVERIFY(rule.open(QIODevice::WriteOnly));
        rule.close();
        QCOMPARE(PermissionDialog::installedRule({rules}), rules + QStringLiteral("/70-opencloner.rules"));
        const QString commands =
            PermissionDialog::installCommands(QStringLiteral("/home/me/70-opencloner.rules"));
        QVERIFY(commands.contains(QStringLiteral("/home/me/70-opencloner.rules")));
        QVERIFY(commands.contains(QStringLiteral("udevadm trigger")));
    }

    void virtualBoardDialog()
    {
        BoardListModel boards;
        boards.setCatalog(m_catalog);
        for (const VirtualBoardDialog::Fault &fault : VirtualBoardDialog::faults())
            QVERIFY2(sim::FaultPlan::parse(fault.text),
                     qPrintable(fault.text)); // every offered fault is valid
        VirtualBoardDialog dialog(&boards, QStringLiteral("t20-nor"), false);
        QCOMPARE(dialog.boardName(), QStringLiteral("t20-nor"));
        dialog.setTiming(QStringLiteral("none"));
        QComboBox *fault = nullptr;
        for (QComboBox *combo : dialog.findChildren<QComboBox *>()) {
            if (combo->findData(QStringLiteral("unplug")) >= 0)
                fault = combo;
        }
        QVERIFY(fault);
        fault->setCurrentIndex(fault->findData(QStringLiteral("unplug")));
        const VirtualBoardSpec spec =
            dialog.spec(VirtualBoardSpec::forBoard(*m_catalog->board(QStringLiteral("t20-nor"))));
        QCOMPARE(spec.timing, QStringLiteral("none"));
        QCOMPARE(spec.faults, QStringLiteral("disconnect@write:chunk=2"));
        QCOMPARE(spec.chip, QStringLiteral("t20"));
        QCOMPARE(spec.capacity, quint64(16u << 20));
    }
};

QTEST_MAIN(TestWidgets)
#include "tst_widgets.moc"
