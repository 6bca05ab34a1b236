using Ctms.Domain.Audit;
using Ctms.Domain.Pharmacy.Stock;
using Ctms.Domain.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Pharmacy.Receipt;

/// <summary>
/// A shipment from the sponsor (O18): registered with its packing list (the kits it should hold, which become expected
/// kits), then received at a place of the pharmacy by scanning what arrived, with the temperature log of the transport.
/// What differs from the packing list (a kit missing, a kit not on the list, a damaged kit) is kept as a discrepancy; a
/// temperature excursion puts the whole shipment in quarantine until the sponsor's decision.
/// </summary>
public sealed class Shipment : IAudited
{
    public const int NumberMax = 64;
    public const int NoteMax = 2000;

    private Shipment() { }

    public Shipment(Guid projectId, string number, Guid toLocationId, string? sender, DateTimeOffset at, string by)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        Number = number;
        ToLocationId = toLocationId;
        Sender = sender;
        Status = ShipmentStatus.Expected;
        RegisteredAt = at;
        RegisteredBy = by;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }

    /// <summary>The sponsor's shipment number, printed on the shipment's label as a barcode.</summary>
    public string Number { get; private set; } = "";

    public Guid ToLocationId { get; private set; }
    public string? Sender { get; private set; }
    public ShipmentStatus Status { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public string RegisteredBy { get; private set; } = "";
    public DateTimeOffset? ReceivedAt { get; private set; }
    public string? ReceivedBy { get; private set; }

    /// <summary>The lowest and highest temperatures the transport's logger recorded (°C), and its reference.</summary>
    public decimal? LoggedMin { get; private set; }
    public decimal? LoggedMax { get; private set; }
    public string? LoggerReference { get; private set; }
    public bool Excursion { get; private set; }

    /// <summary>The differences from the packing list found at receipt (JSON list of <see cref="ShipmentDiscrepancy"/>).</summary>
    public string Discrepancies { get; private set; } = "[]";

    public string? Note { get; private set; }

    public IReadOnlyList<ShipmentDiscrepancy> DiscrepancyList => JsonColumn.Read<List<ShipmentDiscrepancy>>(Discrepancies, []);

    internal void MarkReceived(DateTimeOffset at, string by, decimal? loggedMin, decimal? loggedMax, string? logger, bool excursion,
        IReadOnlyList<ShipmentDiscrepancy> discrepancies, string? note)
    {
        Status = ShipmentStatus.Received;
        ReceivedAt = at;
        ReceivedBy = by;
        LoggedMin = loggedMin;
        LoggedMax = loggedMax;
        LoggerReference = logger;
        Excursion = excursion;
        Discrepancies = JsonColumn.Write(discrepancies.ToList());
        Note = note;
    }
}

public enum ShipmentStatus
{
    Expected,
    Received,
}

public enum DiscrepancyKind
{
    /// <summary>On the packing list, not in the box.</summary>
    Missing,

    /// <summary>In the box, not on the packing list (kept aside, not taken into stock).</summary>
    Unexpected,

    /// <summary>Arrived damaged: taken into quarantine.</summary>
    Damaged,
}

public sealed record ShipmentDiscrepancy(DiscrepancyKind Kind, string Code, string? Note);

internal sealed class ShipmentConfiguration : IEntityTypeConfiguration<Shipment>
{
    public void Configure(EntityTypeBuilder<Shipment> b)
    {
        b.ToTable("ip_shipments");
        b.HasKey(s => s.Id);
        b.HasIndex(s => new { s.ProjectId, s.Number }).IsUnique();
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StockLocation>().WithMany().HasForeignKey(s => s.ToLocationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.Number).HasMaxLength(Shipment.NumberMax).IsRequired();
        b.Property(s => s.Sender).HasMaxLength(200);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(s => s.RegisteredBy).HasMaxLength(256).IsRequired();
        b.Property(s => s.ReceivedBy).HasMaxLength(256);
        b.Property(s => s.LoggedMin).HasPrecision(5, 1);
        b.Property(s => s.LoggedMax).HasPrecision(5, 1);
        b.Property(s => s.LoggerReference).HasMaxLength(200);
        b.Property(s => s.Discrepancies).IsRequired();
        b.Property(s => s.Note).HasMaxLength(Shipment.NoteMax);
        b.Ignore(s => s.DiscrepancyList);
    }
}
