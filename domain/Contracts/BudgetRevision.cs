using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Contracts;

/// <summary>
/// One effective version of a contract's budget (the budget history): revision 1 when the contract is signed, one more
/// for each signed amendment. Its lines are a JSON snapshot, so the history never changes when the contract does.
/// </summary>
public sealed class BudgetRevision : IAudited
{
    public const int ReasonMax = 2000;

    private BudgetRevision() { }

    internal BudgetRevision(Guid contractId, int number, IReadOnlyList<BudgetLineSnapshot> lines, string reason, Guid? amendmentId,
        DateOnly effectiveFrom, string createdBy, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        ContractId = contractId;
        Number = number;
        LinesJson = Budget.ToJson(lines);
        Total = Budget.Total(lines);
        Reason = reason;
        AmendmentId = amendmentId;
        EffectiveFrom = effectiveFrom;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid ContractId { get; private set; }

    /// <summary>The version number, from 1.</summary>
    public int Number { get; private set; }

    public string LinesJson { get; private set; } = "[]";
    public decimal Total { get; private set; }
    public string Reason { get; private set; } = "";

    /// <summary>The amendment that made this revision; null for the signed contract's first.</summary>
    public Guid? AmendmentId { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<BudgetLineSnapshot> Lines => Budget.FromJson(LinesJson);
}

internal sealed class BudgetRevisionConfiguration : IEntityTypeConfiguration<BudgetRevision>
{
    public void Configure(EntityTypeBuilder<BudgetRevision> b)
    {
        b.ToTable("contract_budget_revisions");
        b.HasKey(r => r.Id);
        b.HasIndex(r => new { r.ContractId, r.Number }).IsUnique();
        b.Property(r => r.LinesJson).IsRequired();
        b.Property(r => r.Total).HasPrecision(18, 2);
        b.Property(r => r.Reason).HasMaxLength(BudgetRevision.ReasonMax).IsRequired();
        b.Property(r => r.CreatedBy).HasMaxLength(256).IsRequired();
        b.Ignore(r => r.Lines);
    }
}
