using Ctms.Domain.Common;
using Ctms.Domain.Subjects.Visits;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Subjects.Visits;

/// <summary>
/// The <c>open-subject-visit</c> service task of O11: replans the visit and opens it once its window has begun; tells the
/// process whether to wait (<c>opensLater</c> until <c>windowOpensAt</c>), to hold the to-do list (until <c>windowClosesAt</c>,
/// reminding at <c>remindAt</c>) or to end (<c>pending</c> false: recorded early or cancelled).
/// </summary>
[Activity("open-subject-visit", Category = "Subjects",
    Description = "Open a subject's visit when its window begins (O11); outputs when to look again, when the window closes and when to remind.",
    Inputs = ["visitId: the subject visit", "reminderDays: days before the window closes to remind the site (default 2)"],
    Outputs = ["pending", "opensLater", "windowOpensAt", "windowClosesAt", "remindAt"])]
public sealed class OpenSubjectVisitActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var state = await mediator.Send(new OpenSubjectVisit(VisitId(context), (int)(ActivityInputs.OptionalNumber(context, "reminderDays") ?? 2)), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["pending"] = state.Pending,
            ["opensLater"] = state.OpensLater,
            ["windowOpensAt"] = state.WindowOpensAt,
            ["windowClosesAt"] = state.WindowClosesAt,
            ["remindAt"] = state.RemindAt,
        });
    }

    internal static Guid VisitId(ActivityContext context) =>
        Guid.TryParse(ActivityInputs.RequiredString(context, "visitId"), out var id)
            ? id
            : throw DomainValidationException.For("visitId", "visitId must be a subject visit's id.");
}
