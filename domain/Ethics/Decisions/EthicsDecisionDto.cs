using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Signatures;

namespace Ctms.Domain.Ethics.Decisions;

/// <summary>A decision as clients read it: the outcome by its name, and its signatures, each checked against the decision as it is now.</summary>
public sealed record EthicsDecisionDto(Guid Id, Guid ReviewId, Guid ProjectId, string ReviewKind, string Outcome, string? Conditions, string DecidedBy,
    DateTimeOffset DecidedAt, DateTimeOffset? ValidUntil, Guid? LetterDocumentVersionId, IReadOnlyList<SignatureView> Signatures)
{
    public static EthicsDecisionDto Of(EthicsDecision d, ReviewKind kind, IReadOnlyList<SignatureView> signatures) =>
        new(d.Id, d.ReviewId, d.ProjectId, kind.ToString(), EthicsNames.Of(d.Outcome), d.Conditions, d.DecidedBy, d.DecidedAt, d.ValidUntil,
            d.LetterDocumentVersionId, signatures);
}
