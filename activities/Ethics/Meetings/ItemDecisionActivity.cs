using Ctms.Domain.Ethics.Meetings;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Ethics.Meetings;

/// <summary>The <c>item-decision</c> service task: reads what a decided agenda item hands to the decision (P09).</summary>
[Activity("item-decision", Category = "Ethics",
    Description = "Read a decided agenda item's review, project, outcome and conditions for the committee's decision (P09).",
    Inputs = ["itemId: the decided agenda item"],
    Outputs = ["reviewId", "projectId", "outcome: approve, approve-with-modifications, revise-and-resubmit or disapprove", "conditions"])]
public sealed class ItemDecisionActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var decision = await mediator.Send(new GetItemDecision(MeetingInputs.ItemId(context)), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["reviewId"] = decision.ReviewId.ToString(),
            ["projectId"] = decision.ProjectId.ToString(),
            ["outcome"] = decision.Outcome,
            ["conditions"] = decision.Conditions,
        });
    }
}
