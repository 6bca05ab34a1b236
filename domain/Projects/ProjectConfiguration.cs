using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Projects;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.ToTable("projects");
        b.HasKey(p => p.Id);
        b.Property(p => p.ProtocolNumber).HasMaxLength(Project.ProtocolNumberMax).IsRequired();
        b.HasIndex(p => p.ProtocolNumber).IsUnique();
        b.Property(p => p.ProjectNumber).HasMaxLength(Project.ProjectNumberMax);
        b.HasIndex(p => p.ProjectNumber).IsUnique();
        b.Property(p => p.Title).HasMaxLength(Project.TitleMax).IsRequired();
        b.Property(p => p.Sponsor).HasMaxLength(Project.SponsorMax);
        b.Property(p => p.Cro).HasMaxLength(Project.SponsorMax);
        b.Property(p => p.Department).HasMaxLength(Project.DepartmentMax);
        b.Property(p => p.PiUserName).HasMaxLength(Project.UserNameMax);
        b.Property(p => p.ApplicantUserName).HasMaxLength(Project.UserNameMax);
        b.Property(p => p.Phase).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.Type).HasConversion<string>().HasMaxLength(32);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(32);
        b.HasIndex(p => p.Status);
        b.Property(p => p.Version).IsConcurrencyToken();
    }
}
