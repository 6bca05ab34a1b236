using Ctms.Domain.Projects;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Projects;

/// <summary>The <c>confirm-by-department</c> service task: the department head's confirmation of the PI, the capacity and the conflicts of interest.</summary>
[Activity("confirm-by-department", Category = "Projects", Description = "The department head's confirmation of the PI, the capacity and the conflicts of interest.",
    Inputs = ["projectId: the project (by default the business key)", "departmentConfirmed, capacityOk, conflictsDeclared: the answers", "departmentComment: why, when not confirmed"],
    Outputs = ["confirmation: pi when the PI confirms next, returned when the application goes back"])]
public sealed class ConfirmByDepartmentActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var accepted = await mediator.Send(new ConfirmByDepartment(ActivityInputs.RequiredProjectId(context),
            Flag(context, "departmentConfirmed"), Flag(context, "capacityOk"), Flag(context, "conflictsDeclared"),
            ActivityInputs.OptionalString(context, "departmentComment")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["confirmation"] = accepted ? "pi" : "returned" });
    }

    private static bool Flag(ActivityContext context, string name) => context.Variables.TryGetValue(name, out var value) && value is true;
}
