using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Engine.Persistence;

internal sealed class FormRowConfiguration : IEntityTypeConfiguration<FormRow>
{
    public void Configure(EntityTypeBuilder<FormRow> b)
    {
        b.ToTable("engine_forms");
        b.HasKey(f => new { f.FormId, f.Version });
        b.Property(f => f.FormId).HasMaxLength(200);
        b.Property(f => f.ResourceName).HasMaxLength(500);
        b.Property(f => f.Hash).HasMaxLength(64);
    }
}
