using System.Globalization;
using Ctms.Domain.KickOff;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.KickOff;

/// <summary>The <c>plan-kickoff-meeting</c> service task: plans (or moves) the project's kick-off meeting and invites its team.</summary>
[Activity("plan-kickoff-meeting", Category = "Kick-off",
    Description = "Plan the kick-off meeting of a contracted project (date, place or link); the study team is invited.",
    Inputs =
    [
        "meetingAt: date and time (YYYY-MM-DDTHH:mm, UTC unless an offset is given)",
        "location: the room or the meeting link",
        "projectId: the project (by default the business key)",
    ],
    Outputs = ["piUserName: the project's PI", "protocolNumber: the sponsor's protocol number", "participants: how many are invited"])]
public sealed class PlanKickOffMeetingActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var projectId = ActivityInputs.RequiredProjectId(context);
        var text = ActivityInputs.RequiredString(context, "meetingAt");
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var meetingAt))
        {
            throw new InvalidOperationException($"The service task {context.ElementId} needs 'meetingAt' as a date and time, not '{text}'.");
        }
        var kickOff = await mediator.Send(new PlanKickOffMeeting(projectId, meetingAt, ActivityInputs.RequiredString(context, "location")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["piUserName"] = kickOff.PiUserName,
            ["protocolNumber"] = kickOff.ProtocolNumber,
            ["participants"] = kickOff.Participants.Count,
        });
    }
}
