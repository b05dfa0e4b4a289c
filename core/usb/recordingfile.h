#pragma once

#include "transferrecord.h"

#include <QFile>
#include <QList>

namespace oc {

// A recording on disk, in JSON Lines: a header line
//   {"format":"opencloner-usb-recording","version":1,"device":{...}}
// followed by one TransferRecord::toJson() object per line, in transfer order.
struct Recording
{
    UsbDeviceId device;
    QList<TransferRecord> transfers;
};

// Writes a recording line by line (each line is flushed, so a crash leaves a readable prefix) and
// reads one back. Not thread-safe: the owner serialises calls.
class RecordingFile
{
public:
    static constexpr int FormatVersion = 1;

    // Creates (truncates) `path` and writes the header.
    Status create(const QString &path, const UsbDeviceId &device);
    Status append(const TransferRecord &record, qint64 inlineLimit);
    bool isOpen() const { return m_file.isOpen(); }
    QString path() const { return m_file.fileName(); }

    static Result<Recording> load(const QString &path);

private:
    QFile m_file;
    qint64 m_index = 0;
};

} // namespace oc
