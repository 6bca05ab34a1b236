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
        b.Property(p => p.Title).HasMaxLength(Project.TitleMax).IsRequired();
        b.Property(p => p.Sponsor).HasMaxLength(Project.SponsorMax);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(p => p.Version).IsConcurrencyToken();
    }
}
