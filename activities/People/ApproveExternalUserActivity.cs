using Ctms.Domain.People;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.People;

/// <summary>The <c>approve-external-user</c> service task: the CRC's account is created with the crc role (A05).</summary>
[Activity("approve-external-user", Category = "People",
    Description = "Approve a CRC application: create the account (crc role) and send its one-time password to the CRC.",
    Inputs =
    [
        "applicationId: the application (by default the business key)",
        "proposedProtocolNumber: a project to assign the CRC to (optional)",
    ],
    Outputs = ["crcUserName: the new account", "projectId, piUserName: the proposed project and its PI (when one was proposed)"])]
public sealed class ApproveExternalUserActivity(IMediator mediator, CrcApprovals approvals) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var approval = await mediator.Send(new ApproveCrcApplication(PeopleInputs.GuidOrBusinessKey(context, "applicationId"),
            ActivityInputs.OptionalString(context, "proposedProtocolNumber")), ct);
        approvals.Last = approval;
        // The one-time password stays out of the variables: they are history, readable by everyone on the instance.
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["crcUserName"] = approval.UserName,
            ["projectId"] = approval.ProjectId?.ToString(),
            ["piUserName"] = approval.PiUserName,
        });
    }
}
