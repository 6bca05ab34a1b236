using Ctms.Domain.Ethics.Meetings;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Ethics.Meetings;

/// <summary>
/// The <c>check-quorum</c> service task: opens the meeting when the attendance meets the committee's quorum and recuses
/// conflicted members; below quorum the completion of the task before it is refused, naming the rules that failed.
/// </summary>
[Activity("check-quorum", Category = "Ethics",
    Description = "Open the meeting if the members present meet the committee's quorum (refused otherwise, with the rules that failed); recuse members with a conflict of interest from their items.",
    Inputs = ["meetingId: the meeting (by default the business key)"],
    Outputs = ["items: the agenda items to vote on, in order (ids)"])]
public sealed class CheckQuorumActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var items = await mediator.Send(new OpenMeeting(MeetingInputs.MeetingId(context)), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["items"] = items.Select(i => (object?)i.ToString()).ToList() });
    }
}
