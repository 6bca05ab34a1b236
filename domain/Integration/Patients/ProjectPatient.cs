using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Integration.Patients;

/// <summary>
/// A registered patient taken into a project's work (a candidate, later a subject). A study team reads a patient's
/// hospital records only through a project the patient is linked to: the registry alone gives no one access.
/// </summary>
public sealed class ProjectPatient : IAudited
{
    private ProjectPatient() { }

    public ProjectPatient(Guid projectId, Guid patientId, string linkedBy, DateTimeOffset linkedAt)
    {
        ProjectId = projectId;
        PatientId = patientId;
        LinkedBy = linkedBy;
        LinkedAt = linkedAt;
    }

    public Guid ProjectId { get; private set; }
    public Guid PatientId { get; private set; }
    public string LinkedBy { get; private set; } = "";
    public DateTimeOffset LinkedAt { get; private set; }
}

internal sealed class ProjectPatientConfiguration : IEntityTypeConfiguration<ProjectPatient>
{
    public void Configure(EntityTypeBuilder<ProjectPatient> b)
    {
        b.ToTable("project_patients");
        b.HasKey(p => new { p.ProjectId, p.PatientId });
        b.HasIndex(p => p.PatientId);
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Privacy.RegisteredPatient>().WithMany().HasForeignKey(p => p.PatientId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.LinkedBy).HasMaxLength(256).IsRequired();
    }
}
