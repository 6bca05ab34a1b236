using Ctms.Domain.Audit;
using Ctms.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Access;

internal sealed class ProjectMembershipConfiguration : IEntityTypeConfiguration<ProjectMembership>
{
    public void Configure(EntityTypeBuilder<ProjectMembership> b)
    {
        b.ToTable("project_memberships");
        b.HasKey(m => m.Id);
        b.Property(m => m.UserId).HasMaxLength(64).IsRequired();
        b.Property(m => m.Role).HasMaxLength(32).IsRequired();
        b.HasIndex(m => m.UserId);
        b.HasIndex(m => m.ProjectId);
        b.HasOne<Project>().WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CtmsUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        b.IsAudited().RequiresAuditReason();
    }
}
