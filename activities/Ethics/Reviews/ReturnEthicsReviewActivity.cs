using Ctms.Domain.Ethics.Reviews;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Ethics.Reviews;

/// <summary>The <c>return-ethics-review</c> service task (P06): the incomplete submission goes back to its submitter with the reason.</summary>
[Activity("return-ethics-review", Category = "Ethics", Description = "Return an incomplete submission to its submitter with the reason.",
    Inputs = ["reviewId: the review", "formalReviewComments: the reason"], Outputs = ["reviewStatus: its status"])]
public sealed class ReturnEthicsReviewActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var status = await mediator.Send(new ReturnEthicsReview(EthicsInputs.RequiredReviewId(context),
            ActivityInputs.OptionalString(context, "formalReviewComments") ?? ""), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["reviewStatus"] = status.ToString() });
    }
}
