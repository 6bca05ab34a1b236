using Ctms.Domain.Subjects.Protocol;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Subjects.Setup;

/// <summary>
/// The <c>publish-visit-schedule</c> service task (O02): publishes the project's visit schedule once the PI approved the
/// configuration, as the user who completed that step; subjects enrolled from now on get their visits from this version.
/// </summary>
[Activity("publish-visit-schedule", Category = "Subjects",
    Description = "Publish the project's visit schedule (the arms and visits configured); gives the version published.",
    Inputs = ["projectId: the project (by default the business key)"],
    Outputs = ["scheduleVersion: the version published"])]
public sealed class PublishVisitScheduleActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var version = await mediator.Send(new PublishVisitSchedule(ActivityInputs.RequiredProjectId(context)), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["scheduleVersion"] = version });
    }
}
