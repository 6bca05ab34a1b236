using Ctms.Domain.Subjects.Protocol;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Subjects.Setup;

/// <summary>
/// The <c>release-ecrf</c> service task (O03): releases the draft of the e-CRF page <c>pageCode</c> for data entry once
/// the PI reviewed it, as the user who completed that step; the version released before is superseded.
/// </summary>
[Activity("release-ecrf", Category = "Subjects",
    Description = "Release the draft of an e-CRF page for data entry (the previous release is superseded).",
    Inputs = ["pageCode: the e-CRF page's code", "projectId: the project (by default the business key)"],
    Outputs = ["pageVersion: the version released"])]
public sealed class ReleaseEcrfActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var page = await mediator.Send(new ReleaseEcrfPage(ActivityInputs.RequiredProjectId(context),
            ActivityInputs.RequiredString(context, "pageCode")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["pageVersion"] = page.Version });
    }
}
