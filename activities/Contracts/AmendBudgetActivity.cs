using Ctms.Domain.Contracts;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Contracts;

/// <summary>The <c>amend-budget</c> service task (A07): the signed amendment is the contract's new effective budget revision.</summary>
[Activity("amend-budget", Category = "Contracts",
    Description = "Apply the signed amendment as the contract's new effective budget revision; refused while a signature is missing.",
    Inputs = ["amendmentId: the amendment"],
    Outputs = ["budgetRevision: the new revision's number", "budgetTotal: the effective budget's total"])]
public sealed class AmendBudgetActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var contract = await mediator.Send(new ApplyAmendment(ActivityInputs.RequiredProjectId(context), ContractInputs.AmendmentId(context)), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["budgetRevision"] = contract.EffectiveRevision,
            ["budgetTotal"] = contract.Total,
        });
    }
}
