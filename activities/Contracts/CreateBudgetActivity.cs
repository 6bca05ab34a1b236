using Ctms.Domain.Contracts;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Contracts;

/// <summary>The <c>create-budget</c> service task (P10): drafts (or redrafts) the contract with its budget lines and sends it to review.</summary>
[Activity("create-budget", Category = "Contracts",
    Description = "Draft the project's contract with the budget lines of the form (totals computed on the server) and send it to review.",
    Inputs =
    [
        "contractTitle: the contract's title",
        "lines: the budget lines (kind, description, unitAmount, quantity)",
        "sponsorParty, croParty, hospitalParty, currency: optional terms (default: the project's sponsor and CRO, CNY)",
        "projectId: the project (by default the business key)",
    ],
    Outputs = ["contractId: the contract", "projectId: the project", "budgetTotal: the budget's total", "contractStatus: UnderReview", "piUserName, applicantUserName: who reviews and signs"])]
public sealed class CreateBudgetActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var contract = await mediator.Send(new DraftContract(ActivityInputs.RequiredProjectId(context), ActivityInputs.RequiredString(context, "contractTitle"),
            ActivityInputs.OptionalString(context, "sponsorParty"), ActivityInputs.OptionalString(context, "croParty"),
            ActivityInputs.OptionalString(context, "hospitalParty"), ActivityInputs.OptionalString(context, "currency"),
            ContractInputs.Lines(context, "lines"), SubmitForReview: true), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["contractId"] = contract.Id.ToString(),
            ["projectId"] = contract.ProjectId.ToString(),
            ["budgetTotal"] = contract.Total,
            ["contractStatus"] = contract.Status,
            ["piUserName"] = contract.PiUserName,
            ["applicantUserName"] = contract.ApplicantUserName,
        });
    }
}
