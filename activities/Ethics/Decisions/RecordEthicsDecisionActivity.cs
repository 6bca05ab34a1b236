using Ctms.Domain.Ethics.Decisions;
using Ctms.Domain.Ethics.Model;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Ethics.Decisions;

/// <summary>The <c>record-ethics-decision</c> service task: the chair's signed decision on a review (P09).</summary>
[Activity("record-ethics-decision", Category = "Ethics",
    Description = "Records the committee's decision on a review, signed by the chair or a vice-chair who completed the signed task before it; the review is Decided.",
    Inputs = ["reviewId: the review", "outcome: approve, approve-with-modifications, revise-and-resubmit, disapprove, acknowledge, suspend or terminate",
        "conditions: the modifications required or other conditions (optional)"],
    Outputs = ["decisionId: the decision recorded", "validUntil: for an approval, when its continuing review is due",
        "reviewKind: the kind of review decided (initial, amendment, continuing, sae, deviation, suspension)"])]
public sealed class RecordEthicsDecisionActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var reviewId = Guid.TryParse(ActivityInputs.RequiredString(context, "reviewId"), out var id)
            ? id
            : throw new InvalidOperationException($"The service task {context.ElementId} needs 'reviewId' as a review id.");
        var decision = await mediator.Send(new RecordEthicsDecision(reviewId, ActivityInputs.RequiredString(context, "outcome"),
            ActivityInputs.OptionalString(context, "conditions")), ct);
        return ActivityResult.Complete(new Dictionary<string, object?>
        {
            ["decisionId"] = decision.Id.ToString(),
            ["validUntil"] = decision.ValidUntil?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["reviewKind"] = EthicsNames.Of(Enum.Parse<ReviewKind>(decision.ReviewKind)),
        });
    }
}
