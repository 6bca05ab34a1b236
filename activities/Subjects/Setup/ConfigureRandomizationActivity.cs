using Ctms.Domain.Subjects.Randomization;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Subjects.Setup;

/// <summary>
/// The <c>configure-randomization</c> service task (O04): locks the randomization scheme the PI approved, as the user who
/// completed that step: the arms and ratios are fixed and the concealed lists generated from the seed. Nothing about the
/// lists or the seed becomes a process variable.
/// </summary>
[Activity("configure-randomization", Category = "Subjects",
    Description = "Lock the project's randomization scheme: lists generated from the seed and concealed; no change after.",
    Inputs = ["projectId: the project (by default the business key)"],
    Outputs = ["randomizationMethod: the scheme's method", "randomizationLocked: true once locked"])]
public sealed class ConfigureRandomizationActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var scheme = await mediator.Send(new LockRandomization(ActivityInputs.RequiredProjectId(context)), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["randomizationMethod"] = scheme.Method ?? "",
            ["randomizationLocked"] = true,
        });
    }
}
