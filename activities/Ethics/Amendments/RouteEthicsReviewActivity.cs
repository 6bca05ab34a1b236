using Ctms.Domain.Ethics.Amendments;
using Ctms.Domain.Ethics.Model;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Ethics.Amendments;

/// <summary>The <c>route-ethics-review</c> service task: after the EC secretary's formal review, the review goes to its track.</summary>
[Activity("route-ethics-review", Category = "Ethics",
    Description = "Send a complete review (amendment, yearly report) to the expedited track (primary reviewer and chair) or to the full board's next meeting.",
    Inputs = ["reviewId: the ethics review", "track: 'expedited' or 'full-board'"],
    Outputs = ["reviewStatus: InExpeditedReview or AwaitingMeeting"])]
public sealed class RouteEthicsReviewActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var track = ActivityInputs.RequiredString(context, "track") switch
        {
            "expedited" => ReviewTrack.Expedited,
            "full-board" => ReviewTrack.FullBoard,
            var other => throw new InvalidOperationException($"The service task {context.ElementId} needs track 'expedited' or 'full-board', not '{other}'."),
        };
        var routed = await mediator.Send(new RouteReview(EthicsInputs.RequiredId(context, "reviewId"), track), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["reviewStatus"] = routed.Status });
    }
}
