using Ctms.Domain.Projects;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Projects;

/// <summary>The <c>reject-project</c> service task: the CTI director rejects the application, with the reason.</summary>
[Activity("reject-project", Category = "Projects", Description = "The CTI director rejects the application, with the reason.",
    Inputs = ["projectId: the project (by default the business key)", "decisionReason: why"],
    Outputs = ["projectStatus: the project's status"])]
public sealed class RejectProjectActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var project = await mediator.Send(new RejectProject(ActivityInputs.RequiredProjectId(context),
            ActivityInputs.OptionalString(context, "decisionReason") ?? ""), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["projectStatus"] = project.Status });
    }
}
