using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Engine.Persistence;

internal sealed class DefinitionRowConfiguration : IEntityTypeConfiguration<DefinitionRow>
{
    public void Configure(EntityTypeBuilder<DefinitionRow> b)
    {
        b.ToTable("engine_definitions");
        b.HasKey(d => new { d.ProcessId, d.Version });
        b.Property(d => d.ProcessId).HasMaxLength(200);
        b.Property(d => d.Name).HasMaxLength(500);
        b.Property(d => d.ResourceName).HasMaxLength(500);
        b.Property(d => d.Hash).HasMaxLength(64);
    }
}
