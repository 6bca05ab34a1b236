using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Access;

internal sealed class AccessRuleConfiguration : IEntityTypeConfiguration<AccessRule>
{
    public void Configure(EntityTypeBuilder<AccessRule> b)
    {
        b.ToTable("access_rules");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Role).HasMaxLength(32).IsRequired();
        b.Property(r => r.Action).HasMaxLength(64).IsRequired();
        b.Property(r => r.Scope).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(r => new { r.Role, r.Action, r.Scope }).IsUnique();
        b.HasData(DefaultAccessRules.All);
    }
}
