using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Subjects.Safety;

/// <summary>
/// A report of a serious adverse event to the sponsor and the ethics committee (O15): the initial one due 24 hours after
/// the investigator learned of the event, then follow-ups and a final one. An initial report submitted after its due time
/// is late (and a deviation candidate). The narrative names the subject by its label only; it never carries an arm.
/// </summary>
public sealed class SaeReport : IAudited
{
    public const int NarrativeMax = 8000;

    private SaeReport() { }

    public SaeReport(AdverseEvent ae, int sequence, SaeReportKind kind, string narrative, DateTimeOffset? dueAt, string by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        AdverseEventId = ae.Id;
        SubjectId = ae.SubjectId;
        ProjectId = ae.ProjectId;
        Sequence = sequence;
        Kind = kind;
        Narrative = narrative;
        DueAt = dueAt;
        SubmittedBy = by;
        SubmittedAt = at;
        Late = dueAt is not null && at > dueAt;
    }

    public Guid Id { get; private set; }
    public Guid AdverseEventId { get; private set; }
    public Guid SubjectId { get; private set; }
    public Guid ProjectId { get; private set; }

    /// <summary>1 for the initial report, then 2, 3, ...</summary>
    public int Sequence { get; private set; }
    public SaeReportKind Kind { get; private set; }
    public string Narrative { get; private set; } = "";
    public DateTimeOffset? DueAt { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public string SubmittedBy { get; private set; } = "";
    public bool Late { get; private set; }
}

internal sealed class SaeReportConfiguration : IEntityTypeConfiguration<SaeReport>
{
    public void Configure(EntityTypeBuilder<SaeReport> b)
    {
        b.ToTable("sae_reports");
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.AdverseEventId, r.Sequence }).IsUnique();
        b.HasIndex(r => r.ProjectId);
        b.HasOne<AdverseEvent>().WithMany().HasForeignKey(r => r.AdverseEventId).OnDelete(DeleteBehavior.Restrict);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Narrative).HasMaxLength(SaeReport.NarrativeMax).IsRequired();
        b.Property(r => r.SubmittedBy).HasMaxLength(Subject.UserNameMax).IsRequired();
    }
}
