using Ctms.Domain.Subjects.Recruitment;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Subjects.Recruitment;

/// <summary>
/// The <c>enroll-subject</c> service task (O09): the PI enrolls the eligible, consented subject; the subject number comes
/// from the project's rule. Refused (the PI's task stays open with the reason) without consent, eligibility or the gate.
/// </summary>
[Activity("enroll-subject", Category = "Subjects",
    Description = "Enroll the subject (PI): subject number from the project's rule; refused without approved consent, eligibility or an open ethics gate.",
    Inputs = ["subjectId: the subject"],
    Outputs = ["subjectNumber: the subject number given", "subjectLabel: protocol number + screening number + initials"])]
public sealed class EnrollSubjectActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var subject = await mediator.Send(new EnrollSubject(SubjectInputs.RequiredSubjectId(context)), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["subjectNumber"] = subject.SubjectNumber,
            ["subjectLabel"] = subject.Label,
        });
    }
}
