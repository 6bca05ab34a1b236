using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Access;

internal sealed class CtmsUserConfiguration : IEntityTypeConfiguration<CtmsUser>
{
    public void Configure(EntityTypeBuilder<CtmsUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.PreferredCulture).HasMaxLength(10);
        b.Property(u => u.PasswordHash).IsAuditMasked();
        b.Property(u => u.SecurityStamp).IsAuditMasked();
        b.Property(u => u.ConcurrencyStamp).IsAuditIgnored();
        b.Property(u => u.NormalizedUserName).IsAuditIgnored();
        b.Property(u => u.NormalizedEmail).IsAuditIgnored();
    }
}
