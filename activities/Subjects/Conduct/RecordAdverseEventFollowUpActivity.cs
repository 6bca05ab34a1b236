using Ctms.Domain.Subjects.Safety;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Subjects.Conduct;

/// <summary>
/// The <c>record-adverse-event-follow-up</c> service task of O14, after the investigator's follow-up task: records the
/// outcome now, the grade if it changed and the note; <c>resolved</c> tells the process whether the event is still ongoing.
/// </summary>
[Activity("record-adverse-event-follow-up", Category = "Subjects",
    Description = "Record a follow-up of an adverse event (O14): outcome, grade if changed, note; resolved when the outcome is no longer Ongoing.",
    Inputs = ["adverseEventId: the adverse event", "outcome: Ongoing, Recovered, RecoveredWithSequelae, Fatal or Unknown",
        "grade: the CTCAE grade now (optional)", "followUpNote: what was seen"],
    Outputs = ["outcome: the event's outcome now", "resolved: whether the outcome is no longer Ongoing"])]
public sealed class RecordAdverseEventFollowUpActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var grade = ActivityInputs.OptionalNumber(context, "grade");
        var change = await mediator.Send(new FollowUpAdverseEvent(ConductInputs.RequiredId(context, "adverseEventId"),
            ActivityInputs.OptionalString(context, "outcome"), grade is { } g ? (int)g : null, ActivityInputs.OptionalString(context, "followUpNote")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["outcome"] = change.Event.Outcome.ToString(),
            ["resolved"] = change.Event.Outcome != AdverseEventOutcome.Ongoing,
        });
    }
}
