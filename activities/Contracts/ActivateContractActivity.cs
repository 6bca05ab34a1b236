using Ctms.Domain.Contracts;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Contracts;

/// <summary>The <c>activate-contract</c> service task (P11): the fully signed contract is effective and the project Contracted.</summary>
[Activity("activate-contract", Category = "Contracts",
    Description = "Make the fully signed contract effective (budget revision 1) and the project Contracted; refused while a signature is missing.",
    Inputs = ["projectId: the project (by default the business key)"],
    Outputs = ["contractStatus: Signed", "budgetTotal: the effective budget's total", "budgetRevision: 1"])]
public sealed class ActivateContractActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var contract = await mediator.Send(new ActivateContract(ActivityInputs.RequiredProjectId(context)), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["contractStatus"] = contract.Status,
            ["budgetTotal"] = contract.Total,
            ["budgetRevision"] = contract.EffectiveRevision,
        });
    }
}
