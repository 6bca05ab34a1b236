using Ctms.Domain.Ethics.Suspension;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Ethics.Suspension;

/// <summary>
/// The <c>suspend-project</c> service task, right after the EC chair's signed task: applies and signs the chair's
/// decision (the project moves to Suspended or Terminated, or back from Suspended; or nothing moves when declined).
/// </summary>
[Activity("suspend-project", Category = "Ethics",
    Description = "Applies the EC chair's signed decision on a suspension, termination or resumption: the project moves, or nothing does when declined.",
    Inputs = ["suspensionId: the request", "chairDecision: confirm or decline", "chairNote: the chair's note (required to decline)"],
    Outputs = ["suspensionOutcome: suspended, terminated, resumed or declined", "projectStatus: the project's status", "decidedBy: the chair"])]
public sealed class SuspendProjectActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var id = Guid.TryParse(ActivityInputs.RequiredString(context, "suspensionId"), out var parsed)
            ? parsed
            : throw new InvalidOperationException($"The service task {context.ElementId} needs 'suspensionId' as a request id.");
        var decision = await mediator.Send(new DecideStudySuspension(id, ActivityInputs.OptionalString(context, "chairDecision") == "confirm",
            ActivityInputs.OptionalString(context, "chairNote")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["suspensionOutcome"] = decision.Outcome,
            ["projectStatus"] = decision.StatusAfter,
            ["decidedBy"] = decision.DecidedBy,
        });
    }
}
