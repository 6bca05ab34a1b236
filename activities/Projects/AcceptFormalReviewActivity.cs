using Ctms.Domain.Projects;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Projects;

/// <summary>The <c>accept-formal-review</c> service task: the formal review accepts the materials: the project awaits the department's and the PI's confirmation.</summary>
[Activity("accept-formal-review", Category = "Projects", Description = "The formal review accepts the materials: the project awaits the department's and the PI's confirmation.",
    Inputs = ["projectId: the project (by default the business key)"],
    Outputs = ["projectStatus: the project's status"])]
public sealed class AcceptFormalReviewActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var project = await mediator.Send(new AcceptFormalReview(ActivityInputs.RequiredProjectId(context)), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["projectStatus"] = project.Status });
    }
}
