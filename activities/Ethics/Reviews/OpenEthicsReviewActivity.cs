using Ctms.Domain.Ethics.Reviews;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Ethics.Reviews;

/// <summary>The <c>open-ethics-review</c> service task (P05): the project's current protocol and consent go to the ethics committee as an initial review.</summary>
[Activity("open-ethics-review", Category = "Ethics",
    Description = "Submit the project to the ethics committee: an initial review with its current protocol and informed consent versions.",
    Inputs = ["projectId: the project (by default the business key)", "committeeId: the committee (optional when there is one)", "summary: the applicant's summary"],
    Outputs = ["reviewId: the new review", "submitterUserName: who submitted it", "reviewTitle: its title", "reviewStatus: its status"])]
public sealed class OpenEthicsReviewActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var review = await mediator.Send(new SubmitEthicsApplication(ActivityInputs.RequiredProjectId(context), EthicsInputs.OptionalGuid(context, "committeeId"),
            ActivityInputs.OptionalString(context, "summary")), ct);
        return ActivityResult.Complete(EthicsInputs.Submitted(review));
    }
}
