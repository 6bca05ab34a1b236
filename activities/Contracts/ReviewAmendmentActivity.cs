using Ctms.Domain.Contracts;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Contracts;

/// <summary>The <c>review-amendment</c> service task (A07): finance's review or the CTI director's approval the task's user just made.</summary>
[Activity("review-amendment", Category = "Contracts",
    Description = "Record finance's review or the CTI director's approval of the open amendment.",
    Inputs = ["amendmentId: the amendment", "reviewAs: finance-officer or cti-director", "decision: Approve or RequestChanges", "comment"],
    Outputs = ["amendmentStatus: FinanceApproved, Approved or ChangesRequested"])]
public sealed class ReviewAmendmentActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var amendmentId = ContractInputs.AmendmentId(context);
        var contract = await mediator.Send(new ReviewAmendment(ActivityInputs.RequiredProjectId(context), amendmentId,
            ActivityInputs.RequiredString(context, "decision"), ActivityInputs.OptionalString(context, "comment"),
            ActivityInputs.RequiredString(context, "reviewAs")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["amendmentStatus"] = contract.Amendments.Single(a => a.Id == amendmentId).Status });
    }
}
