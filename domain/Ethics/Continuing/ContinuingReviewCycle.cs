using Ctms.Domain.Audit;
using Ctms.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Ethics.Continuing;

/// <summary>
/// One year of an approval (P14): the approval it continues, when the PI is reminded and when it is due, whether it
/// lapsed, the PI's annual progress report and its review, and the decision that renewed it. One per approval.
/// </summary>
public sealed class ContinuingReviewCycle : IAudited
{
    public const int SummaryMax = 4000;

    private ContinuingReviewCycle() { }

    public ContinuingReviewCycle(Guid projectId, Guid approvalDecisionId, DateTimeOffset dueAt, DateTimeOffset remindAt, DateTimeOffset plannedAt)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        ApprovalDecisionId = approvalDecisionId;
        DueAt = dueAt;
        RemindAt = remindAt;
        PlannedAt = plannedAt;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }

    /// <summary>The approving decision (initial, or the previous year's continuing review) whose validity this cycle renews.</summary>
    public Guid ApprovalDecisionId { get; private set; }

    /// <summary>The approval's end (its ValidUntil): the gate closes at this moment unless renewed.</summary>
    public DateTimeOffset DueAt { get; private set; }

    public DateTimeOffset RemindAt { get; private set; }
    public DateTimeOffset PlannedAt { get; private set; }
    public DateTimeOffset? RemindedAt { get; private set; }

    /// <summary>When the approval lapsed for want of a renewal (the report or its review was late).</summary>
    public DateTimeOffset? LapsedAt { get; private set; }

    public DateTimeOffset? ReportSubmittedAt { get; private set; }
    public string? ReportedBy { get; private set; }
    public int? EnrolledSoFar { get; private set; }
    public int? SaeCount { get; private set; }
    public int? DeviationCount { get; private set; }
    public string? ReportSummary { get; private set; }

    /// <summary>The continuing review of the latest report (a report sent back for revision is followed by another).</summary>
    public Guid? ReviewId { get; private set; }

    /// <summary>The approving decision that renewed the approval; the next cycle continues it.</summary>
    public Guid? RenewalDecisionId { get; private set; }

    public DateTimeOffset? RenewedAt { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool Renewed => RenewalDecisionId is not null;

    public void Remind(DateTimeOffset at)
    {
        RemindedAt ??= at;
        Version = Guid.NewGuid();
    }

    public void Lapse(DateTimeOffset at)
    {
        if (!Renewed)
        {
            LapsedAt ??= at;
            Version = Guid.NewGuid();
        }
    }

    public void Report(string reportedBy, int enrolled, int saes, int deviations, string summary, Guid reviewId, DateTimeOffset at)
    {
        if (Renewed)
        {
            throw new ConflictException("This year's continuing review was already approved; the next report is due next year.");
        }
        ReportedBy = reportedBy;
        EnrolledSoFar = enrolled;
        SaeCount = saes;
        DeviationCount = deviations;
        ReportSummary = summary;
        ReviewId = reviewId;
        ReportSubmittedAt = at;
        Version = Guid.NewGuid();
    }

    public void Renew(Guid decisionId, DateTimeOffset at)
    {
        RenewalDecisionId = decisionId;
        RenewedAt = at;
        Version = Guid.NewGuid();
    }
}

internal sealed class ContinuingReviewCycleConfiguration : IEntityTypeConfiguration<ContinuingReviewCycle>
{
    public void Configure(EntityTypeBuilder<ContinuingReviewCycle> b)
    {
        b.ToTable("ethics_continuing_review_cycles");
        b.HasKey(c => c.Id);
        b.HasIndex(c => c.ApprovalDecisionId).IsUnique();
        b.HasIndex(c => new { c.ProjectId, c.DueAt });
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Model.EthicsDecision>().WithMany().HasForeignKey(c => c.ApprovalDecisionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Model.EthicsReview>().WithMany().HasForeignKey(c => c.ReviewId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.ReportedBy).HasMaxLength(256);
        b.Property(c => c.ReportSummary).HasMaxLength(ContinuingReviewCycle.SummaryMax);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.Renewed);
    }
}
