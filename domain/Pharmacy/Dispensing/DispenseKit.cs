using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Pharmacy.Stock;
using Ctms.Domain.Subjects;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Pharmacy.Dispensing;

/// <summary>The dispensing's answer: the prescription, now dispensed, and the kit's label to print in the same step.</summary>
public sealed record DispensingDto(PrescriptionDto Prescription, string KitNumber, string LabelUrl);

/// <summary>What the desk should pick for a prescription: the kit first to expire among those that fit, at that place.</summary>
public sealed record KitSuggestionDto(Guid PrescriptionId, string? KitNumber, DateOnly? ExpiresOn, int Fitting);

/// <summary>
/// Dispenses a prescription (O21, `dispense-kit`): the pharmacist verifies it and scans a kit at the desk's place. The kit
/// must fit, or the scan is refused with the reason: not found, not at this place, quarantined, already dispensed (or to
/// another subject), another product, expired, the wrong arm (never naming an arm), or not the first to expire among
/// the kits that fit. The ledger line, the kit, the prescription and (at the first dispensing) the subject's move to
/// "in treatment" commit together; of two desks scanning the same kit at once, one wins and the other gets a 409.
/// </summary>
public sealed record DispenseKit(Guid PrescriptionId, string? Code, Guid LocationId) : ICommand<DispensingDto>, IValidatable
{
    public void Validate(Validator v) => v.Required(nameof(Code), Code, ScanCode.Max);
}

public sealed class DispenseKitHandler(CtmsDbContext db, PharmacyStore store, StockLedger ledger, KitFit fit, PrescriptionViews views, TimeProvider clock)
    : ICommandHandler<DispenseKit, DispensingDto>
{
    public async ValueTask<DispensingDto> Handle(DispenseKit command, CancellationToken ct)
    {
        var prescription = await db.IpPrescriptions.SingleOrDefaultAsync(p => p.Id == command.PrescriptionId, ct)
                           ?? throw new NotFoundException($"Prescription {command.PrescriptionId} was not found.");
        await store.EnsureAsync(prescription.ProjectId, ProjectActions.PharmacyStock, ct);
        var (subject, arm) = await fit.SubjectAsync(prescription, ct);
        var desk = await fit.DeskAsync(command.LocationId, ct);
        var kit = await store.ScannedKitAsync(prescription.ProjectId, command.Code, ct);
        await fit.EnsureFitsAsync(kit, prescription, arm, desk, ct);

        var now = clock.GetUtcNow();
        ledger.Dispense(kit, subject.Id, prescription.Id, $"prescription:{prescription.Id}");
        prescription.MarkDispensed(kit, desk.Id, store.UserName, now);
        if (subject.Status == SubjectStatus.Randomized)
        {
            db.SubjectStatusChanges.Add(subject.MoveTo(SubjectStatus.InTreatment, now, store.UserName, "First dispensing of the study drug."));
        }
        await db.SaveChangesAsync(ct);
        return new DispensingDto(await views.DtoAsync(prescription, ct), kit.KitNumber,
            $"/api/projects/{prescription.ProjectId}/pharmacy/labels?kit={Uri.EscapeDataString(kit.KitNumber)}");
    }
}

public sealed record SuggestKit(Guid PrescriptionId, Guid LocationId) : IQuery<KitSuggestionDto>;

public sealed class SuggestKitHandler(CtmsDbContext db, PharmacyStore store, KitFit fit) : IQueryHandler<SuggestKit, KitSuggestionDto>
{
    public async ValueTask<KitSuggestionDto> Handle(SuggestKit query, CancellationToken ct)
    {
        var prescription = await db.IpPrescriptions.AsNoTracking().SingleOrDefaultAsync(p => p.Id == query.PrescriptionId, ct)
                           ?? throw new NotFoundException($"Prescription {query.PrescriptionId} was not found.");
        await store.EnsureAsync(prescription.ProjectId, ProjectActions.PharmacyStock, ct);
        var (_, arm) = await fit.SubjectAsync(prescription, ct);
        var fitting = await fit.FittingAsync(prescription, arm, query.LocationId, ct);
        var first = fitting.Count > 0 ? fitting[0] : null;
        return new KitSuggestionDto(prescription.Id, first?.Kit.KitNumber, first?.ExpiresOn, fitting.Count);
    }
}

/// <summary>Which kits fit a prescription, and why a scanned one does not: the rules of O21 in one place.</summary>
public sealed class KitFit(CtmsDbContext db, TimeProvider clock)
{
    /// <summary>The prescription's subject (tracked) and current arm; refused when the subject may no longer be treated.</summary>
    public async Task<(Subject Subject, string Arm)> SubjectAsync(Prescription prescription, CancellationToken ct)
    {
        if (prescription.Status != PrescriptionStatus.Issued)
        {
            throw new ConflictException(prescription.Status == PrescriptionStatus.Dispensed
                ? "This prescription was already dispensed."
                : "This prescription was cancelled.");
        }
        var subject = await db.Subjects.SingleAsync(s => s.Id == prescription.SubjectId, ct);
        if (subject.Status is not (SubjectStatus.Randomized or SubjectStatus.InTreatment))
        {
            throw new ConflictException($"The subject is {SubjectLifecycle.Name(subject.Status).ToLowerInvariant()}: nothing is dispensed to them.");
        }
        var arm = await db.SubjectAllocations.AsNoTracking().Where(a => a.SubjectId == subject.Id).Select(a => a.Arm).SingleOrDefaultAsync(ct)
                  ?? throw new ConflictException("The subject has no allocation.");
        return (subject, arm);
    }

    public async Task<StockLocation> DeskAsync(Guid locationId, CancellationToken ct)
    {
        var desk = await db.StockLocations.AsNoTracking().SingleOrDefaultAsync(l => l.Id == locationId, ct)
                   ?? throw DomainValidationException.For("locationId", "Name the pharmacy the kit is dispensed from.");
        if (desk.Kind is not (LocationKind.CentralPharmacy or LocationKind.SatellitePharmacy) || !desk.Active)
        {
            throw DomainValidationException.For("locationId", $"{desk.Name} is not an active pharmacy: kits are dispensed from a pharmacy.");
        }
        return desk;
    }

    public async Task EnsureFitsAsync(Kit kit, Prescription prescription, string arm, StockLocation desk, CancellationToken ct)
    {
        if (kit.Status == KitStatus.Dispensed)
        {
            throw new ConflictException(kit.SubjectId == prescription.SubjectId
                ? $"Kit {kit.KitNumber} was already dispensed to this subject."
                : $"Kit {kit.KitNumber} was already dispensed to another subject.");
        }
        if (kit.Status == KitStatus.Quarantined)
        {
            throw new ConflictException($"Kit {kit.KitNumber} is quarantined ({kit.QuarantineReason}).");
        }
        if (kit.Status != KitStatus.Available)
        {
            throw new ConflictException($"Kit {kit.KitNumber} cannot be dispensed: it is {KitStatuses.Describe(kit.Status)}.");
        }
        if (kit.LocationId != desk.Id)
        {
            var place = await db.StockLocations.AsNoTracking().Where(l => l.Id == kit.LocationId).Select(l => l.Name).SingleAsync(ct);
            throw new ConflictException($"Kit {kit.KitNumber} is at {place}, not at {desk.Name}.");
        }
        if (kit.ProductId != prescription.ProductId)
        {
            throw new ConflictException($"Kit {kit.KitNumber} is another product than the one prescribed.");
        }
        var expires = await db.IpBatches.AsNoTracking().Where(b => b.Id == kit.BatchId).Select(b => b.ExpiresOn).SingleAsync(ct);
        if (expires < Today)
        {
            throw new ConflictException($"Kit {kit.KitNumber} expired on {expires:yyyy-MM-dd}.");
        }
        if (!string.Equals(kit.Arm, arm, StringComparison.Ordinal))
        {
            throw new ConflictException($"Kit {kit.KitNumber} does not hold this subject's treatment (wrong arm): scan another kit.");
        }
        var fitting = await FittingAsync(prescription, arm, desk.Id, ct);
        var first = fitting.Count > 0 ? fitting[0] : null;
        if (first is not null && first.ExpiresOn < expires)
        {
            throw new ConflictException(
                $"Kit {first.Kit.KitNumber} expires earlier ({first.ExpiresOn:yyyy-MM-dd}) than kit {kit.KitNumber} ({expires:yyyy-MM-dd}): first expiry, first out.");
        }
    }

    public sealed record FittingKit(Kit Kit, DateOnly ExpiresOn);

    /// <summary>The available, unexpired kits of the prescription's product and the subject's arm at the place, first expiry first.</summary>
    public async Task<IReadOnlyList<FittingKit>> FittingAsync(Prescription prescription, string arm, Guid locationId, CancellationToken ct)
    {
        var today = Today;
        var rows = await (from k in db.Kits.AsNoTracking()
                          join b in db.IpBatches.AsNoTracking() on k.BatchId equals b.Id
                          where k.ProjectId == prescription.ProjectId && k.ProductId == prescription.ProductId && k.Arm == arm
                                && k.LocationId == locationId && k.Status == KitStatus.Available && b.ExpiresOn >= today
                          select new { Kit = k, b.ExpiresOn }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.ExpiresOn).ThenBy(r => r.Kit.KitNumber, StringComparer.Ordinal).Select(r => new FittingKit(r.Kit, r.ExpiresOn))];
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
