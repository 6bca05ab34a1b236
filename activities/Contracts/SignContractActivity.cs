using Ctms.Domain.Contracts;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Contracts;

/// <summary>The <c>sign-contract</c> service task (P11): the signature of the user who completed the signing task, for the party the process names.</summary>
[Activity("sign-contract", Category = "Contracts",
    Description = "Sign the reviewed contract for a party as the user who completed the task (the signed content's SHA-256 is kept).",
    Inputs = ["party: Hospital, Sponsor or PrincipalInvestigator", "meaning: what the signature means (optional)"],
    Outputs = ["contractStatus: Signed once every party signed"])]
public sealed class SignContractActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var contract = await mediator.Send(new SignContract(ActivityInputs.RequiredProjectId(context), ActivityInputs.RequiredString(context, "party"),
            ActivityInputs.OptionalString(context, "meaning")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["contractStatus"] = contract.Status });
    }
}
