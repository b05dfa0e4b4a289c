#include "flashstep.h"

#include <QFileInfo>

namespace oc {

namespace {

QString hex(quint64 v)
{
    return QStringLiteral("0x%1").arg(v, 0, 16);
}

QString amount(quint64 length)
{
    return length ? QStringLiteral("%1 bytes").arg(length) : QStringLiteral("everything up to the end");
}

} // namespace

const char *stepKindName(StepKind kind)
{
    switch (kind) {
    case StepKind::Write:
        return "write";
    case StepKind::Read:
        return "read";
    case StepKind::Erase:
        return "erase";
    }
    return "write";
}

QString ImageRef::displayName() const
{
    if (entry.isEmpty())
        return QFileInfo(path).fileName();
    return QStringLiteral("%1 (in %2)").arg(entry, QFileInfo(path).fileName());
}

quint64 FlashStep::endOn(quint64 capacity) const
{
    if (length)
        return offset + length;
    return capacity ? capacity : quint64(1) << 32;
}

QString FlashStep::describe() const
{
    const QString where = partition.isEmpty() ? QString() : QStringLiteral(" (partition %1)").arg(partition);
    switch (kind) {
    case StepKind::Write:
        return QStringLiteral("write %1 at %2%3").arg(image.displayName(), hex(offset), where);
    case StepKind::Read:
        return QStringLiteral("read %1 at %2%3 into %4")
            .arg(amount(length), hex(offset), where, QFileInfo(outputPath).fileName());
    case StepKind::Erase:
        return QStringLiteral("erase %1 at %2%3").arg(amount(length), hex(offset), where);
    }
    return {};
}

} // namespace oc
