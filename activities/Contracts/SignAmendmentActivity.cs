using Ctms.Domain.Contracts;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Contracts;

/// <summary>The <c>sign-amendment</c> service task (A07): the signature of the user who completed the signing task, for the party the process names.</summary>
[Activity("sign-amendment", Category = "Contracts",
    Description = "Sign the approved amendment for the hospital or the sponsor as the user who completed the task.",
    Inputs = ["amendmentId: the amendment", "party: Hospital or Sponsor", "meaning: what the signature means (optional)"],
    Outputs = ["amendmentStatus: Effective once both signed"])]
public sealed class SignAmendmentActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var amendmentId = ContractInputs.AmendmentId(context);
        var contract = await mediator.Send(new SignAmendment(ActivityInputs.RequiredProjectId(context), amendmentId,
            ActivityInputs.RequiredString(context, "party"), ActivityInputs.OptionalString(context, "meaning")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["amendmentStatus"] = contract.Amendments.Single(a => a.Id == amendmentId).Status });
    }
}
