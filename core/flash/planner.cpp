#include "planner.h"

#include "imagesource.h"

namespace oc {

Result<FlashPlan> makePlan(const PlanRequest &request, TargetProfile target, VendorImages images)
{
    FlashPlan plan;
    plan.op = request.op;
    plan.target = std::move(target);
    plan.images = std::move(images);
    plan.imagePath = request.imagePath;
    plan.outputPath = request.outputPath;
    plan.offset = request.offset;
    plan.length = request.length;
    plan.erase = request.erase;
    plan.verify = request.verify;
    plan.reboot = request.op != Operation::Boot && request.reboot;
    if (request.writeChunk > 0)
        plan.target.writeChunk = request.writeChunk;
    if (request.readChunk > 0)
        plan.target.readChunk = request.readChunk;
    if (plan.op == Operation::Write || plan.op == Operation::Verify) {
        auto image = FileImageSource::open(plan.imagePath);
        if (!image)
            return std::move(image).error();
        plan.imageSize = (*image)->size();
    }
    OC_TRY(validatePlan(plan));
    plan.stages = planStages(plan);
    return plan;
}

} // namespace oc
