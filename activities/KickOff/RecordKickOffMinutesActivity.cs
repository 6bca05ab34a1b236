using Ctms.Domain.KickOff;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.KickOff;

/// <summary>The <c>record-kickoff-minutes</c> service task: stores the minutes of the kick-off meeting, which is then held.</summary>
[Activity("record-kickoff-minutes", Category = "Kick-off",
    Description = "Record the minutes of the kick-off meeting (the meeting is then held).",
    Inputs = ["minutes: the minutes as text", "projectId: the project (by default the business key)"],
    Outputs = ["missing: what still stands in the way of the sign-off (a list, empty when ready)"])]
public sealed class RecordKickOffMinutesActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var kickOff = await mediator.Send(new RecordKickOffMinutes(ActivityInputs.RequiredProjectId(context),
            ActivityInputs.RequiredString(context, "minutes"), null), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["missing"] = kickOff.Missing.ToList<object?>() });
    }
}
