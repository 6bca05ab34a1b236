using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Pharmacy.Receipt;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Pharmacy.Labels;

/// <summary>What a kit's label shows. Never its content: a label is read by everyone, the blinded included.</summary>
public sealed record KitLabel(string Protocol, string Product, string KitNumber, string? RandomCode, string Batch, DateOnly ExpiresOn, int Units, string Unit,
    string? Storage);

public sealed record ShipmentLabel(string Protocol, string Number, string Destination, string? Sender, int Kits);

/// <summary>The labels of the kits named (by kit number), or of every kit of a shipment; for the label printer.</summary>
public sealed record GetKitLabels(Guid ProjectId, IReadOnlyList<string>? KitNumbers, Guid? ShipmentId) : IQuery<IReadOnlyList<KitLabel>>;

public sealed class GetKitLabelsHandler(CtmsDbContext db, PharmacyStore store) : IQueryHandler<GetKitLabels, IReadOnlyList<KitLabel>>
{
    public async ValueTask<IReadOnlyList<KitLabel>> Handle(GetKitLabels query, CancellationToken ct)
    {
        await store.EnsureAsync(query.ProjectId, ProjectActions.PharmacyStock, ct);
        var kits = db.Kits.AsNoTracking().Where(k => k.ProjectId == query.ProjectId);
        if (query.ShipmentId is { } shipment)
        {
            kits = kits.Where(k => k.ShipmentId == shipment);
        }
        else
        {
            var numbers = (query.KitNumbers ?? []).Select(ScanCode.Clean).ToList();
            kits = kits.Where(k => numbers.Contains(k.KitNumber));
        }
        var list = await kits.ToListAsync(ct);
        if (list.Count == 0)
        {
            throw new NotFoundException("No kit of this study has these numbers.");
        }
        var protocol = await db.Projects.AsNoTracking().Where(p => p.Id == query.ProjectId).Select(p => p.ProtocolNumber).SingleAsync(ct);
        var products = await db.IpProducts.AsNoTracking().Where(p => p.ProjectId == query.ProjectId).ToDictionaryAsync(p => p.Id, ct);
        var batches = await db.IpBatches.AsNoTracking().Where(b => b.ProjectId == query.ProjectId).ToDictionaryAsync(b => b.Id, ct);
        return [.. list.OrderBy(k => k.KitNumber, StringComparer.Ordinal).Select(k => new KitLabel(protocol ?? "", products[k.ProductId].Name, k.KitNumber,
            k.RandomCode, batches[k.BatchId].Number, batches[k.BatchId].ExpiresOn, k.Units, products[k.ProductId].Unit, products[k.ProductId].Storage))];
    }
}

public sealed record GetShipmentLabel(Guid ShipmentId) : IQuery<ShipmentLabel>;

public sealed class GetShipmentLabelHandler(CtmsDbContext db, PharmacyStore store) : IQueryHandler<GetShipmentLabel, ShipmentLabel>
{
    public async ValueTask<ShipmentLabel> Handle(GetShipmentLabel query, CancellationToken ct)
    {
        var shipment = await db.IpShipments.AsNoTracking().SingleOrDefaultAsync(s => s.Id == query.ShipmentId, ct)
                       ?? throw new NotFoundException($"Shipment {query.ShipmentId} was not found.");
        await store.EnsureAsync(shipment.ProjectId, ProjectActions.PharmacyStock, ct);
        var protocol = await db.Projects.AsNoTracking().Where(p => p.Id == shipment.ProjectId).Select(p => p.ProtocolNumber).SingleAsync(ct);
        var destination = await db.StockLocations.AsNoTracking().Where(l => l.Id == shipment.ToLocationId).Select(l => l.Name).SingleAsync(ct);
        var kits = await db.Kits.AsNoTracking().CountAsync(k => k.ShipmentId == shipment.Id, ct);
        return new ShipmentLabel(protocol ?? "", shipment.Number, destination, shipment.Sender, kits);
    }
}
