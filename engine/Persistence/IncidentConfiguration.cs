using Ctms.Engine.Runtime.State;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Engine.Persistence;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<IncidentState>
{
    public void Configure(EntityTypeBuilder<IncidentState> b)
    {
        b.ToTable("engine_incidents");
        b.HasKey(i => i.Id);
        b.Property(i => i.ElementId).HasMaxLength(200);
        b.Property(i => i.Code).HasMaxLength(32);
        b.Property(i => i.Message).HasMaxLength(4000);
        b.HasIndex(i => i.InstanceId);
    }
}

internal sealed class HistoryRowConfiguration : IEntityTypeConfiguration<HistoryRow>
{
    public void Configure(EntityTypeBuilder<HistoryRow> b)
    {
        b.ToTable("engine_history");
        b.HasKey(h => h.Sequence);
        b.Property(h => h.Sequence).ValueGeneratedOnAdd();
        b.Property(h => h.ElementId).HasMaxLength(200);
        b.Property(h => h.ElementType).HasMaxLength(64);
        b.Property(h => h.Event).HasMaxLength(16);
        b.Property(h => h.UserId).HasMaxLength(256);
        b.Property(h => h.Detail).HasMaxLength(HistoryEvents.MaxDetail + 200);
        b.HasIndex(h => h.InstanceId);
    }
}
