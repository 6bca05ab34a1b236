using Ctms.Domain.Projects;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Projects;

/// <summary>The <c>return-for-revision</c> service task: send the application back to the applicant with the reason: the project is ReturnedForRevision.</summary>
[Activity("return-for-revision", Category = "Projects", Description = "Send the application back to the applicant with the reason: the project is ReturnedForRevision.",
    Inputs = ["projectId: the project (by default the business key)", "revisionReason: why it goes back"],
    Outputs = ["projectStatus: the project's status"])]
public sealed class ReturnForRevisionActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var project = await mediator.Send(new ReturnForRevision(ActivityInputs.RequiredProjectId(context),
            ActivityInputs.OptionalString(context, "revisionReason") ?? ""), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["projectStatus"] = project.Status });
    }
}
