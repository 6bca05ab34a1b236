using Ctms.Domain.Ethics.Reviews;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Ethics.Reviews;

/// <summary>The <c>suggest-reviewers</c> service task (P06, A02, A03): the ranked members the secretary's form offers as primary reviewers.</summary>
[Activity("suggest-reviewers", Category = "Ethics",
    Description = "Rank the committee's members for a review by expertise match and open reviews; members with a conflict of interest are left out.",
    Inputs = ["reviewId: the review"],
    Outputs = ["reviewerOptions: the options of the assignment form (label with score, value the user name)", "suggestedReviewers: the best two user names"])]
public sealed class SuggestReviewersActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var suggestions = await mediator.Send(new SuggestReviewers(EthicsInputs.RequiredReviewId(context), AsProcessStep: true), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["reviewerOptions"] = suggestions.Select(s => (object?)new Dictionary<string, object?> { ["label"] = s.Label, ["value"] = s.UserName }).ToList(),
            ["suggestedReviewers"] = suggestions.Take(2).Select(s => (object?)s.UserName).ToList(),
        });
    }
}
