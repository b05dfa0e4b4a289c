// Every preflight rule of a multi-step plan: a request that trips it, the rule it reports and the
// words a person reads. Nothing here needs a board: preflight runs before any transfer (the
// engine tests in tst_plans check that the session repeats the file checks and the chip checks).

#include "flashtestkit.h"

#include <QFile>
#include <QTest>

using namespace oc;
using namespace oc::test;

namespace {

constexpr quint64 KiB = 1024;
constexpr quint64 MiB = 1 << 20;

QString describe(const PlanCheck &check)
{
    QStringList lines;
    for (const PreflightFinding &f : check.findings)
        lines << QStringLiteral("[%1%2] %3")
                     .arg(QLatin1String(preflightRuleName(f.rule)),
                          f.blocking ? QString() : QStringLiteral(", note"), f.message);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestPreflight : public QObject
{
    Q_OBJECT

private:
    FlashKit m_kit;

    TargetProfile nor() const
    {
        TargetProfile t = m_kit.target(QStringLiteral("t31-nor"));
        using M = proto::PartitionMode;
        t.capacity = 16 * MiB;
        t.partitions = {part("uboot", 0, 0x40000, M::Mtd), part("kernel", 0x40000, 0x280000, M::Mtd),
                        part("rootfs", 0x2C0000, 0xB40000, M::MtdD), part("data", 0xF00000, 0xF0000, M::Mtd),
                        part("factory", 0xFF0000, 0x10000, M::Mtd, true)};
        return t; // 0xE00000-0xF00000 is in no partition
    }

    QString file(const QString &name, qint64 size) const
    {
        return m_kit.makeImage(name, size, quint32(size));
    }

    // Checks that `request` on `target` gives a finding of `rule` whose message contains `words`.
    void expect(const TargetProfile &target, const PlanRequest &request, PreflightRule rule,
                const QString &words, bool blocking = true)
    {
        const PlanCheck check = m_kit.check(target, request);
        const bool found =
            std::any_of(check.findings.cbegin(), check.findings.cend(), [&](const PreflightFinding &f) {
                return f.rule == rule && f.blocking == blocking && f.message.contains(words);
            });
        QVERIFY2(found, qPrintable(QStringLiteral("expected %1 \"%2\", got:\n%3")
                                       .arg(QLatin1String(preflightRuleName(rule)), words, describe(check))));
        QCOMPARE(check.plan.has_value(), !blocking);
        if (blocking) {
            QVERIFY(!check.status().ok());
            QVERIFY(check.status().error().message.contains(words));
        }
    }

    PlanRequest writes(QList<StepRequest> steps, EraseMode erase = EraseMode::Lazy)
    {
        PlanRequest r;
        r.erase = erase;
        r.steps = std::move(steps);
        return r;
    }

private Q_SLOTS:
    void aCleanPlanHasNoBlockingFinding()
    {
        const PlanCheck check =
            m_kit.check(nor(), writes({step(StepKind::Write, file("ok-u.bin", 64 * KiB), "uboot"),
                                       step(StepKind::Write, file("ok-k.bin", 1 * MiB), "kernel")}));
        QVERIFY2(check.plan.has_value(), qPrintable(describe(check)));
        QVERIFY2(check.status().ok(), qPrintable(describe(check)));
    }

    void fileMissing()
    {
        expect(nor(), writes({step(StepKind::Write, m_kit.tempPath("nowhere.bin"), "kernel")}),
               PreflightRule::FileMissing, "The file \"nowhere.bin\" does not exist");
    }

    void fileUnreadable()
    {
        QDir(m_kit.tempPath({})).mkpath(QStringLiteral("adir.bin"));
        expect(nor(), writes({step(StepKind::Write, m_kit.tempPath("adir.bin"), "kernel")}),
               PreflightRule::FileUnreadable, "cannot be opened: it is a folder");
    }

    void fileEmpty()
    {
        FlashKit::writeFile(m_kit.tempPath("empty.bin"), {});
        expect(nor(), writes({step(StepKind::Write, m_kit.tempPath("empty.bin"), "kernel")}),
               PreflightRule::FileEmpty, "\"empty.bin\" is empty: there is nothing to write");
    }

    void fileChanged()
    {
        const QString path = file("changing.bin", 64 * KiB);
        auto plan = m_kit.plan(nor(), writes({step(StepKind::Write, path, "kernel")}));
        QVERIFY(plan.ok());
        FlashKit::writeFile(path, QByteArray(32 * KiB, 'x'));
        const QList<PreflightFinding> findings = preflightFiles(*plan);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings[0].rule, PreflightRule::FileChanged);
        QVERIFY(findings[0].message.contains(
            QStringLiteral("\"changing.bin\" changed after the job was prepared")));
    }

    void outputFile()
    {
        const QString in = file("in.bin", 64 * KiB);
        expect(nor(), writes({step(StepKind::Read, m_kit.tempPath("no/such/dir/out.bin"), "factory")}),
               PreflightRule::OutputFile, "the folder");
        expect(nor(), writes({step(StepKind::Write, in, "kernel"), step(StepKind::Read, in, "factory")}),
               PreflightRule::OutputFile, "would overwrite a file this job writes from");
        expect(nor(),
               writes({step(StepKind::Read, m_kit.tempPath("twice.bin"), "factory"),
                       step(StepKind::Read, m_kit.tempPath("twice.bin"), "data")}),
               PreflightRule::OutputFile, "Two steps save into \"twice.bin\"");
    }

    void unknownPartition()
    {
        expect(nor(), writes({step(StepKind::Write, file("a.bin", 4 * KiB), "appfs")}),
               PreflightRule::UnknownPartition,
               "has no partition named \"appfs\"; its partitions are: uboot, kernel, rootfs, data, factory");
    }

    void beyondFlash()
    {
        TargetProfile t = nor();
        t.partitions.clear(); // the board profile has no table: only the flash size limits
        expect(t, writes({step(StepKind::Write, file("tail.bin", 1 * MiB), {}, 0xF80000)}),
               PreflightRule::BeyondFlash, "does not fit on the flash: it would end at 16.5 MiB (0x1080000)");
    }

    void beyondPartition()
    {
        expect(
            nor(), writes({step(StepKind::Write, file("fat-kernel.bin", 3 * MiB), "kernel")}),
            PreflightRule::BeyondPartition,
            "\"fat-kernel.bin\" (3 MiB) does not fit into partition \"kernel\" (2.5 MiB, 0x40000-0x2C0000)");
        expect(nor(), writes({step(StepKind::Erase, {}, {}, 0x2C0000, 0x100000)}, EraseMode::AtInit),
               PreflightRule::BeyondPartition, "covers only part of partition \"rootfs\"");
    }

    void outsidePartitions()
    {
        expect(nor(), writes({step(StepKind::Write, file("gap.bin", 64 * KiB), {}, 0xE00000)}),
               PreflightRule::OutsidePartitions,
               "No partition of board \"t31-nor\" holds \"gap.bin\" at 0xE00000");
    }

    void overlap()
    {
        TargetProfile t = nor();
        t.partitions.clear();
        expect(t,
               writes({step(StepKind::Write, file("first.bin", 1 * MiB), {}, 0x100000),
                       step(StepKind::Write, file("second.bin", 64 * KiB), {}, 0x180000)}),
               PreflightRule::Overlap,
               "\"first.bin\" (0x100000-0x200000) and \"second.bin\" (0x180000-0x190000) overlap");
    }

    void misaligned()
    {
        expect(nor(), writes({step(StepKind::Write, file("odd.bin", 4 * KiB), {}, 0x41000)}),
               PreflightRule::Misaligned,
               "starts at 0x41000, which is not the start of an erase block (32 KiB). Start it at 0x40000 or "
               "0x48000");
        TargetProfile emmc = m_kit.target(QStringLiteral("t31-emmc"));
        expect(emmc, writes({step(StepKind::Write, file("e.bin", 4 * KiB), {}, 0x100)}),
               PreflightRule::Misaligned, "not the start of a 512-byte block");
    }

    void readOnlyPartition()
    {
        expect(nor(), writes({step(StepKind::Write, file("cal.bin", 4 * KiB), "factory")}),
               PreflightRule::ReadOnlyPartition,
               "Partition \"factory\" is read-only on board \"t31-nor\", but \"cal.bin\" would be written "
               "into it");
        expect(nor(), writes({step(StepKind::Erase, {}, "factory")}, EraseMode::AtInit),
               PreflightRule::ReadOnlyPartition, "would erase it");
    }

    void eraseModes()
    {
        expect(nor(), writes({step(StepKind::Erase, {}, "data")}, EraseMode::Lazy), PreflightRule::EraseMode,
               "Choose erase mode \"init\"");
        expect(nor(), writes({step(StepKind::Erase, {}, "data")}, EraseMode::None), PreflightRule::EraseMode,
               "the erase mode is \"none\"");
        expect(nor(), writes({step(StepKind::Erase, {}, "data")}, EraseMode::Chip), PreflightRule::EraseMode,
               "The whole chip is erased at the start", false);
        expect(nor(),
               writes({step(StepKind::Write, file("k.bin", 64 * KiB), "kernel"),
                       step(StepKind::Read, m_kit.tempPath("k-back.bin"), "kernel")},
                      EraseMode::AtInit),
               PreflightRule::EraseMode, "after the start of the job erased it");
    }

    void initEraseOnABurnerThatErasesTheWholeChip()
    {
        TargetProfile t = m_kit.target(QStringLiteral("x2000-nor")); // an ICU-generation burner
        expect(t, writes({step(StepKind::Write, file("x.bin", 64 * KiB), {}, 0)}, EraseMode::AtInit),
               PreflightRule::EraseMode, "The burner of the X2000 erases the whole chip");
    }

    void partitionRevisited()
    {
        expect(nor(),
               writes({step(StepKind::Write, file("k1.bin", 64 * KiB), "kernel"),
                       step(StepKind::Write, file("u1.bin", 64 * KiB), "uboot"),
                       step(StepKind::Write, file("k2.bin", 64 * KiB), {}, 0x100000)}),
               PreflightRule::PartitionRevisited, "Put the steps for \"kernel\" next to each other");
    }

    void tooManyRanges()
    {
        TargetProfile emmc = m_kit.target(QStringLiteral("t31-emmc"));
        QList<StepRequest> steps;
        for (int i = 0; i < 11; ++i)
            steps << step(StepKind::Write, file(QStringLiteral("p%1.bin").arg(i), 1024), {},
                          quint64(i) * MiB);
        expect(emmc, writes(steps, EraseMode::AtInit), PreflightRule::TooManyRanges,
               "erases at most 10 ranges at the start; this job needs 11");
        TargetProfile bare = nor();
        bare.partitions.clear();
        expect(bare, writes(steps), PreflightRule::TooManyRanges, "takes at most 10 partitions");
    }

    void flags()
    {
        TargetProfile t = nor();
        t.debug.writeBackCheck = false;
        PlanRequest r = writes({step(StepKind::Write, file("nv.bin", 64 * KiB), "kernel")});
        r.verify = false;
        expect(t, r, PreflightRule::Flags, "Nothing checks the written data", false);
    }

    void bootLast()
    {
        PlanRequest r = writes({step(StepKind::Write, file("b-u.bin", 64 * KiB), "uboot"),
                                step(StepKind::Write, file("b-k.bin", 64 * KiB), "kernel")},
                               EraseMode::AtInit);
        r.bootLast = true;
        expect(nor(), r, PreflightRule::BootLast,
               "erase mode \"init\" erases it at the start of the job anyway", false);
        r.erase = EraseMode::Lazy;
        r.steps << step(StepKind::Read, m_kit.tempPath("u-back.bin"), {}, 0, 4096);
        expect(nor(), r, PreflightRule::BootLast, "reads it after it is written", false);
    }

    void everyProblemIsListedAtOnce()
    {
        const PlanCheck check =
            m_kit.check(nor(), writes({step(StepKind::Write, m_kit.tempPath("gone.bin"), "kernel"),
                                       step(StepKind::Write, file("ro.bin", 4 * KiB), "factory")}));
        QVERIFY(!check.plan);
        const QString message = check.status().error().message;
        QVERIFY2(message.contains(QStringLiteral("gone.bin")) && message.contains(QStringLiteral("ro.bin")),
                 qPrintable(message));
        QCOMPARE(check.status().error().code, ErrorCode::InputFile); // the first finding's class
    }
};

QTEST_GUILESS_MAIN(TestPreflight)
#include "tst_preflight.moc"
