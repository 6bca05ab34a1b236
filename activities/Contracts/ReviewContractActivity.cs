using Ctms.Domain.Contracts;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Contracts;

/// <summary>The <c>review-contract</c> service task (P10): records the review the task's user just made, in the role the process names.</summary>
[Activity("review-contract", Category = "Contracts",
    Description = "Record a reviewer's decision on the contract's review round; when all three decided the round closes.",
    Inputs = ["reviewAs: cti-secretary, finance-officer or pi", "decision: Approve or RequestChanges", "comment: the changes asked for"],
    Outputs = ["contractStatus: UnderReview until all decided, then ReadyToSign or ChangesRequested"])]
public sealed class ReviewContractActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var contract = await mediator.Send(new ReviewContract(ActivityInputs.RequiredProjectId(context), ActivityInputs.RequiredString(context, "decision"),
            ActivityInputs.OptionalString(context, "comment"), ActivityInputs.RequiredString(context, "reviewAs")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["contractStatus"] = contract.Status });
    }
}
