using Ctms.Domain.Common;
using Ctms.Domain.Ethics.Meetings;
using Ctms.Domain.Ethics.Model;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Ethics.Meetings;

/// <summary>
/// The <c>record-vote</c> service task, right after the member's signed vote task: records the vote and signs it with the
/// password the member re-entered; a vote the committee's rules refuse rolls the whole completion back.
/// </summary>
[Activity("record-vote", Category = "Ethics",
    Description = "Record the member's vote on the agenda item and sign it (the task before it must be a signed task).",
    Inputs = ["itemId: the agenda item", "option: approve, approve-with-modifications, revise-and-resubmit, disapprove or abstain", "comment: optional"],
    Outputs = ["vote: the option, for the tally's completion condition"])]
public sealed class RecordVoteActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var name = ActivityInputs.OptionalString(context, "option");
        if (!EthicsNames.TryParseVote(name, out var option))
        {
            throw DomainValidationException.For("option", $"'{name}' is not a vote: choose one of {EthicsNames.AllVotes}.");
        }
        var vote = await mediator.Send(new CastVote(MeetingInputs.ItemId(context), option, ActivityInputs.OptionalString(context, "comment")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["vote"] = EthicsNames.Of(vote.Option!.Value) });
    }
}
