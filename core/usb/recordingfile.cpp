#include "recordingfile.h"

#include <QJsonDocument>

namespace oc {

namespace {

const QString FormatName = QStringLiteral("opencloner-usb-recording");

QJsonObject deviceToJson(const UsbDeviceId &id)
{
    QJsonObject object;
    object.insert(QStringLiteral("bus"), id.bus);
    object.insert(QStringLiteral("port"), id.portPath);
    object.insert(QStringLiteral("vid"), id.vid);
    object.insert(QStringLiteral("pid"), id.pid);
    object.insert(QStringLiteral("address"), id.address);
    object.insert(QStringLiteral("virtual"), id.isVirtual);
    return object;
}

UsbDeviceId deviceFromJson(const QJsonObject &object)
{
    UsbDeviceId id;
    id.bus = quint8(object.value(QStringLiteral("bus")).toInt());
    id.portPath = object.value(QStringLiteral("port")).toString();
    id.vid = quint16(object.value(QStringLiteral("vid")).toInt());
    id.pid = quint16(object.value(QStringLiteral("pid")).toInt());
    id.address = quint8(object.value(QStringLiteral("address")).toInt());
    id.isVirtual = object.value(QStringLiteral("virtual")).toBool();
    return id;
}

Error fileError(const QFile &file, const QString &what)
{
    return makeError(ErrorCode::InputFile,
                     QStringLiteral("%1 %2: %3").arg(what, file.fileName(), file.errorString()));
}

Result<QJsonObject> parseLine(const QByteArray &line, int lineNumber)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (!document.isObject()) {
        const QString why = parseError.error == QJsonParseError::NoError ? QStringLiteral("not an object")
                                                                         : parseError.errorString();
        return makeError(ErrorCode::InputFile, QStringLiteral("line %1: %2").arg(lineNumber).arg(why));
    }
    return document.object();
}

} // namespace

Status RecordingFile::create(const QString &path, const UsbDeviceId &device)
{
    m_file.close();
    m_file.setFileName(path);
    m_index = 0;
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fileError(m_file, QStringLiteral("cannot create recording"));
    QJsonObject header;
    header.insert(QStringLiteral("format"), FormatName);
    header.insert(QStringLiteral("version"), FormatVersion);
    header.insert(QStringLiteral("device"), deviceToJson(device));
    const QByteArray line = QJsonDocument(header).toJson(QJsonDocument::Compact) + '\n';
    if (m_file.write(line) != line.size() || !m_file.flush())
        return fileError(m_file, QStringLiteral("cannot write recording"));
    return {};
}

Status RecordingFile::append(const TransferRecord &record, qint64 inlineLimit)
{
    if (!m_file.isOpen())
        return makeError(ErrorCode::Internal, QStringLiteral("recording file is not open"));
    QJsonObject object = record.toJson(inlineLimit);
    object.insert(QStringLiteral("i"), m_index++);
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    if (m_file.write(line) != line.size() || !m_file.flush())
        return fileError(m_file, QStringLiteral("cannot write recording"));
    return {};
}

Result<Recording> RecordingFile::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fileError(file, QStringLiteral("cannot open recording"));
    Recording recording;
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        auto object = parseLine(line, lineNumber);
        if (!object)
            return std::move(object).error().withContext(path);
        if (lineNumber == 1) {
            if (object->value(QStringLiteral("format")).toString() != FormatName ||
                object->value(QStringLiteral("version")).toInt() != FormatVersion)
                return makeError(ErrorCode::InputFile, QStringLiteral("%1: not an OpenCloner USB recording "
                                                                      "(version %2)")
                                                           .arg(path)
                                                           .arg(FormatVersion));
            recording.device = deviceFromJson(object->value(QStringLiteral("device")).toObject());
            continue;
        }
        auto record = TransferRecord::fromJson(*object);
        if (!record)
            return std::move(record).error().withContext(
                QStringLiteral("%1: line %2").arg(path).arg(lineNumber));
        recording.transfers.append(std::move(*record));
    }
    if (lineNumber == 0)
        return makeError(ErrorCode::InputFile, QStringLiteral("%1: empty recording").arg(path));
    return recording;
}

} // namespace oc
