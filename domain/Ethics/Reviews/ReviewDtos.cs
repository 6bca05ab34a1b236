using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Signatures;

namespace Ctms.Domain.Ethics.Reviews;

/// <summary>A review as a list shows it: the workspace's pending reviews, the applicant's statuses.</summary>
public sealed record ReviewSummaryDto(Guid Id, Guid ProjectId, string ProtocolNumber, string ProjectTitle, Guid CommitteeId, ReviewKind Kind, string Title,
    string? Reference, ReviewTrack? Track, ReviewStatus Status, DateTimeOffset StatusChangedAt, string SubmittedBy, DateTimeOffset SubmittedAt,
    DateTimeOffset? DueAt, DateTimeOffset? DecidedAt, IReadOnlyList<string> Reviewers, int OpinionsGiven);

/// <summary>One review with its documents, its primary reviewers' opinions and their signatures, and the decision once made.</summary>
public sealed record ReviewDto(Guid Id, Guid ProjectId, string ProtocolNumber, string ProjectTitle, Guid CommitteeId, string CommitteeName, ReviewKind Kind,
    string Title, string? Summary, string? Reference, ReviewTrack? Track, ReviewStatus Status, DateTimeOffset StatusChangedAt, string SubmittedBy,
    DateTimeOffset SubmittedAt, DateTimeOffset? DueAt, DateTimeOffset? DecidedAt, IReadOnlyList<ReviewDocumentDto> Documents,
    IReadOnlyList<AssignmentDto> Assignments, DecisionDto? Decision);

/// <summary>A document version under review, with what the download link needs.</summary>
public sealed record ReviewDocumentDto(Guid DocumentVersionId, string DocumentType, string DocumentTitle, int VersionNumber, string FileName,
    DateTimeOffset UploadedAt);

/// <summary>A primary reviewer with their opinion, the checklist's answers and the signature manifestations (intact or broken).</summary>
public sealed record AssignmentDto(Guid Id, Guid MemberId, string UserName, string DisplayName, string AssignedBy, DateTimeOffset AssignedAt,
    VoteOption? Opinion, string? OpinionText, IReadOnlyDictionary<string, string>? Checklist, DateTimeOffset? OpinionAt,
    IReadOnlyList<SignatureView> Signatures);

/// <summary>The committee's decision on the review, with its signatures.</summary>
public sealed record DecisionDto(Guid Id, EthicsOutcome Outcome, string? Conditions, string DecidedBy, DateTimeOffset DecidedAt, DateTimeOffset? ValidUntil,
    Guid? LetterDocumentVersionId, IReadOnlyList<SignatureView> Signatures);

/// <summary>
/// A member the EC office may assign as primary reviewer, ranked: <see cref="Score"/> = 3 per expertise term the project
/// matches, minus 1 per review the member has open. Members with a conflict of interest are never suggested.
/// </summary>
public sealed record ReviewerSuggestion(Guid MemberId, string UserName, string DisplayName, CommitteeRole Role, IReadOnlyList<string> MatchedExpertise,
    int OpenAssignments, int Score)
{
    /// <summary>The option as the secretary's form shows it: name, score and why.</summary>
    public string Label => $"{DisplayName} (score {Score}: "
        + (MatchedExpertise.Count == 0 ? "no expertise match" : "matches " + string.Join(", ", MatchedExpertise))
        + $"; {OpenAssignments} open review{(OpenAssignments == 1 ? "" : "s")})";
}
