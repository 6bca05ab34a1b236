using Ctms.Activities.Ethics.Amendments;
using Ctms.Domain.Ethics.Continuing;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Ethics.Continuing;

/// <summary>The <c>plan-continuing-review</c> service task: the year of an approval, due at its end, with the PI's reminder before.</summary>
[Activity("plan-continuing-review", Category = "Ethics",
    Description = "Plan the continuing review of an approval: due at the approval's end (or dueAt), the PI reminded reminderDays before.",
    Inputs =
    [
        "projectId: the project (by default the business key)",
        "decisionId: the approving decision (initial, or last year's continuing review)",
        "dueAt: the due date (optional; by default the decision's ValidUntil)",
        "reminderDays: days before the due date the PI is reminded (optional, 30)",
    ],
    Outputs = ["cycleId: the year's cycle", "dueAt: when the approval ends", "dueOn: its day (yyyy-MM-dd, for letters and mails)", "remindAt: when the PI is reminded", "piUserName: the project's PI", "protocolNumber: the study's protocol number"])]
public sealed class PlanContinuingReviewActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var days = ActivityInputs.OptionalNumber(context, "reminderDays") is { } n ? (int)n : PlanContinuingReview.DefaultReminderDays;
        var cycle = await mediator.Send(new PlanContinuingReview(ActivityInputs.RequiredProjectId(context), EthicsInputs.RequiredId(context, "decisionId"),
            EthicsInputs.OptionalDate(context, "dueAt"), days), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["cycleId"] = cycle.Id.ToString(),
            ["dueAt"] = EthicsInputs.Date(cycle.DueAt),
            ["remindAt"] = EthicsInputs.Date(cycle.RemindAt),
            ["dueOn"] = cycle.DueAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["piUserName"] = cycle.PiUserName,
            ["protocolNumber"] = cycle.ProtocolNumber,
        });
    }
}
