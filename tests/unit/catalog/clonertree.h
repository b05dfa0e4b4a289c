#pragma once

// A synthetic Ingenic USB Cloner installation, made at test time and laid out like the real one
// (spec 8.1): configs/platforms.cfg, configs/spiflashinfo.cfg, configs/<chip>/<board>.cfg,
// firmwares/<chip>/{config.cfg, spl.bin, uboot.bin}, ddrs/<TYPE>/<part>.cfg, 0_Firmware_Root/ images.
// No vendor file is involved: spl.bin / uboot.bin are OpenCloner placeholders, the text files are the
// test data of tests/data/ginfo (see its README) or written here. Shared by the catalog unit tests and
// the engine import test.

#include "core/catalog/catalog.h"
#include "core/catalog/placeholders.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRandomGenerator>

namespace oc::catalog::test {

inline QString ginfoData(const QString &relative)
{
    return QStringLiteral(OPENCLONER_SOURCE_DIR "/tests/data/ginfo/") + relative;
}

struct CfgPolicy
{
    QString label;
    QString offset;
    QString ops = QStringLiteral("12,6,0");
    int type = 0; // 0 write, 11 read
    QString attribute;
    int enabled = 1;
};

// One vendor board .cfg. Each section is a list of "key=value" lines, as the Cloner writes them.
struct CfgBoard
{
    QString ddr =
        QStringLiteral("bank8=1\ncreator_version=1\ncs0=1\ncs1=0\ncurrent_ddr=M14D1G1664A_DDR2.cfg\n"
                       "current_type=\"4,DDR2\"\ndw32=0\n");
    QString debug = QStringLiteral("boot_stage_send_length=1\ncpu_info_length=8\nlog=1\nread_back_chk=1\n"
                                   "stage2_init_timeout=200\ntransfer_data_chk=1\ntransfer_size=65536\n");
    QString gpio = QStringLiteral("config=\"-1,-1,0,\"\n");
    QString info = QStringLiteral("baud_rate=115200\ncpufreq=576000000\nddrfreq=400000000\nextal=24000000\n"
                                  "force_reset=1\npower_off=0\nsync_time=0\nuart_gpio=1\n");
    QString storage =
        QStringLiteral("[sfc]\nblocksize=32768\nboot_quad=0\nburn_quad=0\ndownload_params=0\n"
                       "force_erase=0\nreserve_partition=0\nreserve_space=0\nsfc_frequency=-1\n\n"
                       "[spiPartition]\nPartition0=\"full,0x0,-1,0,MTD_D_MODE\"\ncount=1\n");
    QList<CfgPolicy> policies;
    QString policyCount; // empty: policies.size()

    QByteArray text() const
    {
        QString t =
            QStringLiteral("[ddr]\n%1\n[debug]\n%2\n[gpio]\n%3\n[info]\n%4\n[policy]\npolicy_count=%5\n\n")
                .arg(ddr, debug, gpio, info,
                     policyCount.isEmpty() ? QString::number(policies.size()) : policyCount);
        for (int i = 0; i < policies.size(); ++i) {
            const CfgPolicy &p = policies[i];
            t += QStringLiteral(
                     "[policy%1]\nattribute=%2\nenabled=%3\nlabel=%4\noffset=%5\nops=\"%6\"\ntype=%7\n\n")
                     .arg(i)
                     .arg(p.attribute)
                     .arg(p.enabled)
                     .arg(p.label, p.offset, p.ops)
                     .arg(p.type);
        }
        return (t + storage).toUtf8();
    }
};

class ClonerTree
{
public:
    explicit ClonerTree(QString root)
        : m_root(std::move(root))
    {}

    const QString &root() const { return m_root; }
    QString path(const QString &relative) const { return QDir(m_root).filePath(relative); }

    void write(const QString &relative, const QByteArray &bytes) const
    {
        QDir().mkpath(QFileInfo(path(relative)).absolutePath());
        QFile file(path(relative));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path(relative)));
    }

    void copy(const QString &from, const QString &relative) const
    {
        QFile file(from);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(from));
        write(relative, file.readAll());
    }

    static QByteArray noise(int size, quint32 seed)
    {
        QByteArray bytes(size, '\0');
        QRandomGenerator random(seed);
        for (char &c : bytes)
            c = char(random.generate());
        return bytes;
    }

    // firmwares/<chipDir>: the chip's config.cfg from the test data and placeholder loaders.
    void addChip(const Catalog &catalog, const QString &chipDir) const
    {
        const ChipProfile *chip = catalog.chip(chipDir);
        Q_ASSERT(chip);
        BoardProfile board;
        board.name = chipDir + QStringLiteral("-virtual");
        board.chip = chip->name;
        write(QStringLiteral("firmwares/%1/spl.bin").arg(chipDir), placeholderSpl(*chip, board));
        write(QStringLiteral("firmwares/%1/uboot.bin").arg(chipDir), placeholderBurner(*chip, board));
        copy(ginfoData(QStringLiteral("firmwares/%1/config.cfg").arg(chipDir)),
             QStringLiteral("firmwares/%1/config.cfg").arg(chipDir));
    }

    // Every shared file: platforms.cfg, spiflashinfo.cfg (two parts), the DDR part files.
    void addCommon() const
    {
        write(QStringLiteral("configs/platforms.cfg"),
              "[current]\nboard=t31x_sfc_nor_writer.cfg\nplatform=\"8,t31x\"\n\n[platforms]\nTseries0=t20\n"
              "Tseries8=t31x\nTseries10=t41\ncurrent=T\nseries=\"T,A\"\n\n[version]\nvalue=2.5.43\n");
        write(
            QStringLiteral("configs/spiflashinfo.cfg"),
            "[norkey0]\nvalue=\"GD25Q127CSIG,0xc84018,16777216,256,32768,0x60,1,0,200,5,5,20,20,0x03,0,3,0,"
            "0x6b,8,3,5,0x02,0,3,0,0x32,0,3,5,0x52,0,3,0,0x06,0,0,0,0xb7,0,0,0,0x31,1,1,1,1,0,0x35,1,1,1,1,0,"
            "0x05,0,1,0,1,0\"\n\n[norkey1]\nvalue=\"ZZ25Q128TEST,0x5a4018,16777216,256,32768,0x60,1,0,200,5,"
            "5,"
            "20,20,0x03,0,3,0,0x6b,8,3,5,0x02,0,3,0,0x32,0,3,5,0x52,0,3,0,0x06,0,0,0,-1,-1,-1,-1,0x31,1,1,1,"
            "1,0,0x35,1,1,1,1,0,0x05,0,1,0,1,0\"\n\n[spinor]\ncount=2\n");
        write(QStringLiteral("ddrs/ddr.cfg"),
              "[ddrs]\nddr0=DDR3\nddr1=LPDDR\nddr2=LPDDR2\nddr3=LPDDR3\nddr4=DDR2\n");
        for (const QString &part :
             {QStringLiteral("DDR2/M14D5121632A_DDR2.cfg"), QStringLiteral("DDR2/M14D1G1664A_DDR2.cfg"),
              QStringLiteral("DDR3/DDR3_W631GU6NG.cfg")})
            copy(ginfoData(QStringLiteral("ddrs/") + part), QStringLiteral("ddrs/") + part);
    }

    // The standard installation: a T20 reader, a T31X writer (foreign Windows path and an
    // installation-relative path), a T41N profile without files, a T31X eMMC writer.
    void addStandard(const Catalog &catalog) const
    {
        addCommon();
        for (const QString &chip : {QStringLiteral("t20"), QStringLiteral("t31x"), QStringLiteral("t41")})
            addChip(catalog, chip);
        write(QStringLiteral("0_Firmware_Root/uboot.bin"), noise(64 * 1024, 1));
        write(QStringLiteral("0_Firmware_Root/kernel.bin"), noise(96 * 1024, 2));
        QDir().mkpath(path(QStringLiteral("tmp")));
        write(QStringLiteral("configs/t20/t20_sfc_nor_reader_16MB.cfg"), t20Reader().text());
        write(QStringLiteral("configs/t31x/t31x_sfc_nor_writer.cfg"), t31xWriter().text());
        write(QStringLiteral("configs/t41/t41n_sfc_nor_ddr3_linux.cfg"), t41n().text());
        write(QStringLiteral("configs/t31x/t31x_mmc_ddr2_linux.cfg"), t31xMmc().text());
    }

    static CfgBoard t20Reader()
    {
        CfgBoard b;
        b.ddr =
            QStringLiteral("bank8=0\ncreator_version=-1\ncs0=1\ncs1=0\ncurrent_ddr=M14D5121632A_DDR2.cfg\n"
                           "current_type=\"4,DDR2\"\ndw32=0\n");
        b.info.replace(QStringLiteral("576000000"), QStringLiteral("800000000"));
        b.debug.replace(QStringLiteral("65536"), QStringLiteral("1048576"));
        b.storage.replace(QStringLiteral("blocksize=32768"), QStringLiteral("blocksize=65536"));
        b.policies = {{QStringLiteral("FW0"), QStringLiteral("0x0"), QStringLiteral("12,6,0"), 11,
                       QStringLiteral("/home/someone/cloner-2.5.43/tmp/1.bin")},
                      {QStringLiteral("FW1"), QStringLiteral("0x100000"), QStringLiteral("12,6,0"), 11,
                       QStringLiteral("/home/someone/cloner-2.5.43/tmp/2.bin")}};
        return b;
    }

    static CfgBoard t31xWriter()
    {
        CfgBoard b;
        b.storage = QStringLiteral(
            "[sfc]\nblocksize=32768\nboot_quad=0\nburn_quad=0\ndownload_params=0\nforce_erase=0\n"
            "sfc_frequency=-1\n\n[spiPartition]\nPartition0=\"uboot,0x0,0x40000,0,MTD_MODE\"\n"
            "Partition1=\"kernel,0x40000,0x300000,0,MTD_MODE\"\n"
            "Partition2=\"rootfs,0x340000,-1,0,MTD_MODE\"\ncount=3\n");
        b.policies = {{QStringLiteral("uboot"), QStringLiteral("0x0"), QStringLiteral("12,6,0"), 0,
                       QStringLiteral("C:\\Users\\eng\\cloner\\0_Firmware_Root\\uboot.bin")},
                      {QStringLiteral("kernel"), QStringLiteral("0x40000"), QStringLiteral("12,6,0"), 0,
                       QStringLiteral("./0_Firmware_Root/kernel.bin")},
                      {QStringLiteral("rootfs"), QStringLiteral("0x340000"), QStringLiteral("12,6,0"), 0,
                       QString(), 0}};
        return b;
    }

    static CfgBoard t41n()
    {
        CfgBoard b;
        b.ddr = QStringLiteral("bank8=0\ncreator_version=2\ncs0=1\ncs1=0\ncurrent_ddr=DDR3_W631GU6NG.cfg\n"
                               "current_type=\"0,DDR3\"\ndw32=0\n");
        b.gpio = QStringLiteral("config=\"-1,-1,0,0,\"\n");
        b.info.replace(QStringLiteral("576000000"), QStringLiteral("800000000"));
        b.storage = QStringLiteral(
            "[sfc]\nblocksize=32768\nboot_quad=0\nburn_quad=0\ndownload_params=1\nforce_erase=1\n\n"
            "[spiPartition]\nPartition0=\"uboot,0x0,0x40000,0,MTD_MODE\"\n"
            "Partition1=\"kernel,0x40000,0x280000,0,MTD_MODE\"\n"
            "Partition2=\"rootfs,0x2c0000,0x200000,0,MTD_MODE\"\ncount=3\n");
        b.policies = {{QStringLiteral("uboot"), QStringLiteral("0x0")},
                      {QStringLiteral("kernel"), QStringLiteral("0x40000")},
                      {QStringLiteral("rootfs"), QStringLiteral("0x2c0000")}};
        return b;
    }

    static CfgBoard t31xMmc()
    {
        CfgBoard b;
        b.gpio = QStringLiteral("config=\"0,-1,-1,\"\n");
        b.storage = QStringLiteral("[mmc]\nerase_list=\nforce_erase=1\nerase_all=1\nopen_card=0\n");
        b.policies = {{QStringLiteral("uboot"), QStringLiteral("0x0"), QStringLiteral("6,2,0"), 0,
                       QStringLiteral("./0_Firmware_Root/uboot.bin")}};
        return b;
    }

    // Path -> SHA-1 of every file below `dir` (empty map when `dir` does not exist), to prove that
    // nothing was written, changed or removed.
    static QMap<QString, QByteArray> snapshot(const QString &dir)
    {
        QMap<QString, QByteArray> files;
        QDirIterator it(dir, QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString p = it.next();
            QFile f(p);
            files.insert(QDir(dir).relativeFilePath(p),
                         f.open(QIODevice::ReadOnly)
                             ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha1)
                             : QByteArray("dir"));
        }
        return files;
    }

private:
    QString m_root;
};

} // namespace oc::catalog::test
