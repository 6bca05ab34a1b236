using Ctms.Domain.Ethics.Reviews;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Ethics.Reviews;

/// <summary>The <c>start-ethics-formal-review</c> service task (P06): the submitted review enters the EC secretary's formal review.</summary>
[Activity("start-ethics-formal-review", Category = "Ethics", Description = "The submitted review enters the EC secretary's formal review.",
    Inputs = ["reviewId: the review"], Outputs = ["reviewStatus: its status"])]
public sealed class StartEthicsFormalReviewActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var status = await mediator.Send(new StartEthicsFormalReview(EthicsInputs.RequiredReviewId(context)), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["reviewStatus"] = status.ToString() });
    }
}
