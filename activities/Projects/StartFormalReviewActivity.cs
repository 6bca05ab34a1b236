using Ctms.Domain.Projects;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Projects;

/// <summary>The <c>start-formal-review</c> service task: the submitted application enters the CTI office's formal review.</summary>
[Activity("start-formal-review", Category = "Projects", Description = "The submitted application enters the CTI office's formal review.",
    Inputs = ["projectId: the project (by default the business key)"],
    Outputs = ["projectStatus: the project's status"])]
public sealed class StartFormalReviewActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var project = await mediator.Send(new StartFormalReview(ActivityInputs.RequiredProjectId(context)), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["projectStatus"] = project.Status });
    }
}
