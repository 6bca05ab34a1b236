using Ctms.Domain.Subjects.Queries;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Subjects.Recruitment;

/// <summary>
/// The <c>check-eligibility</c> service task (O08): reads the subject's latest eligibility assessment (the screening data
/// the investigators entered on the subject page, every criterion evaluated) and gives its outcome to the process.
/// </summary>
[Activity("check-eligibility", Category = "Subjects",
    Description = "Give the outcome of the subject's latest eligibility assessment: eligible, and the criteria not passed.",
    Inputs = ["subjectId: the subject"],
    Outputs =
    [
        "eligible: true when every criterion passed (false when not, or not assessed yet)",
        "criteriaNotPassed: the codes of the criteria not passed, as one text",
    ])]
public sealed class CheckEligibilityActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var screening = await mediator.Send(new GetScreening(SubjectInputs.RequiredSubjectId(context)), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["eligible"] = screening.Eligible == true,
            ["criteriaNotPassed"] = screening.AssessmentId is null
                ? "not assessed"
                : string.Join(", ", screening.Criteria.Where(c => !c.Passes).Select(c => c.Code)),
        });
    }
}
