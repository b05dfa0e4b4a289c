#include "sessionlog.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

#include <memory>

namespace oc::ui {

namespace {

// Lives on the writer thread; owns the open file.
class LogWriter : public QObject
{
public:
    explicit LogWriter(const QString &path)
        : m_file(path)
    {}
    bool open() { return m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text); }
    void write(const QString &line)
    {
        m_file.write(line.toUtf8());
        m_file.write("\n", 1);
        m_file.flush(); // a crash must not lose the lines that explain it
    }

private:
    QFile m_file;
};

void pruneOldFiles(const QString &dir, int keep)
{
    QDir d(dir);
    const QStringList files =
        d.entryList({QStringLiteral("session-*.log")}, QDir::Files, QDir::Name | QDir::Reversed);
    for (int i = keep; i < files.size(); ++i)
        d.remove(files.at(i));
}

} // namespace

SessionLog::SessionLog(const QString &dir, int keepFiles, QObject *parent)
    : QObject(parent)
    , m_dir(dir)
{
    if (!QDir().mkpath(dir))
        return;
    pruneOldFiles(dir, qMax(1, keepFiles - 1));
    const QString path = QDir(dir).filePath(
        QStringLiteral("session-%1.log")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"))));
    auto writer = std::make_unique<LogWriter>(path);
    if (!writer->open())
        return;
    m_path = path;
    m_writer = writer.release();
    m_writer->moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("session log"));
    m_thread.start(QThread::LowPriority);
}

SessionLog::~SessionLog()
{
    if (!m_writer)
        return;
    // Posted after every queued line, so all of them are written before the thread ends.
    QMetaObject::invokeMethod(
        m_writer, [] { QThread::currentThread()->quit(); }, Qt::QueuedConnection);
    m_thread.wait();
    delete m_writer; // its thread has ended
}

void SessionLog::write(const LogEntry &entry)
{
    if (!m_writer)
        return;
    auto *writer = static_cast<LogWriter *>(m_writer);
    QMetaObject::invokeMethod(
        m_writer, [writer, line = entry.toLine()] { writer->write(line); }, Qt::QueuedConnection);
}

} // namespace oc::ui
