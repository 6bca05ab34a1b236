using Ctms.Domain.Subjects.Safety;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Subjects.Safety;

/// <summary>
/// The <c>submit-sae-report</c> service task (O15): the report written in the task "Report the SAE" is recorded as the
/// event's SAE report (late after the 24-hour deadline, with its deviation candidate), as the REST route records it.
/// </summary>
[Activity("submit-sae-report", Category = "Subjects",
    Description = "Record an SAE report of an adverse event: Initial (late after its 24-hour deadline), FollowUp or Final.",
    Inputs = ["adverseEventId: the serious adverse event", "reportKind: Initial, FollowUp or Final", "narrative: the report's narrative"],
    Outputs = ["reportId: the report", "late: whether it came after the deadline", "reference: the SAE's reference", "subjectLabel: the subject's label"])]
public sealed class SubmitSaeReportActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var id = Guid.TryParse(ActivityInputs.RequiredString(context, "adverseEventId"), out var parsed)
            ? parsed
            : throw new InvalidOperationException($"The service task {context.ElementId} needs adverseEventId (a GUID).");
        var submitted = await mediator.Send(new SubmitSaeReport(id, ActivityInputs.RequiredString(context, "reportKind"),
            ActivityInputs.OptionalString(context, "narrative")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["reportId"] = submitted.Report.Id.ToString(),
            ["late"] = submitted.Report.Late,
            ["reference"] = submitted.Reference,
            ["subjectLabel"] = submitted.SubjectLabel,
        });
    }
}
