using Ctms.Domain.Subjects.Visits;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Subjects.Visits;

/// <summary>The <c>miss-subject-visit</c> service task of O11: the window closed without the visit; it is missed and a deviation candidate recorded.</summary>
[Activity("miss-subject-visit", Category = "Subjects",
    Description = "Mark a subject's visit missed when its window closed without it, with a MissedVisit deviation candidate (O11).",
    Inputs = ["visitId: the subject visit"],
    Outputs = ["missed: whether the visit was still pending"])]
public sealed class MissSubjectVisitActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct) =>
        ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["missed"] = await mediator.Send(new MissSubjectVisit(OpenSubjectVisitActivity.VisitId(context)), ct),
        });
}
