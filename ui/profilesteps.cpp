#include "profilesteps.h"

#include "texts.h"

#include "core/catalog/boardprofile.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace oc::ui {

namespace {
class ProfileStepTexts
{
    Q_DECLARE_TR_FUNCTIONS(ProfileStepTexts)
public:
    static QString write(const QString &file, quint64 offset)
    {
        return tr("%1 at %2").arg(file, Texts::hex(offset));
    }
    static QString read(quint64 length, quint64 offset, const QString &file)
    {
        return tr("read %1 at %2 into %3")
            .arg(length ? Texts::size(qint64(length)) : tr("to the end"), Texts::hex(offset), file);
    }
};
} // namespace

ProfileSteps profileSteps(const catalog::BoardProfile &board)
{
    ProfileSteps result;
    for (const catalog::BoardStep &s : board.steps) {
        if (s.kind == catalog::StepKind::Write && s.path.isEmpty()) {
            result.missing << s.label;
            continue;
        }
        StepRequest step;
        step.kind = s.kind == catalog::StepKind::Write ? StepKind::Write : StepKind::Read;
        step.path = s.path;
        step.offset = s.offset;
        step.length = s.length;
        step.label = s.label;
        result.steps << step;
        const QString file = QFileInfo(s.path).fileName();
        result.descriptions << (step.kind == StepKind::Write
                                    ? ProfileStepTexts::write(file, s.offset)
                                    : ProfileStepTexts::read(s.length, s.offset, file));
    }
    return result;
}

} // namespace oc::ui
