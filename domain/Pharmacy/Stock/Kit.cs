using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Pharmacy.Stock;

/// <summary>
/// One kit of a product: the unit the pharmacy receives, moves, dispenses and takes back. Its kit number is printed on its
/// label as a barcode; its random code is the blinded medication code the sponsor printed on it; its content (the arm it
/// holds) is concealed from blinded roles, as the subject's arm is. The kit's status and place are a projection of the
/// ledger kept in the same unit of work by <see cref="StockLedger"/>; <see cref="Version"/> is the optimistic lock that lets
/// one of two pharmacists scanning the same kit at the same moment win.
/// </summary>
public sealed class Kit : IAudited
{
    public const int NumberMax = 64;
    public const int ArmMax = 32;

    private Kit() { }

    public Kit(Guid projectId, Guid shipmentId, Guid productId, Guid batchId, string kitNumber, string? randomCode, string arm, int units)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        ShipmentId = shipmentId;
        ProductId = productId;
        BatchId = batchId;
        KitNumber = kitNumber;
        RandomCode = randomCode;
        Arm = arm;
        Units = units;
        Status = KitStatus.Expected;
        LocationId = StockLocation.SponsorId;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }

    /// <summary>The shipment whose packing list named the kit.</summary>
    public Guid ShipmentId { get; private set; }

    public Guid ProductId { get; private set; }
    public Guid BatchId { get; private set; }
    public string KitNumber { get; private set; } = "";
    public string? RandomCode { get; private set; }

    /// <summary>The arm whose treatment the kit holds. Never in a response to a blinded role.</summary>
    public string Arm { get; private set; } = "";

    /// <summary>Units in the kit as packed.</summary>
    public int Units { get; private set; }

    public KitStatus Status { get; private set; }
    public Guid LocationId { get; private set; }

    /// <summary>The subject the kit was dispensed to, and on which prescription.</summary>
    public Guid? SubjectId { get; private set; }
    public Guid? PrescriptionId { get; private set; }

    /// <summary>Units the subject brought back (O22), when, by whom taken back, and the compliance they show.</summary>
    public int? UnitsReturned { get; private set; }
    public DateTimeOffset? ReturnedAt { get; private set; }
    public string? ReturnedBy { get; private set; }

    /// <summary>Units used over units the prescribed dose needed between dispensing and return, in percent; null without a dose.</summary>
    public decimal? Compliance { get; private set; }

    /// <summary>The disposal (destruction or return to the sponsor, O23) the kit left the site with.</summary>
    public Guid? DisposalId { get; private set; }

    /// <summary>Units of this kit counted at the site now: all of them once received, none while with a subject, the returned ones after.</summary>
    public int UnitsOnSite { get; private set; }

    /// <summary>Why the kit is in quarantine (a temperature excursion, damage), when it is.</summary>
    public string? QuarantineReason { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    internal void Place(KitStatus status, Guid locationId, int unitsOnSite)
    {
        Status = status;
        LocationId = locationId;
        UnitsOnSite = unitsOnSite;
        Version = Guid.NewGuid();
    }

    internal void Place(KitStatus status, Guid locationId) => Place(status, locationId, UnitsOnSite);

    internal void Quarantine(Guid locationId, string reason)
    {
        QuarantineReason = reason;
        Place(KitStatus.Quarantined, locationId);
    }

    internal void Release(Guid locationId)
    {
        QuarantineReason = null;
        Place(KitStatus.Available, locationId);
    }

    internal void DispenseTo(Guid subjectId, Guid prescriptionId)
    {
        SubjectId = subjectId;
        PrescriptionId = prescriptionId;
        Place(KitStatus.Dispensed, StockLocation.SubjectsId, 0);
    }

    internal void TakeBack(int units, Guid locationId, DateTimeOffset at, string by, decimal? compliance)
    {
        UnitsReturned = units;
        ReturnedAt = at;
        ReturnedBy = by;
        Compliance = compliance;
        Place(KitStatus.Returned, locationId, units);
    }

    internal void DisposedBy(Guid disposalId) => DisposalId = disposalId;

    internal void Adjust(int delta) => Place(Status, LocationId, UnitsOnSite + delta);

    /// <summary>Whether the kit is usable stock: received, not quarantined, not gone.</summary>
    public bool Dispensable => Status == KitStatus.Available;
}

public enum KitStatus
{
    /// <summary>On a packing list, not received yet.</summary>
    Expected,
    Available,
    Quarantined,
    InTransit,
    Dispensed,
    Returned,
    Destroyed,
    ReturnedToSponsor,

    /// <summary>On the packing list but not in the shipment (a discrepancy at receipt).</summary>
    Missing,
}

internal sealed class KitConfiguration : IEntityTypeConfiguration<Kit>
{
    public void Configure(EntityTypeBuilder<Kit> b)
    {
        b.ToTable("ip_kits");
        b.HasKey(k => k.Id);
        b.HasIndex(k => new { k.ProjectId, k.KitNumber }).IsUnique();
        b.HasIndex(k => new { k.ProjectId, k.Status, k.LocationId });
        b.HasIndex(k => k.SubjectId);
        b.HasOne<Receipt.Shipment>().WithMany().HasForeignKey(k => k.ShipmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<InvestigationalProduct>().WithMany().HasForeignKey(k => k.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ProductBatch>().WithMany().HasForeignKey(k => k.BatchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StockLocation>().WithMany().HasForeignKey(k => k.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(k => k.KitNumber).HasMaxLength(Kit.NumberMax).IsRequired();
        b.Property(k => k.RandomCode).HasMaxLength(Kit.NumberMax);
        b.Property(k => k.Arm).HasMaxLength(Kit.ArmMax).IsRequired();
        b.Property(k => k.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(k => k.QuarantineReason).HasMaxLength(500);
        b.Property(k => k.ReturnedBy).HasMaxLength(256);
        b.Property(k => k.Compliance).HasPrecision(7, 1);
        b.Property(k => k.Version).IsConcurrencyToken();
        b.Ignore(k => k.Dispensable);
    }
}
