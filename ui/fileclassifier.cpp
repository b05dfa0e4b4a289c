#include "fileclassifier.h"

#include "texts.h"

#include "core/catalog/clonerimport.h"
#include "core/package/compression.h"
#include "core/package/packagereader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeData>
#include <QStringDecoder>
#include <QUrl>

namespace oc::ui {

namespace {

constexpr qint64 SniffBytes = 4096;

QString compressionOf(const QByteArray &head)
{
    const pkg::Compression compression = pkg::detectCompression(head);
    return compression == pkg::Compression::None ? QString()
                                                 : QString::fromLatin1(pkg::compressionName(compression));
}

bool isZip(const QByteArray &head)
{
    return head.startsWith("PK\x03\x04") || head.startsWith("PK\x05\x06");
}

bool isOtherArchive(const QByteArray &head)
{
    return (head.size() >= 262 && head.mid(257, 5) == "ustar") || head.startsWith("7z\xbc\xaf\x27\x1c") ||
           head.startsWith("Rar!");
}

// Printable UTF-8 without NULs: a README, a .cfg, a script. Flash images have binary headers,
// NUL padding or erased (0xFF) areas in their first kilobytes.
bool looksLikeText(const QByteArray &head)
{
    if (head.contains('\0'))
        return false;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(head);
    if (decoder.hasError())
        return false;
    int control = 0;
    for (QChar c : text) {
        if (c.unicode() < 0x20 && c != QLatin1Char('\n') && c != QLatin1Char('\r') && c != QLatin1Char('\t'))
            ++control;
    }
    return control * 50 < text.size() + 1;
}

// A folder holding vendor files: spl.bin in it or in one of its subfolders (a folder per chip).
bool hasVendorFiles(const QDir &dir)
{
    if (dir.exists(QStringLiteral("spl.bin")))
        return true;
    for (const QString &sub : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (dir.exists(sub + QStringLiteral("/spl.bin")))
            return true;
    }
    return false;
}

} // namespace

FileClassifier::Payload FileClassifier::payload(const QMimeData *mime)
{
    Payload p;
    FileCheck refusal;
    if (!mime || !mime->hasUrls() || mime->urls().isEmpty()) {
        refusal.kind = FileCheck::Kind::Nothing;
        p.refusal = refusal;
        return p;
    }
    const QList<QUrl> urls = mime->urls();
    if (urls.size() > 1) {
        refusal.kind = FileCheck::Kind::SeveralFiles;
        refusal.size = urls.size();
        p.refusal = refusal;
        return p;
    }
    if (!urls.first().isLocalFile()) {
        refusal.kind = FileCheck::Kind::RemoteUrl;
        refusal.path = urls.first().toDisplayString();
        p.refusal = refusal;
        return p;
    }
    p.path = urls.first().toLocalFile();
    return p;
}

FileCheck FileClassifier::classify(const QString &path)
{
    FileCheck check;
    check.path = path;
    const QFileInfo info(path);
    if (!info.exists()) {
        check.kind = info.isSymLink() ? FileCheck::Kind::Unreadable : FileCheck::Kind::Missing;
        return check;
    }
    if (info.isDir()) {
        check.importable = catalog::findClonerRoot(path).ok();
        check.kind = check.importable || hasVendorFiles(QDir(path)) ? FileCheck::Kind::VendorFolder
                                                                    : FileCheck::Kind::Folder;
        return check;
    }
    check.size = info.size();
    QFile file(path);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly)) {
        check.kind = FileCheck::Kind::Unreadable;
        return check;
    }
    if (check.size == 0) {
        check.kind = FileCheck::Kind::EmptyFile;
        return check;
    }
    const QByteArray head = file.read(SniffBytes);
    if (head.isEmpty()) {
        check.kind = FileCheck::Kind::Unreadable;
        return check;
    }
    check.compression = compressionOf(head);
    if (!check.compression.isEmpty())
        check.kind = FileCheck::Kind::CompressedImage;
    else if (info.suffix().compare(QLatin1String("ingenic"), Qt::CaseInsensitive) == 0)
        check.kind = FileCheck::Kind::ClonerBundle; // even a damaged one: the import says what is wrong
    else if (isZip(head))
        check.kind = pkg::isPackage(path) ? FileCheck::Kind::Package : FileCheck::Kind::ClonerBundle;
    else if (isOtherArchive(head))
        check.kind = FileCheck::Kind::Archive;
    else if (looksLikeText(head))
        check.kind = FileCheck::Kind::TextFile;
    else
        check.kind = FileCheck::Kind::Image;
    return check;
}

QString FileClassifier::message(const FileCheck &check)
{
    const QString name = QFileInfo(check.path).fileName();
    switch (check.kind) {
    case FileCheck::Kind::Image:
        return tr("%1 is a flash image of %2.").arg(name, Texts::size(check.size));
    case FileCheck::Kind::CompressedImage:
        return tr("%1 is a %2-compressed image: OpenCloner unpacks it while writing.")
            .arg(name, check.compression);
    case FileCheck::Kind::Package:
        return tr("%1 is an OpenCloner package: its steps are the job.").arg(name);
    case FileCheck::Kind::VendorFolder:
        return check.importable ? tr("%1 is an Ingenic USB Cloner installation: OpenCloner can import its "
                                     "board profiles and "
                                     "use its SPL and burner.")
                                      .arg(QDir::toNativeSeparators(check.path))
                                : tr("%1 holds Ingenic vendor files (SPL and burner). OpenCloner can use it "
                                     "for real boards.")
                                      .arg(QDir::toNativeSeparators(check.path));
    case FileCheck::Kind::ClonerBundle:
        return tr("%1 looks like an Ingenic USB Cloner bundle: OpenCloner can import its board profiles.")
            .arg(name);
    case FileCheck::Kind::Archive:
        return tr("%1 is an archive. OpenCloner does not take images out of archives: extract the flash "
                  "image "
                  "and drop that file, or drop an OpenCloner package (.zip).")
            .arg(name);
    case FileCheck::Kind::Folder:
        return tr("%1 is a folder. Drop the firmware file itself, or a folder of the Ingenic USB Cloner.")
            .arg(QDir::toNativeSeparators(check.path));
    case FileCheck::Kind::TextFile:
        return tr("%1 is a text file, not a flash image. Drop the firmware file (.bin or .img).").arg(name);
    case FileCheck::Kind::EmptyFile:
        return tr("%1 is empty: there is nothing to write.").arg(name);
    case FileCheck::Kind::Unreadable:
        return tr("%1 cannot be read: check that it is a regular file and that you may open it.")
            .arg(QDir::toNativeSeparators(check.path));
    case FileCheck::Kind::Missing:
        return tr("%1 does not exist (any more).").arg(QDir::toNativeSeparators(check.path));
    case FileCheck::Kind::RemoteUrl:
        return tr("%1 is not a file on this computer. Download it first, then drop the downloaded file.")
            .arg(check.path);
    case FileCheck::Kind::SeveralFiles:
        return tr("You dropped %n files. Drop one firmware file at a time.", nullptr, int(check.size));
    case FileCheck::Kind::Nothing:
        return tr("That is not a file. Drop a firmware file from your file manager.");
    }
    return QString();
}

} // namespace oc::ui
