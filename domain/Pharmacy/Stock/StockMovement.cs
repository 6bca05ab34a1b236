using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Pharmacy.Stock;

/// <summary>
/// One line of the stock ledger: <see cref="Units"/> of a batch (of one kit, mostly) moved from one place to another. The
/// ledger is append-only and double-entry: a receipt moves units from the sponsor, a dispensing to the subjects, a
/// destruction to "destroyed", so every line sums to zero and the quantity of any place at any day is the sum of what
/// came in minus what went out up to that day. A correction is a new line (an adjustment with its reason), never an edit.
/// </summary>
public sealed class StockMovement : IAudited
{
    public const int ReasonMax = 1000;
    public const int ReferenceMax = 100;
    public const int UserMax = 256;

    private StockMovement() { }

    public StockMovement(Guid projectId, Guid productId, Guid batchId, Guid? kitId, MovementKind kind, Guid fromLocationId, Guid toLocationId, int units,
        DateTimeOffset at, string by, string? reason, string? reference)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        ProductId = productId;
        BatchId = batchId;
        KitId = kitId;
        Kind = kind;
        FromLocationId = fromLocationId;
        ToLocationId = toLocationId;
        Units = units;
        At = at;
        OnDay = DateOnly.FromDateTime(at.UtcDateTime);
        By = by;
        Reason = reason;
        Reference = reference;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public Guid ProductId { get; private set; }
    public Guid BatchId { get; private set; }
    public Guid? KitId { get; private set; }
    public MovementKind Kind { get; private set; }
    public Guid FromLocationId { get; private set; }
    public Guid ToLocationId { get; private set; }

    /// <summary>Always positive: the direction is from → to.</summary>
    public int Units { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The UTC day of <see cref="At"/>: what "the quantity on that day" sums up to, comparable on every provider.</summary>
    public DateOnly OnDay { get; private set; }

    public string By { get; private set; } = "";
    public string? Reason { get; private set; }

    /// <summary>What the movement belongs to, as "kind:id" (shipment, transfer, prescription, return, destruction).</summary>
    public string? Reference { get; private set; }
}

public enum MovementKind
{
    Receipt,
    TransferOut,
    TransferIn,
    Dispense,
    Return,
    Quarantine,
    Release,
    Destruction,
    ReturnToSponsor,
    Adjustment,
}

internal sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> b)
    {
        b.ToTable("stock_movements");
        b.HasKey(m => m.Id);
        b.HasIndex(m => new { m.ProjectId, m.OnDay });
        b.HasIndex(m => m.KitId);
        b.HasOne<InvestigationalProduct>().WithMany().HasForeignKey(m => m.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ProductBatch>().WithMany().HasForeignKey(m => m.BatchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StockLocation>().WithMany().HasForeignKey(m => m.FromLocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StockLocation>().WithMany().HasForeignKey(m => m.ToLocationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(m => m.By).HasMaxLength(StockMovement.UserMax).IsRequired();
        b.Property(m => m.Reason).HasMaxLength(StockMovement.ReasonMax);
        b.Property(m => m.Reference).HasMaxLength(StockMovement.ReferenceMax);
        b.ToTable(t => t.HasCheckConstraint("ck_stock_movements_units", "\"Units\" > 0"));
    }
}
