using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Pharmacy.Stock;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Pharmacy.Transfers;

public sealed record TransferDto(Guid Id, string From, string To, TransferStatus Status, IReadOnlyList<string> Kits, IReadOnlyList<string> Received,
    IReadOnlyList<string> Outstanding, string SentBy, DateTimeOffset SentAt, string? ReceivedBy, DateTimeOffset? ReceivedAt);

/// <summary>The sending side (O19): the kits scanned out of their place, all at the same place, bound for another.</summary>
public sealed record SendTransfer(Guid ProjectId, Guid FromLocationId, Guid ToLocationId, IReadOnlyList<string>? Kits) : ICommand<TransferDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Must(Kits is { Count: > 0 and <= 5000 }, nameof(Kits), "Scan the kits to send.")
        .Must(FromLocationId != ToLocationId, nameof(ToLocationId), "A transfer goes to another place.");
}

public sealed class SendTransferHandler(CtmsDbContext db, PharmacyStore store, StockLedger ledger, TimeProvider clock) : ICommandHandler<SendTransfer, TransferDto>
{
    public async ValueTask<TransferDto> Handle(SendTransfer command, CancellationToken ct)
    {
        await store.EnsureAsync(command.ProjectId, ProjectActions.PharmacyStock, ct);
        var from = await store.LocationAsync(command.FromLocationId, ct);
        var to = await store.LocationAsync(command.ToLocationId, ct);
        if (!to.OnSite || !to.Active)
        {
            throw DomainValidationException.For(nameof(SendTransfer.ToLocationId), $"{to.Name} is not an active place of the pharmacy.");
        }
        var numbers = command.Kits!.Select(ScanCode.Clean).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var transfer = new StockTransfer(command.ProjectId, from.Id, to.Id, numbers, store.UserName, clock.GetUtcNow());
        foreach (var number in numbers)
        {
            var kit = await store.ScannedKitAsync(command.ProjectId, number, ct);
            if (kit.LocationId != from.Id)
            {
                throw new ConflictException($"Kit {kit.KitNumber} is not at {from.Name}.");
            }
            ledger.SendOut(kit, $"transfer:{transfer.Id}");
        }
        db.IpTransfers.Add(transfer);
        await db.SaveChangesAsync(ct);
        return await TransferViews.DtoAsync(db, transfer, ct);
    }
}

/// <summary>The receiving side (O19): the kits scanned in at the destination; a kit that was not sent is refused by name.</summary>
public sealed record ReceiveTransfer(Guid TransferId, IReadOnlyList<string>? Kits) : ICommand<TransferDto>, IValidatable
{
    public void Validate(Validator v) => v.Must(Kits is { Count: > 0 and <= 5000 }, nameof(Kits), "Scan the kits that arrived.");
}

public sealed class ReceiveTransferHandler(CtmsDbContext db, PharmacyStore store, StockLedger ledger, TimeProvider clock)
    : ICommandHandler<ReceiveTransfer, TransferDto>
{
    public async ValueTask<TransferDto> Handle(ReceiveTransfer command, CancellationToken ct)
    {
        var transfer = await db.IpTransfers.SingleOrDefaultAsync(t => t.Id == command.TransferId, ct)
                       ?? throw new NotFoundException($"Transfer {command.TransferId} was not found.");
        await store.EnsureAsync(transfer.ProjectId, ProjectActions.PharmacyStock, ct);
        var to = await store.LocationAsync(transfer.ToLocationId, ct);
        var numbers = command.Kits!.Select(ScanCode.Clean).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        foreach (var number in numbers)
        {
            if (!transfer.KitNumberList.Contains(number))
            {
                throw new ConflictException($"Kit {number} is not part of this transfer.");
            }
            if (transfer.ReceivedList.Contains(number))
            {
                throw new ConflictException($"Kit {number} was already received.");
            }
            ledger.TakeIn(await store.ScannedKitAsync(transfer.ProjectId, number, ct), to, $"transfer:{transfer.Id}");
        }
        transfer.Received(numbers, store.UserName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await TransferViews.DtoAsync(db, transfer, ct);
    }
}

public sealed record ListTransfers(Guid ProjectId) : IQuery<IReadOnlyList<TransferDto>>;

public sealed class ListTransfersHandler(CtmsDbContext db, PharmacyStore store) : IQueryHandler<ListTransfers, IReadOnlyList<TransferDto>>
{
    public async ValueTask<IReadOnlyList<TransferDto>> Handle(ListTransfers query, CancellationToken ct)
    {
        await store.EnsureAsync(query.ProjectId, ProjectActions.PharmacyRead, ct);
        var list = await db.IpTransfers.AsNoTracking().Where(t => t.ProjectId == query.ProjectId).ToListAsync(ct);
        var names = await TransferViews.PlaceNamesAsync(db, ct);
        return [.. list.OrderByDescending(t => t.SentAt.UtcTicks).Select(t => TransferViews.Dto(t, names))];
    }
}

internal static class TransferViews
{
    public static async Task<TransferDto> DtoAsync(CtmsDbContext db, StockTransfer t, CancellationToken ct) => Dto(t, await PlaceNamesAsync(db, ct));

    public static Task<Dictionary<Guid, string>> PlaceNamesAsync(CtmsDbContext db, CancellationToken ct) =>
        db.StockLocations.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, ct);

    public static TransferDto Dto(StockTransfer t, IReadOnlyDictionary<Guid, string> names)
    {
        var received = t.ReceivedList;
        return new TransferDto(t.Id, names[t.FromLocationId], names[t.ToLocationId], t.Status, t.KitNumberList, received,
            [.. t.KitNumberList.Where(k => !received.Contains(k))], t.SentBy, t.SentAt, t.ReceivedBy, t.ReceivedAt);
    }
}
