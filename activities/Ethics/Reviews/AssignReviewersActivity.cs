using Ctms.Domain.Ethics.Reviews;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Ethics.Reviews;

/// <summary>The <c>assign-reviewers</c> service task (P06, A02, A03): the expedited track with its primary reviewers.</summary>
[Activity("assign-reviewers", Category = "Ethics",
    Description = "Put the review on the expedited track with its primary reviewers (voting members in term, never one with a conflict of interest).",
    Inputs = ["reviewId: the review", "reviewers: the reviewers' user names (a list)"],
    Outputs = ["reviewers: the assigned user names", "reviewStatus: InExpeditedReview"])]
public sealed class AssignReviewersActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var reviewers = await mediator.Send(new AssignReviewers(EthicsInputs.RequiredReviewId(context), ActivityInputs.Strings(context, "reviewers")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["reviewers"] = reviewers.Select(r => (object?)r).ToList(),
            ["reviewStatus"] = "InExpeditedReview",
        });
    }
}
