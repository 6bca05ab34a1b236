using Ctms.Domain.Access;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Pharmacy.Stock;

/// <summary>Units of one batch at one place on the day asked, summed from the ledger.</summary>
public sealed record StockLine(string Location, LocationKind Kind, string Product, string Batch, DateOnly ExpiresOn, int Units);

/// <summary>Kits of one random code by status, now (from the kits).</summary>
public sealed record RandomCodeLine(string RandomCode, string Product, int Available, int Quarantined, int InTransit, int Dispensed, int Returned, int Gone);

/// <summary>
/// The project's stock on a day (O18-O24): on-site lines by place, product and batch; what the outside places hold
/// (received from the sponsor is the sponsor's negative balance, what subjects hold, destroyed, adjusted); kits by random
/// code. <see cref="LedgerBalance"/> is the sum over every place, zero by construction; <see cref="KitsAgree"/> says the
/// kits' own counts (today) are the ledger's, the check an inspector runs.
/// </summary>
public sealed record StockCountsDto(DateOnly OnDay, IReadOnlyList<StockLine> OnSite, IReadOnlyList<StockLine> Outside, IReadOnlyList<RandomCodeLine> ByRandomCode,
    int LedgerBalance, bool KitsAgree);

public sealed record GetStockCounts(Guid ProjectId, DateOnly? OnDay = null) : IQuery<StockCountsDto>;

public sealed class GetStockCountsHandler(CtmsDbContext db, PharmacyStore store, TimeProvider clock) : IQueryHandler<GetStockCounts, StockCountsDto>
{
    public async ValueTask<StockCountsDto> Handle(GetStockCounts query, CancellationToken ct)
    {
        await store.EnsureAsync(query.ProjectId, ProjectActions.PharmacyRead, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var day = query.OnDay ?? today;
        var balances = await StockBalances.ByPlaceAsync(db, query.ProjectId, day, ct);

        var products = await db.IpProducts.AsNoTracking().Where(p => p.ProjectId == query.ProjectId).ToDictionaryAsync(p => p.Id, p => p.Code, ct);
        var batches = await db.IpBatches.AsNoTracking().Where(b => b.ProjectId == query.ProjectId).ToDictionaryAsync(b => b.Id, ct);
        var places = await db.StockLocations.AsNoTracking().ToDictionaryAsync(l => l.Id, ct);
        var lines = balances.Where(b => b.Value != 0)
            .Select(b => (places[b.Key.Location].OnSite, Line: new StockLine(places[b.Key.Location].Name, places[b.Key.Location].Kind, products[b.Key.Product],
                batches[b.Key.Batch].Number, batches[b.Key.Batch].ExpiresOn, b.Value)))
            .OrderBy(l => l.Line.Kind).ThenBy(l => l.Line.Location, StringComparer.Ordinal).ThenBy(l => l.Line.Product, StringComparer.Ordinal)
            .ThenBy(l => l.Line.ExpiresOn).ThenBy(l => l.Line.Batch, StringComparer.Ordinal).ToList();

        var kits = await db.Kits.AsNoTracking().Where(k => k.ProjectId == query.ProjectId)
            .Select(k => new { k.RandomCode, k.ProductId, k.Status, k.LocationId, k.BatchId, k.UnitsOnSite }).ToListAsync(ct);
        var byCode = kits.GroupBy(k => (Code: k.RandomCode ?? "", k.ProductId))
            .Select(g => new RandomCodeLine(g.Key.Code, products[g.Key.ProductId],
                g.Count(k => k.Status == KitStatus.Available), g.Count(k => k.Status == KitStatus.Quarantined), g.Count(k => k.Status == KitStatus.InTransit),
                g.Count(k => k.Status == KitStatus.Dispensed), g.Count(k => k.Status == KitStatus.Returned),
                g.Count(k => k.Status is KitStatus.Destroyed or KitStatus.ReturnedToSponsor)))
            .OrderBy(l => l.Product, StringComparer.Ordinal).ThenBy(l => l.RandomCode, StringComparer.Ordinal).ToList();

        // Today's ledger against the kits: every on-site (and in-transit) place's units are the sum of its kits' units on site.
        var agree = true;
        if (day >= today)
        {
            var fromKits = kits.Where(k => k.UnitsOnSite > 0).GroupBy(k => (k.LocationId, k.ProductId, k.BatchId)).ToDictionary(g => g.Key, g => g.Sum(k => k.UnitsOnSite));
            var fromLedger = balances.Where(b => b.Value != 0 && (places[b.Key.Location].OnSite || b.Key.Location == StockLocation.InTransitId))
                .ToDictionary(b => (b.Key.Location, b.Key.Product, b.Key.Batch), b => b.Value);
            agree = fromKits.Count == fromLedger.Count && fromKits.All(k => fromLedger.TryGetValue(k.Key, out var units) && units == k.Value);
        }
        return new StockCountsDto(day, [.. lines.Where(l => l.OnSite).Select(l => l.Line)], [.. lines.Where(l => !l.OnSite).Select(l => l.Line)], byCode,
            balances.Values.Sum(), agree);
    }
}

/// <summary>Balances of the ledger: what came in minus what went out, by place, product and batch, up to a day.</summary>
public static class StockBalances
{
    public static async Task<Dictionary<(Guid Location, Guid Product, Guid Batch), int>> ByPlaceAsync(CtmsDbContext db, Guid projectId, DateOnly day,
        CancellationToken ct)
    {
        var movements = db.StockMovements.AsNoTracking().Where(m => m.ProjectId == projectId && m.OnDay <= day);
        var inflow = await movements.GroupBy(m => new { m.ToLocationId, m.ProductId, m.BatchId })
            .Select(g => new { g.Key.ToLocationId, g.Key.ProductId, g.Key.BatchId, Units = g.Sum(m => m.Units) }).ToListAsync(ct);
        var outflow = await movements.GroupBy(m => new { m.FromLocationId, m.ProductId, m.BatchId })
            .Select(g => new { g.Key.FromLocationId, g.Key.ProductId, g.Key.BatchId, Units = g.Sum(m => m.Units) }).ToListAsync(ct);
        var balances = new Dictionary<(Guid, Guid, Guid), int>();
        foreach (var i in inflow)
        {
            balances[(i.ToLocationId, i.ProductId, i.BatchId)] = i.Units;
        }
        foreach (var o in outflow)
        {
            var key = (o.FromLocationId, o.ProductId, o.BatchId);
            balances[key] = balances.GetValueOrDefault(key) - o.Units;
        }
        return balances;
    }
}
