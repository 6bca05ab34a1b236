using Ctms.Domain.Ethics.Suspension;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Ethics.Suspension;

/// <summary>The <c>request-study-suspension</c> service task: records who asks the EC to suspend, terminate or resume the study, and why.</summary>
[Activity("request-study-suspension", Category = "Ethics",
    Description = "Records a request to suspend, terminate or resume the study (A08), refused when the study cannot make that move now.",
    Inputs = ["projectId: the project (by default the business key)", "action: suspend, terminate or resume", "reason: why"],
    Outputs = ["suspensionId: the request", "action: the action, normalised", "protocolNumber", "title", "requestedBy: who asked"])]
public sealed class RequestStudySuspensionActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var request = await mediator.Send(new RequestStudySuspension(ActivityInputs.RequiredProjectId(context),
            ActivityInputs.OptionalString(context, "action") ?? "", ActivityInputs.OptionalString(context, "reason") ?? ""), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["suspensionId"] = request.Id.ToString(),
            ["action"] = request.Action,
            ["protocolNumber"] = request.ProtocolNumber,
            ["title"] = request.Title,
            ["requestedBy"] = request.RequestedBy,
        });
    }
}
