using Ctms.Domain.Common;

namespace Ctms.Domain.Contracts;

/// <summary>The decision and comment of a review, as clients and forms send them ("Approve", "RequestChanges").</summary>
internal static class ReviewInput
{
    public static void Validate(Validator v, string? decision, string? comment)
    {
        var known = TryParse(decision, out var parsed);
        v.Must(known, "Decision", $"Decision must be one of: {string.Join(", ", Enum.GetNames<ReviewDecision>())}.");
        v.Optional("Comment", comment, ContractReview.CommentMax);
        v.Must(!known || parsed == ReviewDecision.Approve || !string.IsNullOrWhiteSpace(comment), "Comment", "Say which changes you request.");
    }

    public static ReviewDecision Parse(string decision) =>
        TryParse(decision, out var parsed) ? parsed : throw DomainValidationException.For("Decision", $"Unknown decision '{decision}'.");

    public static string? Trim(string? comment) => string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();

    private static bool TryParse(string? text, out ReviewDecision decision)
    {
        decision = default;
        return !string.IsNullOrWhiteSpace(text) && !text.Trim().All(char.IsDigit)
               && Enum.TryParse(text.Trim().Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out decision) && Enum.IsDefined(decision);
    }
}
