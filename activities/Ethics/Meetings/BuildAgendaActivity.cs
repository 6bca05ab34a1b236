using Ctms.Domain.Ethics.Meetings;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Ethics.Meetings;

/// <summary>The <c>build-agenda</c> service task: every review of the committee awaiting a full board goes on the meeting's agenda.</summary>
[Activity("build-agenda", Category = "Ethics",
    Description = "Put every review of the meeting's committee that awaits a full-board meeting on its agenda, the longest waiting first.",
    Inputs = ["meetingId: the meeting (by default the business key)"],
    Outputs = ["committeeId: the meeting's committee", "agendaItems: how many items the agenda has"])]
public sealed class BuildAgendaActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var meeting = await mediator.Send(new BuildAgenda(MeetingInputs.MeetingId(context)), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["committeeId"] = meeting.CommitteeId.ToString(),
            ["agendaItems"] = meeting.Items.Count,
        });
    }
}
