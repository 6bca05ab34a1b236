using Ctms.Domain.Subjects.Recruitment;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Subjects.Recruitment;

/// <summary>The <c>record-screen-failure</c> service task (O08): the subject failed screening; the reason is kept with the criteria not passed.</summary>
[Activity("record-screen-failure", Category = "Subjects",
    Description = "Record the subject's screening failure with its reason (the criteria not passed are kept with it).",
    Inputs = ["subjectId: the subject", "screenFailureReason: why"],
    Outputs = ["subjectStatus: the subject's status (ScreenFailed)"])]
public sealed class RecordScreenFailureActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var subject = await mediator.Send(new FailScreening(SubjectInputs.RequiredSubjectId(context),
            ActivityInputs.RequiredString(context, "screenFailureReason")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["subjectStatus"] = subject.Status.ToString() });
    }
}
