using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Audit;

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> b)
    {
        b.ToTable("audit_records");
        b.HasKey(r => r.Sequence);
        b.Property(r => r.Sequence).ValueGeneratedNever();
        b.Property(r => r.UserId).HasMaxLength(64).IsRequired();
        b.Property(r => r.UserName).HasMaxLength(256);
        b.Property(r => r.Action).HasConversion<string>().HasMaxLength(8);
        b.Property(r => r.EntityType).HasMaxLength(128).IsRequired();
        b.Property(r => r.EntityKey).HasMaxLength(256).IsRequired();
        b.Property(r => r.Field).HasMaxLength(128).IsRequired();
        b.Property(r => r.OldValue).HasMaxLength(AuditRecord.FieldValueMax);
        b.Property(r => r.NewValue).HasMaxLength(AuditRecord.FieldValueMax);
        b.Property(r => r.Reason).HasMaxLength(1000);
        b.Property(r => r.PreviousHash).HasMaxLength(64).IsFixedLength().IsRequired();
        b.Property(r => r.Hash).HasMaxLength(64).IsFixedLength().IsRequired();
        b.HasIndex(r => new { r.EntityType, r.EntityKey });
    }
}
