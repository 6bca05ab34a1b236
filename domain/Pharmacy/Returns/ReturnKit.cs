using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Pharmacy.Stock;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Pharmacy.Returns;

/// <summary>
/// A kit brought back by its subject (O22, `return-stock`), scanned, with the unused units counted: they come back on the
/// ledger to the place named (a quarantine, as returns wait there for reconciliation), and compliance is computed from
/// the prescribed daily dose over the days between dispensing and return. Refused with the reason: a kit that was not
/// dispensed or was already returned, a kit of another subject, more units than were dispensed.
/// </summary>
public sealed record ReturnKit(Guid ProjectId, string? Code, Guid? SubjectId, int UnitsReturned, Guid LocationId, string? Note)
    : ICommand<KitDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Required(nameof(Code), Code, ScanCode.Max)
        .Optional(nameof(Note), Note, StockMovement.ReasonMax);
}

public sealed class ReturnKitHandler(CtmsDbContext db, PharmacyStore store, StockLedger ledger, TimeProvider clock) : ICommandHandler<ReturnKit, KitDto>
{
    public async ValueTask<KitDto> Handle(ReturnKit command, CancellationToken ct)
    {
        await store.EnsureAsync(command.ProjectId, ProjectActions.PharmacyReturn, ct);
        var kit = await store.ScannedKitAsync(command.ProjectId, command.Code, ct);
        if (kit.Status == KitStatus.Returned)
        {
            throw new ConflictException($"Kit {kit.KitNumber} was already returned on {kit.ReturnedAt:yyyy-MM-dd}.");
        }
        if (kit.Status != KitStatus.Dispensed)
        {
            throw new ConflictException($"Kit {kit.KitNumber} was not dispensed: it is {KitStatuses.Describe(kit.Status)}.");
        }
        if (command.SubjectId is { } subject && kit.SubjectId != subject)
        {
            throw new ConflictException($"Kit {kit.KitNumber} was dispensed to another subject (wrong subject).");
        }
        var to = await store.LocationAsync(command.LocationId, ct);
        var prescription = await db.IpPrescriptions.AsNoTracking().SingleAsync(p => p.Id == kit.PrescriptionId, ct);
        var compliance = Compliance(kit.Units, command.UnitsReturned, prescription.UnitsPerDay, prescription.DispensedAt, clock.GetUtcNow());
        ledger.TakeBack(kit, command.UnitsReturned, to, $"prescription:{prescription.Id}", compliance);
        db.AuditReason = command.Note;
        await db.SaveChangesAsync(ct);
        return (await KitViews.ToDtosAsync(db, store, kit.ProjectId, [kit], ct))[0];
    }

    /// <summary>Used units over the units the dose needed from the dispensing day to the day before the return, in percent.</summary>
    public static decimal? Compliance(int dispensed, int returned, decimal? unitsPerDay, DateTimeOffset? dispensedAt, DateTimeOffset returnedAt)
    {
        if (unitsPerDay is not { } dose || dispensedAt is not { } from || returned < 0 || returned > dispensed)
        {
            return null;
        }
        var days = DateOnly.FromDateTime(returnedAt.UtcDateTime).DayNumber - DateOnly.FromDateTime(from.UtcDateTime).DayNumber;
        if (days <= 0)
        {
            return null;
        }
        return Math.Round((dispensed - returned) / (dose * days) * 100m, 1, MidpointRounding.AwayFromZero);
    }
}
