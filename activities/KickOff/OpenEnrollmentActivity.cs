using Ctms.Domain.KickOff;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.KickOff;

/// <summary>
/// The <c>open-enrollment</c> service task: the PI's sign-off of the kick-off meeting, which moves the project
/// Contracted → Enrolling. While something is missing (minutes, the PI's attendance, a team member's protocol training)
/// nothing changes and the task says what, so the process can send the meeting record back (P12's revision loop).
/// </summary>
[Activity("open-enrollment", Category = "Kick-off",
    Description = "Sign the kick-off meeting off and open enrollment (Contracted → Enrolling), or say what is missing.",
    Inputs = ["projectId: the project (by default the business key)"],
    Outputs =
    [
        "enrollmentOpened: true when signed off and enrolling",
        "signOffProblems: what is missing, as one text (empty when signed off)",
    ])]
public sealed class OpenEnrollmentActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var projectId = ActivityInputs.RequiredProjectId(context);
        var kickOff = await mediator.Send(new GetKickOff(projectId), ct);
        if (kickOff.Missing.Count > 0)
        {
            return ActivityResult.Complete(new Dictionary<string, object?>
            {
                ["enrollmentOpened"] = false,
                ["signOffProblems"] = string.Join("; ", kickOff.Missing),
            });
        }
        await mediator.Send(new SignOffKickOff(projectId), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["enrollmentOpened"] = true, ["signOffProblems"] = "" });
    }
}
