using Ctms.Domain.Subjects.Protocol;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Subjects.Recruitment;

/// <summary>
/// The <c>check-go-live</c> service task (O05): runs every go-live check of the project; when all hold, the CTI office's
/// go-live is recorded (the person whose task reaches it must hold <c>subjects.golive</c>). Otherwise nothing changes and
/// the task says what is missing, so the process can send the configuration back to the PI and the data manager.
/// </summary>
[Activity("check-go-live", Category = "Subjects",
    Description = "Run the go-live check (protocol, e-CRF, criteria, ethics gate, randomization...) and record the go-live when every condition holds.",
    Inputs = ["projectId: the project (by default the business key)"],
    Outputs =
    [
        "goLivePassed: true when every condition holds and the go-live is recorded",
        "goLiveProblems: the failing conditions, as one text (empty when passed)",
    ])]
public sealed class CheckGoLiveActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var projectId = ActivityInputs.RequiredProjectId(context);
        var check = await mediator.Send(new GetGoLive(projectId), ct);
        if (!check.Passed)
        {
            return ActivityResult.Complete(new Dictionary<string, object?>
            {
                ["goLivePassed"] = false,
                ["goLiveProblems"] = string.Join(" ", check.Conditions.Where(c => !c.Holds).Select(c => c.Detail)),
            });
        }
        await mediator.Send(new ConfirmGoLive(projectId), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["goLivePassed"] = true, ["goLiveProblems"] = "" });
    }
}
