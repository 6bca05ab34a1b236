using Ctms.Domain.Contracts;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Contracts;

/// <summary>The <c>propose-amendment</c> service task (A07): the CTI office's proposed budget, new or proposed again after changes were requested.</summary>
[Activity("propose-amendment", Category = "Contracts",
    Description = "Propose an amendment of the signed contract's budget (its totals computed on the server), or propose it again.",
    Inputs = ["amendmentReason: why the budget changes", "lines: the complete new budget", "effectiveFrom: the day it takes effect (optional)"],
    Outputs = ["amendmentId: the amendment", "amendmentTotal: its budget's total", "amendmentStatus: Proposed"])]
public sealed class ProposeAmendmentActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var effectiveFrom = ActivityInputs.OptionalString(context, "effectiveFrom") is { Length: > 0 } day ? DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture) : (DateOnly?)null;
        var contract = await mediator.Send(new ProposeAmendment(ActivityInputs.RequiredProjectId(context), ActivityInputs.RequiredString(context, "amendmentReason"),
            ContractInputs.Lines(context, "lines"), effectiveFrom), ct);
        var amendment = contract.Amendments.Single(a => a.Status == nameof(AmendmentStatus.Proposed));
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["amendmentId"] = amendment.Id.ToString(),
            ["amendmentTotal"] = amendment.Total,
            ["amendmentStatus"] = amendment.Status,
        });
    }
}
