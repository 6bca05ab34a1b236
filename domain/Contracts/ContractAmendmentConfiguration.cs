using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Contracts;

internal sealed class ContractAmendmentConfiguration : IEntityTypeConfiguration<ContractAmendment>
{
    public void Configure(EntityTypeBuilder<ContractAmendment> b)
    {
        b.ToTable("contract_amendments");
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.ContractId, a.Number }).IsUnique();
        b.HasOne<Contract>().WithMany().HasForeignKey(a => a.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.Reason).HasMaxLength(ContractAmendment.ReasonMax).IsRequired();
        b.Property(a => a.LinesJson).IsRequired();
        b.Property(a => a.Total).HasPrecision(18, 2);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(a => a.ProposedBy).HasMaxLength(256).IsRequired();
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Ignore(a => a.Lines);
        b.Ignore(a => a.IsOpen);
    }
}
