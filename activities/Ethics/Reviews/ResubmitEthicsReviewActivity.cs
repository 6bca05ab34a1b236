using Ctms.Domain.Ethics.Reviews;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Ethics.Reviews;

/// <summary>The <c>resubmit-ethics-review</c> service task (P06): the revised submission, with the current protocol and consent, is back in formal review.</summary>
[Activity("resubmit-ethics-review", Category = "Ethics",
    Description = "Resubmit a returned review: it takes the project's current protocol and consent versions and is back in formal review.",
    Inputs = ["reviewId: the review", "revisionNote: what the submitter changed"], Outputs = ["reviewStatus: its status"])]
public sealed class ResubmitEthicsReviewActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var status = await mediator.Send(new ResubmitEthicsReview(EthicsInputs.RequiredReviewId(context),
            ActivityInputs.OptionalString(context, "revisionNote") ?? ""), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["reviewStatus"] = status.ToString() });
    }
}
