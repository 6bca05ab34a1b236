using Ctms.Domain.Projects;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Projects;

/// <summary>The <c>assign-project-number</c> service task: the CTI director's approval: the project gets its number (by the configured rule, or the one given) and is Approved.</summary>
[Activity("assign-project-number", Category = "Projects", Description = "The CTI director's approval: the project gets its number (by the configured rule, or the one given) and is Approved.",
    Inputs = ["projectId: the project (by default the business key)", "projectNumber: the director's own number (optional)"],
    Outputs = ["projectNumber: the number assigned", "projectStatus: the project's status"])]
public sealed class AssignProjectNumberActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var project = await mediator.Send(new ApproveProject(ActivityInputs.RequiredProjectId(context),
            ActivityInputs.OptionalString(context, "projectNumber")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["projectNumber"] = project.ProjectNumber, ["projectStatus"] = project.Status });
    }
}
