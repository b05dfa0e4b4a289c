#include "usbtransport.h"

namespace oc {

namespace {
constexpr quint8 VendorOut = 0x40;
constexpr quint8 VendorIn = 0xC0;

QString shortTransfer(const char *what, int moved, qsizetype wanted)
{
    return QStringLiteral("%1: short transfer, %2 of %3 bytes")
        .arg(QLatin1String(what))
        .arg(moved)
        .arg(wanted);
}
} // namespace

Result<int> UsbTransport::controlIn(quint8 request, quint16 value, quint16 index, std::span<quint8> data,
                                    Milliseconds timeout)
{
    const ControlSetup setup{VendorIn, request, value, index, quint16(data.size())};
    return control(setup, data, timeout);
}

Status UsbTransport::controlOut(quint8 request, quint16 value, quint16 index, std::span<const quint8> data,
                                Milliseconds timeout)
{
    const ControlSetup setup{VendorOut, request, value, index, quint16(data.size())};
    // control() takes a mutable span for both directions; OUT data is never written to.
    std::span<quint8> buffer(const_cast<quint8 *>(data.data()), data.size());
    auto sent = control(setup, buffer, timeout);
    if (!sent)
        return std::move(sent).error();
    if (qsizetype(*sent) != qsizetype(data.size())) {
        Error error = makeError(ErrorCode::Transfer, shortTransfer("control OUT", *sent, data.size()));
        error.offset = *sent;
        return error;
    }
    return {};
}

Status UsbTransport::bulkOut(std::span<const quint8> data, Milliseconds timeout)
{
    std::span<quint8> buffer(const_cast<quint8 *>(data.data()), data.size());
    auto sent = bulk(BulkOutEndpoint, buffer, timeout);
    if (!sent)
        return std::move(sent).error();
    if (qsizetype(*sent) != qsizetype(data.size())) {
        Error error = makeError(ErrorCode::Transfer, shortTransfer("bulk OUT", *sent, data.size()));
        error.offset = *sent;
        return error;
    }
    return {};
}

Status UsbTransport::bulkIn(std::span<quint8> data, Milliseconds timeout)
{
    auto received = bulk(BulkInEndpoint, data, timeout);
    if (!received)
        return std::move(received).error();
    if (qsizetype(*received) != qsizetype(data.size())) {
        Error error = makeError(ErrorCode::Transfer, shortTransfer("bulk IN", *received, data.size()));
        error.offset = *received;
        return error;
    }
    return {};
}

} // namespace oc
