using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Subjects.Deviations;

/// <summary>What kind of event may be a protocol deviation.</summary>
public enum DeviationKind
{
    /// <summary>A visit done outside its window.</summary>
    OutOfWindowVisit,

    /// <summary>A visit whose window closed without it.</summary>
    MissedVisit,

    /// <summary>An exam of a visit's content not ordered or not resulted by the visit.</summary>
    MissedExam,

    /// <summary>An SAE reported after its 24-hour deadline.</summary>
    LateSaeReport,

    /// <summary>Anything else the team flags.</summary>
    Other,
}

public enum DeviationCandidateStatus
{
    /// <summary>Recorded as it happened; waiting for the quality module's review (A03).</summary>
    Open,
    Confirmed,
    Dismissed,
}

/// <summary>
/// A possible protocol deviation, recorded automatically when it happens (an out-of-window visit, a missed exam, a late
/// SAE report) so that nothing depends on someone remembering to report it; the quality module reviews them (A03).
/// One row per source event and kind.
/// </summary>
public sealed class DeviationCandidate : IAudited
{
    public const int DescriptionMax = 2000;
    public const int SourceMax = 128;

    private DeviationCandidate() { }

    public DeviationCandidate(Guid projectId, Guid? subjectId, DeviationKind kind, string description, string source, DateTimeOffset detectedAt,
        string detectedBy)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        SubjectId = subjectId;
        Kind = kind;
        Description = description;
        Source = source;
        DetectedAt = detectedAt;
        DetectedBy = detectedBy;
        Status = DeviationCandidateStatus.Open;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public Guid? SubjectId { get; private set; }
    public DeviationKind Kind { get; private set; }

    /// <summary>What happened, in words; no patient identifier (the subject is named by its label).</summary>
    public string Description { get; private set; } = "";

    /// <summary>What it came from, as "type:id" (<c>visit:…</c>, <c>sae:…</c>): with the kind, unique.</summary>
    public string Source { get; private set; } = "";
    public DateTimeOffset DetectedAt { get; private set; }

    /// <summary>The user whose action revealed it, or "system" for a timer.</summary>
    public string DetectedBy { get; private set; } = "";
    public DeviationCandidateStatus Status { get; private set; }
}

internal sealed class DeviationCandidateConfiguration : IEntityTypeConfiguration<DeviationCandidate>
{
    public void Configure(EntityTypeBuilder<DeviationCandidate> b)
    {
        b.ToTable("deviation_candidates");
        b.HasKey(d => d.Id);
        b.HasIndex(d => new { d.Kind, d.Source }).IsUnique();
        b.HasIndex(d => new { d.ProjectId, d.Status });
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Subject>().WithMany().HasForeignKey(d => d.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.Description).HasMaxLength(DeviationCandidate.DescriptionMax).IsRequired();
        b.Property(d => d.Source).HasMaxLength(DeviationCandidate.SourceMax).IsRequired();
        b.Property(d => d.DetectedBy).HasMaxLength(Subject.UserNameMax).IsRequired();
    }
}
