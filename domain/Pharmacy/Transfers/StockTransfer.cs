using Ctms.Domain.Audit;
using Ctms.Domain.Pharmacy.Stock;
using Ctms.Domain.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Pharmacy.Transfers;

/// <summary>
/// A two-sided transfer between places of the pharmacy (O19, `transfer-stock`): the sending pharmacist scans the kits
/// out (they are in transit), the receiving one scans them in at the destination. A kit scanned in that was not sent, or
/// a kit sent but not scanned in, is named; the transfer is complete when every kit sent has arrived.
/// </summary>
public sealed class StockTransfer : IAudited
{
    private StockTransfer() { }

    public StockTransfer(Guid projectId, Guid fromLocationId, Guid toLocationId, IReadOnlyList<string> kitNumbers, string by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        FromLocationId = fromLocationId;
        ToLocationId = toLocationId;
        KitNumbers = JsonColumn.Write(kitNumbers.ToList());
        SentBy = by;
        SentAt = at;
        Status = TransferStatus.InTransit;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public Guid FromLocationId { get; private set; }
    public Guid ToLocationId { get; private set; }
    public string KitNumbers { get; private set; } = "[]";
    public string ReceivedKitNumbers { get; private set; } = "[]";
    public string SentBy { get; private set; } = "";
    public DateTimeOffset SentAt { get; private set; }
    public string? ReceivedBy { get; private set; }
    public DateTimeOffset? ReceivedAt { get; private set; }
    public TransferStatus Status { get; private set; }

    public IReadOnlyList<string> KitNumberList => JsonColumn.Strings(KitNumbers);
    public IReadOnlyList<string> ReceivedList => JsonColumn.Strings(ReceivedKitNumbers);

    internal void Received(IEnumerable<string> numbers, string by, DateTimeOffset at)
    {
        var all = ReceivedList.Concat(numbers).Distinct(StringComparer.Ordinal).ToList();
        ReceivedKitNumbers = JsonColumn.Write(all);
        ReceivedBy = by;
        ReceivedAt = at;
        Status = KitNumberList.All(all.Contains) ? TransferStatus.Received : TransferStatus.InTransit;
    }
}

public enum TransferStatus
{
    InTransit,
    Received,
}

internal sealed class StockTransferConfiguration : IEntityTypeConfiguration<StockTransfer>
{
    public void Configure(EntityTypeBuilder<StockTransfer> b)
    {
        b.ToTable("ip_transfers");
        b.HasKey(t => t.Id);
        b.HasIndex(t => new { t.ProjectId, t.Status });
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StockLocation>().WithMany().HasForeignKey(t => t.FromLocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StockLocation>().WithMany().HasForeignKey(t => t.ToLocationId).OnDelete(DeleteBehavior.Restrict);
        b.Property(t => t.KitNumbers).IsRequired();
        b.Property(t => t.ReceivedKitNumbers).IsRequired();
        b.Property(t => t.SentBy).HasMaxLength(256).IsRequired();
        b.Property(t => t.ReceivedBy).HasMaxLength(256);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(32);
        b.Ignore(t => t.KitNumberList);
        b.Ignore(t => t.ReceivedList);
    }
}
