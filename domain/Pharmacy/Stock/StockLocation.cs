using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Pharmacy.Stock;

/// <summary>
/// Where stock is, or where it went. The hospital's own places (the central pharmacy, satellite pharmacies, quarantine)
/// are created by the pharmacy; the outside places (the sponsor, stock in transit, the subjects, destroyed) exist once,
/// seeded, so that every ledger entry moves units from one place to another and the ledger always sums to zero.
/// </summary>
public sealed class StockLocation : IAudited
{
    public const int CodeMax = 32;
    public const int NameMax = 200;

    /// <summary>The seeded outside places.</summary>
    public static readonly Guid SponsorId = new("0193a000-0000-7000-8000-00000000a001");
    public static readonly Guid InTransitId = new("0193a000-0000-7000-8000-00000000a002");
    public static readonly Guid SubjectsId = new("0193a000-0000-7000-8000-00000000a003");
    public static readonly Guid DestroyedId = new("0193a000-0000-7000-8000-00000000a004");
    public static readonly Guid LostId = new("0193a000-0000-7000-8000-00000000a005");

    private StockLocation() { }

    public StockLocation(string code, string name, LocationKind kind, string? department)
    {
        Id = Guid.CreateVersion7();
        Code = code;
        Name = name;
        Kind = kind;
        Department = department;
        Active = true;
    }

    private StockLocation(Guid id, string code, string name, LocationKind kind)
    {
        Id = id;
        Code = code;
        Name = name;
        Kind = kind;
        Active = true;
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public LocationKind Kind { get; private set; }

    /// <summary>The hospital department (dictionary code) a satellite pharmacy serves.</summary>
    public string? Department { get; private set; }

    public bool Active { get; private set; }

    /// <summary>Whether this is one of the hospital's places (stock on hand), not an outside one.</summary>
    public bool OnSite => Kind is LocationKind.CentralPharmacy or LocationKind.SatellitePharmacy or LocationKind.Quarantine;

    public void Update(string name, string? department, bool active)
    {
        Name = name;
        Department = department;
        Active = active;
    }

    internal static IEnumerable<StockLocation> Outside() =>
    [
        new(SponsorId, "SPONSOR", "Sponsor", LocationKind.Sponsor),
        new(InTransitId, "IN-TRANSIT", "In transit", LocationKind.InTransit),
        new(SubjectsId, "SUBJECTS", "With subjects", LocationKind.Subjects),
        new(DestroyedId, "DESTROYED", "Destroyed", LocationKind.Destroyed),
        new(LostId, "ADJUSTED", "Adjusted (lost or found)", LocationKind.Adjusted),
    ];
}

public enum LocationKind
{
    CentralPharmacy,
    SatellitePharmacy,
    Quarantine,

    // Outside places, seeded once.
    Sponsor,
    InTransit,
    Subjects,
    Destroyed,

    /// <summary>Where an adjustment takes units to (a loss, a breakage) or brings them from (units found).</summary>
    Adjusted,
}

internal sealed class StockLocationConfiguration : IEntityTypeConfiguration<StockLocation>
{
    public void Configure(EntityTypeBuilder<StockLocation> b)
    {
        b.ToTable("stock_locations");
        b.HasKey(l => l.Id);
        b.HasIndex(l => l.Code).IsUnique();
        b.Property(l => l.Code).HasMaxLength(StockLocation.CodeMax).IsRequired();
        b.Property(l => l.Name).HasMaxLength(StockLocation.NameMax).IsRequired();
        b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(l => l.Department).HasMaxLength(64);
        b.Ignore(l => l.OnSite);
        b.HasData(StockLocation.Outside().Select(l => new { l.Id, l.Code, l.Name, l.Kind, l.Active }));
    }
}
