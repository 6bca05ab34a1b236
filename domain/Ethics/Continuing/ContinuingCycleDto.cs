namespace Ctms.Domain.Ethics.Continuing;

/// <summary>A year of an approval as the process and the pages see it.</summary>
public sealed record ContinuingCycleDto(Guid Id, Guid ProjectId, Guid ApprovalDecisionId, DateTimeOffset DueAt, DateTimeOffset RemindAt,
    DateTimeOffset? RemindedAt, DateTimeOffset? LapsedAt, DateTimeOffset? ReportSubmittedAt, string? ReportedBy, int? EnrolledSoFar, int? SaeCount,
    int? DeviationCount, string? ReportSummary, Guid? ReviewId, Guid? RenewalDecisionId, DateTimeOffset? RenewedAt, string? PiUserName, string ProtocolNumber)
{
    public static ContinuingCycleDto From(ContinuingReviewCycle c, string? piUserName, string protocolNumber) => new(c.Id, c.ProjectId, c.ApprovalDecisionId, c.DueAt, c.RemindAt,
        c.RemindedAt, c.LapsedAt, c.ReportSubmittedAt, c.ReportedBy, c.EnrolledSoFar, c.SaeCount, c.DeviationCount, c.ReportSummary, c.ReviewId,
        c.RenewalDecisionId, c.RenewedAt, piUserName, protocolNumber);
}
