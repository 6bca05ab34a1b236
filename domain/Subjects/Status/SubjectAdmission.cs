using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Subjects.Status;

/// <summary>
/// A stay of a subject on the ward (O17, phase I): admitted at, discharged at, and whether the study team or the hospital's
/// encounter (<c>patient-admitted</c> / <c>patient-discharged</c>) recorded it. <see cref="Subject.Admitted"/> says whether
/// a stay is open now.
/// </summary>
public sealed class SubjectAdmission : IAudited
{
    public const int SourceMax = 16;

    private SubjectAdmission() { }

    public SubjectAdmission(Guid subjectId, Guid projectId, DateTimeOffset admittedAt, string source, string by)
    {
        Id = Guid.CreateVersion7();
        SubjectId = subjectId;
        ProjectId = projectId;
        AdmittedAt = admittedAt;
        Source = source;
        AdmittedBy = by;
    }

    public Guid Id { get; private set; }
    public Guid SubjectId { get; private set; }
    public Guid ProjectId { get; private set; }
    public DateTimeOffset AdmittedAt { get; private set; }
    public DateTimeOffset? DischargedAt { get; private set; }

    /// <summary>"site" when the study team recorded it, "hospital" when the hospital's encounter did.</summary>
    public string Source { get; private set; } = "";
    public string AdmittedBy { get; private set; } = "";
    public string? DischargedBy { get; private set; }

    public void Discharge(DateTimeOffset at, string by)
    {
        DischargedAt = at;
        DischargedBy = by;
    }
}

internal sealed class SubjectAdmissionConfiguration : IEntityTypeConfiguration<SubjectAdmission>
{
    public void Configure(EntityTypeBuilder<SubjectAdmission> b)
    {
        b.ToTable("subject_admissions");
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.SubjectId, a.AdmittedAt });
        b.HasOne<Subject>().WithMany().HasForeignKey(a => a.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.Source).HasMaxLength(SubjectAdmission.SourceMax).IsRequired();
        b.Property(a => a.AdmittedBy).HasMaxLength(Subject.UserNameMax).IsRequired();
        b.Property(a => a.DischargedBy).HasMaxLength(Subject.UserNameMax);
    }
}
