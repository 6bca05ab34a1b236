using Ctms.Domain.Ethics.Reviews;
using Ctms.Engine.Runtime.Activities;

namespace Ctms.Activities.Ethics.Reviews;

/// <summary>The inputs and outputs the review activities share: the review's id, and what a submission tells the process.</summary>
public static class EthicsInputs
{
    public static Guid? OptionalGuid(ActivityContext context, string name) =>
        context.Variables.TryGetValue(name, out var value) && Guid.TryParse(value?.ToString(), out var id) ? id : null;

    public static Guid RequiredReviewId(ActivityContext context) =>
        OptionalGuid(context, "reviewId") ?? throw new InvalidOperationException($"The service task {context.ElementId} needs 'reviewId'.");

    public static Dictionary<string, object?> Submitted(ReviewSummaryDto review) => new()
    {
        ["reviewId"] = review.Id.ToString(),
        ["submitterUserName"] = review.SubmittedBy,
        ["reviewTitle"] = review.Title,
        ["reviewStatus"] = review.Status.ToString(),
        ["protocolNumber"] = review.ProtocolNumber,
    };
}
