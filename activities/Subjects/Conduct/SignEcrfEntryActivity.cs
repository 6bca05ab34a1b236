using Ctms.Domain.Subjects.Ecrf;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Subjects.Conduct;

/// <summary>
/// The <c>sign-ecrf-entry</c> service task of O13, after the investigator's signed sign-off task: signs the entry with the
/// task's signature ("I confirm this page's data"). Refused while a query of the page is not closed.
/// </summary>
[Activity("sign-ecrf-entry", Category = "Subjects",
    Description = "Sign an e-CRF entry off with the signature of the signed task before it (O13; PI or sub-investigator).",
    Inputs = ["entryId: the e-CRF entry"],
    Outputs = ["entryStatus: the entry's status"])]
public sealed class SignEcrfEntryActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var entry = await mediator.Send(new SignEcrfEntry(ConductInputs.RequiredId(context, "entryId")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["entryStatus"] = entry.Status.ToString() });
    }
}
