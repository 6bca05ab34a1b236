using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Contracts;

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> b)
    {
        b.ToTable("contracts");
        b.HasKey(c => c.Id);
        // One contract a project; later changes are amendments of it.
        b.HasIndex(c => c.ProjectId).IsUnique();
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.Number).HasMaxLength(Contract.NumberMax).IsRequired();
        b.Property(c => c.Title).HasMaxLength(Contract.TitleMax).IsRequired();
        b.Property(c => c.SponsorParty).HasMaxLength(Contract.PartyMax);
        b.Property(c => c.CroParty).HasMaxLength(Contract.PartyMax);
        b.Property(c => c.HospitalParty).HasMaxLength(Contract.PartyMax).IsRequired();
        b.Property(c => c.Currency).HasMaxLength(3).IsFixedLength().IsRequired();
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(c => c.Total).HasPrecision(18, 2);
        b.Property(c => c.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.ContractId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Lines).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_lines");
        b.Ignore(c => c.IsEditable);
    }
}
