using Ctms.Engine.Runtime.State;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Engine.Persistence;

internal sealed class JobConfiguration : IEntityTypeConfiguration<JobState>
{
    public void Configure(EntityTypeBuilder<JobState> b)
    {
        b.ToTable("engine_jobs");
        b.HasKey(j => j.Id);
        b.Property(j => j.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(j => j.BoundaryElementId).HasMaxLength(200);
        b.Property(j => j.Interval).HasMaxLength(64);
        b.Property(j => j.LockOwner).HasMaxLength(200);
        b.HasIndex(j => j.DueAt);
        b.HasIndex(j => j.ElementInstanceId);
    }
}
