using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Integration.Dictionary;
using Ctms.Domain.Subjects.Protocol;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Pharmacy.Stock;

public sealed record LocationDto(Guid Id, string Code, string Name, LocationKind Kind, string? Department, bool Active)
{
    public static LocationDto From(StockLocation l) => new(l.Id, l.Code, l.Name, l.Kind, l.Department, l.Active);
}

public sealed record ProductDto(Guid Id, string Code, string Name, string? DrugCode, string Unit, int UnitsPerKit, decimal? MinTemperature,
    decimal? MaxTemperature, string? Storage)
{
    public static ProductDto From(InvestigationalProduct p) =>
        new(p.Id, p.Code, p.Name, p.DrugCode, p.Unit, p.UnitsPerKit, p.MinTemperature, p.MaxTemperature, p.Storage);
}

/// <summary>A kit as the pharmacy shows it. <see cref="Arm"/> is null for whoever the blinding keeps from the kit's content.</summary>
public sealed record KitDto(Guid Id, string KitNumber, string? RandomCode, string Product, string Batch, DateOnly ExpiresOn, KitStatus Status,
    string Location, int Units, int UnitsOnSite, int? UnitsReturned, decimal? Compliance, string? QuarantineReason, string? Arm);

/// <summary>The pharmacy's places, outside ones included (for the ledger's reading); the hospital's own first.</summary>
public sealed record ListLocations(bool IncludeOutside = false) : IQuery<IReadOnlyList<LocationDto>>;

public sealed class ListLocationsHandler(CtmsDbContext db) : IQueryHandler<ListLocations, IReadOnlyList<LocationDto>>
{
    public async ValueTask<IReadOnlyList<LocationDto>> Handle(ListLocations query, CancellationToken ct)
    {
        var all = await db.StockLocations.AsNoTracking().ToListAsync(ct);
        return [.. all.Where(l => query.IncludeOutside || l.OnSite).OrderBy(l => l.Kind).ThenBy(l => l.Code, StringComparer.Ordinal).Select(LocationDto.From)];
    }
}

/// <summary>Adds or changes one of the hospital's places (central pharmacy, satellite, quarantine); global, for the pharmacy.</summary>
public sealed record SaveLocation(string Code, string? Name, LocationKind Kind, string? Department, bool Active = true) : ICommand<LocationDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Code(nameof(Code), Code)
        .Required(nameof(Name), Name, StockLocation.NameMax)
        .Optional(nameof(Department), Department, 64)
        .Must(Kind is LocationKind.CentralPharmacy or LocationKind.SatellitePharmacy or LocationKind.Quarantine, nameof(Kind),
            "A place of the pharmacy is a central pharmacy, a satellite pharmacy or a quarantine.");
}

public sealed class SaveLocationHandler(CtmsDbContext db, PharmacyStore store) : ICommandHandler<SaveLocation, LocationDto>
{
    public async ValueTask<LocationDto> Handle(SaveLocation command, CancellationToken ct)
    {
        await store.EnsureLocationsAsync(ct);
        var location = await db.StockLocations.SingleOrDefaultAsync(l => l.Code == command.Code, ct);
        if (location is null)
        {
            location = new StockLocation(command.Code, command.Name!, command.Kind, command.Department);
            db.StockLocations.Add(location);
        }
        else
        {
            if (!location.OnSite || location.Kind != command.Kind)
            {
                throw new ConflictException($"The place {command.Code} exists as {location.Kind}: its kind does not change.");
            }
            if (!command.Active && await db.Kits.AnyAsync(k => k.LocationId == location.Id && k.UnitsOnSite > 0, ct))
            {
                throw new ConflictException($"{location.Name} still holds stock: move it before closing the place.");
            }
            location.Update(command.Name!, command.Department, command.Active);
        }
        await db.SaveChangesAsync(ct);
        return LocationDto.From(location);
    }
}

public sealed record ListProducts(Guid ProjectId) : IQuery<IReadOnlyList<ProductDto>>;

public sealed class ListProductsHandler(CtmsDbContext db, PharmacyStore store) : IQueryHandler<ListProducts, IReadOnlyList<ProductDto>>
{
    public async ValueTask<IReadOnlyList<ProductDto>> Handle(ListProducts query, CancellationToken ct)
    {
        await store.EnsureAsync(query.ProjectId, ProjectActions.PharmacyRead, ct);
        var products = await db.IpProducts.AsNoTracking().Where(p => p.ProjectId == query.ProjectId).ToListAsync(ct);
        return [.. products.OrderBy(p => p.Code, StringComparer.Ordinal).Select(ProductDto.From)];
    }
}

/// <summary>Adds or changes a project's investigational product. A drug code must be in the hospital's drug dictionary.</summary>
public sealed record SaveProduct(Guid ProjectId, string Code, string? Name, string? DrugCode, string? Unit, int UnitsPerKit, decimal? MinTemperature,
    decimal? MaxTemperature, string? Storage) : ICommand<ProductDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Code(nameof(Code), Code)
        .Required(nameof(Name), Name, InvestigationalProduct.NameMax)
        .Required(nameof(Unit), Unit, InvestigationalProduct.UnitMax)
        .Optional(nameof(DrugCode), DrugCode, 64)
        .Optional(nameof(Storage), Storage, InvestigationalProduct.StorageMax)
        .Must(UnitsPerKit is >= 1 and <= 10_000, nameof(UnitsPerKit), "A kit holds 1 to 10,000 units.")
        .Must(MinTemperature is null || MaxTemperature is null || MinTemperature <= MaxTemperature, nameof(MaxTemperature),
            "The highest storage temperature is not below the lowest.")
        .Must(MinTemperature is null or (>= -100 and <= 100), nameof(MinTemperature), "A storage temperature is between -100 and 100 °C.")
        .Must(MaxTemperature is null or (>= -100 and <= 100), nameof(MaxTemperature), "A storage temperature is between -100 and 100 °C.");
}

public sealed class SaveProductHandler(CtmsDbContext db, PharmacyStore store) : ICommandHandler<SaveProduct, ProductDto>
{
    public async ValueTask<ProductDto> Handle(SaveProduct command, CancellationToken ct)
    {
        await store.EnsureAsync(command.ProjectId, ProjectActions.PharmacyStock, ct);
        if (!string.IsNullOrWhiteSpace(command.DrugCode)
            && !await db.DictionaryEntries.AnyAsync(e => e.Kind == DictionaryKind.Drug && e.Code == command.DrugCode, ct))
        {
            throw DomainValidationException.For(nameof(SaveProduct.DrugCode), $"The hospital's drug dictionary has no drug {command.DrugCode}.");
        }
        var drug = string.IsNullOrWhiteSpace(command.DrugCode) ? null : command.DrugCode;
        var product = await db.IpProducts.SingleOrDefaultAsync(p => p.ProjectId == command.ProjectId && p.Code == command.Code, ct);
        if (product is null)
        {
            product = new InvestigationalProduct(command.ProjectId, command.Code, command.Name!, drug, command.Unit!, command.UnitsPerKit,
                command.MinTemperature, command.MaxTemperature, command.Storage);
            db.IpProducts.Add(product);
        }
        else
        {
            if (product.UnitsPerKit != command.UnitsPerKit && await db.Kits.AnyAsync(k => k.ProductId == product.Id, ct))
            {
                throw new ConflictException($"Kits of {product.Code} exist: their size no longer changes.");
            }
            product.Update(command.Name!, drug, command.Unit!, command.UnitsPerKit, command.MinTemperature, command.MaxTemperature, command.Storage);
        }
        await db.SaveChangesAsync(ct);
        return ProductDto.From(product);
    }
}

/// <summary>The project's kits, filtered; the content only to whom the blinding shows it.</summary>
public sealed record ListKits(Guid ProjectId, KitStatus? Status = null, Guid? LocationId = null) : IQuery<IReadOnlyList<KitDto>>;

public sealed class ListKitsHandler(CtmsDbContext db, PharmacyStore store) : IQueryHandler<ListKits, IReadOnlyList<KitDto>>
{
    public async ValueTask<IReadOnlyList<KitDto>> Handle(ListKits query, CancellationToken ct)
    {
        await store.EnsureAsync(query.ProjectId, ProjectActions.PharmacyRead, ct);
        var kits = db.Kits.AsNoTracking().Where(k => k.ProjectId == query.ProjectId);
        if (query.Status is { } status)
        {
            kits = kits.Where(k => k.Status == status);
        }
        if (query.LocationId is { } location)
        {
            kits = kits.Where(k => k.LocationId == location);
        }
        return await KitViews.ToDtosAsync(db, store, query.ProjectId, await kits.ToListAsync(ct), ct);
    }
}

/// <summary>The kit a scanned code names, as the scanning desk shows it before the step.</summary>
public sealed record GetKitByCode(Guid ProjectId, string? Code) : IQuery<KitDto>;

public sealed class GetKitByCodeHandler(CtmsDbContext db, PharmacyStore store) : IQueryHandler<GetKitByCode, KitDto>
{
    public async ValueTask<KitDto> Handle(GetKitByCode query, CancellationToken ct)
    {
        await store.EnsureAsync(query.ProjectId, ProjectActions.PharmacyRead, ct);
        var kit = await store.ScannedKitAsync(query.ProjectId, query.Code, ct);
        return (await KitViews.ToDtosAsync(db, store, query.ProjectId, [kit], ct))[0];
    }
}

/// <summary>A correction of a kit's units on site with its reason (O18-O23: broken, lost, found).</summary>
public sealed record AdjustKit(Guid KitId, int Delta, string? Reason) : ICommand<KitDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Required(nameof(Reason), Reason, StockMovement.ReasonMax)
        .Must(Delta != 0, nameof(Delta), "An adjustment changes the count.");
}

public sealed class AdjustKitHandler(CtmsDbContext db, PharmacyStore store, StockLedger ledger) : ICommandHandler<AdjustKit, KitDto>
{
    public async ValueTask<KitDto> Handle(AdjustKit command, CancellationToken ct)
    {
        var kit = await store.KitAsync(command.KitId, ProjectActions.PharmacyStock, ct);
        ledger.Adjust(kit, command.Delta, command.Reason!);
        db.AuditReason = command.Reason;
        await db.SaveChangesAsync(ct);
        return (await KitViews.ToDtosAsync(db, store, kit.ProjectId, [kit], ct))[0];
    }
}

/// <summary>Puts a kit in quarantine (an excursion, damage, a recall) or releases it to a pharmacy, with the reason.</summary>
public sealed record SetKitQuarantine(Guid KitId, bool Quarantined, Guid LocationId, string? Reason) : ICommand<KitDto>, IValidatable
{
    public void Validate(Validator v) => v.Required(nameof(Reason), Reason, StockMovement.ReasonMax);
}

public sealed class SetKitQuarantineHandler(CtmsDbContext db, PharmacyStore store, StockLedger ledger) : ICommandHandler<SetKitQuarantine, KitDto>
{
    public async ValueTask<KitDto> Handle(SetKitQuarantine command, CancellationToken ct)
    {
        var kit = await store.KitAsync(command.KitId, ProjectActions.PharmacyStock, ct);
        var to = await store.LocationAsync(command.LocationId, ct);
        if (command.Quarantined)
        {
            ledger.Quarantine(kit, to, command.Reason!);
        }
        else
        {
            ledger.Release(kit, to, command.Reason!);
        }
        db.AuditReason = command.Reason;
        await db.SaveChangesAsync(ct);
        return (await KitViews.ToDtosAsync(db, store, kit.ProjectId, [kit], ct))[0];
    }
}

/// <summary>Kits as DTOs, with names for their product, batch and place, and their content only where the blinding allows.</summary>
public static class KitViews
{
    public static async Task<IReadOnlyList<KitDto>> ToDtosAsync(CtmsDbContext db, PharmacyStore store, Guid projectId, IReadOnlyList<Kit> kits,
        CancellationToken ct)
    {
        if (kits.Count == 0)
        {
            return [];
        }
        var content = await store.CanSeeContentAsync(projectId, ct);
        var products = await db.IpProducts.AsNoTracking().Where(p => p.ProjectId == projectId).ToDictionaryAsync(p => p.Id, p => p.Code, ct);
        var batches = await db.IpBatches.AsNoTracking().Where(b => b.ProjectId == projectId).ToDictionaryAsync(b => b.Id, ct);
        var places = await db.StockLocations.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        return [.. kits.OrderBy(k => k.KitNumber, StringComparer.Ordinal).Select(k => new KitDto(k.Id, k.KitNumber, k.RandomCode, products[k.ProductId],
            batches[k.BatchId].Number, batches[k.BatchId].ExpiresOn, k.Status, places[k.LocationId], k.Units, k.UnitsOnSite, k.UnitsReturned,
            k.Compliance, k.QuarantineReason, content ? k.Arm : null))];
    }
}
