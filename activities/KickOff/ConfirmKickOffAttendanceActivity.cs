using Ctms.Domain.KickOff;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.KickOff;

/// <summary>
/// The <c>confirm-kickoff-attendance</c> service task: the user who completed the task before it (in P12, the sponsor's
/// CRA) confirms their attendance; a user who is not on the project's team is refused.
/// </summary>
[Activity("confirm-kickoff-attendance", Category = "Kick-off",
    Description = "The person completing the task confirms their attendance at the kick-off meeting (project members only).",
    Inputs = ["affiliation: their organisation, e.g. the CRO (optional)", "projectId: the project (by default the business key)"],
    Outputs = ["confirmedBy: who confirmed"])]
public sealed class ConfirmKickOffAttendanceActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var participant = await mediator.Send(new ConfirmKickOffAttendance(ActivityInputs.RequiredProjectId(context),
            ActivityInputs.OptionalString(context, "affiliation")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["confirmedBy"] = participant.UserName });
    }
}
