using Ctms.Domain.People;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.People;

/// <summary>The <c>reject-external-user</c> service task: the CRC application is rejected with its reason (A05).</summary>
[Activity("reject-external-user", Category = "People",
    Description = "Reject a CRC application, with the reason; no account is made.",
    Inputs = ["applicationId: the application (by default the business key)", "reason: why"],
    Outputs = [])]
public sealed class RejectExternalUserActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        await mediator.Send(new RejectCrcApplication(PeopleInputs.GuidOrBusinessKey(context, "applicationId"),
            ActivityInputs.RequiredString(context, "reason")), ct);
        return ActivityResult.Complete();
    }
}
