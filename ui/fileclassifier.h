#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

class QMimeData;

namespace oc::ui {

// What a dropped or chosen path is, and whether the window can use it.
struct FileCheck
{
    enum class Kind : quint8 {
        Image,           // a raw flash image (.bin, .img or any binary file): accepted
        CompressedImage, // gzip / xz / zstd / bzip2: accepted, streamed by the engine
        Package,         // an OpenCloner package (zip + manifest.json): accepted, its steps are the job
        VendorFolder,    // an Ingenic USB Cloner installation (`importable`) or a folder with spl.bin
        ClonerBundle,    // a .zip / .ingenic that is not an OpenCloner package: offered for import
        Archive,         // a tar or other archive: refused (images inside are not read)
        Folder,          // any other folder: refused
        TextFile,        // a text file (README, .cfg, .txt): refused
        EmptyFile,       // refused
        Unreadable,      // no permission, device node, broken link: refused
        Missing,         // refused
        RemoteUrl,       // a web link or a remote file: refused
        SeveralFiles,    // refused
        Nothing,         // text or other data without a file: refused
    };
    Kind kind = Kind::Nothing;
    QString path;
    qint64 size = 0;
    QString compression;     // "gzip", "xz", "zstd", "bzip2" for CompressedImage
    bool importable = false; // VendorFolder: a whole installation whose board profiles can be imported

    bool isAccepted() const
    {
        return kind == Kind::Image || kind == Kind::CompressedImage || kind == Kind::Package ||
               kind == Kind::VendorFolder || kind == Kind::ClonerBundle;
    }
    // Something to flash (as opposed to vendor files or profiles to import).
    bool isFirmware() const
    {
        return kind == Kind::Image || kind == Kind::CompressedImage || kind == Kind::Package;
    }
};

// Sorts what the user drops or picks. payload() looks only at the drag data (GUI thread, no I/O);
// classify() stats the path, reads at most its first 4 KiB and, for a zip, its directory (call it on
// a worker thread: the file may be on a slow or network disk).
class FileClassifier
{
    Q_DECLARE_TR_FUNCTIONS(FileClassifier)

public:
    // The one local path a drag carries, or why it is refused (several files, a URL, no file).
    struct Payload
    {
        QString path;
        std::optional<FileCheck> refusal;
    };
    static Payload payload(const QMimeData *mime);
    static FileCheck classify(const QString &path);

    // One translated sentence for the user: what the path is and what to do instead (refusals), or
    // what will happen (accepted kinds).
    static QString message(const FileCheck &check);
};

} // namespace oc::ui
