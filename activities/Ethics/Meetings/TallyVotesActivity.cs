using Ctms.Domain.Ethics.Meetings;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Ethics.Meetings;

/// <summary>The <c>tally-votes</c> service task: records the cancelled votes and sets the item's outcome by the committee's rule.</summary>
[Activity("tally-votes", Category = "Ethics",
    Description = "Tally an item's votes: votes still open are recorded as cancelled; the option with the committee's majority is the outcome, else the item is deferred.",
    Inputs = ["itemId: the agenda item", "voters: the user names the vote was opened for"],
    Outputs = ["outcome: the outcome in the decision's words, or null when the item was deferred", "conditions: what approval with modifications asks for"])]
public sealed class TallyVotesActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var tally = await mediator.Send(new TallyVotes(MeetingInputs.ItemId(context), ActivityInputs.Strings(context, "voters")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["outcome"] = tally.Outcome, ["conditions"] = tally.Conditions });
    }
}
