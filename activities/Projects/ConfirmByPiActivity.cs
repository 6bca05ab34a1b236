using Ctms.Domain.Projects;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Projects;

/// <summary>The <c>confirm-by-pi</c> service task: the PI confirms that they run the study: the project awaits the CTI director's approval.</summary>
[Activity("confirm-by-pi", Category = "Projects", Description = "The PI confirms that they run the study: the project awaits the CTI director's approval.",
    Inputs = ["projectId: the project (by default the business key)", "piConfirmed: the answer", "piComment: why, when not confirmed"],
    Outputs = ["confirmation: confirmed, or returned when the application goes back"])]
public sealed class ConfirmByPiActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var confirmed = await mediator.Send(new ConfirmByPi(ActivityInputs.RequiredProjectId(context),
            context.Variables.TryGetValue("piConfirmed", out var value) && value is true, ActivityInputs.OptionalString(context, "piComment")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["confirmation"] = confirmed ? "confirmed" : "returned" });
    }
}
