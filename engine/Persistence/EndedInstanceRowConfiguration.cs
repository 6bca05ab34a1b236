using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Engine.Persistence;

internal sealed class EndedInstanceRowConfiguration : IEntityTypeConfiguration<EndedInstanceRow>
{
    public void Configure(EntityTypeBuilder<EndedInstanceRow> b)
    {
        b.ToTable("engine_ended_instances");
        b.HasKey(i => i.Id);
        b.Property(i => i.ProcessId).HasMaxLength(200);
        b.Property(i => i.BusinessKey).HasMaxLength(200);
        b.Property(i => i.Status).HasMaxLength(16);
        b.HasIndex(i => i.BusinessKey);
        b.HasIndex(i => new { i.ProcessId, i.EndedAt });
        b.HasIndex(i => new { i.ProcessId, i.Id });
        // One process in one final state (terminated, say), newest first, and its count: read in key order from this index alone.
        b.HasIndex(i => new { i.ProcessId, i.Status, i.Id });
    }
}
