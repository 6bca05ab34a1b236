using Ctms.Domain.Ethics.Meetings;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Ethics.Meetings;

/// <summary>The <c>draft-minutes</c> service task: drafts the minutes from attendance, recusals, votes, outcomes and notes.</summary>
[Activity("draft-minutes", Category = "Ethics",
    Description = "Draft the meeting's minutes from the attendance, the recusals, the votes, the outcomes and the discussion notes.",
    Inputs = ["meetingId: the meeting (by default the business key)"],
    Outputs = ["minutes: the draft, for the secretary to edit"])]
public sealed class DraftMinutesActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct) =>
        ActivityResult.Complete(new Dictionary<string, object?> { ["minutes"] = await mediator.Send(new DraftMinutes(MeetingInputs.MeetingId(context)), ct) });
}
