#pragma once

#include "recordingfile.h"
#include "usbtransport.h"

#include <QMutex>

#include <memory>

namespace oc {

// The choke point of architecture rule 2: a decorator over any UsbTransport that records every
// transfer (setup or endpoint, OUT data, IN data, result or error, duration) in memory and, if
// asked, in a JSON Lines file (see RecordingFile). In memory every payload is kept exactly; in the
// file payloads longer than Options::inlineLimit are reduced to length + SHA-256.
//
// Threading: like any UsbTransport, one thread transfers at a time; records() may be called from any
// thread at any time (it copies under a lock). A file write error never fails a transfer: it is
// logged once, the file stops growing and fileError() reports it.
class RecordingTransport final : public UsbTransport
{
public:
    struct Options
    {
        QString filePath;          // empty: memory only
        qint64 inlineLimit = 4096; // file: payloads up to this many bytes are written as hex; <0: all
        bool keepInMemory = true;  // false: file only (long sessions)
    };

    // Fails only when the file cannot be created.
    static Result<std::unique_ptr<RecordingTransport>> create(std::unique_ptr<UsbTransport> inner,
                                                              Options options);
    explicit RecordingTransport(std::unique_ptr<UsbTransport> inner); // memory only

    Result<int> control(const ControlSetup &setup, std::span<quint8> data, Milliseconds timeout) override;
    Result<int> bulk(quint8 endpoint, std::span<quint8> data, Milliseconds timeout) override;
    UsbDeviceId deviceId() const override;

    QList<TransferRecord> records() const;
    qsizetype count() const;
    std::optional<Error> fileError() const;
    UsbTransport &inner() { return *m_inner; }

private:
    RecordingTransport(std::unique_ptr<UsbTransport> inner, Options options);
    void store(TransferRecord record);

    std::unique_ptr<UsbTransport> m_inner;
    Options m_options;
    RecordingFile m_file;
    mutable QMutex m_mutex;
    QList<TransferRecord> m_records;
    qsizetype m_count = 0;
    std::optional<Error> m_fileError;
};

} // namespace oc
