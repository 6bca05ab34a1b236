using Ctms.Domain.Closeout;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.KickOff;

/// <summary>The <c>open-closeout</c> service task: the project enters close-out (Enrolling or Terminated → Closing).</summary>
[Activity("open-closeout", Category = "Close-out",
    Description = "Open the close-out of a project: enrollment ends and the project moves to Closing (CTI office).",
    Inputs = ["projectId: the project (by default the business key)"],
    Outputs = ["piUserName: the project's PI", "protocolNumber: the sponsor's protocol number"])]
public sealed class OpenCloseoutActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var closeout = await mediator.Send(new OpenCloseout(ActivityInputs.RequiredProjectId(context)), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["piUserName"] = closeout.PiUserName,
            ["protocolNumber"] = closeout.ProtocolNumber,
        });
    }
}
