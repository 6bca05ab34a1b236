using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Contracts;

/// <summary>One line of a contract's current budget; its total is computed by <see cref="Budget"/>, never taken from a client.</summary>
public sealed class BudgetLine : IAudited
{
    private BudgetLine() { }

    internal BudgetLine(Guid contractId, int position, BudgetLineSnapshot line)
    {
        Id = Guid.CreateVersion7();
        ContractId = contractId;
        Position = position;
        Kind = Enum.Parse<BudgetLineKind>(line.Kind);
        Description = line.Description;
        UnitAmount = line.UnitAmount;
        Quantity = line.Quantity;
        Total = line.Total;
    }

    public Guid Id { get; private set; }
    public Guid ContractId { get; private set; }

    /// <summary>The line's place in the budget, from 1.</summary>
    public int Position { get; private set; }

    public BudgetLineKind Kind { get; private set; }
    public string Description { get; private set; } = "";

    /// <summary>The amount per unit; for overhead, the percentage.</summary>
    public decimal UnitAmount { get; private set; }

    public decimal Quantity { get; private set; }
    public decimal Total { get; private set; }

    public BudgetLineSnapshot ToSnapshot() => new(Kind.ToString(), Description, UnitAmount, Quantity, Total);
}

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> b)
    {
        b.ToTable("contract_budget_lines");
        b.HasKey(l => l.Id);
        // Lines are created by the contract (replacing the draft's lines): a new line found through the navigation is an insert.
        b.Property(l => l.Id).ValueGeneratedNever();
        b.HasIndex(l => new { l.ContractId, l.Position });
        b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(l => l.Description).HasMaxLength(Budget.DescriptionMax).IsRequired();
        b.Property(l => l.UnitAmount).HasPrecision(18, 2);
        b.Property(l => l.Quantity).HasPrecision(18, 2);
        b.Property(l => l.Total).HasPrecision(18, 2);
    }
}
