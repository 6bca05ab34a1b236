namespace Ctms.Domain.Contracts;

/// <summary>A contract as the API and the studio show it: terms, current budget, reviews, signatures and amendments.</summary>
public sealed record ContractDto(
    Guid Id,
    Guid ProjectId,
    string Number,
    string Title,
    string? SponsorParty,
    string? CroParty,
    string HospitalParty,
    string Currency,
    string Status,
    decimal Total,
    int ReviewRound,
    int EffectiveRevision,
    string? PiUserName,
    string? ApplicantUserName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? SignedAt,
    string ContentHash,
    Guid Version,
    IReadOnlyList<BudgetLineSnapshot> Lines,
    IReadOnlyList<ContractReviewDto> Reviews,
    IReadOnlyList<ContractSignatureDto> Signatures,
    IReadOnlyList<ContractAmendmentDto> Amendments);

public sealed record ContractReviewDto(Guid Id, Guid? AmendmentId, int Round, string ReviewerRole, string ReviewerUserName, string Decision,
    string? Comment, DateTimeOffset At)
{
    public static ContractReviewDto From(ContractReview r) =>
        new(r.Id, r.AmendmentId, r.Round, r.ReviewerRole, r.ReviewerUserName, r.Decision.ToString(), r.Comment, r.At);
}

/// <summary>A signature; <see cref="MatchesCurrent"/> is false when what was signed changed since.</summary>
public sealed record ContractSignatureDto(Guid Id, Guid? AmendmentId, string Party, string SignerUserName, string Meaning, DateTimeOffset SignedAt,
    string ContentHash, bool MatchesCurrent);

public sealed record ContractAmendmentDto(Guid Id, int Number, string Reason, string Status, int Round, decimal Total, DateOnly EffectiveFrom,
    string ProposedBy, DateTimeOffset ProposedAt, DateTimeOffset? EffectiveAt, int? RevisionNumber, string ContentHash, Guid Version,
    IReadOnlyList<BudgetLineSnapshot> Lines);
