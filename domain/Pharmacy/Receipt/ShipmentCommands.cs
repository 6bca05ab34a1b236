using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Pharmacy.Stock;
using Ctms.Domain.Subjects.Protocol;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Pharmacy.Receipt;

/// <summary>One kit of a packing list. Units default to the product's kit size.</summary>
public sealed record PackingLine(string? KitNumber, string? RandomCode, string? Product, string? Batch, DateOnly? ExpiresOn, string? Arm, int? Units);

public sealed record DamagedKit(string? Code, string? Note);

public sealed record ShipmentDto(Guid Id, string Number, string Destination, string? Sender, ShipmentStatus Status, DateTimeOffset RegisteredAt,
    string RegisteredBy, DateTimeOffset? ReceivedAt, string? ReceivedBy, int Expected, int Received, int Quarantined, decimal? LoggedMin, decimal? LoggedMax,
    string? LoggerReference, bool Excursion, IReadOnlyList<ShipmentDiscrepancy> Discrepancies, string? Note);

/// <summary>Registers a shipment announced by the sponsor with its packing list (O18): its kits become expected kits.</summary>
public sealed record RegisterShipment(Guid ProjectId, string? Number, Guid LocationId, string? Sender, IReadOnlyList<PackingLine>? Kits)
    : ICommand<ShipmentDto>, IValidatable
{
    public const int MaxKits = 5000;

    public void Validate(Validator v)
    {
        v.Required(nameof(Number), Number, Shipment.NumberMax)
            .Optional(nameof(Sender), Sender, 200)
            .Must(Kits is { Count: > 0 and <= MaxKits }, nameof(Kits), $"A packing list names 1 to {MaxKits} kits.");
        for (var i = 0; i < (Kits?.Count ?? 0); i++)
        {
            var line = Kits![i];
            var at = $"{nameof(Kits)}.{i}";
            v.Required($"{at}.kitNumber", line.KitNumber, Kit.NumberMax)
                .Optional($"{at}.randomCode", line.RandomCode, Kit.NumberMax)
                .Required($"{at}.product", line.Product, InvestigationalProduct.CodeMax)
                .Required($"{at}.batch", line.Batch, ProductBatch.NumberMax)
                .Required($"{at}.arm", line.Arm, Kit.ArmMax)
                .Must(line.ExpiresOn is not null, $"{at}.expiresOn", "Each kit's expiry date is on the packing list.")
                .Must(line.Units is null or (>= 1 and <= 10_000), $"{at}.units", "A kit holds 1 to 10,000 units.");
        }
        var duplicate = Kits?.GroupBy(k => ScanCode.Clean(k.KitNumber), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1)?.Key;
        v.Must(duplicate is null, nameof(Kits), $"Kit {duplicate} is twice on the packing list.");
    }
}

public sealed class RegisterShipmentHandler(CtmsDbContext db, PharmacyStore store, TimeProvider clock) : ICommandHandler<RegisterShipment, ShipmentDto>
{
    public async ValueTask<ShipmentDto> Handle(RegisterShipment command, CancellationToken ct)
    {
        await store.EnsureAsync(command.ProjectId, ProjectActions.PharmacyStock, ct);
        var to = await store.LocationAsync(command.LocationId, ct);
        if (!to.OnSite || !to.Active)
        {
            throw DomainValidationException.For(nameof(RegisterShipment.LocationId), $"{to.Name} is not an active place of the pharmacy.");
        }
        var number = ScanCode.Clean(command.Number);
        if (await db.IpShipments.AnyAsync(s => s.ProjectId == command.ProjectId && s.Number == number, ct))
        {
            throw new ConflictException($"Shipment {number} is already registered for this study.");
        }
        var products = await db.IpProducts.Where(p => p.ProjectId == command.ProjectId).ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, ct);
        var arms = (await db.StudyArms.AsNoTracking().Where(a => a.ProjectId == command.ProjectId).Select(a => a.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var batches = await db.IpBatches.Where(b => b.ProjectId == command.ProjectId).ToListAsync(ct);
        var numbers = command.Kits!.Select(k => ScanCode.Clean(k.KitNumber)).ToList();
        var existing = await db.Kits.AsNoTracking().Where(k => k.ProjectId == command.ProjectId && numbers.Contains(k.KitNumber))
            .Select(k => k.KitNumber).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            throw new ConflictException($"Kit {existing} is already known for this study.");
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new Validator();
        var shipment = new Shipment(command.ProjectId, number, to.Id, command.Sender, clock.GetUtcNow(), store.UserName);
        db.IpShipments.Add(shipment);
        for (var i = 0; i < command.Kits!.Count; i++)
        {
            var line = command.Kits[i];
            var at = $"{nameof(RegisterShipment.Kits)}.{i}";
            if (!products.TryGetValue(line.Product!, out var product))
            {
                errors.Add($"{at}.product", $"The study has no product {line.Product}.");
                continue;
            }
            if (!arms.Contains(line.Arm!))
            {
                errors.Add($"{at}.arm", $"The study has no arm {line.Arm}.");
                continue;
            }
            if (line.ExpiresOn!.Value < today)
            {
                errors.Add($"{at}.expiresOn", $"Kit {line.KitNumber} expired on {line.ExpiresOn:yyyy-MM-dd}.");
                continue;
            }
            var batch = batches.FirstOrDefault(b => b.ProductId == product.Id && b.Number == line.Batch);
            if (batch is null)
            {
                batch = new ProductBatch(command.ProjectId, product.Id, line.Batch!, line.ExpiresOn.Value);
                batches.Add(batch);
                db.IpBatches.Add(batch);
            }
            else if (batch.ExpiresOn != line.ExpiresOn)
            {
                errors.Add($"{at}.expiresOn", $"Batch {batch.Number} expires on {batch.ExpiresOn:yyyy-MM-dd}, not {line.ExpiresOn:yyyy-MM-dd}.");
                continue;
            }
            db.Kits.Add(new Kit(command.ProjectId, shipment.Id, product.Id, batch.Id, ScanCode.Clean(line.KitNumber), line.RandomCode?.Trim(), line.Arm!,
                line.Units ?? product.UnitsPerKit));
        }
        errors.ThrowIfInvalid();
        await db.SaveChangesAsync(ct);
        return await ShipmentViews.DtoAsync(db, shipment, ct);
    }
}

/// <summary>
/// Receives a registered shipment (O18): the codes scanned from the box, the damaged ones, the transport's temperature log.
/// Kits scanned are taken into stock (in quarantine when damaged or when the log shows an excursion); kits of the list not
/// scanned are missing; codes not on the list are recorded and not taken in. One unit of work: all or nothing.
/// </summary>
public sealed record ReceiveShipment(Guid ShipmentId, IReadOnlyList<string>? Scanned, IReadOnlyList<DamagedKit>? Damaged, decimal? LoggedMin,
    decimal? LoggedMax, string? LoggerReference, string? Note) : ICommand<ShipmentDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Must(Scanned is { Count: > 0 and <= RegisterShipment.MaxKits }, nameof(Scanned), "Scan the kits that arrived.")
        .Must(LoggedMin is null || LoggedMax is null || LoggedMin <= LoggedMax, nameof(LoggedMax), "The highest logged temperature is not below the lowest.")
        .Optional(nameof(LoggerReference), LoggerReference, 200)
        .Optional(nameof(Note), Note, Shipment.NoteMax);
}

public sealed class ReceiveShipmentHandler(CtmsDbContext db, PharmacyStore store, StockLedger ledger, TimeProvider clock)
    : ICommandHandler<ReceiveShipment, ShipmentDto>
{
    public async ValueTask<ShipmentDto> Handle(ReceiveShipment command, CancellationToken ct)
    {
        var shipment = await db.IpShipments.SingleOrDefaultAsync(s => s.Id == command.ShipmentId, ct)
                       ?? throw new NotFoundException($"Shipment {command.ShipmentId} was not found.");
        await store.EnsureAsync(shipment.ProjectId, ProjectActions.PharmacyStock, ct);
        if (shipment.Status != ShipmentStatus.Expected)
        {
            throw new ConflictException($"Shipment {shipment.Number} was already received on {shipment.ReceivedAt:yyyy-MM-dd}.");
        }
        var to = await store.LocationAsync(shipment.ToLocationId, ct);
        var kits = await db.Kits.Where(k => k.ShipmentId == shipment.Id).ToListAsync(ct);
        var byNumber = kits.ToDictionary(k => k.KitNumber, StringComparer.OrdinalIgnoreCase);
        var scanned = command.Scanned!.Select(ScanCode.Clean).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var damaged = (command.Damaged ?? []).Where(d => ScanCode.Clean(d.Code).Length > 0)
            .ToDictionary(d => ScanCode.Clean(d.Code), d => d.Note, StringComparer.OrdinalIgnoreCase);
        var notScanned = damaged.Keys.FirstOrDefault(code => !scanned.Contains(code, StringComparer.OrdinalIgnoreCase));
        if (notScanned is not null)
        {
            throw DomainValidationException.For(nameof(ReceiveShipment.Damaged), $"Kit {notScanned} is marked damaged but was not scanned.");
        }

        var productIds = kits.Select(k => k.ProductId).Distinct().ToList();
        var products = await db.IpProducts.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToListAsync(ct);
        var excursion = products.Any(p => p.IsExcursion(command.LoggedMin, command.LoggedMax));
        var discrepancies = new List<ShipmentDiscrepancy>();
        var reference = $"shipment:{shipment.Id}";
        foreach (var code in scanned)
        {
            if (!byNumber.TryGetValue(code, out var kit))
            {
                discrepancies.Add(new ShipmentDiscrepancy(DiscrepancyKind.Unexpected, code, "Not on the packing list: kept aside, not taken into stock."));
                continue;
            }
            string? quarantine = null;
            if (damaged.TryGetValue(code, out var note))
            {
                discrepancies.Add(new ShipmentDiscrepancy(DiscrepancyKind.Damaged, kit.KitNumber, note));
                quarantine = "Damaged at receipt" + (string.IsNullOrWhiteSpace(note) ? "." : ": " + note.Trim());
            }
            else if (excursion)
            {
                quarantine = $"Temperature excursion in transport ({command.LoggedMin} to {command.LoggedMax} °C): awaiting the sponsor's decision.";
            }
            ledger.Receive(kit, to, reference, quarantine);
        }
        foreach (var kit in kits.Where(k => k.Status == KitStatus.Expected).OrderBy(k => k.KitNumber, StringComparer.Ordinal))
        {
            StockLedger.MarkMissing(kit);
            discrepancies.Add(new ShipmentDiscrepancy(DiscrepancyKind.Missing, kit.KitNumber, null));
        }
        shipment.MarkReceived(clock.GetUtcNow(), store.UserName, command.LoggedMin, command.LoggedMax, command.LoggerReference, excursion, discrepancies,
            command.Note);
        await db.SaveChangesAsync(ct);
        return await ShipmentViews.DtoAsync(db, shipment, ct);
    }
}

public sealed record ListShipments(Guid ProjectId) : IQuery<IReadOnlyList<ShipmentDto>>;

public sealed class ListShipmentsHandler(CtmsDbContext db, PharmacyStore store) : IQueryHandler<ListShipments, IReadOnlyList<ShipmentDto>>
{
    public async ValueTask<IReadOnlyList<ShipmentDto>> Handle(ListShipments query, CancellationToken ct)
    {
        await store.EnsureAsync(query.ProjectId, ProjectActions.PharmacyRead, ct);
        var shipments = await db.IpShipments.AsNoTracking().Where(s => s.ProjectId == query.ProjectId).ToListAsync(ct);
        return await ShipmentViews.DtosAsync(db, shipments.OrderByDescending(s => s.RegisteredAt.UtcTicks).ToList(), ct);
    }
}

public sealed record GetShipment(Guid ShipmentId) : IQuery<ShipmentDto>;

public sealed class GetShipmentHandler(CtmsDbContext db, PharmacyStore store) : IQueryHandler<GetShipment, ShipmentDto>
{
    public async ValueTask<ShipmentDto> Handle(GetShipment query, CancellationToken ct)
    {
        var shipment = await db.IpShipments.AsNoTracking().SingleOrDefaultAsync(s => s.Id == query.ShipmentId, ct)
                       ?? throw new NotFoundException($"Shipment {query.ShipmentId} was not found.");
        try
        {
            await store.EnsureAsync(shipment.ProjectId, ProjectActions.PharmacyRead, ct);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException($"Shipment {query.ShipmentId} was not found.");
        }
        return await ShipmentViews.DtoAsync(db, shipment, ct);
    }
}

internal static class ShipmentViews
{
    public static async Task<ShipmentDto> DtoAsync(CtmsDbContext db, Shipment s, CancellationToken ct) => (await DtosAsync(db, [s], ct))[0];

    /// <summary>The shipments with their destinations and kit counts, in two queries whatever their number.</summary>
    public static async Task<IReadOnlyList<ShipmentDto>> DtosAsync(CtmsDbContext db, IReadOnlyList<Shipment> shipments, CancellationToken ct)
    {
        var ids = shipments.Select(s => s.Id).ToList();
        var places = await db.StockLocations.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        var kits = (await db.Kits.AsNoTracking().Where(k => ids.Contains(k.ShipmentId)).Select(k => new { k.ShipmentId, k.Status }).ToListAsync(ct))
            .ToLookup(k => k.ShipmentId, k => k.Status);
        return [.. shipments.Select(s =>
        {
            var statuses = kits[s.Id].ToList();
            var received = statuses.Count(x => x is not KitStatus.Expected and not KitStatus.Missing);
            return new ShipmentDto(s.Id, s.Number, places[s.ToLocationId], s.Sender, s.Status, s.RegisteredAt, s.RegisteredBy, s.ReceivedAt, s.ReceivedBy,
                statuses.Count, received, statuses.Count(x => x == KitStatus.Quarantined), s.LoggedMin, s.LoggedMax, s.LoggerReference, s.Excursion,
                s.DiscrepancyList, s.Note);
        })];
    }
}
