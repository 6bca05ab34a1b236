using Ctms.Domain.Common;
using Ctms.Domain.Subjects;
using Ctms.Domain.Subjects.Status;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Subjects.Conduct;

/// <summary>
/// The <c>change-subject-status</c> service task of O16, after the PI confirmed: moves the subject to <c>status</c> with
/// <c>statusReason</c>. A subject leaving the study has its pending visits cancelled; their to-do processes (O11) are ended
/// in the same command by the message <c>subject-visit-cancelled</c> keyed by each visit's id (what the status endpoint does).
/// </summary>
[Activity("change-subject-status", Category = "Subjects",
    Description = "Change a subject's status with a reason (O16); visits cancelled by leaving the study end their to-do processes.",
    Inputs = ["subjectId: the subject", "status: the new status (a SubjectStatus name)", "statusReason: why"],
    Outputs = ["subjectStatus: the subject's status now", "cancelledVisits: how many pending visits were cancelled"])]
public sealed class ChangeSubjectStatusActivity(IMediator mediator) : IActivityHandler
{
    public const string VisitCancelledMessage = "subject-visit-cancelled";

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var text = ActivityInputs.RequiredString(context, "status");
        if (!Enum.TryParse<SubjectStatus>(text, ignoreCase: false, out var status) || !Enum.IsDefined(status) || int.TryParse(text, out _))
        {
            throw DomainValidationException.For("status", $"'{text}' is not a subject status.");
        }
        var changed = await mediator.Send(new ChangeSubjectStatus(ConductInputs.RequiredId(context, "subjectId"), status,
            ActivityInputs.OptionalString(context, "statusReason")), ct);
        var outputs = new Dictionary<string, object?>
        {
            ["subjectStatus"] = status.ToString(),
            ["cancelledVisits"] = changed.CancelledVisits.Count,
        };
        return ActivityResult.CompleteAndPublish(outputs, [.. changed.CancelledVisits
            .Select(id => new PublishedMessage(VisitCancelledMessage, id.ToString(), new Dictionary<string, object?>()))]);
    }
}
