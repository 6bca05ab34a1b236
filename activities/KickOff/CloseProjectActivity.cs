using Ctms.Domain.Closeout;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.KickOff;

/// <summary>
/// The <c>close-project</c> service task: the checks run once more and the project is archived (Closing → Archived)
/// with who, when and the checks' answers; a failed check refuses it with every reason (the director sees a 409).
/// </summary>
[Activity("close-project", Category = "Close-out",
    Description = "Archive the project after its closure checks (Closing → Archived); a failed check refuses it with the reasons.",
    Inputs = ["projectId: the project (by default the business key)"],
    Outputs = ["archivedBy: who archived it", "archivedAt: when"])]
public sealed class CloseProjectActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var closeout = await mediator.Send(new CloseProject(ActivityInputs.RequiredProjectId(context)), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["archivedBy"] = closeout.Record?.ArchivedBy,
            ["archivedAt"] = closeout.Record?.ArchivedAt?.ToString("O"),
        });
    }
}
