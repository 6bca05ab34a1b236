using Ctms.Domain.Projects;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Projects;

/// <summary>The <c>submit-application</c> service task: hand the application in (or resubmit it after a revision): the project becomes Submitted.</summary>
[Activity("submit-application", Category = "Projects", Description = "Hand the application in (or resubmit it after a revision): the project becomes Submitted.",
    Inputs = ["projectId: the project (by default the business key)"],
    Outputs = ["projectStatus: the project's status"])]
public sealed class SubmitApplicationActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var project = await mediator.Send(new SubmitApplication(ActivityInputs.RequiredProjectId(context)), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["projectStatus"] = project.Status });
    }
}
