using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Pharmacy.Stock;
using Ctms.Domain.Signatures;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Pharmacy.Returns;

public sealed record DisposalDto(Guid Id, DisposalKind Kind, DisposalStatus Status, IReadOnlyList<string> Kits, int Units, string? Method, string PreparedBy,
    DateTimeOffset PreparedAt, string? WitnessedBy, DateTimeOffset? WitnessedAt, bool? SignatureIntact)
{
    public static DisposalDto From(StockDisposal d, bool? intact) => new(d.Id, d.Kind, d.Status, d.KitNumberList, d.Units, d.Method, d.PreparedBy,
        d.PreparedAt, d.WitnessedBy, d.WitnessedAt, intact);
}

/// <summary>Prepares a destruction or a return to the sponsor of the kits scanned (O23): nothing moves until a witness signs.</summary>
public sealed record PrepareDisposal(Guid ProjectId, DisposalKind Kind, IReadOnlyList<string>? Kits, string? Method) : ICommand<DisposalDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Must(Kits is { Count: > 0 and <= 5000 }, nameof(Kits), "Scan the kits to dispose of.")
        .Optional(nameof(Method), Method, StockDisposal.NoteMax);
}

public sealed class PrepareDisposalHandler(CtmsDbContext db, PharmacyStore store, TimeProvider clock) : ICommandHandler<PrepareDisposal, DisposalDto>
{
    public async ValueTask<DisposalDto> Handle(PrepareDisposal command, CancellationToken ct)
    {
        await store.EnsureAsync(command.ProjectId, ProjectActions.PharmacyStock, ct);
        var numbers = command.Kits!.Select(ScanCode.Clean).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var kits = await db.Kits.AsNoTracking().Where(k => k.ProjectId == command.ProjectId && numbers.Contains(k.KitNumber)).ToListAsync(ct);
        var unknown = numbers.Except(kits.Select(k => k.KitNumber), StringComparer.Ordinal).FirstOrDefault();
        if (unknown is not null)
        {
            throw new ConflictException($"No kit of this study has the code {unknown}.");
        }
        var stuck = kits.FirstOrDefault(k => k.Status is not (KitStatus.Available or KitStatus.Quarantined or KitStatus.Returned));
        if (stuck is not null)
        {
            throw new ConflictException($"Kit {stuck.KitNumber} cannot be disposed of: it is {KitStatuses.Describe(stuck.Status)}.");
        }
        var pending = await db.IpDisposals.AsNoTracking().Where(d => d.ProjectId == command.ProjectId && d.Status == DisposalStatus.Prepared)
            .Select(d => d.KitNumbers).ToListAsync(ct);
        var held = numbers.FirstOrDefault(n => pending.Any(p => Subjects.JsonColumn.Strings(p).Contains(n)));
        if (held is not null)
        {
            throw new ConflictException($"Kit {held} is already in a disposal waiting for its witness.");
        }
        var disposal = new StockDisposal(command.ProjectId, command.Kind, numbers, kits.Sum(k => k.UnitsOnSite), command.Method?.Trim(), store.UserName,
            clock.GetUtcNow());
        db.IpDisposals.Add(disposal);
        await db.SaveChangesAsync(ct);
        return DisposalDto.From(disposal, null);
    }
}

/// <summary>
/// The witness signs the disposal (the host checked the password and handed the proof to <see cref="SignatureSession"/>):
/// someone holding <c>pharmacy.witness</c> who did not prepare it. Then every kit leaves the ledger, all or nothing.
/// </summary>
public sealed record WitnessDisposal(Guid DisposalId) : ICommand<DisposalDto>;

public sealed class WitnessDisposalHandler(CtmsDbContext db, PharmacyStore store, StockLedger ledger, SignatureService signatures, TimeProvider clock)
    : ICommandHandler<WitnessDisposal, DisposalDto>
{
    public async ValueTask<DisposalDto> Handle(WitnessDisposal command, CancellationToken ct)
    {
        var disposal = await db.IpDisposals.SingleOrDefaultAsync(d => d.Id == command.DisposalId, ct)
                       ?? throw new NotFoundException($"Disposal {command.DisposalId} was not found.");
        await store.EnsureAsync(disposal.ProjectId, ProjectActions.PharmacyWitness, ct);
        if (disposal.Status != DisposalStatus.Prepared)
        {
            throw new ConflictException($"This disposal was already witnessed by {disposal.WitnessedBy}.");
        }
        if (string.Equals(disposal.PreparedBy, store.UserName, StringComparison.OrdinalIgnoreCase))
        {
            throw new ConflictException("The witness is someone other than the pharmacist who prepared the disposal.");
        }
        var numbers = disposal.KitNumberList;
        var kits = await db.Kits.Where(k => k.ProjectId == disposal.ProjectId && numbers.Contains(k.KitNumber)).ToListAsync(ct);
        var reference = $"disposal:{disposal.Id}";
        foreach (var kit in kits.OrderBy(k => k.KitNumber, StringComparer.Ordinal))
        {
            ledger.Dispose(kit, disposal.Kind == DisposalKind.Destruction, reference);
            kit.DisposedBy(disposal.Id);
        }
        disposal.Witness(store.UserName, clock.GetUtcNow());
        await signatures.SignAsync(disposal, StockDisposal.WitnessMeaning, ct);
        await db.SaveChangesAsync(ct);
        return DisposalDto.From(disposal, true);
    }
}

public sealed record ListDisposals(Guid ProjectId) : IQuery<IReadOnlyList<DisposalDto>>;

public sealed class ListDisposalsHandler(CtmsDbContext db, PharmacyStore store, SignatureService signatures) : IQueryHandler<ListDisposals, IReadOnlyList<DisposalDto>>
{
    public async ValueTask<IReadOnlyList<DisposalDto>> Handle(ListDisposals query, CancellationToken ct)
    {
        await store.EnsureAsync(query.ProjectId, ProjectActions.PharmacyRead, ct);
        var list = await db.IpDisposals.AsNoTracking().Where(d => d.ProjectId == query.ProjectId).ToListAsync(ct);
        var result = new List<DisposalDto>();
        foreach (var d in list.OrderByDescending(d => d.PreparedAt.UtcTicks))
        {
            var views = d.Status == DisposalStatus.Done ? await signatures.CheckAsync(d, ct) : [];
            result.Add(DisposalDto.From(d, views.Count == 0 ? null : views.All(v => v.Intact)));
        }
        return result;
    }
}

/// <summary>One batch's accountability from the ledger: what came in and where it went; <see cref="Balance"/> is 0 when it reconciles.</summary>
public sealed record BatchReconciliation(string Product, string Batch, DateOnly ExpiresOn, int Received, int Dispensed, int Returned, int Destroyed,
    int ReturnedToSponsor, int AdjustedOut, int AdjustedIn, int OnSite, int Consumed, int Balance);

/// <summary>Reconciliation per batch (O23): received = on site + consumed by subjects + destroyed + returned to the sponsor + net adjustments.</summary>
public sealed record GetReconciliation(Guid ProjectId) : IQuery<IReadOnlyList<BatchReconciliation>>;

public sealed class GetReconciliationHandler(CtmsDbContext db, PharmacyStore store) : IQueryHandler<GetReconciliation, IReadOnlyList<BatchReconciliation>>
{
    public async ValueTask<IReadOnlyList<BatchReconciliation>> Handle(GetReconciliation query, CancellationToken ct)
    {
        await store.EnsureAsync(query.ProjectId, ProjectActions.PharmacyRead, ct);
        var sums = await db.StockMovements.AsNoTracking().Where(m => m.ProjectId == query.ProjectId)
            .GroupBy(m => new { m.BatchId, m.Kind, m.FromLocationId, m.ToLocationId })
            .Select(g => new { g.Key.BatchId, g.Key.Kind, g.Key.FromLocationId, g.Key.ToLocationId, Units = g.Sum(m => m.Units) }).ToListAsync(ct);
        var onSite = await db.Kits.AsNoTracking().Where(k => k.ProjectId == query.ProjectId).GroupBy(k => k.BatchId)
            .Select(g => new { BatchId = g.Key, Units = g.Sum(k => k.UnitsOnSite) }).ToDictionaryAsync(g => g.BatchId, g => g.Units, ct);
        var batches = await db.IpBatches.AsNoTracking().Where(b => b.ProjectId == query.ProjectId).ToListAsync(ct);
        var products = await db.IpProducts.AsNoTracking().Where(p => p.ProjectId == query.ProjectId).ToDictionaryAsync(p => p.Id, p => p.Code, ct);
        return [.. batches.OrderBy(b => products[b.ProductId], StringComparer.Ordinal).ThenBy(b => b.ExpiresOn).ThenBy(b => b.Number, StringComparer.Ordinal)
            .Select(b =>
            {
                int Sum(MovementKind kind, Func<Guid, Guid, bool>? where = null) =>
                    sums.Where(x => x.BatchId == b.Id && x.Kind == kind && (where is null || where(x.FromLocationId, x.ToLocationId))).Sum(x => x.Units);
                var received = Sum(MovementKind.Receipt);
                var dispensed = Sum(MovementKind.Dispense);
                var returned = Sum(MovementKind.Return);
                var destroyed = Sum(MovementKind.Destruction);
                var toSponsor = Sum(MovementKind.ReturnToSponsor);
                var adjustedOut = Sum(MovementKind.Adjustment, (_, to) => to == StockLocation.LostId);
                var adjustedIn = Sum(MovementKind.Adjustment, (from, _) => from == StockLocation.LostId);
                var here = onSite.GetValueOrDefault(b.Id);
                var consumed = dispensed - returned;
                return new BatchReconciliation(products[b.ProductId], b.Number, b.ExpiresOn, received, dispensed, returned, destroyed, toSponsor, adjustedOut,
                    adjustedIn, here, consumed, received + adjustedIn - adjustedOut - consumed - destroyed - toSponsor - here);
            })];
    }
}
