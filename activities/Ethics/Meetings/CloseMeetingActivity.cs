using Ctms.Domain.Ethics.Meetings;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Ethics.Meetings;

/// <summary>The <c>close-meeting</c> service task: stores the minutes and closes the meeting; votes are refused from then on.</summary>
[Activity("close-meeting", Category = "Ethics",
    Description = "Store the minutes and close the meeting; the decided items go to the decision (P09).",
    Inputs = ["meetingId: the meeting (by default the business key)", "minutes: the minutes as the secretary edited them"],
    Outputs = ["decidedItems: the decided agenda items (ids), in order"])]
public sealed class CloseMeetingActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var decided = await mediator.Send(new CloseMeeting(MeetingInputs.MeetingId(context), ActivityInputs.RequiredString(context, "minutes")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["decidedItems"] = decided.Select(i => (object?)i.ToString()).ToList() });
    }
}
