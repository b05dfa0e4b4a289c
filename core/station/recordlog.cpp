#include "recordlog.h"

#include "core/util/logging.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cerrno>
#include <fcntl.h>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace oc::station {

namespace {

QByteArray nativePath(const QString &path)
{
    return QFile::encodeName(path);
}

Error systemError(const QString &what, const QString &path, int error)
{
    return makeError(
        ErrorCode::InputFile,
        QStringLiteral("%1 %2: %3").arg(what, QDir::toNativeSeparators(path), qt_error_string(error)));
}

// Both files are tried whatever happens to the other; the caller hears about every failure.
Status combine(Status first, Status second)
{
    if (first.ok())
        return second;
    if (second.ok())
        return first;
    Error error = std::move(first).error();
    error.message += QStringLiteral("; ") + second.error().message;
    return error;
}

QString safeFileName(const QString &station)
{
    QString name = station.trimmed();
    if (name.isEmpty())
        return QStringLiteral("station");
    for (QChar &c : name) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('_') && c != QLatin1Char('.'))
            c = QLatin1Char('-');
    }
    return name;
}

QByteArray csvHeader()
{
    return UnitRecord::columns().join(QLatin1Char(',')).toUtf8() + "\r\n";
}

Status writeAll(int fd, const QByteArray &data, const QString &path)
{
    const char *p = data.constData();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, size_t(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return systemError(QStringLiteral("cannot write the record file"), path, n < 0 ? errno : EIO);
        p += n;
        left -= n;
    }
    return {};
}

Status syncFile(int fd, const QString &path)
{
    while (::fsync(fd) != 0) {
        if (errno != EINTR)
            return systemError(QStringLiteral("cannot flush the record file"), path, errno);
    }
    return {};
}

// A new file's name lives in its folder: sync the folder too, or a power loss could lose the file.
void syncFolder(const QString &folder)
{
    const int fd = ::open(nativePath(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const int error = errno;
        qCWarning(lcFlash) << "records: cannot sync the folder" << folder << qt_error_string(error);
    }
    if (fd >= 0)
        ::close(fd);
}

// The record file is opened write-only (O_APPEND); its last byte is read through a second handle.
Result<bool> endsWithLineBreak(const QString &path, off_t size)
{
    const int fd = ::open(nativePath(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return systemError(QStringLiteral("cannot read the record file"), path, errno);
    char last = 0;
    ssize_t n = 0;
    do {
        n = ::pread(fd, &last, 1, size - 1);
    } while (n < 0 && errno == EINTR);
    const int error = n < 0 ? errno : EIO;
    ::close(fd);
    if (n != 1)
        return systemError(QStringLiteral("cannot read the record file"), path, error);
    return last == '\n';
}

// Opens `path` for appending and brings it to the start of a line: a new (empty) file gets
// `header`, a file whose last line was cut short gets `lineBreak` so that only that line is damaged.
Result<int> openForAppend(const QString &path, const QByteArray &header, const QByteArray &lineBreak,
                          const QString &folder)
{
    const int fd = ::open(nativePath(path).constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return systemError(QStringLiteral("cannot open the record file"), path, errno);
    struct stat st = {};
    Status status;
    QByteArray prefix;
    if (::fstat(fd, &st) != 0) {
        status = systemError(QStringLiteral("cannot inspect the record file"), path, errno);
    } else if (st.st_size == 0) {
        prefix = header;
        syncFolder(folder);
    } else if (const Result<bool> ends = endsWithLineBreak(path, st.st_size); !ends) {
        status = ends.error();
    } else if (!*ends) {
        qCWarning(lcFlash) << "records: the last line of" << path << "was cut short; it stays as it is";
        prefix = lineBreak;
    }
    if (status.ok() && !prefix.isEmpty())
        status = writeAll(fd, prefix, path);
    if (!status.ok()) {
        ::close(fd);
        return std::move(status).error();
    }
    return fd;
}

Status openIfClosed(int &fd, const QString &path, const QByteArray &header, const QByteArray &lineBreak,
                    const QString &folder)
{
    if (fd >= 0)
        return {};
    Result<int> opened = openForAppend(path, header, lineBreak, folder);
    if (!opened)
        return std::move(opened).error();
    fd = *opened;
    return {};
}

// On failure the file is closed, so the next record reopens it and ends a partly written line first.
Status writeRecord(int &fd, const QString &path, const QByteArray &line)
{
    if (fd < 0)
        return {};
    Status status = writeAll(fd, line, path);
    if (status.ok())
        status = syncFile(fd, path);
    if (!status.ok()) {
        ::close(fd);
        fd = -1;
    }
    return status;
}

Status probeWritable(const QString &folder)
{
    const QString probe = folder + QStringLiteral("/.opencloner-write-test-") + QString::number(::getpid());
    const int fd = ::open(nativePath(probe).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return systemError(QStringLiteral("the records folder is not writable:"), folder, errno);
    ::close(fd);
    ::unlink(nativePath(probe).constData());
    return {};
}

Result<QByteArray> readWholeFile(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return QByteArray();
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::InputFile, QStringLiteral("cannot read the record file %1: %2")
                                                   .arg(QDir::toNativeSeparators(path), file.errorString()));
    QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return makeError(ErrorCode::InputFile, QStringLiteral("cannot read the record file %1: %2")
                                                   .arg(QDir::toNativeSeparators(path), file.errorString()));
    return data;
}

// One RFC 4180 record starting at `pos` (quoted fields may hold commas, quotes and line breaks).
// nullopt when the bytes are not a well-formed record: an unterminated quote (a torn line), a quote
// inside an unquoted field, or a stray character after a closing quote.
std::optional<QList<QByteArray>> parseCsvRecord(const QByteArray &data, qsizetype &pos)
{
    const qsizetype n = data.size();
    QList<QByteArray> fields;
    for (;;) {
        QByteArray field;
        if (pos < n && data[pos] == '"') {
            for (++pos;; ++pos) {
                if (pos >= n)
                    return std::nullopt;
                if (data[pos] == '"' && (pos + 1 >= n || data[pos + 1] != '"'))
                    break;
                field += data[pos];
                if (data[pos] == '"')
                    ++pos;
            }
            ++pos;
        } else {
            for (; pos < n && data[pos] != ',' && data[pos] != '\r' && data[pos] != '\n'; ++pos) {
                if (data[pos] == '"')
                    return std::nullopt;
                field += data[pos];
            }
        }
        fields.append(field);
        if (pos >= n)
            return fields;
        const char c = data[pos++];
        if (c == '\n' || (c == '\r' && pos >= n))
            return fields;
        if (c == '\r' && data[pos] == '\n') {
            ++pos;
            return fields;
        }
        if (c != ',')
            return std::nullopt;
    }
}

QStringList toStrings(const QList<QByteArray> &fields)
{
    QStringList strings;
    strings.reserve(fields.size());
    for (const QByteArray &field : fields)
        strings.append(QString::fromUtf8(field));
    return strings;
}

qsizetype skipBlankLine(const QByteArray &data, qsizetype pos)
{
    if (data[pos] == '\n')
        return pos + 1;
    if (data[pos] == '\r' && pos + 1 < data.size() && data[pos + 1] == '\n')
        return pos + 2;
    return pos;
}

} // namespace

RecordLog::RecordLog(QString folder, QString baseName)
    : m_folder(std::move(folder))
    , m_baseName(std::move(baseName))
{}

RecordLog::RecordLog(RecordLog &&other) noexcept
    : m_folder(std::move(other.m_folder))
    , m_baseName(std::move(other.m_baseName))
    , m_date(other.m_date)
    , m_csv(std::exchange(other.m_csv, -1))
    , m_json(std::exchange(other.m_json, -1))
{}

RecordLog &RecordLog::operator=(RecordLog &&other) noexcept
{
    if (this != &other) {
        closeFiles();
        m_folder = std::move(other.m_folder);
        m_baseName = std::move(other.m_baseName);
        m_date = other.m_date;
        m_csv = std::exchange(other.m_csv, -1);
        m_json = std::exchange(other.m_json, -1);
    }
    return *this;
}

RecordLog::~RecordLog()
{
    closeFiles();
}

Result<RecordLog> RecordLog::open(const QString &folder, const QString &station)
{
    if (folder.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("no records folder was chosen"));
    const QString absolute = QDir(folder).absolutePath();
    if (!QDir().mkpath(absolute)) {
        // mkpath() does not say why; mkdir() of the last component does (ENOENT, ENOTDIR, EACCES...).
        int error = ::mkdir(nativePath(absolute).constData(), 0755) == 0 ? 0 : errno;
        if (error == EEXIST)
            error = ENOTDIR; // a file of that name is in the way
        if (error != 0)
            return systemError(QStringLiteral("cannot create the records folder"), absolute, error);
    }
    OC_TRY(probeWritable(absolute));
    return RecordLog(absolute, QStringLiteral("opencloner-") + safeFileName(station));
}

QString RecordLog::csvPath(const QDate &date) const
{
    return m_folder + QLatin1Char('/') + m_baseName + QLatin1Char('-') + date.toString(Qt::ISODate) +
           QStringLiteral(".csv");
}

QString RecordLog::jsonPath(const QDate &date) const
{
    return m_folder + QLatin1Char('/') + m_baseName + QLatin1Char('-') + date.toString(Qt::ISODate) +
           QStringLiteral(".jsonl");
}

Status RecordLog::openFor(const QDate &date)
{
    if (date != m_date) {
        closeFiles();
        m_date = date;
    }
    Status csv = openIfClosed(m_csv, csvPath(date), csvHeader(), QByteArrayLiteral("\r\n"), m_folder);
    Status json = openIfClosed(m_json, jsonPath(date), QByteArray(), QByteArrayLiteral("\n"), m_folder);
    return combine(std::move(csv), std::move(json));
}

Status RecordLog::append(const UnitRecord &record)
{
    // The record's own date names the file, so the file name and the time column always agree.
    const QDate date = record.time.isValid() ? record.time.date() : QDate::currentDate();
    Status opened = openFor(date);
    Status csv = writeRecord(m_csv, csvPath(date), record.csvLine());
    Status json = writeRecord(m_json, jsonPath(date), record.jsonLine());
    return combine(std::move(opened), combine(std::move(csv), std::move(json)));
}

void RecordLog::closeFiles()
{
    for (int *fd : {&m_csv, &m_json}) {
        if (*fd >= 0)
            ::close(*fd); // every record was synced when written; nothing is left to flush
        *fd = -1;
    }
}

Result<RecordFile> readJsonRecords(const QString &path)
{
    Result<QByteArray> data = readWholeFile(path);
    if (!data)
        return std::move(data).error();
    RecordFile file;
    for (const QByteArray &line : data->split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            ++file.damagedLines;
            continue;
        }
        Result<UnitRecord> record = UnitRecord::fromJson(document.object());
        if (record)
            file.records.append(std::move(record).value());
        else
            ++file.damagedLines;
    }
    return file;
}

Result<CsvFile> readCsvRecords(const QString &path)
{
    Result<QByteArray> data = readWholeFile(path);
    if (!data)
        return std::move(data).error();
    const QStringList columns = UnitRecord::columns();
    CsvFile file;
    qsizetype pos = 0;
    while (pos < data->size()) {
        if (const qsizetype next = skipBlankLine(*data, pos); next != pos) {
            pos = next;
            continue;
        }
        const qsizetype start = pos;
        const auto fields = parseCsvRecord(*data, pos);
        if (file.header.isEmpty()) {
            if (!fields || toStrings(*fields) != columns)
                return makeError(ErrorCode::InputFile,
                                 QStringLiteral("%1 is not an OpenCloner record file: its first line is not "
                                                "the header %2")
                                     .arg(QDir::toNativeSeparators(path), columns.join(QLatin1Char(','))));
            file.header = columns;
        } else if (fields && fields->size() == columns.size()) {
            file.rows.append(toStrings(*fields));
        } else {
            // Resynchronise on the next physical line: a torn quoted field may have run on into it.
            ++file.damagedLines;
            const qsizetype end = data->indexOf('\n', start);
            pos = end < 0 ? data->size() : end + 1;
        }
    }
    return file;
}

} // namespace oc::station
