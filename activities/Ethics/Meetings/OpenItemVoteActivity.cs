using Ctms.Domain.Ethics.Meetings;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Ethics.Meetings;

/// <summary>The <c>open-item-vote</c> service task: opens the vote on an agenda item and names its voters.</summary>
[Activity("open-item-vote", Category = "Ethics",
    Description = "Open the vote on an agenda item: the voters are the members present with a voting seat who are not recused.",
    Inputs = ["itemId: the agenda item"],
    Outputs =
    [
        "voters: the user names of the voters (the vote's input collection)",
        "decisiveVotes: how many votes for one option settle the item under the committee's rule",
        "reviewId: the review on the agenda", "projectId: its project",
    ])]
public sealed class OpenItemVoteActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var vote = await mediator.Send(new OpenItemVote(MeetingInputs.ItemId(context)), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["voters"] = vote.Voters.Select(v => (object?)v).ToList(),
            ["decisiveVotes"] = vote.DecisiveVotes,
            ["reviewId"] = vote.ReviewId.ToString(),
            ["projectId"] = vote.ProjectId.ToString(),
        });
    }
}
