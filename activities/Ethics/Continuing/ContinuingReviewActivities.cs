using Ctms.Activities.Ethics.Amendments;
using Ctms.Domain.Ethics.Continuing;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Ethics.Continuing;

/// <summary>The <c>remind-continuing-review</c> service task: the PI was asked for the annual report (recorded on the cycle).</summary>
[Activity("remind-continuing-review", Category = "Ethics", Description = "Record that the PI was reminded of the annual progress report.",
    Inputs = ["cycleId: the year's cycle"], Outputs = ["remindedAt: when"])]
public sealed class RemindContinuingReviewActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var cycle = await mediator.Send(new RemindContinuingReview(EthicsInputs.RequiredId(context, "cycleId")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["remindedAt"] = EthicsInputs.Date(cycle.RemindedAt) });
    }
}

/// <summary>The <c>record-approval-lapse</c> service task: the due date passed without a renewal; the approval lapsed (the gate is closed).</summary>
[Activity("record-approval-lapse", Category = "Ethics", Description = "Record that the approval lapsed at its due date without a renewed continuing review.",
    Inputs = ["cycleId: the year's cycle"], Outputs = ["lapsedAt: when (null when the cycle was renewed in time)"])]
public sealed class RecordApprovalLapseActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var cycle = await mediator.Send(new RecordApprovalLapse(EthicsInputs.RequiredId(context, "cycleId")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["lapsedAt"] = EthicsInputs.Date(cycle.LapsedAt) });
    }
}

/// <summary>The <c>submit-annual-report</c> service task: the PI's report opens the year's continuing review.</summary>
[Activity("submit-annual-report", Category = "Ethics", Description = "Record the PI's annual progress report and open the continuing review of it.",
    Inputs =
    [
        "cycleId: the year's cycle", "enrolledSoFar: subjects enrolled so far", "saeCount: serious adverse events",
        "deviationCount: protocol deviations", "reportSummary: the summary",
    ],
    Outputs = ["reviewId: the continuing review"])]
public sealed class SubmitAnnualReportActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        int Count(string name) => ActivityInputs.OptionalNumber(context, name) is { } n ? (int)n
            : throw new InvalidOperationException($"The service task {context.ElementId} needs the number '{name}'.");
        var cycle = await mediator.Send(new SubmitAnnualReport(EthicsInputs.RequiredId(context, "cycleId"), Count("enrolledSoFar"), Count("saeCount"),
            Count("deviationCount"), ActivityInputs.OptionalString(context, "reportSummary") ?? ""), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["reviewId"] = cycle.ReviewId?.ToString() });
    }
}

/// <summary>The <c>close-continuing-cycle</c> service task: after the decision on the report, renewed (and until when) or not.</summary>
[Activity("close-continuing-cycle", Category = "Ethics",
    Description = "After the committee's decision on the yearly report: an approval renews the approval until the decision's ValidUntil.",
    Inputs = ["cycleId: the year's cycle", "decisionId: the decision on the continuing review"],
    Outputs = ["renewed: true when approved", "nextDueAt: the next due date (null when not renewed)", "dueAt: cleared when renewed, so that the next cycle is due at the renewal's ValidUntil"])]
public sealed class CloseContinuingCycleActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var outcome = await mediator.Send(new CloseContinuingCycle(EthicsInputs.RequiredId(context, "cycleId"), EthicsInputs.RequiredId(context, "decisionId")), ct);
        var outputs = new Dictionary<string, object?>
        {
            ["renewed"] = outcome.Renewed,
            ["nextDueAt"] = EthicsInputs.Date(outcome.NextDueAt),
        };
        if (outcome.Renewed)
        {
            // The next cycle is due at the renewal's own end, which plan-continuing-review reads from the decision.
            outputs["dueAt"] = null;
        }
        return ActivityResult.Complete(outputs);
    }
}
