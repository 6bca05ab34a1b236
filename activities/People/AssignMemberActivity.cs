using Ctms.Domain.Access;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.People;

/// <summary>
/// The <c>assign-member</c> service task: gives a user a role on a project for an optional period (A05's CRC
/// assignment, O01's study team). The domain's rules apply: the person who reached the step must manage the team, and
/// an investigator's role needs a valid GCP certificate.
/// </summary>
[Activity("assign-member", Category = "People",
    Description = "Give a user a role on the project, optionally from / until a date.",
    Inputs =
    [
        "userName: who",
        "role: the role on the project (crc, sub-investigator, study-nurse...)",
        "projectId: the project (by default the business key)",
        "validFrom, validUntil: dates (yyyy-MM-dd, optional; until is exclusive)",
    ],
    Outputs = ["membershipId: the membership made"])]
public sealed class AssignMemberActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var membership = await mediator.Send(new AddProjectMember(
            ActivityInputs.RequiredProjectId(context),
            ActivityInputs.RequiredString(context, "userName"),
            ActivityInputs.RequiredString(context, "role"),
            PeopleInputs.OptionalStartOfDay(context, "validFrom"),
            PeopleInputs.OptionalStartOfDay(context, "validUntil")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["membershipId"] = membership.Id.ToString() });
    }
}
