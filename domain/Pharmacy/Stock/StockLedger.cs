using Ctms.Domain.Common;
using Ctms.Domain.Data;

namespace Ctms.Domain.Pharmacy.Stock;

/// <summary>
/// The one way stock moves: each method checks the kit can make the move, writes the ledger line and updates the kit in
/// the caller's unit of work, so the kits' status and place never disagree with the ledger. The caller saves; the kit's
/// optimistic lock turns two simultaneous moves of one kit into one commit and one 409.
/// </summary>
public sealed class StockLedger(CtmsDbContext db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>A kit of a packing list arrives at a place of the site: available, or in quarantine when it must wait.</summary>
    public StockMovement Receive(Kit kit, StockLocation to, string reference, string? quarantineReason)
    {
        Expect(kit, "received", KitStatus.Expected);
        EnsureOnSite(to);
        var movement = Write(kit, MovementKind.Receipt, StockLocation.SponsorId, to.Id, kit.Units, quarantineReason, reference);
        if (quarantineReason is not null || to.Kind == LocationKind.Quarantine)
        {
            kit.Place(KitStatus.Quarantined, to.Id, kit.Units);
            kit.Quarantine(to.Id, quarantineReason ?? "Received into quarantine.");
        }
        else
        {
            kit.Place(KitStatus.Available, to.Id, kit.Units);
        }
        return movement;
    }

    /// <summary>A kit on the packing list that did not arrive: marked missing, nothing enters the stock.</summary>
    public static void MarkMissing(Kit kit)
    {
        Expect(kit, "marked missing", KitStatus.Expected);
        kit.Place(KitStatus.Missing, StockLocation.SponsorId, 0);
    }

    /// <summary>The sending side of a transfer: the kit leaves its place and is in transit until the other side scans it.</summary>
    public StockMovement SendOut(Kit kit, string reference)
    {
        Expect(kit, "sent", KitStatus.Available, KitStatus.Quarantined);
        var movement = Write(kit, MovementKind.TransferOut, kit.LocationId, StockLocation.InTransitId, kit.UnitsOnSite, null, reference);
        kit.Place(KitStatus.InTransit, StockLocation.InTransitId);
        return movement;
    }

    /// <summary>The receiving side of a transfer.</summary>
    public StockMovement TakeIn(Kit kit, StockLocation to, string reference)
    {
        Expect(kit, "taken in", KitStatus.InTransit);
        EnsureOnSite(to);
        var movement = Write(kit, MovementKind.TransferIn, StockLocation.InTransitId, to.Id, kit.UnitsOnSite, null, reference);
        if (to.Kind == LocationKind.Quarantine || kit.QuarantineReason is not null)
        {
            kit.Place(KitStatus.Quarantined, to.Id);
        }
        else
        {
            kit.Place(KitStatus.Available, to.Id);
        }
        return movement;
    }

    public StockMovement Dispense(Kit kit, Guid subjectId, Guid prescriptionId, string reference)
    {
        Expect(kit, "dispensed", KitStatus.Available);
        var movement = Write(kit, MovementKind.Dispense, kit.LocationId, StockLocation.SubjectsId, kit.UnitsOnSite, null, reference);
        kit.DispenseTo(subjectId, prescriptionId);
        return movement;
    }

    /// <summary>A dispensed kit brought back with <paramref name="units"/> unused units (0 for an empty kit: no ledger line then).</summary>
    public StockMovement? TakeBack(Kit kit, int units, StockLocation to, string reference, decimal? compliance)
    {
        Expect(kit, "returned", KitStatus.Dispensed);
        EnsureOnSite(to);
        if (units < 0 || units > kit.Units)
        {
            throw DomainValidationException.For("units", units < 0
                ? "Count the units brought back: 0 or more."
                : $"Kit {kit.KitNumber} was dispensed with {kit.Units} unit(s): {units} cannot come back.");
        }
        var movement = units > 0 ? Write(kit, MovementKind.Return, StockLocation.SubjectsId, to.Id, units, null, reference) : null;
        kit.TakeBack(units, to.Id, clock.GetUtcNow(), user.UserName ?? "", compliance);
        return movement;
    }

    public StockMovement Quarantine(Kit kit, StockLocation to, string reason)
    {
        Expect(kit, "put in quarantine", KitStatus.Available, KitStatus.Quarantined);
        EnsureOnSite(to);
        var movement = Write(kit, MovementKind.Quarantine, kit.LocationId, to.Id, kit.UnitsOnSite, reason, null);
        kit.Quarantine(to.Id, reason);
        return movement;
    }

    public StockMovement Release(Kit kit, StockLocation to, string reason)
    {
        Expect(kit, "released", KitStatus.Quarantined);
        EnsureOnSite(to);
        if (to.Kind == LocationKind.Quarantine)
        {
            throw new ConflictException("A kit is released to a pharmacy, not to a quarantine.");
        }
        var movement = Write(kit, MovementKind.Release, kit.LocationId, to.Id, kit.UnitsOnSite, reason, null);
        kit.Release(to.Id);
        return movement;
    }

    /// <summary>The kit's units on site leave for good: destroyed on site, or back to the sponsor (O23).</summary>
    public StockMovement? Dispose(Kit kit, bool destroy, string reference)
    {
        Expect(kit, destroy ? "destroyed" : "returned to the sponsor", KitStatus.Available, KitStatus.Quarantined, KitStatus.Returned);
        var to = destroy ? StockLocation.DestroyedId : StockLocation.SponsorId;
        var movement = kit.UnitsOnSite > 0
            ? Write(kit, destroy ? MovementKind.Destruction : MovementKind.ReturnToSponsor, kit.LocationId, to, kit.UnitsOnSite, null, reference)
            : null;
        kit.Place(destroy ? KitStatus.Destroyed : KitStatus.ReturnedToSponsor, to, 0);
        return movement;
    }

    /// <summary>A correction with its reason: units lost or broken (negative), found (positive). Never below zero.</summary>
    public StockMovement Adjust(Kit kit, int delta, string reason)
    {
        Expect(kit, "adjusted", KitStatus.Available, KitStatus.Quarantined, KitStatus.Returned);
        if (delta == 0)
        {
            throw DomainValidationException.For("delta", "An adjustment changes the count.");
        }
        if (kit.UnitsOnSite + delta < 0)
        {
            throw new ConflictException($"Kit {kit.KitNumber} has {kit.UnitsOnSite} unit(s) on site: an adjustment of {delta} would make the stock negative.");
        }
        if (kit.UnitsOnSite + delta > kit.Units)
        {
            throw new ConflictException($"Kit {kit.KitNumber} was packed with {kit.Units} unit(s): it cannot hold {kit.UnitsOnSite + delta}.");
        }
        var movement = delta < 0
            ? Write(kit, MovementKind.Adjustment, kit.LocationId, StockLocation.LostId, -delta, reason, null)
            : Write(kit, MovementKind.Adjustment, StockLocation.LostId, kit.LocationId, delta, reason, null);
        kit.Adjust(delta);
        return movement;
    }

    private StockMovement Write(Kit kit, MovementKind kind, Guid from, Guid to, int units, string? reason, string? reference)
    {
        var movement = new StockMovement(kit.ProjectId, kit.ProductId, kit.BatchId, kit.Id, kind, from, to, units, clock.GetUtcNow(), user.UserName ?? "",
            reason, reference);
        db.StockMovements.Add(movement);
        return movement;
    }

    private static void Expect(Kit kit, string verb, params KitStatus[] allowed)
    {
        if (!allowed.Contains(kit.Status))
        {
            throw new ConflictException($"Kit {kit.KitNumber} cannot be {verb}: it is {KitStatuses.Describe(kit.Status)}.");
        }
    }

    private static void EnsureOnSite(StockLocation to)
    {
        if (!to.OnSite || !to.Active)
        {
            throw new ConflictException($"{to.Name} is not an active place of the pharmacy.");
        }
    }
}

public static class KitStatuses
{
    /// <summary>The status in words, for refusals a pharmacist reads at the desk.</summary>
    public static string Describe(KitStatus status) => status switch
    {
        KitStatus.Expected => "not received yet",
        KitStatus.Available => "available",
        KitStatus.Quarantined => "quarantined",
        KitStatus.InTransit => "in transit",
        KitStatus.Dispensed => "already dispensed",
        KitStatus.Returned => "returned by the subject",
        KitStatus.Destroyed => "destroyed",
        KitStatus.ReturnedToSponsor => "returned to the sponsor",
        KitStatus.Missing => "missing from its shipment",
        _ => status.ToString(),
    };
}
